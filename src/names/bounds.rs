//! Where a name starts and ends: sentence starts, titles and roles before a name, tokens
//! that stand next to each other.

use crate::doc::Doc;
use crate::lexicon::{lowercase, Lexicon, ShortName};
use crate::segment::without_possessive;

use super::words::*;

/// Whether the capitalised word `k`, between a body and a first name and surname in a run
/// of names, stands as a title: a word of its own (no first name, listed name, acronym,
/// particle, function word, organisation or place word) after a listed name, an acronym or
/// an organisation word ("NASA Administrator Charles Bolden", "Harbour Board Inspector
/// Anna Hale"; not "Dame Zaha Mohammad Hadid", where it is a name).
pub(super) fn is_role_before_name(doc: &Doc, lex: &Lexicon, k: usize) -> bool {
    let w = doc.tok(k);
    let mut buf = ShortName::new();
    let lower = lowercase(w, &mut buf);
    let body = doc.tok(k - 1);
    let body_before = lex.known(body).is_some()
        || is_acronym(body)
        || lex.is_organisation_word(&lowercase(body, &mut ShortName::new()));
    body_before
        && adjacent(doc, k - 1, k)
        && adjacent(doc, k, k + 1)
        && doc.is_word(k)
        && capitalised(w)
        && w.chars().skip(1).all(char::is_lowercase)
        && !possessive(w)
        && lex.gender_of(w).is_none()
        && lex.known(w).is_none()
        && !is_particle(&lower)
        && !lex.is_function_word(w)
        && !lex.is_organisation_word(&lower)
        && !lex.is_place_word(&lower)
        && !lex.is_title(&lower)
}

/// Whether tokens `a` and `b` stand side by side with only spaces between them (a name
/// does not run across a line break or punctuation).
pub(super) fn adjacent(doc: &Doc, a: usize, b: usize) -> bool {
    let gap = &doc.text[doc.token(a).span.end..doc.token(b).span.start];
    !gap.contains('\n')
}

/// Whether a name ends after token `i`: a possessive, or the damaged possessive `Iran s`.
pub(super) fn ends_name(doc: &Doc, i: usize) -> bool {
    let n = doc.seg.tokens.len();
    // (not "Korean People's Army", "New People's Party": a possessive inside an
    // organisation's name, which an organisation word ends)
    let org_follows = i + 1 < n && capitalised(doc.tok(i + 1)) && {
        let mut buf = ShortName::new();
        let w = lowercase(doc.tok(i + 1), &mut buf);
        doc.lexicon.is_organisation_word(without_possessive(&w))
    };
    possessive(doc.tok(i)) && !org_follows || (i + 1 < n && doc.tok(i + 1) == "s")
}

/// Whether token `i` starts its sentence or a quotation (where every word is capitalised).
/// A reference mark or a list number before it ("[12] In later years", "3 Transplant the
/// basil") leaves it the sentence's first word.
pub(super) fn starts_sentence(doc: &Doc, i: usize) -> bool {
    let s = doc.seg.sentences[doc.token(i).sentence()];
    let number = |k: usize| doc.tok(k).bytes().all(|b| b.is_ascii_digit());
    let mut k = i;
    loop {
        while k > s.first_token && !doc.is_word(k - 1) {
            k -= 1;
        }
        let marker =
            k > s.first_token && number(k - 1) && (k - 1 == s.first_token || doc.tok(k - 2) == "[");
        if !marker {
            break;
        }
        k -= 1;
    }
    k == s.first_token
        || (k < i && doc.tok(k) == ":")
        || (i > 0 && !doc.is_word(i - 1) && is_opening(doc.tok(i - 1)))
}

/// A word naming a role: a title ("President", "Secretary") or a spokesperson.
pub(super) fn is_role(lex: &Lexicon, lower: &str) -> bool {
    lex.is_title(lower) || matches!(lower, "spokesman" | "spokeswoman" | "spokesperson")
}
