//! The shapes of a report, each with its speaker and cue: the clause after its cue (`X said
//! (that) CLAUSE`), before it (`CLAUSE, X said.`), around "according to", and a possessed
//! claim (`Renz's assertion that …`).

use crate::doc::{Cue, Doc};
use crate::lexicon::{ascii_lower, lowercase, CueKind, ShortName, Word};
use crate::phrases::*;
use crate::span::Span;

use super::clause::*;
use super::lemmas::*;
use super::*;

/// `…, Mr. Bush said, …`: a speaker and cue between two commas.
pub(super) fn parenthetical(doc: &Doc, cue: Cue) -> bool {
    let k = doc.token_after(cue.span.start);
    let after = doc.token_after(cue.span.end);
    let Some(np) = noun_phrase_before(doc, k) else {
        return false;
    };
    let first = doc.token_after(np.start);
    first > 0 && doc.tok(first - 1) == "," && after < doc.seg.tokens.len() && doc.tok(after) == ","
}

/// The speaker of a participle's sentence (`"…," Ruiz said, adding that …`): the phrase
/// before the nearest reporting verb before it, or after it when the verb is inverted
/// (`"…," said Ruiz, adding …`), else the sentence's subject. (Not the object after a verb
/// in its place: in "Trump continued to question Cruz's temperament, saying …" Trump
/// speaks.)
pub(super) fn main_speaker(doc: &Doc, participle: usize) -> Option<Span> {
    let sentence = doc.token(participle).sentence();
    let first = doc.seg.sentences[sentence].first_token;
    let verbs = || {
        (first..participle)
            .rev()
            .filter(|&j| doc.cue_at_token(j).is_some_and(|c| c.kind == CueKind::Verb))
    };
    let after = |j: usize| relaxed_noun_phrase_after(doc, doc.cue_at_token(j)?, participle);
    verbs()
        .find_map(|j| {
            let inverted = j > first && (doc.tok(j - 1) == "," || is_quote_mark(doc.tok(j - 1)));
            noun_phrase_before(doc, j).or_else(|| inverted.then(|| after(j)).flatten())
        })
        .or_else(|| sentence_subject(doc, sentence).filter(|s| !doc.inside_quote(s.start)))
        // (the phrase after a verb, in the last resort)
        .or_else(|| verbs().find_map(after))
}

/// `Experts on North Korea and nuclear nonproliferation said …`: a long subject that the
/// speaker phrase cannot read back through, when the cue follows it closely with no comma.
pub(super) fn subject_near(doc: &Doc, k: usize) -> Option<Span> {
    let s = doc.seg.sentences[doc.token(k).sentence()];
    if k - s.first_token > 10 || (s.first_token..k).any(|j| doc.tok(j) == ",") {
        return None;
    }
    sentence_subject(doc, doc.token(k).sentence()).filter(|sub| sub.end <= doc.token(k).span.start)
}

/// The subject of the predicate that governs an infinitive cue at token `k` (see
/// [`crate::control`]): `Lewandowski continued to assert`, `Advisers are quick to point out`.
/// An infinitive of purpose (`held a briefing to brag`) has no speaker here.
pub(super) fn controller_subject(doc: &Doc, k: usize) -> Option<Span> {
    let sentence = doc.token(k).sentence();
    let word =
        |i: usize| (doc.token(i).sentence() == sentence && doc.is_word(i)).then(|| doc.tok(i));
    let (verb, adjective) = crate::control::governor(word, k)?;
    let subject = noun_phrase_before(doc, verb)?;
    // ("it is necessary to show", "it was hard to hear": "it" stands for the infinitive)
    let expletive = adjective && matches!(doc.str(subject), "it" | "It" | "there" | "There");
    (doc.token_after(subject.end) <= verb && !expletive).then_some(subject)
}

