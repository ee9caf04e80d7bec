//! What kind a name is, from how the text uses it: a citation, a place before or after it, a
//! namesake of a place, a score beside it.

use crate::doc::Doc;
use crate::kind::ActorKind;
use crate::lexicon::{ascii_lower, lowercase, Known, Lexicon, ShortName, Word};

use super::words::*;
use super::*;

/// "Andy Warhol Foundation", "Andy Warhol Photographic Legacy Program": a body or thing
/// named after a person (a first name and a surname opening a longer name) names the
/// person too.
pub(super) fn namesake(
    doc: &Doc,
    lex: &Lexicon,
    start: usize,
    end: usize,
    out: &mut Vec<NameMention>,
) {
    if end - start >= 3
        && lex.gender_of(doc.tok(start)).is_some()
        && lex.known(doc.tok(start + 1)).is_none()
        && !lex.is_organisation_word(&lowercase(doc.tok(start + 1), &mut ShortName::new()))
        && !lex.is_place_word(&lowercase(doc.tok(start + 1), &mut ShortName::new()))
    {
        let span = name_span(doc, start, start + 2);
        out.push(NameMention {
            span,
            titles: None,
            described: span,
            known: None,
            kind: Some(ActorKind::Person),
            hinted: false,
            back: false,
        });
    }
}

/// "al-Asad air base", "Kerman province": a place word right after the name. Not after a
/// possessive, which owns the place ("Theodorus' monastery", "Cara's room").
pub(super) fn place_follows(doc: &Doc, lex: &Lexicon, end: usize) -> bool {
    let n = doc.seg.tokens.len();
    if end == 0 || ends_name(doc, end - 1) || doc.tok(end - 1).ends_with(['\'', '\u{2019}']) {
        return false;
    }
    // "Irving, Texas": a town, then its state or country
    let region = end + 1 < n
        && doc.tok(end) == ","
        && lex
            .known(doc.tok(end + 1))
            .is_some_and(|k| matches!(k.1, Known::Region | Known::Country));
    region
        || (end..(end + 2).min(n))
            .take_while(|&k| doc.is_word(k) && doc.tok(k).chars().all(char::is_lowercase))
            .any(|k| lex.is_place_word(doc.tok(k)))
}

/// A word that opens the name of a place of that kind: "Lake Erie", "Mount Kenya", "Port
/// Hutt", "Fort Lee", "Cape Cod".
pub(super) fn opens_a_place(w: &str) -> bool {
    matches!(
        w,
        "Lake" | "Mount" | "Mt." | "Port" | "Fort" | "Cape" | "Isle"
    )
}

/// A one-word name ending as settlements' names do in English: "-town", "-ville"
/// after two letters at least ("Uptown", "Chinatown", "Bartlesville"; not "Town" alone).
pub(super) fn is_settlement_name(w: &str) -> bool {
    ["town", "ville"]
        .iter()
        .any(|s| w.len() >= s.len() + 2 && w.ends_with(s))
}

/// Whether name `start..end` is an author cited: with a year ("Spang (1983)", "Chambers,
/// 2017", "(Brieber 2014;", "(Fillmore 1968)"), "et al.", or co-authors ("Marsden &
/// Mackey", "Boot, Kramer, Simons, & Gratton").
pub(super) fn cited(doc: &Doc, start: usize, end: usize) -> bool {
    let n = doc.seg.tokens.len();
    let tok = |k: usize| if k < n { doc.tok(k) } else { "" };
    let year = |k: usize| {
        let t = tok(k);
        t.len() == 4 && t.bytes().all(|c| c.is_ascii_digit()) && matches!(&t[..2], "19" | "20")
    };
    let before = if start > 0 { doc.tok(start - 1) } else { "" };
    // ("Boot, Kramer, Simons, & Gratton, 2008": the authors before the last go to it)
    let mut k = end;
    for _ in 0..MAX_AUTHORS {
        if tok(k) == "," && capitalised(tok(k + 1)) && tok(k + 2) == "," {
            k += 2;
        } else {
            break;
        }
    }
    matches!(tok(end), "(" | ",") && year(end + 1)
        // (a year right after: in a citation, not a name numbered, "Euro 2016 was held")
        || year(end) && (matches!(before, "(" | ";" | "&") || matches!(tok(end + 1), ")" | ";"))
        || tok(end) == "et" && tok(end + 1).starts_with("al")
        || tok(k) == "&"
        || tok(k) == "," && tok(k + 1) == "&"
        || before == "&"
}

