//! Attribution: the speaker and the cue of each quotation.
//!
//! This first version reads the common shapes around a quotation in its own sentence:
//! `"…," X said` and `"…," said X` after it, `X said: "…"` and `X said the plan was "…"`
//! before it. The speaker is the noun phrase next to the cue (`X, the mayor, said` gives
//! `X`); a pronoun speaker is kept as the pronoun. Resolving pronouns and roles to actors,
//! continuation paragraphs and reported speech come with the full attribution stage.

use crate::doc::{Cue, Doc};
use crate::segment::TokenKind;
use crate::span::Span;

/// Who said a quotation, and the words that say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Attribution {
    /// The speaker mention ("Zarif", "she", "a Pentagon spokesman").
    pub speaker: Option<Span>,
    /// The reporting cue ("said", "according to").
    pub cue: Option<Span>,
}

/// How many tokens away from the quote a cue is looked for.
const AFTER_WINDOW: usize = 14;
const BEFORE_WINDOW: usize = 30;
/// The longest speaker phrase, in tokens.
const MAX_SPEAKER: usize = 9;

/// Words that end a speaker phrase when reading away from the cue.
fn is_boundary_word(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "that"
            | "which"
            | "who"
            | "whom"
            | "and"
            | "but"
            | "or"
            | "nor"
            | "when"
            | "as"
            | "while"
            | "because"
            | "if"
            | "after"
            | "before"
            | "since"
            | "though"
            | "although"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "from"
            | "by"
            | "than"
            | "so"
            | "where"
            | "what"
            | "then"
            | "said"
            | "says"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "it's"
            | "about"
            | "into"
            | "over"
            | "under"
            | "during"
            | "until"
            | "against"
            | "not"
            | "also"
            | "yet"
            | "once"
            | "just"
            | "only"
            | "even"
    )
}

/// Words between a speaker and its cue that belong to neither ("Trump again vowed").
fn is_skippable(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "has"
            | "have"
            | "had"
            | "also"
            | "again"
            | "previously"
            | "then"
            | "later"
            | "once"
            | "repeatedly"
            | "recently"
            | "reportedly"
            | "would"
            | "will"
            | "could"
            | "did"
            | "does"
            | "do"
            | "not"
            | "never"
            | "earlier"
            | "further"
            | "flatly"
            | "publicly"
            | "privately"
            | "simply"
            | "quickly"
            | "initially"
            | "first"
            | "finally"
            | "often"
            | "always"
            | "still"
            | "already"
            | "is"
            | "was"
            | "were"
            | "are"
            | "might"
            | "may"
            | "can"
            | "should"
            | "must"
            | "just"
    )
}

fn is_weekday_or_time(w: &str) -> bool {
    matches!(
        w,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "today"
            | "yesterday"
            | "Today"
            | "Yesterday"
            | "Tonight"
            | "tonight"
    )
}

/// Finds the speaker and cue of a quotation whose first part is `first` and last part `last`.
pub fn attribute(doc: &Doc, first: Span, last: Span) -> Attribution {
    after(doc, last)
        .or_else(|| before(doc, first))
        .unwrap_or_default()
}

/// `"…," X said` / `"…," said X` / `"…," X, the mayor, told reporters`.
fn after(doc: &Doc, q: Span) -> Option<Attribution> {
    let toks = &doc.seg.tokens;
    let start = doc.token_after(q.end);
    let sentence = toks.get(start)?.sentence;
    // The quote must end its clause: `"…," she said`, not `"…" is a phrase she said`.
    let mut i = start;
    let mut end = start;
    while end < toks.len() && end < start + AFTER_WINDOW && toks[end].sentence == sentence {
        if is_quote_mark(doc.tok(end)) {
            break;
        }
        end += 1;
    }
    while i < end
        && toks[i].kind == TokenKind::Punct
        && matches!(doc.tok(i), "," | "\u{2014}" | "\u{2013}" | "-")
    {
        i += 1;
    }
    let from = i;
    let cue_tok = (from..end).find(|&k| doc.cue_at_token(k).is_some())?;
    let cue = doc.cue_at_token(cue_tok)?;
    let speaker = if cue_tok == from {
        noun_phrase_after(doc, cue, end)
    } else {
        noun_phrase_between(doc, from, cue_tok)
    };
    speaker?;
    Some(Attribution {
        speaker,
        cue: Some(cue.span),
    })
}

/// `X said: "…"`, `X said the offer was "…"`, `According to X, "…"`.
fn before(doc: &Doc, q: Span) -> Option<Attribution> {
    let toks = &doc.seg.tokens;
    let end = doc.token_before(q.start);
    let sentence = toks.get(end.checked_sub(1)?)?.sentence;
    let mut k = end;
    let mut seen = 0;
    while k > 0 && seen < BEFORE_WINDOW {
        k -= 1;
        seen += 1;
        if toks[k].sentence != sentence || is_quote_mark(doc.tok(k)) {
            break;
        }
        let Some(cue) = doc.cue_at_token(k) else {
            continue;
        };
        let speaker = noun_phrase_before(doc, k).or_else(|| noun_phrase_after(doc, cue, end));
        if speaker.is_some() {
            return Some(Attribution {
                speaker,
                cue: Some(cue.span),
            });
        }
    }
    None
}

fn is_quote_mark(t: &str) -> bool {
    matches!(
        t,
        "\"" | "\u{201C}" | "\u{201D}" | "\u{AB}" | "\u{BB}" | "\u{201E}"
    )
}

