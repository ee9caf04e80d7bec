//! What a speaker mention can look like, and what only stands where one could.
//!
//! Two questions the attribution rules ask of the words before a verb:
//! - does the sentence open with an adjunct rather than its subject ("Asked about the
//!   vote, …", "According to the ministry, …", "Last week, …", "Indeed, …")? Then its
//!   subject comes after the adjunct's comma;
//! - can a phrase found in a speaker's place speak at all? A complementizer ("that the
//!   debt …"), an expletive ("There was …"), a pronoun fused with its verb ("It's",
//!   "I'm"), a date, or an adjunct's first word ("According", "Speaking") cannot.
//!
//! Both read closed classes of English words (prepositions, discourse adverbs, time nouns)
//! and the shape of a participle; none is a list of names.

use crate::doc::Doc;
use crate::lexicon::{ascii_lower, Lexicon, Opener, Word};
use crate::phrases::{is_capitalised, is_month, is_weekday_or_time};
use crate::span::Span;

/// How far (in tokens) an opening adjunct may run before its comma.
const ADJUNCT_WINDOW: usize = 30;

/// Sentence adverbs and connectives that open a sentence before a comma ("Indeed, …").
fn is_discourse_adverb(w: &str) -> bool {
    Lexicon::get().is_opener(Opener::Discourse, w)
}

/// Prepositions (and prepositional participles) that open an adjunct, never a subject:
/// "According to …", "Given his past …", "Like Corker, …".
fn is_opening_preposition(w: &str) -> bool {
    Lexicon::get().is_opener(Opener::Preposition, w)
}

/// Nouns of time that a determiner turns into an adjunct: "Last week", "This morning".
fn is_time_noun(w: &str) -> bool {
    Lexicon::get().is_opener(Opener::Time, w)
}

/// Plural time nouns that measure a distance in time: "Hours later", "Days before".
fn is_time_span(w: &str) -> bool {
    Lexicon::get().is_opener(Opener::TimeSpan, w)
}

/// Words a participle opening an adjunct is followed by: "Asked whether …", "Speaking at
/// …", "Pressed on …" (a name is followed by a verb or a comma instead: "Harding said").
fn follows_participle(w: &str) -> bool {
    Lexicon::get().is_opener(Opener::AfterParticiple, w)
}

/// A capitalised participle ("Asked", "Speaking") followed by a word that continues a
/// participial clause, not a verb of its own.
fn is_participle_opener(w: &str, next: &str) -> bool {
    let lower = ascii_lower(w, &mut Word::new()).into_owned();
    let shape = (lower.ends_with("ing") || lower.ends_with("ed")) && lower.len() >= 5;
    shape && is_capitalised(w) && follows_participle(&ascii_lower(next, &mut Word::new()))
}

/// Whether token `i` opens an adjunct that ends at a comma, with the sentence's subject
/// after it. `end` is one past the sentence's last token.
pub(crate) fn opens_adjunct(doc: &Doc, i: usize, end: usize) -> bool {
    if i >= end || !doc.is_word(i) {
        return false;
    }
    let w = doc.tok(i);
    let (mut buf, mut next_buf) = (Word::new(), Word::new());
    let lower = ascii_lower(w, &mut buf);
    let next = if i + 1 < end { doc.tok(i + 1) } else { "" };
    let next_lower = ascii_lower(next, &mut next_buf);
    (is_discourse_adverb(&lower) && next == ",")
        || is_opening_preposition(&lower)
        // ("Here in Columbia, Sanders …": a place adverb before a phrase of place)
        || matches!(&*lower, "here" | "there") && is_opening_preposition(&next_lower)
        || (matches!(&*lower, "last" | "next" | "this" | "early" | "late")
            && is_time_noun(&next_lower))
        || (is_time_span(&lower)
            && matches!(
                &*next_lower,
                "later" | "earlier" | "after" | "before" | "ago"
            ))
        || ((is_weekday_or_time(w) || is_month(w)) && next == ",")
        || is_participle_opener(w, next)
        || participle_clause(doc, i, end)
}

