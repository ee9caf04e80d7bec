//! What opens a run of capitalised words and is no part of the name after it: an article, a
//! function word, a participle opening the sentence, a plural noun or a number before "of".

use crate::doc::Doc;
use crate::lexicon::Lexicon;

use super::bounds::*;
use super::words::*;
use super::Part;

/// The run past the words that open it and are no part of its name (empty when no word is
/// left). Whether the run's first token starts its sentence decides for every word dropped:
/// where every word is capitalised, more of them are no names.
pub(super) fn trim_opening(mut part: Part) -> Part {
    let Part { doc, lex, .. } = part;
    let at_start = starts_sentence(doc, part.start);
    while part.start < part.end && is_opening_word(doc, lex, at_start, part.start) {
        part.start += 1;
    }
    if !at_start {
        return part;
    }
    if is_participle_before_name(&part) {
        part.start += 1;
    }
    if is_group_before_of(&part) {
        part.start += 2;
        if part.start < part.end && doc.tok(part.start) == "the" {
            part.start += 1;
        }
    }
    part
}

/// "The Pentagon", "But Zarif": an article or a sentence's first function word (`at_start`:
/// the run opens its sentence) is no part of the name; nor is a function word or
/// interjection capitalised anywhere ("Do you", "Oh Dad", "Following his discharge"),
/// unless written in capitals ("US", "WHO").
fn is_opening_word(doc: &Doc, lex: &Lexicon, at_start: bool, k: usize) -> bool {
    let w = doc.tok(k);
    matches!(w, "The" | "A" | "An")
        || at_start && lex.is_sentence_starter(w)
        || lex.is_function_word(w) && !is_acronym(w)
}

/// "Considering Socotra is …", "Using Basil …": a participle or gerund opening the sentence
/// before a name is no part of it (but "Irving Berlin", "Reading Borough": a first name or a
/// listed place is, and so is a word capitalised elsewhere in the text).
fn is_participle_before_name(part: &Part) -> bool {
    let (doc, lex, seen, start, end) = (part.doc, part.lex, part.seen, part.start, part.end);
    end - start > 1 && is_opening_participle(doc.tok(start)) && {
        let w = doc.tok(start);
        lex.gender_of(w).is_none() && lex.known(w).is_none() && !seen.inside.contains(w)
    }
}

/// "Commanders of the Korean People's Army", "Members of the Sea Org", "One of Norton's
/// proclamations": a plural noun or a number opening the sentence, capitalised nowhere
/// else, is no part of the name after "of".
fn is_group_before_of(part: &Part) -> bool {
    let (doc, lex, seen, start, end) = (part.doc, part.lex, part.seen, part.start, part.end);
    if end - start <= 2 || doc.tok(start + 1) != "of" {
        return false;
    }
    let w = doc.tok(start);
    let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
    let number = matches!(
        w,
        "One" | "Two" | "Three" | "Four" | "Five" | "Six" | "Seven" | "Eight" | "Nine" | "Ten"
    );
    (plural || number) && !seen.inside.contains(w) && lex.known(w).is_none()
}
