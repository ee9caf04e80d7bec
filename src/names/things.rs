//! Runs that name things, not actors: a thing named for its owner ("the Warhol Polaroids"),
//! events, works, laws, religions and holidays ("World Cup", "Affordable Care Act"), a thing
//! named after its class word ("Cyclone Phailin"). The actors named inside a thing's name
//! are still mentions.

use crate::kind::ActorKind;
use crate::lexicon::{lowercase, ShortName};
use crate::segment::without_possessive;

use super::bounds::*;
use super::heads::word_kind;
use super::kinds::namesake;
use super::words::*;
use super::{push_known, NameMention, Part};

/// "the Warhol Polaroids", "a Warhol Factory": a person's surname naming a thing of theirs
/// is a mention of the person, an acronym's a mention of the organisation (not a listed
/// name, "North Carolina"; not a family name before a given name, "Leung Kwok-hung"). Pushes
/// the owner, and returns whether that reads the whole run: a thing of no kind is no actor
/// (`false` when another word gives the rest a kind or is listed).
pub(super) fn owner_of_thing(part: &Part, out: &mut Vec<NameMention>) -> bool {
    let (doc, lex, seen, start, end) = (part.doc, part.lex, part.seen, part.start, part.end);
    let acronym_first = is_acronym(doc.tok(start)) && lex.known(doc.tok(start)).is_none();
    let owner = end - start >= 2
        && (seen.surnames.contains(doc.tok(start)) || acronym_first)
        && lex.gender_of(doc.tok(start + 1)).is_none()
        && !seen
            .surnames
            .contains(without_possessive(doc.tok(start + 1)))
        && !doc.tok(start + 1).contains('-')
        && lex.known(&joined(doc, start, end)).is_none();
    if !owner {
        return false;
    }
    let span = name_span(doc, start, start + 1);
    out.push(NameMention {
        span,
        titles: None,
        described: span,
        known: None,
        kind: Some(if acronym_first {
            ActorKind::Organization
        } else {
            ActorKind::Person
        }),
        hinted: false,
        back: false,
    });
    let kinded = (start + 1..end)
        .any(|k| word_kind(doc, lex, k).is_some() || lex.known(doc.tok(k)).is_some());
    !kinded
}

/// "World Cup", "Affordable Care Act", "Islam", "Cyclone Phailin": a run naming an event, a
/// work, a law, a religion, a holiday or another thing is no actor. Pushes the places and
/// bodies inside it ("FIRST Global Challenge" keeps FIRST; not past a class word that opens
/// the thing's own name) and the person it is named after, and returns whether the run is a
/// thing.
pub(super) fn thing(part: &Part, out: &mut Vec<NameMention>) -> bool {
    let (doc, lex, start, end) = (part.doc, part.lex, part.start, part.end);
    let opener = thing_opener(part);
    if !names_a_thing(part) && opener.is_none() {
        return false;
    }
    namesake(doc, lex, start, end, out);
    for k in start..opener.unwrap_or(end) {
        if let Some(kn) = lex.known(doc.tok(k)) {
            push_known(doc, k, k + 1, kn, out);
        }
    }
    true
}

/// Whether the run names a thing by its last word ("World Cup", "Affordable Care Act"), as
/// a whole ("Islam"), or before a thing's noun ("the Budweiser Man of the Match award": a
/// thing named before its noun).
fn names_a_thing(part: &Part) -> bool {
    let (doc, lex, start, end) = (part.doc, part.lex, part.start, part.end);
    let mut buf = ShortName::new();
    let head = lowercase(doc.tok(end - 1), &mut buf);
    let head = without_possessive(&head);
    let thing_follows = end < doc.seg.tokens.len()
        && adjacent(doc, end - 1, end)
        && lex.is_thing_head(doc.tok(end));
    lex.is_thing_head(head) && end - start > 1
        || end - start == 1 && lex.is_thing(head)
        || thing_follows
}

/// "Cyclone Phailin", "Space Shuttle Atlantis": where a class word opens a thing's name in
/// the run, what follows it being the thing's own name, not a place or a body ("Project
/// London"; not "Rehabilitation Project Force", where an organisation word follows).
fn thing_opener(part: &Part) -> Option<usize> {
    let (doc, lex, start, end) = (part.doc, part.lex, part.start, part.end);
    (start..end - 1)
        .find(|&k| lex.is_thing_opener(&lowercase(doc.tok(k), &mut ShortName::new())))
        .filter(|&k| (k + 1..end).all(|j| word_kind(doc, lex, j).is_none()))
}