/// "Facing mounting criticism from both parties, Mr. Trump …": a participle opening the
/// sentence, a word in lower case after it, and a comma to close the clause within a few
/// words (a gerund that is the subject has none: "Voting matters").
fn participle_clause(doc: &Doc, i: usize, end: usize) -> bool {
    let w = doc.tok(i);
    let shape = (w.ends_with("ing") || w.ends_with("ed")) && w.len() >= 5 && is_capitalised(w);
    shape
        && i + 1 < end
        && doc.is_word(i + 1)
        && doc.tok(i + 1).starts_with(|c: char| c.is_ascii_lowercase())
        && (i + 2..(i + PARTICIPLE_CLAUSE).min(end)).any(|k| doc.tok(k) == ",")
}

/// The most words a participle clause opening a sentence runs to its comma.
const PARTICIPLE_CLAUSE: usize = 14;

/// The first token after an opening adjunct's comma (within [`ADJUNCT_WINDOW`] tokens),
/// or `None` when the adjunct runs on with no comma ("First there was …").
///
/// The adjunct runs on over the pieces that extend it: a state after a town ("At a rally
/// in Ames, Iowa, on Sunday, …": a piece of capitalised words after a capitalised word)
/// and a piece that opens with a preposition or a time ("…, on Sunday, …").
pub(crate) fn after_adjunct(doc: &Doc, i: usize, end: usize) -> Option<usize> {
    let limit = (i + ADJUNCT_WINDOW).min(end);
    let mut after = (i..limit).find(|&k| doc.tok(k) == ",")? + 1;
    while let Some(comma) = (after..limit.min(after + 4)).find(|&k| doc.tok(k) == ",") {
        let piece = after..comma;
        let first = ascii_lower(doc.tok(after), &mut Word::new()).into_owned();
        let capitalised = piece
            .clone()
            .all(|k| doc.is_word(k) && is_capitalised(doc.tok(k)));
        let place = capitalised && after >= 2 && is_capitalised(doc.tok(after - 2));
        let extends = is_opening_preposition(&first)
            || is_weekday_or_time(doc.tok(after))
            || is_month(doc.tok(after));
        if piece.is_empty() || !(place || extends) {
            break;
        }
        after = comma + 1;
    }
    Some(after)
}

/// A subordinator that opens an adverbial clause of time or reason at a sentence's start
/// ("After the vote, …", "When asked, …"). Not "As" ("As Simonyan put it, RT is …"
/// attributes what follows) nor "If" (a condition is often part of what was said).
pub(crate) fn opens_adverbial_clause(w: &str) -> bool {
    matches!(
        w,
        "After"
            | "Before"
            | "When"
            | "While"
            | "Since"
            | "Because"
            | "Although"
            | "Until"
            | "Once"
            | "Though"
    )
}

/// Pronouns fused with a verb: "It's", "That's", "I'm", "There's", "They're".
fn is_pronoun_with_verb(w: &str) -> bool {
    let Some(cut) = w.find(['\'', '\u{2019}']) else {
        return false;
    };
    let (head, tail) = (&w[..cut], w[cut..].trim_start_matches(['\'', '\u{2019}']));
    matches!(tail, "s" | "m" | "re" | "ve" | "ll" | "d")
        && matches!(
            &*ascii_lower(head, &mut Word::new()),
            "it" | "that"
                | "there"
                | "here"
                | "this"
                | "what"
                | "i"
                | "you"
                | "we"
                | "they"
                | "he"
                | "she"
                | "who"
        )
}

/// The speaker in `span`, found where a speaker stands: `span` itself, or the pronoun of
/// a pronoun fused with its auxiliary ("He's said …" → "He"), or `None` when the phrase
/// cannot speak (see [`can_speak`]).
pub(crate) fn speaker_in(doc: &Doc, span: Span) -> Option<Span> {
    let w = doc.str(span);
    let personal = ["he", "she", "they", "we", "i", "you"];
    if let Some(cut) = w.find(['\'', '\u{2019}']) {
        let head = &w[..cut];
        if is_pronoun_with_verb(w) && personal.contains(&&*ascii_lower(head, &mut Word::new())) {
            return Some(Span::new(span.start, span.start + cut));
        }
    }
    can_speak(doc, span).then_some(span)
}

