//! A participle after its verb's object: "The campaign issued a statement saying …".
//!
//! A message put out by the subject speaks for it: in "The campaign issued a statement
//! saying the ruling was wrong" and "Diaz sent an email on Friday saying he would resign"
//! the campaign and Diaz say it. A message that reached the subject speaks for whoever
//! wrote it: in "Police received calls saying shots had been fired" the calls do.

use crate::doc::Doc;
use crate::lexicon::{ascii_lower, Word};
use crate::phrases::{is_month, is_weekday_or_time, noun_phrase_before};
use crate::span::Span;

/// The most words an object runs to between its verb and the participle ("a two-page memo
/// to supporters on Friday").
const MAX_OBJECT: usize = 7;

/// The speaker of the participle at token `k` that follows its verb's object with no comma:
/// the verb's subject when the verb puts a message out ([`puts_out`]), else the object.
/// None when no object and verb stand before it.
pub(super) fn speaker_after_object(doc: &Doc, k: usize) -> Option<Span> {
    let sentence = doc.token(k).sentence();
    let first = doc.seg.sentences[sentence].first_token;
    // back from the participle over the object's words to the verb
    let mut v = k.checked_sub(1)?;
    loop {
        if v <= first || k - v > MAX_OBJECT || !doc.is_word(v) {
            return None;
        }
        let w = doc.tok(v);
        // ("an email", "the post": after a determiner the word is a noun)
        let after_determiner =
            matches!(doc.tok(v - 1), "a" | "an" | "the" | "his" | "her" | "their");
        if v + 1 < k && !after_determiner && (puts_out(w) || is_verb_of_receiving(w)) {
            break;
        }
        // (lower-case words, numbers, and a day or month: "an email on Friday")
        let in_object = w.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
            || is_weekday_or_time(w)
            || is_month(w);
        if !in_object {
            return None;
        }
        v -= 1;
    }
    if puts_out(doc.tok(v)) {
        noun_phrase_before(doc, v)
    } else {
        Some(Span::new(
            doc.token(v + 1).span.start,
            doc.token(k - 1).span.end,
        ))
    }
}

/// A verb that puts a message out, in its past or present forms: "issued", "released",
/// "posted", "sent", "published", "wrote", "tweeted".
fn puts_out(w: &str) -> bool {
    let mut buf = Word::new();
    let w = ascii_lower(w, &mut buf);
    [
        "issue",
        "release",
        "post",
        "publish",
        "tweet",
        "email",
        "e-mail",
        "circulat",
        "distribut",
        "deliver",
        "unveil",
        "file",
        "broadcast",
        "air",
    ]
    .iter()
    .any(|stem| w.starts_with(stem) && w.len() <= stem.len() + 3)
        || matches!(&*w, "sent" | "sends" | "wrote" | "writes")
}

/// A verb of receiving a message: "received", "obtained". (Not "has", "had", "saw" or
/// "got": auxiliaries and verbs of many uses, "has been saying", "saw his support collapse
/// after mocking".)
fn is_verb_of_receiving(w: &str) -> bool {
    matches!(
        &*ascii_lower(w, &mut Word::new()),
        "received" | "receive" | "receives" | "obtained"
    )
}