/// One past the hearer of a verb of telling that starts at token `i`: an object pronoun
/// ("him"), a name with or without "the" ("the BBC", "CNN"), or a plural noun
/// ("reporters"), followed by a time ("on Sunday") if any.
pub(super) fn after_hearer(doc: &Doc, i: usize, end: usize) -> Option<usize> {
    let w = |j: usize| doc.tok(j);
    let capital =
        |j: usize| j < end && doc.is_word(j) && w(j).chars().next().is_some_and(char::is_uppercase);
    let mut j = i;
    if j >= end {
        return None;
    }
    // "told the crowd that …", "told an interviewer that …": a described hearer, up to "that".
    // ("told her that …": "her" is the hearer itself.)
    let described = matches!(w(j), "the" | "a" | "an" | "his" | "her" | "their" | "its")
        && j + 1 < end
        && w(j + 1) != "that"
        && !capital(j + 1);
    if described {
        // the thing told is no hearer: "told a story that …" is a relative clause
        return (j + 2..(j + 6).min(end))
            .take_while(|&k| doc.is_word(k))
            .find(|&k| w(k) == "that")
            .filter(|&k| (j + 1..k).any(|m| names_hearer(w(m))));
    }
    if matches!(
        &*ascii_lower(w(j), &mut Word::new()),
        "me" | "him" | "her" | "us" | "them" | "you"
    ) {
        j += 1;
    } else if capital(j) || (w(j) == "the" && capital(j + 1)) {
        j += 1;
        while capital(j) {
            j += 1;
        }
    } else if doc.is_word(j)
        && w(j).ends_with('s')
        && !w(j).ends_with("ss")
        && w(j).chars().all(char::is_lowercase)
    {
        j += 1; // "reporters", "lawmakers"
    } else {
        return None;
    }
    while j + 1 < end && (w(j) == "on" && is_weekday_or_time(w(j + 1))) {
        j += 2;
    }
    Some(j)
}

/// The "that" after a hearer of any shape, which [`after_hearer`] does not read: `told a
/// Wall Street Journal lunch group that`, `told cheering supporters that`, `told foundation
/// employees on Thursday that`. At most eight words, none a verb or a thing told (`told a
/// story that …` is a relative clause).
pub(super) fn hearer_before_that(doc: &Doc, i: usize, end: usize) -> Option<usize> {
    let that = (i + 1..(i + 14).min(end)).find(|&j| doc.tok(j) == "that")?;
    let fits = (i..that).all(|j| {
        let w = doc.tok(j);
        (doc.is_word(j) || doc.is_plural_possessive(j))
            && !is_auxiliary(w)
            && doc.cue_at_token(j).is_none()
            && !names_thing_told(w)
    });
    (fits && doc.is_word(i) && !is_boundary_word(doc.tok(i))).then_some(that)
}

/// Nouns for what is told rather than who hears it: `told a story that …`, `told the truth
/// that …` (the "that" after them opens a relative clause or an apposition).
fn names_thing_told(w: &str) -> bool {
    matches!(
        &*ascii_lower(w, &mut Word::new()),
        "story"
            | "stories"
            | "lie"
            | "lies"
            | "joke"
            | "jokes"
            | "truth"
            | "tale"
            | "tales"
            | "anecdote"
            | "anecdotes"
            | "secret"
            | "secrets"
            | "news"
            | "something"
            | "anything"
            | "nothing"
            | "everything"
            | "much"
            | "more"
            | "less"
    )
}

/// The "that" of a clause after an adjunct that follows a verb of saying: `said in a
/// statement that`, `said via email that`, `said for the first time that`, `said to
/// reporters that`, `said Thursday during a taping in Buffalo, New York, that`; with commas
/// around it, `can now say, with the benefit of hindsight, that`. The adjunct opens with a
/// preposition and runs at most sixteen tokens, with no verb; the "that" is no relative
/// pronoun (`said in the report that was released`: not followed by an auxiliary).
pub(super) fn adjunct_before_that(doc: &Doc, i: usize, end: usize) -> Option<usize> {
    // (set off by commas or by dashes: "said — on Twitter, as it happens — that …")
    let dash = |t: &str| matches!(t, "\u{2014}" | "\u{2013}" | "--");
    let first = if i + 1 < end && (doc.tok(i) == "," || dash(doc.tok(i))) {
        i + 1
    } else {
        i
    };
    if first >= end
        || !matches!(
            doc.tok(first),
            "in" | "at"
                | "on"
                | "during"
                | "after"
                | "before"
                | "via"
                | "by"
                | "through"
                | "over"
                | "for"
                | "with"
                | "to"
                | "from"
                | "outside"
                | "inside"
                | "at least"
                | "under"
                | "amid"
                | "despite"
        )
    {
        return None;
    }
    let that = (first + 1..(first + 16).min(end)).find(|&j| {
        doc.tok(j) == "that"
            || !(doc.is_word(j)
                || doc.tok(j) == ","
                || dash(doc.tok(j))
                || doc.is_plural_possessive(j))
    })?;
    if doc.tok(that) != "that" {
        return None;
    }
    // (a comma or dash before the adjunct closes after it: ", with …, that")
    if first > i && doc.tok(that - 1) != doc.tok(i) {
        return None;
    }
    let verbless = (first..that).all(|j| {
        !is_auxiliary(doc.tok(j))
            && doc
                .cue_at_token(j)
                .is_none_or(|c| c.kind == CueKind::Adjunct)
    });
    let relative = that + 1 < end && is_auxiliary(doc.tok(that + 1));
    (verbless && !relative).then_some(that)
}