/// "Apparently", "Obviously", "Reportedly": an adverb of a shape no name has.
fn is_sentence_adverb(lower: &str) -> bool {
    lower.len() >= 8
        && [
            "ally", "ently", "antly", "ously", "ively", "ably", "ibly", "edly", "ingly", "fully",
        ]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// Whether `span`, found where a speaker stands, can be one. It cannot when it opens with a
/// complementizer ("that the debt would …"), is an expletive or a bare demonstrative
/// ("There", "That"), a pronoun fused with its verb ("It's"), a date or time ("Tuesday",
/// "Last week"), or the first word of an adjunct ("According", "Speaking", "Given").
pub(crate) fn can_speak(doc: &Doc, span: Span) -> bool {
    let from = doc.token_after(span.start);
    let mut to = doc.token_before(span.end);
    // (a possessor without its 's ends inside its token: "Clinton" of "Clinton's")
    if from < doc.seg.tokens.len() && span.end > doc.token(from).span.start {
        to = to.max(from + 1);
    }
    if from >= to {
        return false;
    }
    let first = doc.tok(from);
    let lower = ascii_lower(first, &mut Word::new()).into_owned();
    let alone = to == from + 1;
    if first == "that" || is_pronoun_with_verb(first) {
        return false;
    }
    // "Among many references …", "In the email": a preposition opens an adjunct, not a
    // speaker ("At least 20 protesters", "About 40 residents" count people, and speak;
    // "Outside experts" is an adjective)
    let quantifier = matches!(
        lower.as_str(),
        "at" | "about" | "over" | "under" | "near" | "outside" | "inside"
    );
    if is_opening_preposition(&lower) && (alone || !quantifier) {
        return false; // (alone too: "According")
    }
    if alone
        && (matches!(
            lower.as_str(),
            "there" | "here" | "that" | "this" | "very" | "so" | "too" | "quite" | "just" | "only"
        ) || is_discourse_adverb(&lower)
            || is_weekday_or_time(first)
            || is_month(first)
            || is_sentence_adverb(&lower)
            // ("Say “hello” to all": a verb of saying, as an imperative, is no subject)
            || doc.cue_at_token(from).is_some())
    {
        return false;
    }
    // "Around 4 July 1831", "In early March": a date
    if (from..to).any(|k| is_month(doc.tok(k)))
        && (from..to).all(|k| {
            let w = doc.tok(k);
            !doc.is_word(k)
                || is_month(w)
                || w.bytes().all(|b| b.is_ascii_digit())
                || is_opening_preposition(&ascii_lower(w, &mut Word::new()))
                || matches!(w, "early" | "late" | "mid" | "around" | "Around")
        })
    {
        return false;
    }
    // "Tuesday night", "Last week", "Hours later"
    if to == from + 2 {
        let second = ascii_lower(doc.tok(from + 1), &mut Word::new()).into_owned();
        if (is_weekday_or_time(first) && crate::phrases::is_time_of_day(&second))
            || (matches!(lower.as_str(), "last" | "next" | "this") && is_time_noun(&second))
            || is_time_span(&lower)
        {
            return false;
        }
    }
    // a lone capitalised participle that opens an adjunct: "Asked whether …"
    !(alone && to < doc.seg.tokens.len() && is_participle_opener(first, doc.tok(to)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pronoun_fused_with_its_verb_is_told_from_a_possessive_name() {
        for w in ["It's", "That\u{2019}s", "I'm", "They're", "There's", "He's"] {
            assert!(is_pronoun_with_verb(w), "{w}");
        }
        for w in ["Trump's", "O'Brien", "Smith\u{2019}s", "it"] {
            assert!(!is_pronoun_with_verb(w), "{w}");
        }
    }

    #[test]
    fn a_participle_opens_an_adjunct_only_before_the_words_that_continue_one() {
        assert!(is_participle_opener("Asked", "whether"));
        assert!(is_participle_opener("Speaking", "at"));
        assert!(is_participle_opener("Based", "on"));
        // a surname in -ing or -ed before its verb or its comma
        assert!(!is_participle_opener("Harding", "said"));
        assert!(!is_participle_opener("Redding", ","));
        assert!(!is_participle_opener("asked", "whether"));
    }
}
