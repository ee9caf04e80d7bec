//! A run cut into pieces: gazetteer names (longest first), titles and plain words; and, for
//! a run that is no organisation or place, the names its pieces make: people with their
//! titles, listed names, and no name for a word of origin or a point of the compass.

use crate::doc::Doc;
use crate::kind::ActorKind;
use crate::lexicon::{lowercase, Known, Lexicon, ShortName};
use crate::segment::without_possessive;
use crate::span::Span;

use super::kinds::*;
use super::words::*;
use super::{push_known, NameMention, Part, Seen};

/// What a stretch of a run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Piece {
    /// A gazetteer name, with its entry and what it names.
    Known((usize, Known)),
    /// A title ("Foreign Minister", "Secretary of State").
    Title,
    /// Words of neither.
    Plain,
}

/// The run cut into pieces `(from, to, what)`, in order: at each word the longest gazetteer
/// name that starts there, else a title, else a plain word joined to the plain words before
/// it. A run of a kind (`kind`: an organisation or a place) has no titles.
pub(super) fn cut(part: &Part, kind: Option<ActorKind>) -> Vec<(usize, usize, Piece)> {
    let (doc, lex, end) = (part.doc, part.lex, part.end);
    let mut pieces: Vec<(usize, usize, Piece)> = Vec::new();
    let mut k = part.start;
    while k < end {
        if let Some((e, kn)) = longest_known(doc, lex, k, end) {
            pieces.push((k, e, Piece::Known(kn)));
            k = e;
        } else if k + 1 < end
            && matches!(doc.tok(k), "of" | "for")
            && pieces.last().is_some_and(|p| p.2 == Piece::Title)
        {
            // "Secretary of State John Kerry": the office runs through its object
            pieces.push((k, k + 2, Piece::Title));
            k += 2;
        } else if is_title_at(part, k) && kind.is_none() {
            pieces.push((k, k + 1, Piece::Title));
            k += 1;
        } else {
            match pieces.last_mut() {
                Some((_, e, Piece::Plain)) if *e == k => *e = k + 1,
                _ => pieces.push((k, k + 1, Piece::Plain)),
            }
            k += 1;
        }
    }
    pieces
}

/// The longest gazetteer name that starts at token `k` and ends by `end` (of no more words
/// than the longest listed name): where it ends, and its entry.
fn longest_known(
    doc: &Doc,
    lex: &Lexicon,
    k: usize,
    end: usize,
) -> Option<(usize, (usize, Known))> {
    (k + 1..=(k + lex.known_words()).min(end))
        .rev()
        .find_map(|e| lex.known(&joined(doc, k, e)).map(|kn| (e, kn)))
}

/// Whether the word at `k` in the run is a title: a listed one ("President", "Sen."), or a
/// word that stands as a title before a first name and a surname elsewhere in the text,
/// here before a surname or a first name ("Administrator Bolden" after "NASA Administrator
/// Charles Bolden").
fn is_title_at(part: &Part, k: usize) -> bool {
    let (doc, lex, seen, end) = (part.doc, part.lex, part.seen, part.end);
    let mut buf = ShortName::new();
    let lower = lowercase(doc.tok(k), &mut buf);
    lex.is_title(without_possessive(&lower))
        || k + 1 < end
            && seen.roles.contains(doc.tok(k))
            && (seen.surnames.contains(without_possessive(doc.tok(k + 1)))
                || lex.gender_of(doc.tok(k + 1)).is_some())
}

/// "Valeska Paris", "Michael Jordan": a one-word place name after the one plain word that
/// opens the run is a surname (a city after a word that is no name, a country or region
/// after a first name): the two pieces become one plain piece.
pub(super) fn join_place_as_surname(part: &Part, pieces: &mut Vec<(usize, usize, Piece)>) {
    let (doc, lex, seen, start) = (part.doc, part.lex, part.seen, part.start);
    if let [(a, _, Piece::Plain), (_, e, Piece::Known((_, kind))), ..] = pieces[..] {
        let one_word = |x: usize, y: usize| y == x + 1;
        let surname = one_word(a, pieces[0].1)
            && one_word(pieces[1].0, e)
            && a == start
            && !is_compass(doc.tok(a))
            && match kind {
                // (not "Old Athens", "Greater Phoenix" when the text named the city
                // alone before the word opened a name)
                Known::City | Known::Capital => {
                    let opened = seen.opens.get(doc.tok(a)).copied().unwrap_or(a);
                    seen.alone
                        .get(without_possessive(doc.tok(pieces[1].0)))
                        .is_none_or(|&at| at > opened)
                }
                Known::Country | Known::Region => lex.gender_of(doc.tok(a)).is_some(),
                _ => false,
            };
        if surname {
            pieces.splice(0..2, [(a, e, Piece::Plain)]);
        }
    }
}