/// Nouns for those who hear a speech: `told the crowd`, `told an interviewer`, `told
/// lawmakers` (any plural in -s names people or a body more often than a thing told).
pub(super) fn names_hearer(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("ies")
        || matches!(
            w,
            "crowd"
                | "audience"
                | "interviewer"
                | "reporter"
                | "journalist"
                | "host"
                | "committee"
                | "jury"
                | "judge"
                | "court"
                | "panel"
                | "gathering"
                | "rally"
                | "group"
                | "conference"
                | "newspaper"
                | "paper"
                | "magazine"
                | "station"
                | "network"
                | "public"
                | "press"
                | "nation"
                | "country"
                | "chamber"
                | "assembly"
                | "convention"
                | "council"
                | "board"
        )
}

/// `was told`, `is asked`: a verb of saying in the passive (its subject heard, did not
/// speak). A progressive (`is saying`) reports as much as `says`.
pub(crate) fn is_passive(doc: &Doc, cue: Cue) -> bool {
    let mut k = doc.token_after(cue.span.start);
    // ("was first reported", "were widely criticized": an adverb between)
    if k > 1 && (is_ly_adverb(doc.tok(k - 1)) || matches!(doc.tok(k - 1), "first" | "also")) {
        k -= 1;
    }
    cue.kind == CueKind::Verb
        && k > 0
        && !doc.cue_in_ing(cue.span)
        && matches!(
            &*ascii_lower(doc.tok(k - 1), &mut Word::new()),
            "is" | "are" | "was" | "were" | "be" | "been" | "being" | "is not" | "isn't" | "wasn't"
        )
}

/// Whether "to" and a verb stand at token `k`, right after a cue: an infinitive the cue
/// governs ("continued to question", "declined to comment"), not a hearer ("acknowledged
/// to Bloomberg", "wrote to investors", "said to her").
fn governs_infinitive(doc: &Doc, k: usize) -> bool {
    let n = doc.seg.tokens.len();
    k + 1 < n && doc.tok(k) == "to" && doc.is_word(k + 1) && {
        let w = doc.tok(k + 1);
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && !starts_noun_phrase(doc, k + 1)
            && !matches!(w, "him" | "her" | "them" | "me" | "us" | "you" | "whom")
    }
}

/// Where the subject of an adjective cue of a state of mind ends ("frustrated", "convinced":
/// see [`is_adjective_of_mind`]): before its copula and the degree words between
/// ("is so", "was deeply"). Token `k` itself for any other cue.
fn after_copula(doc: &Doc, k: usize, lemma: &str) -> usize {
    if !is_adjective_of_mind(lemma) {
        return k;
    }
    let mut j = k;
    while j > 0
        && matches!(
            &*ascii_lower(doc.tok(j - 1), &mut Word::new()),
            "so" | "very"
                | "deeply"
                | "increasingly"
                | "not"
                | "also"
                | "still"
                | "is"
                | "was"
                | "are"
                | "were"
                | "am"
                | "be"
                | "been"
                | "being"
                | "seems"
                | "seemed"
                | "remains"
                | "remained"
                | "became"
                | "feels"
                | "felt"
        )
    {
        j -= 1;
    }
    j
}

