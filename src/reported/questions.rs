//! The subject of a question.
//!
//! "Do you think a socialist can win?", "Did the foundation refuse to hand them over?",
//! "Why does Israel refuse to recognise it?": in a question an auxiliary, after a question
//! word or not, goes before the subject, and the phrase read back from the verb takes them
//! in ("Do you", "Why does Israel"). The speaker is the subject alone ("you", "Israel").

use super::clause::is_auxiliary;
use crate::doc::Doc;
use crate::lexicon::{ascii_lower, Word};
use crate::segment::Sentence;
use crate::span::Span;

/// The subject in `speaker`, without the question words and the auxiliary that open it in
/// a question (a sentence ending with a question mark); `speaker` itself in any other
/// sentence. None when nothing is left: "Have you been surprised that …" read back to
/// "Have".
pub(super) fn subject_of_question(doc: &Doc, speaker: Span) -> Option<Span> {
    let first = doc.token_after(speaker.start);
    let Some(token) = doc.seg.tokens.get(first) else {
        return Some(speaker);
    };
    let sentence = doc.seg.sentences[token.sentence()];
    let mut k = first;
    while k < sentence.end_token && is_question_word(doc.tok(k)) {
        k += 1;
    }
    // (the word order first, what costs least; then the question mark, among the few
    // marks that end the sentence: a run of marks is not read for every report in it)
    if k >= sentence.end_token || !is_inverted(doc.tok(k)) || !asks(doc, sentence) {
        return Some(speaker);
    }
    let subject = doc.seg.tokens.get(k + 1)?.span.start;
    (subject < speaker.end).then(|| Span::new(subject, speaker.end))
}

/// The most marks read back from a sentence's end for its question mark (`?"),` is three).
const END_MARKS: usize = 8;

/// Whether `sentence` ends with a question mark, before the closing marks after it.
fn asks(doc: &Doc, sentence: Sentence) -> bool {
    (sentence.first_token..sentence.end_token)
        .rev()
        .take(END_MARKS)
        .take_while(|&j| !doc.tok(j).chars().any(char::is_alphanumeric))
        .any(|j| doc.tok(j).contains('?'))
}

/// An auxiliary that goes before the subject in a question ("do" too, which
/// [`is_auxiliary`] leaves out as it shows no clause has begun).
fn is_inverted(w: &str) -> bool {
    is_auxiliary(w) || matches!(&*ascii_lower(w, &mut Word::new()), "do" | "don't")
}

/// "Why", "what", "how", …: the words that open a question.
fn is_question_word(w: &str) -> bool {
    matches!(
        &*ascii_lower(w, &mut Word::new()),
        "why" | "what" | "how" | "when" | "where" | "who" | "whom" | "which" | "whose"
    )
}