/// Pushes the names that the pieces of the run, a run of no kind, make: each gazetteer
/// name, and each stretch of plain words that is no adjective, with the titles right before
/// it ("Foreign Minister Mohammad Javad Zarif"). A plain word before a title describes
/// ("Iranian Foreign Minister"); it is no name.
pub(super) fn push_pieces(
    part: &Part,
    pieces: &[(usize, usize, Piece)],
    out: &mut Vec<NameMention>,
) {
    let (doc, lex, seen, start) = (part.doc, part.lex, part.seen, part.start);
    let mut title_from: Option<usize> = None;
    for (j, &(a, b, p)) in pieces.iter().enumerate() {
        match p {
            Piece::Known(kn) => {
                push_known(doc, a, b, kn, out);
                title_from = None;
            }
            Piece::Title => {
                title_from.get_or_insert(a);
            }
            Piece::Plain => {
                if pieces.get(j + 1).is_some_and(|q| q.2 == Piece::Title) {
                    continue;
                }
                let (a, b) = trim_particles(doc, a, b);
                if a >= b
                    || is_adjective(doc, lex, seen, a, b)
                    || is_compass_before_place(doc, pieces, j, a, b)
                {
                    continue;
                }
                let titles = title_from
                    .map(|t| Span::new(doc.token(t).span.start, doc.token(a - 1).span.end));
                let (kind, hinted) = plain_kind(part, a, b, title_from.is_some());
                let span = name_span(doc, a, b);
                out.push(NameMention {
                    span,
                    titles,
                    described: Span::new(doc.token(start).span.start, span.end),
                    known: None,
                    kind,
                    hinted,
                    back: false,
                });
                title_from = None;
            }
        }
    }
}

/// "East L.A.", "northern Syria": a point of the compass (plain words `a..b` of piece `j`)
/// before a listed place says which part of it; the place is mentioned, the word is none.
fn is_compass_before_place(
    doc: &Doc,
    pieces: &[(usize, usize, Piece)],
    j: usize,
    a: usize,
    b: usize,
) -> bool {
    b == a + 1
        && is_compass(doc.tok(a))
        && pieces
            .get(j + 1)
            .is_some_and(|q| matches!(q.2, Piece::Known(_)))
}

/// Whether plain words `a..b` are an adjective, no name: a word of nationality or party
/// ("Afghan girls", "Democratic lawmakers"), or words of origin and the compass before a
/// lower-case noun, or alone ("Hegelian philosophy", "African American voters", "North
/// American"). A surname or an author ending as "Islamic" does is still a name ("Modric"
/// after "Luka Modric", "(Milekic 2010)").
fn is_adjective(doc: &Doc, lex: &Lexicon, seen: &Seen, a: usize, b: usize) -> bool {
    b == a + 1
        && is_adjective_of_nationality(lex, doc.tok(a))
        && !seen.surnames.contains(without_possessive(doc.tok(a)))
        && !cited(doc, a, b)
        || b > a
            // (first what costs nothing: a lower-case word after the piece, a word with the
            // ending of one of origin; then the lexicon)
            && (b >= doc.seg.tokens.len()
                || !doc.is_word(b)
                || doc.tok(b).starts_with(char::is_lowercase))
            // (one word: the nationality test above has been made)
            && (b > a + 1 || has_origin_ending(doc.tok(a)) || doc.tok(a).contains('-'))
            // (a compass word only before another: the last is one of origin)
            && (a..b).all(|k| {
                is_adjective_of_origin(lex, doc.tok(k)) || is_compass(doc.tok(k)) && k + 1 < b
            })
            && !(a..b).any(|k| {
                let w = without_possessive(doc.tok(k));
                seen.surnames.contains(w) || seen.in_names.contains(w)
            })
            && !cited(doc, a, b)
}

/// The kind of name `a..b` in the run, and whether it is only hinted by the words
/// around it: a person after a title (`titled`) or with a first name and more; an
/// organisation, an acronym alone; a place before a place word ("Kerman province") or
/// opened by one ("Lake Erie"); else what the words around the whole run say it names
/// ([`used_as`]), or a settlement by the form of its name ("Chinatown", "Bartlesville"), or
/// a point of the compass alone ("the North").
fn plain_kind(part: &Part, a: usize, b: usize, titled: bool) -> (Option<ActorKind>, bool) {
    let (doc, lex, start, end) = (part.doc, part.lex, part.start, part.end);
    if titled || lex.gender_of(doc.tok(a)).is_some() && b > a + 1 {
        (Some(ActorKind::Person), false)
    } else if b == a + 1 && is_acronym(doc.tok(a)) {
        (Some(ActorKind::Organization), false)
    } else if b == end && place_follows(doc, lex, end) || b > a + 1 && opens_a_place(doc.tok(a)) {
        (Some(ActorKind::Place), false)
    } else {
        let used = (b == end && a == start)
            .then(|| used_as(doc, lex, start, end))
            .flatten();
        let w = without_possessive(doc.tok(a));
        // (and a point of the compass named alone: "the North", "across the Southwest";
        // not the surname of someone named in full, "Douglass North")
        let compass = (is_compass(w)
            || matches!(w, "Northeast" | "Northwest" | "Southeast" | "Southwest"))
            && !part.seen.surnames.contains(w);
        let settlement =
            (b == a + 1 && (is_settlement_name(w) || compass)).then_some(ActorKind::Place);
        let kind = used.or(settlement);
        (kind, kind.is_some())
    }
}
