//! What a run's words say of its kind: an organisation or place word ("Ministry", "Hall")
//! and where it stands (last, inside, before "of"); such a word alone, standing for a name
//! given before ("the Court"); and "X of Y", which may be a person of an organisation
//! ("Claudia Mo of the Civic Party").

use crate::doc::Doc;
use crate::kind::ActorKind;
use crate::lexicon::{lowercase, Known, Lexicon, ShortName};
use crate::segment::without_possessive;

use super::words::*;
use super::{NameMention, Part};

/// The kind a word gives a name: an organisation word ("Ministry"), a place word ("Hall").
pub(super) fn word_kind(doc: &Doc, lex: &Lexicon, k: usize) -> Option<ActorKind> {
    let mut buf = ShortName::new();
    let w = lowercase(doc.tok(k), &mut buf);
    let w = without_possessive(&w);
    if lex.is_organisation_word(w) {
        Some(ActorKind::Organization)
    } else if lex.is_place_word(w) {
        Some(ActorKind::Place)
    } else {
        None
    }
}

/// "University" or "Court" alone: a common noun written with a capital, which can only
/// refer back to a name ("the Court" for "the Supreme Court"). Pushes it as such, and
/// returns whether the run was one.
pub(super) fn back_reference(part: &Part, out: &mut Vec<NameMention>) -> bool {
    if part.end - part.start != 1 {
        return false;
    }
    let Some(kind) = word_kind(part.doc, part.lex, part.start) else {
        return false;
    };
    let span = name_span(part.doc, part.start, part.end);
    out.push(NameMention {
        span,
        titles: None,
        described: span,
        known: None,
        kind: Some(kind),
        hinted: false,
        back: true,
    });
    true
}

/// "X of Y" inside a run: where its first "of" stands, and where Y starts (after "of the").
#[derive(Debug, Clone, Copy)]
pub(super) struct Of {
    /// The token "of".
    pub(super) of: usize,
    /// The first token of Y.
    pub(super) object: usize,
}

/// The first "of" inside the run (not its first or last word), if any.
pub(super) fn first_of(part: &Part) -> Option<Of> {
    let doc = part.doc;
    let of = (part.start + 1..part.end - 1).find(|&k| doc.tok(k) == "of")?;
    let object = if doc.tok(of + 1) == "the" {
        of + 2
    } else {
        of + 1
    };
    Some(Of { of, object })
}

/// "Claudia Mo of the Civic Party", "Lee Cheuk-yan of the Labour Party": whether "X of Y"
/// in the run is a person of an organisation, two names. X has two or more words, and
/// either opens with a first name, or has no organisation, place or title word and Y is an
/// organisation ("Marlow Chamber of Commerce" is one body: Y must be an organisation's
/// name, an acronym or a listed body).
pub(super) fn person_of_body(part: &Part, of: Of) -> bool {
    let (doc, lex, start, end) = (part.doc, part.lex, part.start, part.end);
    let Of { of, object } = of;
    if object >= end || of - start < 2 {
        return false;
    }
    let body_after = word_kind(doc, lex, end - 1) == Some(ActorKind::Organization)
        || end == object + 1 && is_acronym(doc.tok(object))
        || lex
            .known(&joined(doc, object, end))
            .is_some_and(|k| matches!(k.1, Known::Organization | Known::Media));
    lex.gender_of(doc.tok(start)).is_some()
        || body_after
            && (start..of).all(|k| {
                word_kind(doc, lex, k).is_none()
                    && !lex.is_title(&lowercase(doc.tok(k), &mut ShortName::new()))
            })
}

/// "X of Y": the head is X ("Municipality of Livorno", "Bank of America"); the kind of the
/// word before the first "of" or "for" inside the run.
pub(super) fn of_head(part: &Part) -> Option<ActorKind> {
    (part.start + 1..part.end - 1)
        .find(|&k| matches!(part.doc.tok(k), "of" | "for"))
        .and_then(|of| word_kind(part.doc, part.lex, of - 1))
}

/// The kind of the run as one organisation or place, if it is one: its head's
/// (`of_head`), else its last word's ("Constitution Hall"). An organisation word inside the
/// name makes it the organisation's, whatever its last word ("Irving Independent School
/// District", "Marlow General Hospital"); so does an organisation word with a word of no
/// kind after it ("Group F", "Sea Org"); and a one-word name of a creed or a discipline
/// ("Scientology") is never a place.
pub(super) fn suffix_kind(part: &Part, of_head: Option<ActorKind>) -> Option<ActorKind> {
    let (doc, lex, start, end) = (part.doc, part.lex, part.start, part.end);
    let inner_org =
        (start..end - 1).any(|k| word_kind(doc, lex, k) == Some(ActorKind::Organization));
    let creed = end == start + 1 && doc.tok(start).ends_with("ology");
    of_head.or_else(|| match word_kind(doc, lex, end - 1) {
        Some(ActorKind::Place) | None if inner_org || creed => Some(ActorKind::Organization),
        kind => kind,
    })
}
