//! The words of a name: particles, acronyms, possessives, determiners, nationality adjectives,
//! and the text of a run of tokens as a name.

use crate::doc::Doc;
use crate::lexicon::{ascii_lower, Lexicon};
use crate::segment::without_possessive;
use crate::span::Span;
use std::borrow::Cow;

/// Small words that may stand inside a name between capitalised words.
pub(super) fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "of" | "for"
            | "and"
            | "de"
            | "del"
            | "der"
            | "al"
            | "bin"
            | "ibn"
            | "van"
            | "von"
            | "la"
            | "le"
            | "du"
            | "da"
            | "di"
            | "dos"
            | "das"
    )
}

/// Whether a word starts with a capital (or is an Arabic name with its article: "al-Asad").
#[inline(always)]
pub(super) fn capitalised(w: &str) -> bool {
    // (most words: an ASCII first letter other than the articles' a and e answers at once)
    match w.as_bytes().first() {
        Some(b) if b.is_ascii_uppercase() => return true,
        Some(b'a' | b'e') => {}
        Some(b) if b.is_ascii() => return false,
        _ => {}
    }
    if let Some(rest) = w
        .strip_prefix("al-")
        .or_else(|| w.strip_prefix("el-"))
        .or_else(|| w.strip_prefix("ash-"))
    {
        return rest.chars().next().is_some_and(char::is_uppercase);
    }
    w.chars().next().is_some_and(char::is_uppercase)
}

/// An acronym: two to six capitals, with or without periods ("UN", "U.N.", "NATO").
pub(super) fn is_acronym(w: &str) -> bool {
    let w = without_possessive(w).trim_end_matches("\u{2019}s");
    let letters = w.chars().filter(|c| *c != '.');
    letters.clone().all(|c| c.is_ascii_uppercase()) && (2..=6).contains(&letters.count())
}

/// Whether a token ends in a possessive "'s" (or a bare apostrophe after "s").
pub(super) fn possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("\u{2019}s")
}

pub(super) fn is_opening(t: &str) -> bool {
    matches!(
        t,
        "\"" | "\u{201C}" | "\u{2018}" | "'" | "\u{AB}" | "(" | "[" | "\u{2014}" | "\u{2013}" | "-"
    )
}

/// A word that opens a noun phrase and names no one: an article or a possessive.
pub(super) fn is_determiner(w: &str) -> bool {
    matches!(
        &*ascii_lower(w, &mut crate::lexicon::Word::new()),
        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your"
    )
}

/// A point of the compass, capitalised as part of a name ("East", "North").
pub(super) fn is_compass(w: &str) -> bool {
    matches!(w, "North" | "South" | "East" | "West")
}

/// "Afghan", "English", "Chinese": a word of nationality used as an adjective, not a name
/// (the people are "Afghans", listed in the gazetteer).
pub(super) fn is_adjective_of_nationality(lex: &Lexicon, w: &str) -> bool {
    // ("Republican", "Democratic": the adjectives of a party are no name either)
    let plural = |w: &str| {
        let mut buf = crate::lexicon::ShortName::new();
        buf.try_push_str(w).is_ok() && buf.try_push('s').is_ok() && lex.known(&buf).is_some()
    };
    w.ends_with("ese")
        || w.ends_with("ish") && w.len() > 5
        || w.ends_with("ch") && w.len() > 4 && lex.known(w).is_none()
        || w.ends_with("ic") && w.len() > 5 && lex.known(w).is_none()
        || plural(w)
}

/// "Hegelian", "Mesoamerican", "Western", "Anglo-American": a word of origin or region
/// used as an adjective, by its ending (-ian, -ean, -can, -ern), not a given name
/// ("Brian", "Duncan") nor a listed name; a compound of two ("Anglo-American").
pub(super) fn is_adjective_of_origin(lex: &Lexicon, w: &str) -> bool {
    if let Some((a, b)) = w.split_once('-') {
        return matches!(
            a,
            "Anglo" | "Franco" | "Sino" | "Indo" | "Afro" | "Greco" | "Judeo"
        ) && is_adjective_of_origin(lex, b);
    }
    is_adjective_of_nationality(lex, w)
        || has_origin_ending(w) && lex.gender_of(w).is_none() && lex.known(w).is_none()
}

/// Whether a word of more than five letters ends as words of origin and region do (-ian,
/// -ean, -can, -ern), or is a word for people by race: the cheap test before the lexicon.
pub(super) fn has_origin_ending(w: &str) -> bool {
    w.len() > 5 && ["ian", "ean", "can", "ern"].iter().any(|e| w.ends_with(e)) || is_word_of_race(w)
}

/// The words for people by race that news style capitalises: "Black voters", "the White
/// House" is a name (it is listed), "Indigenous groups".
fn is_word_of_race(w: &str) -> bool {
    matches!(
        w,
        "Black" | "White" | "Brown" | "Coloured" | "Colored" | "Indigenous" | "Aboriginal"
    )
}

/// The span of token range `from..to` without a possessive ending.
pub(super) fn name_span(doc: &Doc, from: usize, to: usize) -> Span {
    let mut end = doc.token(to - 1).span.end;
    let last = doc.tok(to - 1);
    if possessive(last) {
        end -= if last.ends_with("'s") { 2 } else { 4 };
    }
    // "Warhol-like", "Scientology-related": the name without the adjective made of it
    if let Some(stem) = ["-like", "-related", "-style", "-based", "-backed", "-led"]
        .iter()
        .find(|s| last.len() > s.len() + 1 && last.ends_with(*s))
    {
        end -= stem.len();
    }
    Span::new(doc.token(from).span.start, end)
}

/// The words as the gazetteer keys them: tokens joined by single spaces. Borrowed from the
/// text when it has them so (nearly always), built otherwise.
pub(super) fn joined<'t>(doc: &Doc<'t>, from: usize, to: usize) -> Cow<'t, str> {
    if from >= to {
        return Cow::Borrowed("");
    }
    let gap = |i: usize| {
        doc.text
            .get(doc.token(i - 1).span.end..doc.token(i).span.start)
    };
    if (from + 1..to).all(|i| gap(i) == Some(" ")) {
        return Cow::Borrowed(&doc.text[doc.token(from).span.start..doc.token(to - 1).span.end]);
    }
    let mut s = String::new();
    for i in from..to {
        if i > from {
            s.push(' ');
        }
        s.push_str(doc.tok(i));
    }
    Cow::Owned(s)
}

/// Drops small words left at either end of a piece ("of", "and").
pub(super) fn trim_particles(doc: &Doc, mut a: usize, mut b: usize) -> (usize, usize) {
    while a < b && is_particle(doc.tok(a)) {
        a += 1;
    }
    while b > a && is_particle(doc.tok(b - 1)) {
        b -= 1;
    }
    (a, b)
}

/// A single letter, with or without its period ("C", "F.").
pub(super) fn is_letter(w: &str) -> bool {
    let w = w.strip_suffix('.').unwrap_or(w);
    w.len() == 1 && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// A mark of era written after or before a year: "BC", "B.C.", "BCE", "AD", "A.D.", "CE".
pub(super) fn is_era(w: &str) -> bool {
    matches!(
        w,
        "BC" | "B.C." | "BCE" | "B.C.E." | "AD" | "A.D." | "CE" | "C.E."
    )
}

/// "Considering", "Following": a capitalised word in -ing, the rest in lower case, as a
/// participle or gerund opening a sentence is written.
pub(super) fn is_opening_participle(w: &str) -> bool {
    w.len() > 5
        && w.ends_with("ing")
        && w.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && w.bytes().skip(1).all(|b| b.is_ascii_lowercase())
}