/// The most co-authors a citation lists before its last ("Boot, Kramer, Simons, & Gratton").
pub(super) const MAX_AUTHORS: usize = 8;

/// What the words around name `start..end`, of no kind by its own words, say it names:
/// - what the noun before it names ("the magazine Lumen", "the agency, Varda": an
///   organisation; "my sister Megumi", "the senator, Simrock": a person);
/// - a person, cited as an author (see [`cited`]);
/// - a place, after a preposition of place ("in Tulsa", "across Dorset") or a place noun
///   ("the city of Kerman"), unless it owns what follows ("in Byron's poems").
pub(super) fn used_as(doc: &Doc, lex: &Lexicon, start: usize, end: usize) -> Option<ActorKind> {
    let noun_before = match start.checked_sub(1) {
        Some(c) if doc.tok(c) == "," => c.checked_sub(1),
        k => k,
    }
    .map(|k| doc.tok(k))
    .filter(|w| w.chars().all(char::is_lowercase));
    if let Some(w) = noun_before {
        if lex.is_organisation_word(w) {
            return Some(ActorKind::Organization);
        }
        if lex.gender_of(w).is_some() || lex.is_title(w) {
            return Some(ActorKind::Person);
        }
    }
    let cited = cited(doc, start, end);
    // ("in Byron's poems": what is in is the person's)
    if cited {
        Some(ActorKind::Person)
    } else if place_before(doc, start, end) && !possessive(doc.tok(end - 1)) {
        Some(ActorKind::Place)
    } else {
        None
    }
}

/// "in Kerman", "near Erbil", "the city of Kerman", "the population of Kerman", "his
/// hometown, Kerman": a preposition of place (opening the sentence too: "In Kerman"), a
/// noun for what only a place has and "of", or a place noun and "of" or, in apposition, a
/// comma, before the name, when the name ends its phrase there ("the monastery, Theodorus
/// became" is an adjunct and the clause's subject).
pub(super) fn place_before(doc: &Doc, start: usize, end: usize) -> bool {
    start > 0
        && matches!(
            &*ascii_lower(doc.tok(start - 1), &mut Word::new()),
            "in" | "near" | "outside" | "across" | "throughout" | "around"
        )
        || start > 1
            && doc.tok(start - 1) == "of"
            && is_head_of_place(&ascii_lower(doc.tok(start - 2), &mut Word::new()))
        || start > 1
            && doc.lexicon.is_place_word(doc.tok(start - 2))
            && match doc.tok(start - 1) {
                "of" => true,
                // (in apposition only: not "In prison, Galois wrote", "in Jiangsu
                // province, Chao went")
                "," => {
                    start > 2
                        && is_determiner(doc.tok(start - 3))
                        && (end >= doc.seg.tokens.len() || !doc.is_word(end))
                }
                _ => false,
            }
}

/// "the population of Łódź", "residents of Tulsa", "the outskirts of Mérida": a noun for
/// what only a place has, before "of".
fn is_head_of_place(w: &str) -> bool {
    matches!(
        w,
        "population"
            | "residents"
            | "inhabitants"
            | "dwellers"
            | "citizens"
            | "streets"
            | "outskirts"
            | "suburbs"
            | "centre"
            | "center"
            | "downtown"
            | "mayor"
            | "north"
            | "south"
            | "east"
            | "west"
            | "capital"
    )
}

/// Whether a match score (`1 – 0`, `3-0`) stands right after token `b` or right before
/// token `a`, in the same sentence.
pub(super) fn beside_score(doc: &Doc, a: usize, b: usize) -> bool {
    let sentence = doc.token(a).sentence();
    let number = |k: usize| {
        doc.token(k).sentence() == sentence && {
            let t = doc.tok(k);
            !t.is_empty() && t.len() <= 2 && t.bytes().all(|c| c.is_ascii_digit())
        }
    };
    let dash = |k: usize| matches!(doc.tok(k), "-" | "\u{2013}" | "\u{2014}" | ":");
    let n = doc.seg.tokens.len();
    (b + 2 < n && number(b) && dash(b + 1) && number(b + 2))
        || (a >= 3 && number(a - 1) && dash(a - 2) && number(a - 3))
}
