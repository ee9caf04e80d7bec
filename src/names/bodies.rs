//! A run read as one organisation or place ("United States National Security Council",
//! "Constitution Hall"), pushed with the names inside it: its gazetteer names, the place a
//! body governs ("Municipality of Livorno"), the person it is named after ("Andy Warhol
//! Foundation") and a place named before that opens it ("the Irving Police Department").

use crate::doc::Doc;
use crate::kind::ActorKind;
use crate::lexicon::{lowercase, Known, ShortName};

use super::heads::{word_kind, Of};
use super::kinds::namesake;
use super::pieces::Piece;
use super::words::*;
use super::{push_known, NameMention, Part};

/// What a run read as one organisation or place is.
#[derive(Debug, Clone, Copy)]
pub(super) struct Body {
    /// What it is: an organisation or a place.
    pub(super) kind: ActorKind,
    /// Its first "of", if any ("Municipality of Livorno").
    pub(super) of: Option<Of>,
    /// The kind of the word before its first "of" or "for", if any.
    pub(super) of_head: Option<ActorKind>,
}

/// Pushes the names inside the run, then the run itself as `body`, from its first piece
/// that is no title to its end; a listed body ending it makes it that body ("The United
/// Kingdom Home Office" is the Home Office).
pub(super) fn push_body(
    part: &Part,
    body: &Body,
    pieces: &[(usize, usize, Piece)],
    out: &mut Vec<NameMention>,
) {
    let (doc, lex, start, end) = (part.doc, part.lex, part.start, part.end);
    let from = pieces
        .iter()
        .position(|p| p.2 != Piece::Title)
        .map_or(start, |p| pieces[p].0);
    push_inner_known(part, body, from, pieces, out);
    push_governed_place(part, body, pieces, out);
    namesake(doc, lex, from, end, out);
    push_opening_place(part, pieces, out);
    let head = pieces
        .last()
        .and_then(|p| match p.2 {
            Piece::Known(kn) if p.1 == end && body.of_head.is_none() => Some(kn),
            _ => None,
        })
        .filter(|kn| matches!(kn.1, Known::Organization | Known::Media));
    out.push(NameMention {
        span: name_span(doc, from, end),
        titles: None,
        described: name_span(doc, from, end),
        known: head,
        kind: Some(body.kind),
        hinted: false,
        back: false,
    });
}

/// Pushes the gazetteer names inside the run from token `from` as mentions of their own
/// ("United States" in "United States National Security Council"). Not a listed name
/// ending the body, which is the body's own head, unless the head comes first ("University
/// of Texas"); nor a listed body of generic name inside a longer one ("Supreme Court" in
/// "Italian Supreme Court of Cassation" is that court, not another).
fn push_inner_known(
    part: &Part,
    body: &Body,
    from: usize,
    pieces: &[(usize, usize, Piece)],
    out: &mut Vec<NameMention>,
) {
    let (doc, lex, end) = (part.doc, part.lex, part.end);
    for &(a, b, p) in pieces {
        if let Piece::Known(kn) = p {
            let generic = matches!(kn.1, Known::Organization)
                && b > a + 1
                && lex.is_organisation_word(&lowercase(doc.tok(b - 1), &mut ShortName::new()));
            if a >= from && (b < end || body.of_head.is_some()) && !generic {
                push_known(doc, a, b, kn, out);
            }
        }
    }
}

/// "Municipality of Livorno", "University of Southern Indiana": a body named for a place
/// names the place, when the place is no listed name (pushed already); not "Church of
/// Scientology": a church is of a faith.
fn push_governed_place(
    part: &Part,
    body: &Body,
    pieces: &[(usize, usize, Piece)],
    out: &mut Vec<NameMention>,
) {
    let (doc, end) = (part.doc, part.end);
    let Some(Of { of, object }) = body.of else {
        return;
    };
    if governs(doc, of - 1)
        && object < end
        && !pieces
            .iter()
            .any(|p| p.0 >= object && matches!(p.2, Piece::Known(_)))
    {
        let span = name_span(doc, object, end);
        out.push(NameMention {
            span,
            titles: None,
            described: span,
            known: None,
            kind: Some(ActorKind::Place),
            hinted: false,
            back: false,
        });
    }
}

/// Whether the word at `k`, before "of", names a body or an office that governs a place
/// ("Municipality", "Government", "Mayor").
fn governs(doc: &Doc, k: usize) -> bool {
    matches!(
        &*lowercase(doc.tok(k), &mut ShortName::new()),
        "municipality"
            | "government"
            | "city"
            | "county"
            | "province"
            | "state"
            | "region"
            | "district"
            | "people"
            | "mayor"
            | "governor"
    )
}

/// "the Irving Police Department" after "Irving, Texas": a place named before that opens a
/// body's name (a first plain word of no kind, not the whole name) is mentioned again, as
/// a back-reference.
fn push_opening_place(part: &Part, pieces: &[(usize, usize, Piece)], out: &mut Vec<NameMention>) {
    let (doc, lex, end) = (part.doc, part.lex, part.end);
    if let Some(&(a, b, Piece::Plain)) = pieces.first() {
        if b > a && end - a > 1 && word_kind(doc, lex, a).is_none() {
            let span = name_span(doc, a, a + 1);
            out.push(NameMention {
                span,
                titles: None,
                described: span,
                known: None,
                kind: None,
                hinted: false,
                back: true,
            });
        }
    }
}