/// `X said (that) CLAUSE`, `X told reporters CLAUSE`.
pub(super) fn clause_after(doc: &Doc, cue: Cue) -> Option<Reported> {
    let lemma = doc.lexicon.cue_lemma(cue.lemma);
    let k = doc.token_after(cue.span.start);
    // ("joked that …", "shouted that …": a manner of speaking with a that-clause reports it)
    let next = doc.token_after(cue.span.end);
    if reports_no_clause(lemma) && (next >= doc.seg.tokens.len() || doc.tok(next) != "that") {
        return None;
    }
    if k > 0 && doc.tok(k - 1).eq_ignore_ascii_case("all") && doc.str(cue.span) == "told" {
        return None; // "all told": in total
    }
    if k > 0 && doc.tok(k - 1).eq_ignore_ascii_case("having") {
        return None; // "Having said that, …": a discourse connective
    }
    if is_passive(doc, cue) {
        // "was told": the subject heard, did not speak; "was asked by a caller why …": the
        // agent did
        return passive_with_agent(doc, cue, lemma);
    }
    // "X said Iran would never …, saying it was …": a participle after a comma has the
    // subject of its sentence.
    // ("… by touting her record": a participle after "by" is the means of the sentence's
    // subject, who speaks)
    let participle = doc.cue_in_ing(cue.span)
        && (doc.after_comma(k)
            || k > 0
                && matches!(
                    doc.tok(k - 1),
                    "by" | "before" | "after" | "while" | "without"
                )
                && k > 1
                && doc.tok(k - 2) != ",");
    let infinitive = k > 0 && doc.tok(k - 1).eq_ignore_ascii_case("to");
    let speaker = if participle {
        main_speaker(doc, k)?
    } else if infinitive {
        // ("to discuss" after a noun or a whole predicate is a purpose, with no speaker)
        controller_subject(doc, k)?
    } else if doc.cue_in_ing(cue.span) {
        // ("issued a statement saying …": the participle after its verb's object)
        super::object_participle::speaker_after_object(doc, k)
            .or_else(|| noun_phrase_before(doc, k))
            .or_else(|| coordinated_subject(doc, k))
            .or_else(|| subject_near(doc, k))?
    } else {
        // ("Ruiz is so frustrated that …": an adjective's subject stands before its copula)
        let k = after_copula(doc, k, lemma);
        noun_phrase_before(doc, k)
            .or_else(|| coordinated_subject(doc, k))
            .or_else(|| subject_near(doc, k))?
    };
    let sentence = doc.token(k).sentence();
    let s = doc.seg.sentences[sentence];
    let mut i = doc.token_after(cue.span.end);
    // time adjuncts: "said Monday", "said on Friday", "said last week", "said Friday afternoon"
    loop {
        if i < s.end_token && (is_weekday_or_time(doc.tok(i)) || is_time_of_day(doc.tok(i))) {
            i += 1;
        } else if i + 1 < s.end_token
            && (doc.tok(i) == "on" && is_weekday_or_time(doc.tok(i + 1))
                || doc.tok(i) == "last" && matches!(doc.tok(i + 1), "week" | "month" | "year"))
        {
            i += 2;
        } else if i + 1 < s.end_token && is_skippable(doc.tok(i)) && doc.tok(i + 1) == ":" {
            i += 1; // "hit back forcefully: "…"": the manner, then the colon
        } else {
            break;
        }
    }
    if takes_hearer(doc.lexicon.cue_lemma(cue.lemma)) {
        // "told reporters", "told the BBC", "told him": the hearer comes first. A verb of
        // telling without a hearer reports no clause ("told a story about the war").
        i = after_hearer(doc, i, s.end_token)
            .or_else(|| hearer_before_that(doc, i, s.end_token))?;
        if i < s.end_token && doc.tok(i) == "," {
            i += 1;
        }
    }
    // "says at a campaign stop in Toledo that …", "said via email that …", "said Thursday
    // during a taping in Buffalo, New York, that …", "can now say, with the benefit of
    // hindsight, that …": an adjunct before "that".
    if let Some(j) = adjunct_before_that(doc, i, s.end_token) {
        i = j;
    }
    // "reported a few days later", "declared on Thursday, two days after …": a distance in
    // time is the verb's adjunct, and what follows it no clause of the report
    if let Some(j) = time_distance(doc, i, s.end_token).or_else(|| {
        (i < s.end_token && doc.tok(i) == ",")
            .then(|| time_distance(doc, i + 1, s.end_token))
            .flatten()
    }) {
        if j >= s.end_token - 1 || doc.tok(i) == "," || doc.tok(j) == "," {
            return None;
        }
        i = j;
    }
    // "advisers say, the president has …": a comma, then the clause; but a conjunction
    // after the comma goes on with the story ("she said, but Kevin was drifting off").
    if i + 1 < s.end_token && doc.tok(i) == "," && doc.is_word(i + 1) {
        if starts_adjunct(doc.tok(i + 1)) || matches!(doc.tok(i + 1), "and" | "or" | "so") {
            return None;
        }
        i += 1;
    }
    // "said when she resigned": a time or reason adjunct, not what was said (but "asked
    // when …", "explained why …" report a question).
    if i < s.end_token && starts_adjunct(doc.tok(i)) && !takes_question(lemma) {
        return None;
    }
    // "complained about his mic", "spoke of a stone block", "warned against hackers": what
    // the speech is about is what it reports.
    // ("said of the plan": what was said is about the plan, which is no content)
    let mut about = false;
    if i + 1 < s.end_token
        && (matches!(doc.tok(i), "about" | "of" | "against")
            || doc.tok(i) == "for" && lemma == "ask")
        && doc.is_word(i + 1)
        && cue.kind == CueKind::Verb
        && !(lemma == "say" && doc.tok(i) == "of")
    {
        // ("asked for a recount after …": what is asked for is a thing, its phrase)
        if doc.tok(i) == "for" {
            let content = words_span(
                doc,
                i + 1,
                object_end(doc, i + 1, clause_end(doc, i + 1)),
                1,
            )?;
            return Some(Reported::new(content, speaker, cue.span));
        }
        i += 1;
        about = true;
    }
    if i >= s.end_token || !doc.is_word(i) || closes_no_clause(doc.tok(i)) {
        return None; // `said: "…"`, `said, "…"`, `said nothing`
    }
    // "46 percent said yes", "three-quarters said the same": a word standing for a clause
    let pro_form = match doc.tok(i) {
        "yes" | "no" if i + 1 >= s.end_token || !doc.is_word(i + 1) => Some(i + 1),
        "the" if i + 1 < s.end_token && doc.tok(i + 1) == "same" => {
            Some(object_end(doc, i, clause_end(doc, i)))
        }
        _ => None,
    };
    if let Some(end) = pro_form {
        let content = words_span(doc, i, end, 1)?;
        return Some(Reported::new(content, speaker, cue.span));
    }
    if doc.tok(i) == "to" && to_is_hearer(doc.lexicon.cue_lemma(cue.lemma)) {
        return None;
    }
    // A verb of thinking or finding reports a clause ("found that …", "wants to …",
    // "believes it will …"), not just its object ("found a buyer").
    let object = cue.kind == CueKind::Attitude && !perceives(lemma) || takes_object(lemma);
    if cue.kind == CueKind::Attitude && perceives(lemma) && !opens_clause(doc, i, s.end_token) {
        return None; // "found a buyer", "saw the tweet": perception, not a stance
    }
    let content = if !object || opens_clause(doc, i, s.end_token) {
        // (what a preposition after the verb governs may be a short noun phrase:
        // "complained about his mic")
        let end = clause_end(doc, i);
        clause_span(doc, i, end).or_else(|| about.then(|| words_span(doc, i, end, 1)).flatten())?
    } else if is_auxiliary(doc.tok(i)) {
        return None; // "that plan would never pass": the cue word was a noun
    } else {
        words_span(doc, i, object_end(doc, i, clause_end(doc, i)), 1)?
    };
    // ("the order that President Obama plans to sign on Friday, days before …, will have":
    // in a relative clause on a noun, the report ends with the clause, at its first comma
    // at the latest)
    let content = match in_relative(doc, speaker) {
        true => {
            let from = doc.token_after(content.start);
            let to = doc.token_after(content.end);
            match (from + 1..to).find(|&j| doc.tok(j) == ",") {
                Some(comma) => Span::new(content.start, doc.token(comma - 1).span.end),
                None => content,
            }
        }
        false => content,
    };
    Some(Reported::new(content, speaker, cue.span))
}

