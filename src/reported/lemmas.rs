//! Verbs of saying and thinking by what they take: a hearer ("told reporters"), an object
//! ("criticised the plan"), a question ("asked whether"), or no clause at all.

/// Verbs whose first object is the hearer, before the reported clause ("told reporters").
pub(crate) fn takes_hearer(lemma: &str) -> bool {
    matches!(
        lemma,
        "tell" | "inform" | "assure" | "remind" | "notify" | "advise"
    )
}

/// Verbs after which "to" names the hearer, not an infinitive: `respond to requests`.
pub(super) fn to_is_hearer(lemma: &str) -> bool {
    matches!(
        lemma,
        "respond"
            | "reply"
            | "speak"
            | "talk"
            | "write"
            | "explain"
            | "complain"
            | "say"
            | "tweet"
            | "post"
            | "testify"
            | "report"
            | "mention"
            | "describe"
            | "refer to"
            | "appeal"
    )
}

/// Verbs of perceiving and knowing: with a clause they report a finding ("found that …"),
/// with a plain object they do not ("found a buyer", "saw the tweet").
pub(super) fn perceives(lemma: &str) -> bool {
    matches!(
        lemma,
        "find"
            | "see"
            | "hear"
            | "learn"
            | "know"
            | "understand"
            | "realize"
            | "recognize"
            | "assume"
            | "consider"
    )
}

/// Verbs that report a question or an explanation: `asked when`, `explained why`.
pub(super) fn takes_question(lemma: &str) -> bool {
    matches!(
        lemma,
        "ask"
            | "wonder"
            | "question"
            | "explain"
            | "know"
            | "decide"
            | "discuss"
            | "show"
            | "learn"
            | "understand"
            | "see"
            | "recall"
            | "remember"
            | "describe"
            | "reveal"
            | "disclose"
            | "detail"
            | "consider"
            | "debate"
            | "predict"
            | "estimate"
    )
}

/// Verbs of saying whose complement is mostly what was spoken about or of, a noun phrase,
/// rather than a clause: `attacked Machado`, `praised the deal`, `cited the report`.
pub(super) fn takes_object(lemma: &str) -> bool {
    matches!(
        lemma,
        "attack"
            | "praise"
            | "criticize"
            | "criticise"
            | "denounce"
            | "condemn"
            | "defend"
            | "question"
            | "challenge"
            | "blame"
            | "accuse"
            | "cite"
            | "quote"
            | "mention"
            | "discuss"
            | "echo"
            | "blast"
            | "slam"
            | "laud"
            | "hail"
            | "applaud"
            | "welcome"
            | "decry"
            | "deride"
            | "mock"
            | "ridicule"
            | "dismiss"
            | "bemoan"
            | "lament"
            | "tout"
            | "call for"
            | "demand"
            | "propose"
            | "recommend"
            | "highlight"
            | "reference"
            | "outline"
            | "detail"
            | "dispute"
            | "refute"
            | "contest"
            | "downplay"
            | "play down"
            | "lay out"
            | "chastise"
            | "grill"
            | "rail against"
            | "take aim at"
            | "express"
            | "voice"
            | "point to"
            | "request"
            | "invoke"
            | "congratulate"
            | "take issue with"
    )
}

/// Verbs that report a manner of speaking or going on, never a clause of their own:
/// `continued to enforce`, `shouted at`.
pub(super) fn reports_no_clause(lemma: &str) -> bool {
    matches!(
        lemma,
        "continue"
            | "read"
            | "laugh"
            | "smile"
            | "nod"
            | "shrug"
            | "sigh"
            | "sing"
            | "chant"
            | "shout"
            | "yell"
            | "scream"
            | "whisper"
            | "mutter"
            | "cry"
            | "snap"
            | "quip"
            | "joke"
    ) || is_adjective_of_mind(lemma)
}

/// Adjectives of a state of mind, cues after a copula that report a that-clause only ("is
/// convinced that …", not "is concerned about the cost").
pub(super) fn is_adjective_of_mind(lemma: &str) -> bool {
    matches!(
        lemma,
        "convinced"
            | "confident"
            | "concerned"
            | "frustrated"
            | "disappointed"
            | "aware"
            | "afraid"
    )
}
