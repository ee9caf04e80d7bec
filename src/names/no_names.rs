//! Runs of capitalised words that are no names: a dateline in capitals, a word numbered, a
//! lone letter or mark of era, a lone word capitalised only where a sentence starts.

use crate::segment::without_possessive;

use super::bounds::*;
use super::kinds::cited;
use super::words::*;
use super::Part;

/// Whether the run is no name at all, by any of the rules below but the dateline's, which
/// `run_part` asks first (before an acronym may own the thing after it).
pub(super) fn is_no_name(part: &Part) -> bool {
    is_numbered(part) || is_letter_or_era(part) || is_sentence_opener_only(part)
}

/// `UNITED NATIONS (Dunya News) –`: a dateline in capitals opening a paragraph (any words in
/// capitals before the sentence's dash, however short). Words in capitals elsewhere (two at
/// least, or one of more than six letters) are no name either, unless listed.
pub(super) fn is_dateline(part: &Part) -> bool {
    let (doc, lex, start, end) = (part.doc, part.lex, part.start, part.end);
    let shouted = (start..end).all(|k| {
        let w = doc.tok(k);
        // (the cheap test first: most runs are no capitals)
        !w.chars().any(char::is_lowercase) && w.chars().filter(|c| c.is_alphabetic()).count() > 1
    });
    // ("PORT TALBOT —", "GENEVA —": the words in capitals before a sentence's dash, whatever
    // their length; "NATO said" is no dateline)
    let before_dash = || {
        let sentence = doc.seg.sentences[doc.token(start).sentence()];
        crate::phrases::dateline_end(doc, sentence.first_token, sentence.end_token) >= end
    };
    shouted && (end - start > 1 || doc.tok(start).len() > 6 || before_dash()) && {
        let para = doc.seg.paragraph_at(doc.token(start).span.start);
        let opens =
            para.is_some_and(|p| doc.seg.paragraphs[p].start == doc.token(start).span.start);
        opens || lex.known(&joined(doc, start, end)).is_none()
    }
}

/// "Article 51", "Model 3": a word numbered is a thing (not an author and a year, "(Brieber
/// 2014;"), unless listed.
fn is_numbered(part: &Part) -> bool {
    let (doc, lex, start, end) = (part.doc, part.lex, part.start, part.end);
    end < doc.seg.tokens.len()
        && !cited(doc, start, end)
        && doc
            .tok(end)
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
        && adjacent(doc, end - 1, end)
        && lex.known(&joined(doc, start, end)).is_none()
}

/// "Vitamin C", "a grade of F", "500 BC", "AD 70": a lone letter, or a mark of era, is no
/// name.
fn is_letter_or_era(part: &Part) -> bool {
    let w = part.doc.tok(part.start);
    part.end - part.start == 1 && (is_letter(w) || is_era(w))
}

/// "Death to America": a single word that starts a sentence and is capitalised nowhere
/// else, unless known (listed, a first name, an acronym) or cited ("(Moretti, 2013)").
fn is_sentence_opener_only(part: &Part) -> bool {
    let (doc, lex, seen, start, end) = (part.doc, part.lex, part.seen, part.start, part.end);
    end - start == 1 && starts_sentence(doc, start) && !cited(doc, start, end) && {
        let w = doc.tok(start);
        let known = lex.known(w).is_some() || lex.gender_of(without_possessive(w)).is_some();
        !known && !is_acronym(w) && !seen.inside.contains(without_possessive(w))
    }
}