/// Whether the speaker phrase opens a relative clause on a noun: "the order that President
/// Obama plans …" ("that" after a word in lower case that is no verb of saying).
fn in_relative(doc: &Doc, speaker: Span) -> bool {
    let k = doc.token_after(speaker.start);
    k > 1
        && doc.tok(k - 1) == "that"
        && doc.is_word(k - 2)
        && doc.tok(k - 2).bytes().all(|b| b.is_ascii_lowercase())
        && doc.cue_at_token(k - 2).is_none()
        && !is_auxiliary(doc.tok(k - 2))
}

/// `Cain was asked by a caller why …`, `was told by aides that …`: a verb of asking or
/// telling in the passive with its agent, who speaks; what follows the agent is the content.
/// Any other verb of saying in the passive with its agent (`The plan was first reported by
/// the AP`) reports about its subject, the content.
fn passive_with_agent(doc: &Doc, cue: Cue, lemma: &str) -> Option<Reported> {
    let hearer =
        takes_hearer(lemma) || matches!(lemma, "ask" | "question" | "urge" | "warn" | "press");
    let mut k = doc.token_after(cue.span.end);
    let s = doc.seg.sentences[doc.token(k.min(doc.seg.tokens.len() - 1)).sentence()];
    // ("was criticized sharply by …")
    if !hearer && k < s.end_token && is_ly_adverb(doc.tok(k)) {
        k += 1;
    }
    if k + 1 >= s.end_token || doc.tok(k) != "by" {
        return None;
    }
    let agent_end = (k + 1..(k + 1 + MAX_SPEAKER).min(s.end_token)).find(|&j| {
        !doc.is_word(j)
            || is_boundary_word(doc.tok(j))
            || matches!(doc.tok(j), "why" | "how" | "whether" | "if")
    })?;
    if agent_end <= k + 1 {
        return None;
    }
    let speaker = Span::new(
        doc.token(k + 1).span.start,
        doc.token(agent_end - 1).span.end,
    );
    if !hearer {
        // `The plan was first reported by the AP`, `Trump was attacked by Clinton`: what
        // the agent said is about the passive's subject, which is the content
        let content = noun_phrase_before(doc, doc.token_after(cue.span.start))?;
        // ("Aotearoa, as it is called by Māori": a gloss on a name, no report)
        let before = doc.token_after(content.start);
        if before > 0 && doc.tok(before - 1).eq_ignore_ascii_case("as") {
            return None;
        }
        return Some(Reported::new(content, speaker, cue.span));
    }
    let i = agent_end;
    if !opens_clause(doc, i, s.end_token) {
        return None;
    }
    let content = clause_span(doc, i, clause_end(doc, i))?;
    Some(Reported::new(content, speaker, cue.span))
}

