//! Where a reported clause starts and ends: the words that open a clause, the boundaries
//! that close one (a semicolon, a new attribution, the writer's additions), and the spans
//! of its tokens.

use crate::doc::Doc;
use crate::lexicon::{ascii_lower, lowercase, CueKind, ShortName, Word};
use crate::phrases::*;
use crate::span::Span;

use super::*;

/// Whether the words from token `i` read as a clause: "that", "to", "whether", or a
/// subject followed within a few words by an auxiliary or modal ("it will", "the plan was").
pub(super) fn opens_clause(doc: &Doc, i: usize, end: usize) -> bool {
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
pub(crate) fn is_auxiliary(w: &str) -> bool {
    matches!(
        &*ascii_lower(w, &mut Word::new()),
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
pub(super) fn closes_no_clause(w: &str) -> bool {
    // ("to" opens an infinitive clause: "wants to make …")
    (is_preposition(w) && !w.eq_ignore_ascii_case("to"))
        || matches!(
            &*ascii_lower(w, &mut Word::new()),
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

/// Words that start a clause of their own after a comma, ending the reported one:
/// `…, but`, `…, while`, `…, adding`.
pub(super) fn ends_clause(w: &str) -> bool {
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
pub(super) fn writer_addition(doc: &Doc, i: usize, end: usize) -> bool {
    match doc.tok(i) {
        // (not the second of a series: "people who think …, who live …" goes on with the
        // claim)
        "who" | "whose" => {
            let sentence = doc.token(i).sentence();
            // (nor a relative set between commas before the clause's verb: "that the
            // billionaire, who is now the nominee, would …")
            let embedded = (i + 2..(i + 20).min(end))
                .find(|&k| doc.tok(k) == ",")
                .is_some_and(|k| {
                    k + 1 < end && {
                        let w = doc.tok(k + 1);
                        is_auxiliary(w)
                            || w.len() > 3
                                && (w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss"))
                                && w.bytes().all(|b| b.is_ascii_lowercase())
                    }
                });
            !embedded
                && !(i.saturating_sub(16)..i.saturating_sub(1))
                    .any(|k| doc.token(k).sentence() == sentence && doc.tok(k) == "who")
        }
        "when" => true,
        // "…, according to a count in Texas, which votes on March 1": on a name, the
        // writer's (on a thing, "…, which could have allowed him to …", it goes on with the
        // claim as often as not)
        "which" => i >= 2 && crate::phrases::is_capitalised(doc.tok(i - 2)),
        "compared" | "comparing" => i + 1 < end && matches!(doc.tok(i + 1), "with" | "to"),
        _ => false,
    }
}

/// Whether `w` can open a short subject: a name, a pronoun, or a determiner.
pub(super) fn starts_subject(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        || matches!(
            w,
            "he" | "she" | "they" | "we" | "officials" | "the" | "a" | "an" | "some" | "others"
        )
}

/// The sentence's tokens `from..to` as a span, without final punctuation or closing marks
/// left hanging outside a quotation.
pub(super) fn clause_span(doc: &Doc, from: usize, to: usize) -> Option<Span> {
    words_span(doc, from, to, MIN_CLAUSE)
}

/// The tokens `from..to` as a span of at least `min` tokens, without final punctuation or
/// closing marks left hanging outside a quotation.
pub(super) fn words_span(doc: &Doc, from: usize, to: usize, min: usize) -> Option<Span> {
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

pub(super) fn is_opening_mark(t: &str) -> bool {
    matches!(t, "\"" | "\u{201C}" | "\u{2018}" | "'" | "\u{AB}" | "``")
}

pub(super) fn is_closing_mark(t: &str) -> bool {
    matches!(t, "\"" | "\u{201D}" | "\u{2019}" | "'" | "\u{BB}" | ")")
}

/// One past the last token of the clause that starts at `from`: the sentence end, or a
/// semicolon.
pub(super) fn clause_end(doc: &Doc, from: usize) -> usize {
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
                    .is_some_and(|c| doc.cue_in_ing(c.span))
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
    // `described it as a "breach," adding …`: a participle after the comma set inside the
    // quotation's closing mark
    let participle_after_quote = |k: usize| {
        k > 1
            && doc.tok(k - 2) == ","
            && doc.tok(k - 1) != ","
            && doc.after_comma(k)
            && doc.cue_at_token(k).is_some_and(|c| doc.cue_in_ing(c.span))
    };
    let boundary = |k: usize| {
        doc.tok(k) == ";"
            || participle_after_quote(k)
            || doc.tok(k) == "," && new_clause(k)
            // (`… had "been friends," he claimed they …`: the comma set inside the mark;
            // the clause keeps its closing mark)
            || k > 1
                && doc.tok(k - 2) == ","
                && is_closing_mark(doc.tok(k - 1))
                && new_clause(k - 1)
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
pub(super) fn opens_adjunct(w: &str) -> bool {
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
pub(super) fn object_end(doc: &Doc, from: usize, end: usize) -> usize {
    // ("cited reports of attacks, including this week's", "a different firm, one that is
    // best known for …": a comma before words that go on describing the object)
    let goes_on = |k: usize| {
        k + 1 < end
            && matches!(
                doc.tok(k + 1),
                "including" | "especially" | "particularly" | "notably" | "such"
            )
    };
    // ("attacked her skills and even questioned …", "mentioned CNN and seemed to …": a
    // second verb of the subject's, coordinated)
    let second_verb = |k: usize| {
        doc.tok(k) == "and"
            && k + 1 < end
            && doc.tok(k + 1).bytes().all(|b| b.is_ascii_lowercase())
            && {
                let w = doc.tok(k + 1);
                is_auxiliary(w)
                    || matches!(w, "even" | "then" | "also" | "later" | "has" | "had")
                    || w.len() > 4 && w.ends_with("ed")
                    || doc.cue_at_token(k + 1).is_some()
            }
    };
    (from + 1..end)
        .filter(|&k| !doc.inside_quote(doc.token(k).span.start)) // a quotation is part of it
        .filter(|&k| !(doc.tok(k) == "," && goes_on(k)))
        .find(|&k| {
            second_verb(k) || {
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
            }
        })
        .unwrap_or(end)
}

/// Whether token `k` starts an adjunct of time or of the medium of speech (`on Friday`,
/// `in March`, `in a statement`, `on Twitter`, `in early-morning tweets`), rather than a
/// phrase that belongs to the object (`problems in the Middle East`, `a request from
/// Democrats in Ohio`).
pub(super) fn starts_time_or_medium(doc: &Doc, k: usize, end: usize) -> bool {
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
        let mut buf = ShortName::new();
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

/// Subordinators that start an adverbial clause of time, reason or contrast.
pub(super) fn starts_adjunct(w: &str) -> bool {
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

/// One past a prepositional adjunct of at most five words that starts at token `i` and runs
/// to a comma or the sentence end `end` (`in a June report`, `at the airport`, `via email`).
pub(super) fn adjunct_to_comma(doc: &Doc, i: usize, end: usize) -> Option<usize> {
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
