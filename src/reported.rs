//! Reported speech: what someone said, thought or found, without quote marks.
//!
//! Three shapes, each with its speaker (a report needs one) and its cue:
//! - cue before the clause: `X said (that) CLAUSE`, `X told reporters CLAUSE`, `X believes
//!   CLAUSE`, `X denied any involvement`;
//! - clause before the cue: `CLAUSE, X said.` / `CLAUSE, said X.`;
//! - `According to X, CLAUSE.` / `CLAUSE, according to X.`
//!
//! The content is the reported clause, with its "that" and without the sentence's final
//! punctuation. Verbs that judge or name (`criticised the plan`, `described X as Y`) report
//! their object as the stance they attribute, as annotated news corpora (PolNeAR) do. Quoted words inside it stay: `X said the deal was "dead"` reports the clause
//! and, separately, the quotation.

use crate::doc::{Cue, Doc};
use crate::lexicon::{ascii_lower, lowercase, CueKind, SHORT_NAME, WORD};
use crate::phrases::*;
use crate::span::Span;

/// One piece of reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reported {
    /// The reported clause.
    pub content: Span,
    /// Its second part, when the attribution stands inside it (`The museum, Mr. Bush said,
    /// celebrated …`).
    pub rest: Option<Span>,
    /// Who reports it.
    pub speaker: Span,
    /// The cue.
    pub cue: Span,
    /// Whether the clause is no words anyone spoke: a verb of thinking, wanting or finding
    /// (`expects Holt to …`), or a saying only planned or supposed (`would discuss`,
    /// `to discuss`). Such a clause does not own the quotations inside it.
    pub unspoken: bool,
}

/// The source of "according to" is at most this many tokens long ("according to a count by
/// The Associated Press of the delegates pledged so far").
const MAX_SOURCE: usize = 16;
impl Reported {
    /// A report of `content` by `speaker` with `cue`, in one piece, spoken.
    fn new(content: Span, speaker: Span, cue: Span) -> Reported {
        Reported {
            content,
            rest: None,
            speaker,
            cue,
            unspoken: false,
        }
    }
}

/// A clause after a cue must be at least this many tokens long.
const MIN_CLAUSE: usize = 3;
/// `CLAUSE, X said.`: at most this many tokens from the comma to the sentence end.
const MAX_TAIL: usize = 12;
/// A reported clause is at most this many tokens long (it ends at the sentence end, or
/// here). The longest indirect content that PolNeAR's annotators marked in its training
/// articles is 457 tokens (the next longest 187; 99.9% are under 92): a clause in a "sentence"
/// with no full stop (a list, a table, JSON, a run of `he said`) does not run on to the end
/// of the text, and each cue's work is bounded.
const MAX_CLAUSE: usize = 500;
/// A report stands inside the clauses of fewer than this many others (`Fowler said the
/// senators said …` is one inside one). Three keeps every report of the evaluation sets (two
/// drops some of PolNeAR train's and GUM's other genres').
const MAX_DEPTH: usize = 3;

/// Verbs whose first object is the hearer, before the reported clause ("told reporters").
fn takes_hearer(lemma: &str) -> bool {
    matches!(
        lemma,
        "tell" | "inform" | "assure" | "remind" | "notify" | "advise"
    )
}

/// `…, Mr. Bush said, …`: a speaker and cue between two commas.
fn parenthetical(doc: &Doc, cue: Cue) -> bool {
    let k = doc.token_after(cue.span.start);
    let after = doc.token_after(cue.span.end);
    let Some(np) = noun_phrase_before(doc, k) else {
        return false;
    };
    let first = doc.token_after(np.start);
    first > 0 && doc.tok(first - 1) == "," && after < doc.seg.tokens.len() && doc.tok(after) == ","
}

/// The speaker of a participle's sentence (`"…," Ruiz said, adding that …`): the phrase
/// before the nearest reporting verb before it, else the sentence's subject.
fn main_speaker(doc: &Doc, participle: usize) -> Option<Span> {
    let sentence = doc.token(participle).sentence();
    let first = doc.seg.sentences[sentence].first_token;
    (first..participle)
        .rev()
        .filter(|&j| doc.cue_at_token(j).is_some_and(|c| c.kind == CueKind::Verb))
        .find_map(|j| {
            noun_phrase_before(doc, j)
                .or_else(|| relaxed_noun_phrase_after(doc, doc.cue_at_token(j)?, participle))
        })
        .or_else(|| sentence_subject(doc, sentence).filter(|s| !doc.inside_quote(s.start)))
}