/// `CLAUSE, X said.` / `CLAUSE, said X.`
pub(super) fn clause_before(doc: &Doc, cue: Cue) -> Option<Reported> {
    if is_passive(doc, cue) {
        return None; // "Mr. Sperling, then 38, said he was advised to …"
    }
    let cue_end = doc.token_after(cue.span.end);
    if governs_infinitive(doc, cue_end) {
        // "In an interview, Trump continued to question …", "his spokesman declined to
        // comment": the verb governs an infinitive, and reports nothing before it
        return None;
    }
    let k = doc.token_after(cue.span.start);
    let sentence = doc.token(k).sentence();
    let s = doc.seg.sentences[sentence];
    // Inverted (`, said X.`) or plain (`, X said.`): find the comma that ends the clause.
    let inverted = k > s.first_token && doc.tok(k - 1) == ",";
    let (comma, speaker) = if inverted {
        let np = relaxed_noun_phrase_after(doc, cue, s.end_token)?;
        // ("…, said the plan would work": a clause after the verb, not its speaker)
        let (a, b) = (doc.token_after(np.start), doc.token_after(np.end));
        if (a..b).any(|j| is_auxiliary(doc.tok(j))) {
            return None;
        }
        (k - 1, np)
    } else {
        let np = noun_phrase_before(doc, k)?;
        let mut first = doc.token_after(np.start);
        // "…, top black lawmakers said": words the speaker phrase left out before it
        let mut steps = 0;
        while first > s.first_token
            && doc.tok(first - 1) != ","
            && doc.is_word(first - 1)
            && doc.cue_at_token(first - 1).is_none()
            && steps < 3
        {
            first -= 1;
            steps += 1;
        }
        // (a speaker phrase that began before the sentence, as across a paragraph's end,
        // leaves no clause before it in the sentence)
        if first <= s.first_token || doc.tok(first - 1) != "," || k - first > MAX_TAIL {
            return None;
        }
        (first - 1, np)
    };
    // What follows the attribution: the sentence end (`CLAUSE, X said.`), or a comma and
    // the rest of the clause (`The museum, Mr. Bush said, celebrated …`).
    let mut after = cue_end.max(doc.token_after(speaker.end));
    // "…, a school spokesman told The Wall Street Journal.": the hearer of a verb of telling
    // (or one described, up to a subordinate clause: "told his closest advisers as …")
    let hearer = takes_hearer(doc.lexicon.cue_lemma(cue.lemma));
    if hearer {
        after = after_hearer(doc, after, s.end_token).unwrap_or_else(|| {
            let mut j = after;
            while j < s.end_token && j - after < 6 && doc.is_word(j) && !starts_adjunct(doc.tok(j))
            {
                j += 1;
            }
            j
        });
    }
    loop {
        let w = |j: usize| if j < s.end_token { doc.tok(j) } else { "" };
        if is_weekday_or_time(w(after)) || w(after) == "on" || is_time_of_day(w(after)) {
            after += 1; // "said Friday afternoon"
        } else if matches!(w(after), "late" | "early") && is_weekday_or_time(w(after + 1)) {
            after += 2; // "reported late Thursday"
        } else if let Some(end) = time_distance(doc, after, s.end_token) {
            after = end; // "reported a few days later"
        } else if matches!(w(after), "last" | "this")
            && matches!(w(after + 1), "week" | "month" | "year")
        {
            after += 2;
        } else if let Some(end) = adjunct_to_comma(doc, after, s.end_token) {
            after = end; // "said in a June report,", "told reporters at the airport."
        } else {
            break;
        }
    }
    // ("LONDON — After years of …, officials said": a dateline opening the story is no
    // part of what was said)
    let start = dateline_end(doc, s.first_token, comma);
    if is_opening_mark(doc.tok(start)) {
        return None; // `"…," X, the minister, told reporters`: a direct quotation's attribution
    }
    // "After Brown criticized Clinton, Hillary shot back": a subordinate clause alone,
    // with no main clause of its own, is the sentence's adjunct, not what was said
    let subordinate =
        crate::speaker_form::opens_adverbial_clause(doc.tok(start)) || doc.tok(start) == "As";
    if subordinate && (start..comma).all(|j| doc.tok(j) != ",") {
        return None;
    }
    // "In a wide-ranging interview, President Obama said:": a short prepositional phrase
    // with no verb of its own (no auxiliary, no comma) is an adjunct too, unless the
    // attribution interrupts a clause ("If the law conflicts, he said, Christians must …")
    let preposition = doc.lexicon.is_opener(
        crate::lexicon::Opener::Preposition,
        &ascii_lower(doc.tok(start), &mut Word::new()),
    );
    let phrase = (start..comma).all(|j| doc.tok(j) != "," && !is_auxiliary(doc.tok(j)));
    let interrupts = after + 1 < s.end_token && doc.tok(after) == ",";
    if preposition && phrase && comma - start <= 8 && !interrupts {
        return None;
    }
    if comma - start > MAX_CLAUSE {
        return None; // no clause runs so far back
    }
    // `…, President Obama told his advisers as he labored over the speech.`: an adverbial
    // clause ends the sentence; `…, analysts say; in 2012, …`: a semicolon ends it
    let closes = after < s.end_token
        && (doc.tok(after) == ";"
            || hearer && starts_adjunct(doc.tok(after)) && doc.tok(after) != "but");
    let rest = if inverted {
        // `CLAUSE, said X, an engineer.`: what follows X describes X; but `The contrast,
        // said Doyle and others, would be clear`: a verb goes on with the clause
        (after + 2 < s.end_token && doc.tok(after) == "," && is_auxiliary(doc.tok(after + 1)))
            .then(|| clause_span(doc, after + 1, clause_end(doc, after + 1)))
            .flatten()
    } else if closes {
        None
    } else if after + 1 < s.end_token
        && doc.tok(after) == ","
        && time_distance(doc, after + 1, s.end_token).is_none()
    {
        // (a comma that ends the sentence, at a paragraph's end, is no second part: the
        // token after it is another paragraph's, or none at the end of the text)
        clause_span(doc, after + 1, clause_end(doc, after + 1))
    } else if s.end_token - after <= 1 || doc.tok(after) == "," {
        // (`…, the Associated Press declared on Thursday, two days after …`: a distance in
        // time after the comma is the attribution's adjunct)
        None
    } else {
        return None;
    };
    // `The museum, Mr. Obama said, would …`: with a second part, the first may be short.
    let content = match rest {
        Some(_) if comma > start => {
            Span::new(doc.token(start).span.start, doc.token(comma - 1).span.end)
        }
        _ => clause_span(doc, start, comma)?,
    };
    Some(Reported {
        content,
        rest,
        speaker,
        cue: cue.span,
        unspoken: false,
    })
}