fn is_capitalised(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// The words between a quote and its cue: `Smith`, `Smith, the mayor,`, `, she`.
fn noun_phrase_between(doc: &Doc, from: usize, cue: usize) -> Option<Span> {
    // Drop what stands between speaker and cue ("had", "again", "on Thursday").
    let mut end = cue;
    while end > from {
        let w = doc.tok(end - 1);
        if doc.is_word(end - 1) && is_skippable(w) {
            end -= 1;
        } else if end - from >= 2
            && is_weekday_or_time(w)
            && doc.tok(end - 2).eq_ignore_ascii_case("on")
        {
            end -= 2;
        } else if doc.is_word(end - 1) && is_weekday_or_time(w) {
            end -= 1;
        } else {
            break;
        }
    }
    // Comma-separated pieces: the speaker is the first piece that starts a noun phrase.
    let mut piece = from;
    while piece < end {
        let mut stop = piece;
        while stop < end && doc.tok(stop) != "," {
            stop += 1;
        }
        if stop > piece && starts_noun_phrase(doc, piece) && (stop - piece) <= MAX_SPEAKER {
            let last = trim_trailing(doc, piece, stop);
            if last > piece {
                return Some(Span::new(
                    doc.token(piece).span.start,
                    doc.token(last - 1).span.end,
                ));
            }
        }
        piece = stop + 1;
    }
    None
}

fn trim_trailing(doc: &Doc, from: usize, mut to: usize) -> usize {
    while to > from && (!doc.is_word(to - 1) || is_boundary_word(doc.tok(to - 1))) {
        to -= 1;
    }
    to
}

fn starts_noun_phrase(doc: &Doc, i: usize) -> bool {
    if !doc.is_word(i) {
        return false;
    }
    let w = doc.tok(i);
    is_capitalised(w)
        || matches!(
            w.to_ascii_lowercase().as_str(),
            "the"
                | "a"
                | "an"
                | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "it"
                | "you"
                | "his"
                | "her"
                | "their"
                | "its"
                | "some"
                | "one"
                | "two"
                | "three"
                | "several"
                | "many"
                | "most"
                | "officials"
                | "police"
                | "critics"
                | "experts"
                | "analysts"
                | "residents"
                | "witnesses"
                | "protesters"
                | "sources"
                | "aides"
                | "lawmakers"
                | "democrats"
                | "republicans"
                | "supporters"
                | "organizers"
                | "authorities"
                | "scientists"
                | "researchers"
                | "officers"
                | "this"
                | "that"
                | "these"
                | "those"
                | "another"
        )
}

/// `said Jane Smith, the mayor.` → `Jane Smith`; `according to the ministry` → `the ministry`.
fn noun_phrase_after(doc: &Doc, cue: Cue, limit: usize) -> Option<Span> {
    let mut i = doc.token_after(cue.span.end);
    // "told reporters", "said on Thursday": skip a time phrase
    if i + 1 < limit && doc.tok(i).eq_ignore_ascii_case("on") && is_weekday_or_time(doc.tok(i + 1))
    {
        i += 2;
    }
    if i >= limit || !starts_noun_phrase(doc, i) {
        return None;
    }
    let start = i;
    let mut end = i;
    while end < limit && end - start < MAX_SPEAKER {
        let w = doc.tok(end);
        if !doc.is_word(end) {
            break;
        }
        if end > start
            && is_boundary_word(w)
            && !(w == "of" && is_capitalised(doc.tok(end.saturating_sub(1))))
        {
            break;
        }
        end += 1;
    }
    (end > start).then(|| Span::new(doc.token(start).span.start, doc.token(end - 1).span.end))
}

/// The noun phrase ending right before cue token `cue`: `Foreign Minister Zarif had said`.
fn noun_phrase_before(doc: &Doc, cue: usize) -> Option<Span> {
    let sentence = doc.token(cue).sentence;
    let mut end = cue;
    while end > 0 && doc.token(end - 1).sentence == sentence {
        let w = doc.tok(end - 1);
        if doc.is_word(end - 1) && is_skippable(w) {
            end -= 1;
        } else if end >= 2 && is_weekday_or_time(w) && doc.tok(end - 2).eq_ignore_ascii_case("on") {
            end -= 2;
        } else {
            break;
        }
    }
    // An apposition: "Zarif, Iran's foreign minister, said" — take the name before it.
    if end > 0 && doc.tok(end - 1) == "," {
        let mut k = end - 1;
        let mut steps = 0;
        while k > 0
            && steps < MAX_SPEAKER
            && doc.tok(k - 1) != ","
            && doc.token(k - 1).sentence == sentence
        {
            k -= 1;
            steps += 1;
        }
        if k > 0 && doc.tok(k - 1) == "," {
            end = k - 1;
        } else {
            return None;
        }
    }
    let mut start = end;
    while start > 0 && end - start < MAX_SPEAKER && doc.token(start - 1).sentence == sentence {
        let i = start - 1;
        if !doc.is_word(i) {
            break;
        }
        let w = doc.tok(i);
        if is_boundary_word(w) && !(w == "of" && start < end && is_capitalised(doc.tok(start))) {
            break;
        }
        start -= 1;
    }
    while start < end && !starts_noun_phrase(doc, start) {
        start += 1;
    }
    (start < end).then(|| Span::new(doc.token(start).span.start, doc.token(end - 1).span.end))
}