/// `Experts on North Korea and nuclear nonproliferation said …`: a long subject that the
/// speaker phrase cannot read back through, when the cue follows it closely with no comma.
fn subject_near(doc: &Doc, k: usize) -> Option<Span> {
    let s = doc.seg.sentences[doc.token(k).sentence()];
    if k - s.first_token > 10 || (s.first_token..k).any(|j| doc.tok(j) == ",") {
        return None;
    }
    sentence_subject(doc, doc.token(k).sentence()).filter(|sub| sub.end <= doc.token(k).span.start)
}

/// One past the hearer of a verb of telling that starts at token `i`: an object pronoun
/// ("him"), a name with or without "the" ("the BBC", "CNN"), or a plural noun
/// ("reporters"), followed by a time ("on Sunday") if any.
fn after_hearer(doc: &Doc, i: usize, end: usize) -> Option<usize> {
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
        &*ascii_lower(w(j), &mut [0; WORD]),
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

/// Nouns for those who hear a speech: `told the crowd`, `told an interviewer`, `told
/// lawmakers` (any plural in -s names people or a body more often than a thing told).
fn names_hearer(w: &str) -> bool {
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

/// Whether the words from token `i` read as a clause: "that", "to", "whether", or a
/// subject followed within a few words by an auxiliary or modal ("it will", "the plan was").
fn opens_clause(doc: &Doc, i: usize, end: usize) -> bool {
    if i >= end {
        return false;
    }
    if matches!(
        doc.tok(i),
        "that" | "to" | "whether" | "if" | "how" | "why" | "what" | "when"
    ) {
        return true;
    }
    (i + 1..(i + 6).min(end)).any(|j| is_auxiliary(doc.tok(j)))
}

/// Auxiliaries and modals, the finite verbs that show a clause has begun.
fn is_auxiliary(w: &str) -> bool {
    matches!(
        &*ascii_lower(w, &mut [0; WORD]),
        "will"
            | "would"
            | "could"
            | "can"
            | "should"
            | "may"
            | "might"
            | "must"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "does"
            | "did"
            | "won't"
            | "can't"
            | "isn't"
            | "wasn't"
    ) || w.ends_with("n't")
}

/// Words that cannot open a reported clause: `said goodbye`, `asked for a recount`,
/// `spoke against the backdrop of …` (a preposition starts an adjunct, not a clause).
fn closes_no_clause(w: &str) -> bool {
    // ("to" opens an infinitive clause: "wants to make …")
    (is_preposition(w) && !w.eq_ignore_ascii_case("to"))
        || matches!(
            &*ascii_lower(w, &mut [0; WORD]),
            "nothing"
                | "something"
                | "anything"
                | "goodbye"
                | "hello"
                | "thanks"
                | "sorry"
                | "again"
                | "as"
                | "hi"
                | "since"
                | "back"
                | "away"
        )
}

/// Verbs after which "to" names the hearer, not an infinitive: `respond to requests`.
fn to_is_hearer(lemma: &str) -> bool {
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

/// Words that start a clause of their own after a comma, ending the reported one:
/// `…, but`, `…, while`, `…, adding`.
fn ends_clause(w: &str) -> bool {
    matches!(
        w,
        "but" | "while" | "although" | "though" | "whereas" | "according" | "with"
    )
}

/// Whether the words at token `i`, after a comma, are the writer's, added to a reported
/// clause: a non-restrictive relative clause on a person or an adverbial one ("…, who has
/// been battered …", "…, when voters go to the polls") or a comparison ("…, compared with 64
/// percent …"). (A clause on a thing, "…, which could have allowed him to …", goes on with
/// the claim as often as not, and stays in it.)
fn writer_addition(doc: &Doc, i: usize, end: usize) -> bool {
    match doc.tok(i) {
        "who" | "whose" | "when" => true,
        "compared" | "comparing" => i + 1 < end && matches!(doc.tok(i + 1), "with" | "to"),
        _ => false,
    }
}

/// Whether `w` can open a short subject: a name, a pronoun, or a determiner.
fn starts_subject(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        || matches!(
            w,
            "he" | "she" | "they" | "we" | "officials" | "the" | "a" | "an" | "some" | "others"
        )
}

/// Finds the reported speech of the document. `direct` are the direct quotations (spans),
/// used to leave out clauses that are nothing but a quotation.
pub fn find(doc: &Doc, direct: &[Span]) -> Vec<Reported> {
    let mut out = Vec::new();
    for cue in &doc.cues {
        if cue.kind == CueKind::Adjunct || doc.inside_quote(cue.span.start) {
            continue;
        }
        let found = match cue.kind {
            CueKind::Preposition => according_to(doc, *cue),
            // `The museum, Mr. Bush said, celebrated …`: the attribution stands inside.
            _ if parenthetical(doc, *cue) => {
                clause_before(doc, *cue).or_else(|| clause_after(doc, *cue))
            }
            _ => clause_after(doc, *cue).or_else(|| clause_before(doc, *cue)),
        };
        if let Some(mut r) = found {
            r.unspoken = cue.kind == CueKind::Attitude || doc.unrealised(*cue);
            if !is_only_quotation(doc, r.content, direct) {
                out.push(r);
            }
        }
    }
    let mut out = without_nested(doc, out);
    out.extend(
        possessed_claims(doc)
            .into_iter()
            .filter(|r| !is_only_quotation(doc, r.content, direct)),
    );
    out.sort_by_key(by_content);
    out.dedup_by_key(|r| r.content);
    out
}

/// Where a report's clause is: the order reports are kept in.
fn by_content(r: &Reported) -> (usize, usize) {
    (r.content.start, r.content.end)
}

/// Drops the reports whose cue stands inside another report's clause: in `AROS argues that
/// families still want their schools`, `want` is the verb of `families`, part of what AROS
/// argues, not a second stance of AROS; in `Clinton said she opposes the deal` the stance is
/// what Clinton said, one report (as PolNeAR's annotators mark it). A nested saying with its
/// own subject inside the clause stays (`Fowler said the senators said …`), and so does a
/// participle after a comma, which has the subject of its sentence (`she said it was over,
/// adding that …`). (A claim named by a noun with its possessor, `questioned Renz's assertion
/// that …`, is a report of its own and is not checked here.)
fn without_nested(doc: &Doc, mut reports: Vec<Reported>) -> Vec<Reported> {
    // (a report's clause starts in its cue's sentence: the reports around a cue are those
    // whose clause starts between that sentence's start and the cue, found by bisection in
    // the reports sorted by where their clause starts — no scan of all of them per report)
    reports.sort_by_key(by_content);
    let around = |cue: Span| {
        let k = doc.token_after(cue.start);
        let s = doc.seg.sentences[doc.token(k).sentence()];
        // (no clause is longer than MAX_CLAUSE tokens, nor its second part: one holding the
        // cue starts at most twice that before it)
        let from = doc
            .token(s.first_token.max(k.saturating_sub(2 * MAX_CLAUSE)))
            .span
            .start;
        let lo = reports.partition_point(|r| r.content.start < from);
        let hi = reports.partition_point(|r| r.content.start <= cue.start);
        lo..hi.max(lo)
    };
    let says_of = |r: &Reported| {
        doc.cue_at_token(doc.token_after(r.cue.start))
            .is_some_and(|c| {
                matches!(
                    doc.lexicon.cue_lemma(c.lemma),
                    "say" | "tell" | "note" | "write"
                )
            })
    };
    // One pass over the reports around each cue, in order: a report is dropped when it borrows
    // an outer report's speaker (above), or when it stands inside the clauses of MAX_DEPTH
    // reports kept before it, so that each word is in a few reports at most, whatever the text
    // (`he said he said he said …` in one sentence would otherwise repeat the rest of the text
    // in every report).
    let mut keep = vec![true; reports.len()];
    for i in 0..reports.len() {
        let r = &reports[i];
        let k = doc.token_after(r.cue.start);
        let participle = doc.str(r.cue).ends_with("ing") && k > 0 && doc.tok(k - 1) == ",";
        let says = std::cell::OnceCell::new();
        let mut depth = 0;
        let mut borrowed = false;
        for j in around(r.cue) {
            let outer = &reports[j];
            if outer.content == r.content || !outer.content.contains(r.cue) {
                continue;
            }
            if j < i && keep[j] {
                depth += 1;
            }
            borrowed |= !participle
                && (r.speaker.start < outer.content.start || !*says.get_or_init(|| says_of(r)));
            if borrowed || depth >= MAX_DEPTH {
                break; // dropped, whatever the reports after
            }
        }
        keep[i] = depth < MAX_DEPTH && !borrowed;
    }
    reports
        .into_iter()
        .zip(keep)
        .filter_map(|(r, k)| k.then_some(r))
        .collect()
}

/// The sentence's tokens `from..to` as a span, without final punctuation or closing marks
/// left hanging outside a quotation.
fn clause_span(doc: &Doc, from: usize, to: usize) -> Option<Span> {
    words_span(doc, from, to, MIN_CLAUSE)
}

/// The tokens `from..to` as a span of at least `min` tokens, without final punctuation or
/// closing marks left hanging outside a quotation.
fn words_span(doc: &Doc, from: usize, to: usize, min: usize) -> Option<Span> {
    let mut to = to;
    while to > from && !doc.is_word(to - 1) && !is_closing_mark(doc.tok(to - 1)) {
        to -= 1;
    }
    if to <= from || to - from < min {
        return None;
    }
    Some(Span::new(
        doc.token(from).span.start,
        doc.token(to - 1).span.end,
    ))
}

fn is_opening_mark(t: &str) -> bool {
    matches!(t, "\"" | "\u{201C}" | "\u{2018}" | "'" | "\u{AB}" | "``")
}

fn is_closing_mark(t: &str) -> bool {
    matches!(t, "\"" | "\u{201D}" | "\u{2019}" | "'" | "\u{BB}" | ")")
}

/// One past the last token of the clause that starts at `from`: the sentence end, or a
/// semicolon.
fn clause_end(doc: &Doc, from: usize) -> usize {
    let s = doc.seg.sentences[doc.token(from).sentence()];
    // "X says Y promised …, and said …", "… and called on people to …": a second verb of
    // saying or of stance, coordinated, is the speaker's own and ends the clause.
    let coordinated = |k: usize| {
        matches!(doc.tok(k), "and" | "but")
            && k + 1 < s.end_token
            && doc
                .cue_at_token(k + 1)
                .is_some_and(|c| c.kind == CueKind::Verb)
    };
    // ", they argue." closing the sentence: an attribution of its own.
    let trailing_attribution = |k: usize| {
        (k + 2..(k + 6).min(s.end_token)).any(|j| {
            doc.cue_at_token(j).is_some_and(|c| c.kind == CueKind::Verb)
                && (k + 1..j).all(|m| doc.is_word(m))
                && s.end_token - doc.token_after(doc.token(j).span.end) <= 2
        })
    };
    // "…, and he urged North Korea to …": a conjunction, then a subject of its own with a
    // verb of saying or stance, starts the next report.
    let next_report = |k: usize| {
        matches!(doc.tok(k + 1), "and" | "but")
            && (k + 3..(k + 9).min(s.end_token)).any(|j| {
                doc.cue_at_token(j)
                    .is_some_and(|c| c.kind != CueKind::Adjunct)
                    && (k + 2..j).all(|m| doc.is_word(m))
                    && !is_auxiliary(doc.tok(k + 2))
            })
    };
    // "…, he clarified that …", "…, officials said …": after a comma, a short subject and
    // a verb of saying start an attribution of their own, wherever it stands (not one
    // set between commas, "…, he said, from …", which interrupts the clause).
    let attribution_after = |k: usize| {
        (k + 2..(k + 6).min(s.end_token)).any(|j| {
            doc.cue_at_token(j).is_some_and(|c| c.kind == CueKind::Verb)
                && j + 1 < s.end_token
                && doc.tok(j + 1) != ","
                && (k + 1..j).all(|m| doc.is_word(m) && !is_auxiliary(doc.tok(m)))
                && starts_subject(doc.tok(k + 1))
        })
    };
    let new_clause = |k: usize| {
        k + 1 < s.end_token
            && (ends_clause(doc.tok(k + 1))
                || writer_addition(doc, k + 1, s.end_token)
                || attribution_after(k)
                || doc
                    .cue_at_token(k + 1)
                    .is_some_and(|c| doc.str(c.span).ends_with("ing"))
                || trailing_attribution(k)
                || next_report(k))
    };
    // "Lest you assume that …, I should say …", "With Republicans wondering about …, the
    // party …": a clause inside a fronted adjunct ends where the adjunct does, at its comma.
    let fronted = opens_adjunct(doc.tok(s.first_token))
        && from - s.first_token <= MAX_CLAUSE
        && (s.first_token..from).all(|k| doc.tok(k) != ",");
    let adjunct_ends =
        |k: usize| fronted && doc.tok(k) == "," && !doc.inside_quote(doc.token(k).span.start);
    let end = s.end_token.min(from + MAX_CLAUSE);
    // What ends a clause at a token depends on the token alone (and its sentence), not on
    // where the clause began: the first such token from `from` on is looked up once for
    // every token of the sentence, so that the clauses of a run of cues (`he said he said
    // …`) do not each read their 500 tokens again. (The end of a fronted adjunct depends on
    // the clause, and is looked for in it.)
    // "… computers and she accused Trump of …": a conjunction, a subject pronoun and a verb
    // of saying start the speaker's next report.
    let pronoun_report = |k: usize| {
        matches!(doc.tok(k), "and" | "but")
            && k + 2 < s.end_token
            && matches!(doc.tok(k + 1), "he" | "she" | "they" | "we" | "I")
            && doc
                .cue_at_token(k + 2)
                .is_some_and(|c| c.kind == CueKind::Verb)
    };
    let boundary = |k: usize| {
        doc.tok(k) == ";"
            || doc.tok(k) == "," && new_clause(k)
            || coordinated(k)
            || pronoun_report(k)
    };
    let next = doc.next_clause_boundary(from, s.end_token, boundary);
    let end = end.min(next);
    if !fronted {
        return end;
    }
    (from..end).find(|&k| adjunct_ends(k)).unwrap_or(end)
}

/// A sentence's first word that opens an adverbial clause or phrase before the main clause:
/// `Lest`, `With`, `While`, `If`, a participle (`Writing in …, X said`).
fn opens_adjunct(w: &str) -> bool {
    matches!(
        w,
        "Lest"
            | "With"
            | "Without"
            | "As"
            | "While"
            | "When"
            | "Whenever"
            | "If"
            | "Although"
            | "Though"
            | "Because"
            | "Since"
            | "After"
            | "Before"
            | "Until"
            | "Unless"
            | "Once"
            | "Whether"
    ) || w.len() > 4 && w.ends_with("ing") && w.starts_with(|c: char| c.is_ascii_uppercase())
}

/// One past the last token of a noun phrase object that starts at `from` (`endorsed Hillary
/// Clinton for president on Thursday, another …`, `attacked Machado in early-morning
/// tweets`): what was endorsed or attacked ends at a comma, a dash, or a preposition that
/// starts an adjunct of time or place.
fn object_end(doc: &Doc, from: usize, end: usize) -> usize {
    (from + 1..end)
        .filter(|&k| !doc.inside_quote(doc.token(k).span.start)) // a quotation is part of it
        .find(|&k| {
            matches!(
                doc.tok(k),
                "," | ";"
                    | ":"
                    | "("
                    | "\u{2014}"
                    | "\u{2013}"
                    | "--"
                    | "-"
                    | "during"
                    | "after"
                    | "before"
                    | "since"
                    | "when"
                    | "while"
            ) || starts_time_or_medium(doc, k, end)
        })
        .unwrap_or(end)
}

/// Whether token `k` starts an adjunct of time or of the medium of speech (`on Friday`,
/// `in March`, `in a statement`, `on Twitter`, `in early-morning tweets`), rather than a
/// phrase that belongs to the object (`problems in the Middle East`, `a request from
/// Democrats in Ohio`).
fn starts_time_or_medium(doc: &Doc, k: usize, end: usize) -> bool {
    if !matches!(doc.tok(k), "in" | "on" | "at") || k + 1 >= end {
        return false;
    }
    if doc
        .cue_at_token(k)
        .is_some_and(|c| c.kind == CueKind::Adjunct)
    {
        return true;
    }
    let next = doc.tok(k + 1);
    if is_weekday_or_time(next) || is_month(next) {
        return true;
    }
    (k + 1..(k + 5).min(end)).any(|j| {
        let mut buf = [0u8; SHORT_NAME];
        let w = lowercase(doc.tok(j), &mut buf);
        let w = w.strip_suffix('s').unwrap_or(&w);
        is_time_of_day(w)
            || matches!(
                w,
                "tweet"
                    | "post"
                    | "interview"
                    | "statement"
                    | "speech"
                    | "speeche"
                    | "remark"
                    | "letter"
                    | "email"
                    | "video"
                    | "meeting"
                    | "rally"
                    | "rallie"
                    | "hearing"
                    | "debate"
                    | "conference"
                    | "briefing"
                    | "event"
            )
    })
}

/// Verbs of perceiving and knowing: with a clause they report a finding ("found that …"),
/// with a plain object they do not ("found a buyer", "saw the tweet").
fn perceives(lemma: &str) -> bool {
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

/// Subordinators that start an adverbial clause of time, reason or contrast.
fn starts_adjunct(w: &str) -> bool {
    matches!(
        w,
        "when"
            | "while"
            | "as"
            | "after"
            | "before"
            | "until"
            | "because"
            | "since"
            | "but"
            | "although"
            | "though"
            | "once"
            | "whereas"
    )
}

/// Verbs that report a question or an explanation: `asked when`, `explained why`.
fn takes_question(lemma: &str) -> bool {
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
fn takes_object(lemma: &str) -> bool {
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
    )
}

/// `was told`, `is asked`: a verb of saying in the passive (its subject heard, did not
/// speak). A progressive (`is saying`) reports as much as `says`.
pub(crate) fn is_passive(doc: &Doc, cue: Cue) -> bool {
    let k = doc.token_after(cue.span.start);
    cue.kind == CueKind::Verb
        && k > 0
        && !doc.str(cue.span).ends_with("ing")
        && matches!(
            &*ascii_lower(doc.tok(k - 1), &mut [0; WORD]),
            "is" | "are" | "was" | "were" | "be" | "been" | "being" | "is not" | "isn't" | "wasn't"
        )
}

/// Verbs that report a manner of speaking or going on, never a clause of their own:
/// `continued to enforce`, `shouted at`.
fn reports_no_clause(lemma: &str) -> bool {
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
    )
}

/// `X said (that) CLAUSE`, `X told reporters CLAUSE`.
fn clause_after(doc: &Doc, cue: Cue) -> Option<Reported> {
    let lemma = doc.lexicon.cue_lemma(cue.lemma);
    if reports_no_clause(lemma) {
        return None;
    }
    let k = doc.token_after(cue.span.start);
    if k > 0 && doc.tok(k - 1).eq_ignore_ascii_case("all") && doc.str(cue.span) == "told" {
        return None; // "all told": in total
    }
    if k > 0 && doc.tok(k - 1).eq_ignore_ascii_case("having") {
        return None; // "Having said that, …": a discourse connective
    }
    if is_passive(doc, cue) {
        return None; // "was told": the subject heard, did not speak
    }
    // "X said Iran would never …, saying it was …": a participle after a comma has the
    // subject of its sentence.
    let participle = doc.str(cue.span).ends_with("ing") && k > 0 && doc.tok(k - 1) == ",";
    let speaker = if participle {
        main_speaker(doc, k)?
    } else {
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
        } else {
            break;
        }
    }
    if takes_hearer(doc.lexicon.cue_lemma(cue.lemma)) {
        // "told reporters", "told the BBC", "told him": the hearer comes first. A verb of
        // telling without a hearer reports no clause ("told a story about the war").
        i = after_hearer(doc, i, s.end_token)?;
        if i < s.end_token && doc.tok(i) == "," {
            i += 1;
        }
    }
    // "says at a campaign stop in Toledo that …", "said via email that …": an adjunct
    // before "that".
    if i < s.end_token
        && matches!(
            doc.tok(i),
            "in" | "at" | "on" | "during" | "after" | "before" | "via" | "by" | "through" | "over"
        )
    {
        if let Some(j) = (i..(i + 10).min(s.end_token)).find(|&j| doc.tok(j) == "that") {
            i = j;
        }
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
    if i + 1 < s.end_token
        && matches!(doc.tok(i), "about" | "of" | "against")
        && doc.is_word(i + 1)
        && cue.kind == CueKind::Verb
    {
        i += 1;
    }
    if i >= s.end_token || !doc.is_word(i) || closes_no_clause(doc.tok(i)) {
        return None; // `said: "…"`, `said, "…"`, `said nothing`
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
        clause_span(doc, i, clause_end(doc, i))?
    } else if is_auxiliary(doc.tok(i)) {
        return None; // "that plan would never pass": the cue word was a noun
    } else {
        words_span(doc, i, object_end(doc, i, clause_end(doc, i)), 1)?
    };
    Some(Reported::new(content, speaker, cue.span))
}

/// `CLAUSE, X said.` / `CLAUSE, said X.`
fn clause_before(doc: &Doc, cue: Cue) -> Option<Reported> {
    if is_passive(doc, cue) {
        return None; // "Mr. Sperling, then 38, said he was advised to …"
    }
    let k = doc.token_after(cue.span.start);
    let sentence = doc.token(k).sentence();
    let s = doc.seg.sentences[sentence];
    let cue_end = doc.token_after(cue.span.end);
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
    loop {
        let w = |j: usize| if j < s.end_token { doc.tok(j) } else { "" };
        if is_weekday_or_time(w(after)) || w(after) == "on" || is_time_of_day(w(after)) {
            after += 1; // "said Friday afternoon"
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
    if is_opening_mark(doc.tok(s.first_token)) {
        return None; // `"…," X, the minister, told reporters`: a direct quotation's attribution
    }
    if comma - s.first_token > MAX_CLAUSE {
        return None; // no clause runs so far back
    }
    let rest = if inverted {
        None // `CLAUSE, said X, an engineer.`: what follows X describes X
    } else if after + 1 < s.end_token && doc.tok(after) == "," {
        // (a comma that ends the sentence, at a paragraph's end, is no second part: the
        // token after it is another paragraph's, or none at the end of the text)
        clause_span(doc, after + 1, clause_end(doc, after + 1))
    } else if s.end_token - after <= 1 {
        None
    } else {
        return None;
    };
    // `The museum, Mr. Obama said, would …`: with a second part, the first may be short.
    let content = match rest {
        Some(_) if comma > s.first_token => Span::new(
            doc.token(s.first_token).span.start,
            doc.token(comma - 1).span.end,
        ),
        _ => clause_span(doc, s.first_token, comma)?,
    };
    Some(Reported {
        content,
        rest,
        speaker,
        cue: cue.span,
        unspoken: false,
    })
}

/// One past a prepositional adjunct of at most five words that starts at token `i` and runs
/// to a comma or the sentence end `end` (`in a June report`, `at the airport`, `via email`).
fn adjunct_to_comma(doc: &Doc, i: usize, end: usize) -> Option<usize> {
    if i >= end
        || !matches!(
            doc.tok(i),
            "in" | "at" | "during" | "via" | "by" | "through" | "to"
        )
    {
        return None;
    }
    // the first token that is no word: it must close the adjunct
    let stop = (i + 1..(i + 7).min(end + 1)).find(|&j| j == end || !doc.is_word(j))?;
    let closes = stop == end || matches!(doc.tok(stop), "," | "." | "!" | "?");
    (stop > i + 1 && closes).then_some(stop)
}

/// `According to X, CLAUSE.` / `CLAUSE, according to X.`
fn according_to(doc: &Doc, cue: Cue) -> Option<Reported> {
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

/// True when the clause is a direct quotation and nothing else (`X said "…."`). `direct`
/// is sorted by start and non-overlapping.
fn is_only_quotation(doc: &Doc, content: Span, direct: &[Span]) -> bool {
    let first = direct.partition_point(|q| q.end <= content.start);
    direct[first..]
        .iter()
        .take_while(|q| q.start < content.end)
        .any(|q| {
            let inside = q.start.max(content.start)..q.end.min(content.end);
            let covered = inside.end.saturating_sub(inside.start);
            covered * 10 >= content.len() * 9
                || doc.str(content).trim_end_matches(['.', ',']).len() <= covered
        })
}

/// `Renz's assertion that CLAUSE`, `his claim that CLAUSE`: a noun of saying, its possessor
/// the speaker, its that-clause the content.
fn possessed_claims(doc: &Doc) -> Vec<Reported> {
    let toks = &doc.seg.tokens;
    let mut out = Vec::new();
    for i in 1..toks.len().saturating_sub(1) {
        if !doc.is_word(i)
            || doc.tok(i + 1) != "that"
            || toks[i + 1].sentence() != toks[i].sentence()
        {
            continue;
        }
        if !doc
            .lexicon
            .is_speech_noun(&lowercase(doc.tok(i), &mut [0; SHORT_NAME]))
            || doc.inside_quote(toks[i].span.start)
        {
            continue;
        }
        let owner = doc.tok(i - 1);
        let pronoun = matches!(
            &*ascii_lower(owner, &mut [0; WORD]),
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
        if let Some(content) = clause_span(doc, i + 1, clause_end(doc, i + 1)) {
            out.push(Reported {
                content,
                rest: None,
                speaker,
                cue: toks[i].span,
                unspoken: false,
            });
        }
    }
    out
}