/// One past a distance in time that starts at token `i`: "a few days later", "two days
/// after", "hours before", "weeks earlier" (a number, "a", "a few", "several" or nothing,
/// a unit, then "later", "earlier", "after", "before" or "ago").
pub(super) fn time_distance(doc: &Doc, i: usize, end: usize) -> Option<usize> {
    let w = |j: usize| if j < end { doc.tok(j) } else { "" };
    let mut j = i;
    if w(j) == "a" && w(j + 1) == "few" {
        j += 2;
    } else if matches!(
        w(j),
        "a" | "an" | "several" | "two" | "three" | "four" | "five" | "six"
    ) || w(j).bytes().all(|b| b.is_ascii_digit()) && !w(j).is_empty()
    {
        j += 1;
    }
    let unit = matches!(
        w(j),
        "minute"
            | "minutes"
            | "hour"
            | "hours"
            | "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
    );
    (unit && matches!(w(j + 1), "later" | "earlier" | "after" | "before" | "ago")).then_some(j + 2)
}

/// `According to X, CLAUSE.` / `CLAUSE, according to X.`
pub(super) fn according_to(doc: &Doc, cue: Cue) -> Option<Reported> {
    let k = doc.token_after(cue.span.start);
    let s = doc.seg.sentences[doc.token(k).sentence()];
    let after = doc.token_after(cue.span.end);
    // the source runs to the next comma (or the sentence end; at most a clause's length)
    let source_end = (after..s.end_token.min(after + MAX_CLAUSE))
        .find(|&j| doc.tok(j) == ",")
        .unwrap_or(s.end_token);
    // ("according to a count by The Associated Press": a source with its own modifiers runs
    // to the comma as a whole, up to a subject's length)
    let speaker = relaxed_noun_phrase_after(doc, cue, source_end).or_else(|| {
        let end = trim_trailing(doc, after, source_end);
        (end > after && end - after <= MAX_SOURCE && starts_noun_phrase(doc, after))
            .then(|| Span::new(doc.token(after).span.start, doc.token(end - 1).span.end))
    })?;
    let opens = k == s.first_token || (k == s.first_token + 1 && !doc.is_word(s.first_token));
    // "In addition, according to the department, CLAUSE": after a short adjunct the
    // clause follows the source too.
    let after_adjunct = k > s.first_token
        && doc.tok(k - 1) == ","
        && k - 1 - s.first_token < MIN_CLAUSE
        && source_end + 1 < s.end_token
        && doc.tok(source_end) == ",";
    // (the clause starts inside the sentence: after "According to X," ending a paragraph,
    // the next token is another paragraph's, or none at the end of the text)
    let content = if (after_adjunct || opens) && source_end + 1 < s.end_token {
        clause_span(doc, source_end + 1, clause_end(doc, source_end + 1))?
    } else if k > s.first_token && doc.tok(k - 1) == "," && k - 1 - s.first_token <= MAX_CLAUSE {
        clause_span(doc, s.first_token, k - 1)?
    } else {
        return None;
    };
    Some(Reported::new(content, speaker, cue.span))
}

/// `Renz's assertion that CLAUSE`, `his claim that CLAUSE`: a noun of saying, its possessor
/// the speaker, its that-clause the content.
pub(super) fn possessed_claims(doc: &Doc) -> Vec<Reported> {
    let toks = &doc.seg.tokens;
    let mut out = Vec::new();
    for i in 1..toks.len().saturating_sub(1) {
        if !doc.is_word(i) || toks[i + 1].sentence() != toks[i].sentence() {
            continue;
        }
        // "Trump's criticism of the judge", "her attacks on Sanders", "Warren's call for a
        // ban": a noun of saying that takes an object, and its phrase
        let object = is_object_noun(doc.tok(i))
            && matches!(doc.tok(i + 1), "of" | "on" | "against" | "for")
            && i + 2 < toks.len()
            && doc.is_word(i + 2);
        if doc.tok(i + 1) != "that" && !object {
            continue;
        }
        if !object
            && !doc
                .lexicon
                .is_speech_noun(&lowercase(doc.tok(i), &mut ShortName::new()))
            || doc.inside_quote(toks[i].span.start)
        {
            continue;
        }
        let owner = doc.tok(i - 1);
        let pronoun = matches!(
            &*ascii_lower(owner, &mut Word::new()),
            "his" | "her" | "their" | "its"
        );
        // the possessor's name, without its 's: "Paolo Renz's" -> "Paolo Renz"; "Trump s"
        // (an apostrophe damaged into a space) -> "Trump"
        let stem = owner
            .strip_suffix("'s")
            .or_else(|| owner.strip_suffix("\u{2019}s"));
        let damaged = owner == "s" && i >= 2 && doc.is_word(i - 2);
        let speaker = if pronoun {
            toks[i - 1].span
        } else if stem.is_some() || damaged {
            let owner_at = if damaged { i - 2 } else { i - 1 };
            let end = if damaged {
                toks[i - 2].span.end
            } else {
                toks[i - 1].span.start + stem.map_or(0, str::len)
            };
            let capital = |k: usize| {
                doc.is_word(k) && doc.tok(k).chars().next().is_some_and(char::is_uppercase)
            };
            if !capital(owner_at) {
                continue;
            }
            let mut start = owner_at;
            while start > 0
                && capital(start - 1)
                && toks[start - 1].sentence() == toks[i].sentence()
            {
                start -= 1;
            }
            Span::new(toks[start].span.start, end)
        } else {
            continue;
        };
        let content = if object {
            // (the phrase ends before the verb of the clause it stands in: "Clinton's
            // attacks on Trump were sharp")
            let end = object_end(doc, i + 2, clause_end(doc, i + 2));
            let end = (i + 3..end)
                .find(|&k| {
                    let w = doc.tok(k);
                    is_auxiliary(w)
                        || doc.cue_at_token(k).is_some()
                        || w.len() > 3
                            && w.ends_with("ed")
                            && w.bytes().all(|b| b.is_ascii_lowercase())
                })
                .unwrap_or(end);
            words_span(doc, i + 2, end, 1)
        } else {
            clause_span(doc, i + 1, clause_end(doc, i + 1))
        };
        if let Some(content) = content {
            out.push(Reported::new(content, speaker, toks[i].span));
        }
    }
    out
}

/// Nouns of saying that take an object, as their verbs do: "criticism of", "attacks on",
/// "call for".
fn is_object_noun(w: &str) -> bool {
    matches!(
        w,
        "criticism"
            | "criticisms"
            | "attack"
            | "attacks"
            | "call"
            | "calls"
            | "praise"
            | "defense"
            | "defence"
            | "denunciation"
            | "condemnation"
            | "description"
            | "characterization"
            | "dismissal"
            | "endorsement"
            | "mention"
    )
}
