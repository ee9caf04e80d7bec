//! Name mentions: the proper names of a text, with their boundaries, titles and kind.
//!
//! A name is a run of capitalised words in one sentence, with small words inside ("Bank of
//! America", "Osama bin Laden"); a possessive ends it ("Iran's"). Inside a run the
//! gazetteer's names are found first (longest first: "United States", "U.N."), titles are
//! split off ("Foreign Minister", "Ayatollah", "Sen."), and what is left is the name
//! ("Mohammad Javad Zarif"). A run that ends in an organisation or place word ("United
//! States National Security Council", "Constitution Hall") is one name, and the gazetteer
//! names inside it are mentions of their own.
//!
//! Not names: a capitalised word that only starts a sentence or quotation and is nowhere
//! else capitalised inside one ("Death to America"), a capitalised word before a number
//! ("Article 51"), an all-capitals dateline (`UNITED NATIONS (Dunya News) –`), weekdays and
//! months, and adjectives of nationality ("Afghan team").
//!
//! This module reads the runs and splits them (`find`, `run_part`); `bounds` says where a
//! name starts and ends, `kinds` what kind a name is from how the text uses it, `words` what
//! shape its words have.

use crate::actors::ActorKind;
use crate::doc::Doc;
use crate::lexicon::{lowercase, Known, Lexicon, Map, Set, ShortName};
use crate::phrases::{is_month, is_weekday_or_time};
use crate::segment::without_possessive;
use crate::span::Span;

mod bounds;
mod kinds;
mod words;

use bounds::*;
use kinds::*;
use words::*;

/// One name in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameMention {
    /// The name, without titles, a leading "the" or a possessive ending.
    pub span: Span,
    /// The titles right before it ("Foreign Minister", "Sen."), if any.
    pub titles: Option<Span>,
    /// From the first word of its description to its end: "Iran's UN Ambassador Majid
    /// Takht Ravanchi" for the name "Majid Takht Ravanchi" (the span itself when nothing
    /// describes it).
    pub described: Span,
    /// Its gazetteer entry and what it names, when listed.
    pub known: Option<(usize, Known)>,
    /// The kind its own words show (an organisation or place word, a first name or a
    /// title, an acronym), if any.
    pub kind: Option<ActorKind>,
    /// Whether `kind` is only suggested by the context ("in Kerman"), not shown by the
    /// name's own words: any evidence from the name itself overrides it.
    pub hinted: bool,
    /// A generic word standing for a name given before ("the Court" after "the Supreme
    /// Court", "the University"): a mention only of an actor already named, never one of
    /// its own.
    pub back: bool,
}

/// The most tokens a run of name words holds: a longer run is cut there, and the rest read
/// as another. The longest runs of real text are Title Case headlines and names built with
/// "of the" (24 tokens in PolNeAR train and dev, GUM news and other genres); a run through
/// a whole text of capitalised words would make every name in it a description of the
/// next, each longer than the last, and the actors' work quadratic or worse.
const MAX_RUN: usize = 32;

/// Finds the name mentions of the document, in text order.
pub fn find(doc: &Doc) -> Vec<NameMention> {
    let lex = doc.lexicon;
    let n = doc.seg.tokens.len();
    // Words capitalised somewhere other than at a sentence's or quotation's start: a word
    // capitalised only where every word is ("Death") is no name.
    let mut inside: Set<&str> = Set::default();
    for i in 0..n {
        if doc.is_word(i) && capitalised(doc.tok(i)) && !starts_sentence(doc, i) {
            inside.insert(without_possessive(doc.tok(i)));
        }
    }
    let is_name_word = |i: usize| {
        doc.is_word(i)
            && capitalised(doc.tok(i))
            // "IE6", "F-16": a model or product, unless listed ("G20")
            && (!doc.tok(i).chars().any(|c| c.is_ascii_digit()) || lex.known(doc.tok(i)).is_some())
            && doc.tok(i) != "I"
            && !doc.tok(i).starts_with("I'")
            && !doc.tok(i).starts_with("I\u{2019}")
            && !is_weekday_or_time(doc.tok(i))
            && !is_month(doc.tok(i))
    };
    // The runs of name words, and the surnames of the people named with a first name
    // ("Warhol" of "Andy Warhol"), all known before any run is read.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut surnames: Set<&str> = Set::default();
    let mut roles: Set<&str> = Set::default();
    let mut i = 0;
    while i < n {
        if !is_name_word(i) {
            i += 1;
            continue;
        }
        let sentence = doc.token(i).sentence();
        let start = i;
        let mut end = i + 1;
        while end < n
            && end - start < MAX_RUN
            && doc.token(end).sentence() == sentence
            && !ends_name(doc, end - 1)
        {
            if is_name_word(end) && adjacent(doc, end - 1, end) {
                end += 1;
            } else if end + 1 < n
                && is_particle(doc.tok(end))
                && is_name_word(end + 1)
                && doc.token(end + 1).sentence() == sentence
            {
                end += 2;
            } else if end + 2 < n
                && matches!(doc.tok(end), "of" | "for")
                && doc.tok(end + 1) == "the"
                && is_name_word(end + 2)
                && doc.token(end + 2).sentence() == sentence
            {
                end += 3;
            } else {
                break;
            }
        }
        for k in start + 1..end {
            if adjacent(doc, k - 1, k) && lex.gender_of(doc.tok(k - 1)).is_some() {
                surnames.insert(without_possessive(doc.tok(k)));
                if k >= start + 3 && is_role_before_name(doc, lex, k - 2) {
                    roles.insert(doc.tok(k - 2));
                }
            }
        }
        runs.push((start, end));
        i = end;
    }
    // (where each one-word name first stands alone, and each word first opens a name)
    let mut alone: Map<&str, usize> = Map::default();
    let mut opens: Map<&str, usize> = Map::default();
    for &(start, end) in &runs {
        if end == start + 1 {
            alone
                .entry(without_possessive(doc.tok(start)))
                .or_insert(start);
        }
        let first = match doc.tok(start) {
            "The" | "A" | "An" if end > start + 1 => start + 1,
            _ => start,
        };
        opens.entry(doc.tok(first)).or_insert(first);
    }
    let mut in_names: Set<&str> = Set::default();
    for &(start, end) in &runs {
        for k in start..end.saturating_sub(1) {
            // (only a word with an ending of origin is ever asked about)
            if has_origin_ending(without_possessive(doc.tok(k)))
                && capitalised(doc.tok(k + 1))
                && !is_adjective_of_origin(lex, doc.tok(k + 1))
            {
                in_names.insert(without_possessive(doc.tok(k)));
            }
        }
    }
    let seen = Seen {
        inside,
        surnames,
        roles,
        alone,
        opens,
        in_names,
    };
    let mut out = Vec::new();
    for (start, end) in runs {
        run(doc, lex, &seen, start, end, &mut out);
    }
    out
}

/// One run of capitalised words `start..end`: its names, pushed onto `out`.
fn run(
    doc: &Doc,
    lex: &Lexicon,
    seen: &Seen,
    start: usize,
    end: usize,
    out: &mut Vec<NameMention>,
) {
    // "the City Council President", "the State Department Spokesperson": a role after a
    // body's name is no part of the name; the body is named, the role describes a person (as
    // "the State Department spokesperson" does in lower case)
    let end = if end > start + 1
        && is_role(
            lex,
            &lowercase(
                without_possessive(doc.tok(end - 1)),
                &mut crate::lexicon::ShortName::new(),
            ),
        )
        && lex.is_organisation_word(&lowercase(
            doc.tok(end - 2),
            &mut crate::lexicon::ShortName::new(),
        )) {
        end - 1
    } else {
        end
    };
    // "Belle Image: Nick Moreau.": a caption's credit label is no part of the name before it
    let end = if end < doc.seg.tokens.len()
        && doc.tok(end) == ":"
        && matches!(doc.tok(end - 1), "Image" | "Photo" | "Video" | "Photograph")
    {
        end - 1
    } else {
        end
    };
    if end == start {
        return;
    }
    // (a run that splits into a person and the rest goes on with the rest in this loop, not
    // by recursion: thousands of "X of the Y Party of …" in a row must not exhaust the stack)
    let mut from = start;
    while let Some(next) = run_part(doc, lex, seen, from, end, out) {
        from = next;
    }
}

/// What the whole text shows of its names, for reading each run.
struct Seen<'a> {
    /// Words capitalised somewhere other than at a sentence's or quotation's start.
    inside: Set<&'a str>,
    /// Surnames of the people named with a first name ("Warhol" of "Andy Warhol").
    surnames: Set<&'a str>,
    /// Capitalised words that stand before a first name and a surname as a title does
    /// ("Administrator" of "NASA Administrator Charles Bolden"), so that "Administrator
    /// Bolden" is Bolden.
    roles: Set<&'a str>,
    /// Where each name that stands alone as a run of one word first does so.
    alone: Map<&'a str, usize>,
    /// Where each word first opens a run (after an article).
    opens: Map<&'a str, usize>,
    /// Words that stand in a longer name before a word that is no word of origin
    /// ("Meridian" of "Meridian Magazine"): names wherever they stand, whatever their ending.
    in_names: Set<&'a str>,
}

/// One run, or its first part: returns where the rest starts when it split off a person
/// (`Claudia Mo` of `Claudia Mo of the Civic Party`) and the rest is still to be read.
fn run_part(
    doc: &Doc,
    lex: &Lexicon,
    seen: &Seen,
    start: usize,
    end: usize,
    out: &mut Vec<NameMention>,
) -> Option<usize> {
    let mut start = start;
    let at_start = starts_sentence(doc, start);
    // "The Pentagon", "But Zarif": an article or a sentence's first function word is no part
    // of the name; nor is a function word or interjection capitalised anywhere ("Do you",
    // "Oh Dad", "Following his discharge"), unless written in capitals ("US", "WHO").
    while start < end
        && (matches!(doc.tok(start), "The" | "A" | "An")
            || at_start && lex.is_sentence_starter(doc.tok(start))
            || lex.is_function_word(doc.tok(start)) && !is_acronym(doc.tok(start)))
    {
        start += 1;
    }
    // "Considering Socotra is …", "Using Basil …": a participle or gerund opening the
    // sentence before a name is no part of it (but "Irving Berlin", "Reading Borough": a
    // first name or a listed place is)
    if at_start && end - start > 1 && is_opening_participle(doc.tok(start)) {
        let w = doc.tok(start);
        if lex.gender_of(w).is_none() && lex.known(w).is_none() && !seen.inside.contains(w) {
            start += 1;
        }
    }
    // "Commanders of the Korean People's Army", "Members of the Sea Org", "One of Norton's
    // proclamations": a plural noun or a number opening the sentence, capitalised nowhere
    // else, is no part of the name after "of".
    if at_start && end - start > 2 && doc.tok(start + 1) == "of" {
        let w = doc.tok(start);
        let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
        let number = matches!(
            w,
            "One" | "Two" | "Three" | "Four" | "Five" | "Six" | "Seven" | "Eight" | "Nine" | "Ten"
        );
        if (plural || number) && !seen.inside.contains(w) && lex.known(w).is_none() {
            start += 2;
            if start < end && doc.tok(start) == "the" {
                start += 1;
            }
        }
    }
    if start >= end {
        return None;
    }
    // The kind a word gives a name: an organisation word ("Ministry"), a place word ("Hall").
    let word_kind = |k: usize| {
        let mut buf = crate::lexicon::ShortName::new();
        let w = lowercase(doc.tok(k), &mut buf);
        let w = without_possessive(&w);
        if lex.is_organisation_word(w) {
            Some(ActorKind::Organization)
        } else if lex.is_place_word(w) {
            Some(ActorKind::Place)
        } else {
            None
        }
    };
    // "the Warhol Polaroids", "a Warhol Factory": a person's surname naming a thing of
    // theirs is a mention of the person; a thing of no kind is no actor.
    // (not a listed name, "North Carolina"; not a family name before a given name,
    // "Leung Kwok-hung")
    let acronym_first = is_acronym(doc.tok(start)) && lex.known(doc.tok(start)).is_none();
    if end - start >= 2
        && (seen.surnames.contains(doc.tok(start)) || acronym_first)
        && lex.gender_of(doc.tok(start + 1)).is_none()
        && !seen
            .surnames
            .contains(without_possessive(doc.tok(start + 1)))
        && !doc.tok(start + 1).contains('-')
        && lex.known(&joined(doc, start, end)).is_none()
    {
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
        let kinded =
            (start + 1..end).any(|k| word_kind(k).is_some() || lex.known(doc.tok(k)).is_some());
        if !kinded {
            return None;
        }
    }
    // `UNITED NATIONS (Dunya News) –`: a dateline in capitals opening a paragraph.
    let shouted = (start..end).all(|k| {
        let w = doc.tok(k);
        w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !w.chars().any(char::is_lowercase)
    });
    if shouted && (end - start > 1 || doc.tok(start).len() > 6) {
        let para = doc.seg.paragraph_at(doc.token(start).span.start);
        let opens =
            para.is_some_and(|p| doc.seg.paragraphs[p].start == doc.token(start).span.start);
        if opens || lex.known(&joined(doc, start, end)).is_none() {
            return None;
        }
    }
    // "Article 51", "Model 3": a word numbered is a thing (not an author and a year).
    if end < doc.seg.tokens.len()
        && !cited(doc, start, end)
        && doc
            .tok(end)
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
        && adjacent(doc, end - 1, end)
        && lex.known(&joined(doc, start, end)).is_none()
    {
        return None;
    }
    // "Vitamin C", "a grade of F", "500 BC", "AD 70": a lone letter, or a mark of era, is
    // no name
    if end - start == 1 && (is_letter(doc.tok(start)) || is_era(doc.tok(start))) {
        return None;
    }
    // A single word that starts a sentence and is capitalised nowhere else, unless known
    // or cited ("(Moretti, 2013)").
    if end - start == 1 && starts_sentence(doc, start) && !cited(doc, start, end) {
        let w = doc.tok(start);
        let known = lex.known(w).is_some() || lex.gender_of(without_possessive(w)).is_some();
        if !known && !is_acronym(w) && !seen.inside.contains(without_possessive(w)) {
            return None;
        }
    }
    // The whole run as one listed name ("United Nations Security Council", "New York Times").
    if let Some(known) = lex.known(&joined(doc, start, end)) {
        // ("US State Department": the country it belongs to is named too)
        if matches!(known.1, Known::Organization | Known::Media) && end - start > 1 {
            if let Some(kn) = lex.known(doc.tok(start)).filter(|k| k.1 == Known::Country) {
                push_known(doc, start, start + 1, kn, out);
            }
        }
        push_known(doc, start, end, known, out);
        return None;
    }
    // "and" joins two names ("Trump and Zarif"); an organisation named with it ("Department
    // of Health and Human Services") keeps its head in the first part.
    if let Some(and) = (start + 1..end - 1).find(|&k| doc.tok(k) == "and") {
        // (each "and" in turn, in a loop: a run of thousands of names joined by "and" must
        // not recurse that deep)
        let mut from = start;
        for k in and..end - 1 {
            if doc.tok(k) == "and" {
                run(doc, lex, seen, from, k, out);
                from = k + 1;
            }
        }
        run(doc, lex, seen, from, end, out);
        return None;
    }
    // "World Cup", "Affordable Care Act", "Islam": events, works, laws, religions and
    // holidays are no actors (the places and bodies inside them still are: "FIRST Global
    // Challenge" keeps FIRST)
    let mut buf = crate::lexicon::ShortName::new();
    let head = lowercase(doc.tok(end - 1), &mut buf);
    let head = without_possessive(&head);
    // ("the Budweiser Man of the Match award": a thing named before its noun)
    let thing_follows = end < doc.seg.tokens.len()
        && adjacent(doc, end - 1, end)
        && lex.is_thing_head(doc.tok(end));
    // ("Cyclone Phailin", "Space Shuttle Atlantis": a class word opens a thing's name, and
    // what follows it is the thing's own name, not a place or a body: "Project London";
    // not "Rehabilitation Project Force")
    let opener = (start..end - 1)
        .find(|&k| {
            lex.is_thing_opener(&lowercase(
                doc.tok(k),
                &mut crate::lexicon::ShortName::new(),
            ))
        })
        .filter(|&k| (k + 1..end).all(|j| word_kind(j).is_none()));
    let thing_opened = opener.is_some();
    if lex.is_thing_head(head) && end - start > 1
        || end - start == 1 && lex.is_thing(head)
        || thing_follows
        || thing_opened
    {
        namesake(doc, lex, start, end, out);
        for k in start..opener.unwrap_or(end) {
            if let Some(kn) = lex.known(doc.tok(k)) {
                push_known(doc, k, k + 1, kn, out);
            }
        }
        return None;
    }
    // "University" or "Court" alone: a common noun written with a capital, which can only
    // refer back to a name ("the Court" for "the Supreme Court")
    if end - start == 1 && word_kind(start).is_some() {
        let span = name_span(doc, start, end);
        out.push(NameMention {
            span,
            titles: None,
            described: span,
            known: None,
            kind: word_kind(start),
            hinted: false,
            back: true,
        });
        return None;
    }
    // "X of Y": the head is X ("Municipality of Livorno", "Bank of America"), and Y, a
    // place, a name of its own; "Claudia Mo of the Civic Party": a person of an organisation.
    // (`of`: the first "of" inside the run; `object`: where Y starts, after "of the")
    let of = (start + 1..end - 1).find(|&k| doc.tok(k) == "of");
    let object = of.map(|of| {
        if doc.tok(of + 1) == "the" {
            of + 2
        } else {
            of + 1
        }
    });
    if let (Some(of), Some(object)) = (of, object) {
        if object < end {
            // ("Lee Cheuk-yan of the Labour Party": two or more words with no organisation or
            // place word before "of", an organisation after it)
            // ("Marlow Chamber of Commerce" is one body: the part after "of" must be an
            // organisation's name, an acronym or a listed body)
            let body_after = word_kind(end - 1) == Some(ActorKind::Organization)
                || end == object + 1 && is_acronym(doc.tok(object))
                || lex
                    .known(&joined(doc, object, end))
                    .is_some_and(|k| matches!(k.1, Known::Organization | Known::Media));
            let person = of - start >= 2
                && (lex.gender_of(doc.tok(start)).is_some()
                    || body_after
                        && (start..of).all(|k| {
                            word_kind(k).is_none()
                                && !lex.is_title(&lowercase(
                                    doc.tok(k),
                                    &mut crate::lexicon::ShortName::new(),
                                ))
                        }));
            if person {
                run(doc, lex, seen, start, of, out);
                return Some(object);
            }
        }
    }
    let of_head = (start + 1..end - 1)
        .find(|&k| matches!(doc.tok(k), "of" | "for"))
        .and_then(|of| word_kind(of - 1));
    // ("Irving Independent School District", "Marlow General Hospital": an organisation
    // word inside the name makes it the organisation's, whatever its last word)
    let inner_org = (start..end - 1).any(|k| word_kind(k) == Some(ActorKind::Organization));
    // ("Group F", "Sea Org": an organisation word with a word of no kind after it, too;
    // "Scientology": a one-word name of a creed or a discipline, never a place)
    let creed = end == start + 1 && doc.tok(start).ends_with("ology");
    let suffix_kind = of_head.or_else(|| match word_kind(end - 1) {
        Some(ActorKind::Place) | None if inner_org || creed => Some(ActorKind::Organization),
        kind => kind,
    });
    // Pieces: gazetteer names (longest first), titles, and plain words.
    let mut pieces: Vec<(usize, usize, Piece)> = Vec::new();
    let mut k = start;
    while k < end {
        let longest = (k + 1..=(k + lex.known_words()).min(end))
            .rev()
            .find_map(|e| lex.known(&joined(doc, k, e)).map(|kn| (e, kn)));
        if let Some((e, kn)) = longest {
            pieces.push((k, e, Piece::Known(kn)));
            k = e;
        } else if k + 1 < end
            && matches!(doc.tok(k), "of" | "for")
            && pieces.last().is_some_and(|p| p.2 == Piece::Title)
        {
            // "Secretary of State John Kerry": the office runs through its object
            pieces.push((k, k + 2, Piece::Title));
            k += 2;
        } else if (lex.is_title(without_possessive(&lowercase(
            doc.tok(k),
            &mut ShortName::new(),
        ))) || k + 1 < end
            && seen.roles.contains(doc.tok(k))
            && (seen.surnames.contains(without_possessive(doc.tok(k + 1)))
                || lex.gender_of(doc.tok(k + 1)).is_some()))
            && suffix_kind.is_none()
        {
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
    // "Valeska Paris", "Michael Jordan": a one-word place name after the one plain word
    // that opens the run is a surname (a city after a word that is no name, a country or
    // region after a first name).
    if suffix_kind.is_none() {
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
    if let Some(kind) = suffix_kind {
        // One organisation or place, the gazetteer names inside it mentions of their own.
        let from = pieces
            .iter()
            .position(|p| p.2 != Piece::Title)
            .map_or(start, |p| pieces[p].0);
        for &(a, b, p) in &pieces {
            if let Piece::Known(kn) = p {
                // (a listed name ending the run is the run's own head, not a mention apart,
                // unless the head comes first: "University of Texas")
                // (nor is a listed body of generic name inside a longer one: "Supreme
                // Court" in "Italian Supreme Court of Cassation" is that court, not another)
                let generic = matches!(kn.1, Known::Organization)
                    && b > a + 1
                    && lex.is_organisation_word(&lowercase(
                        doc.tok(b - 1),
                        &mut crate::lexicon::ShortName::new(),
                    ));
                if a >= from && (b < end || of_head.is_some()) && !generic {
                    push_known(doc, a, b, kn, out);
                }
            }
        }
        // "Municipality of Livorno", "University of Southern Indiana": a body named for a
        // place names the place (not "Church of Scientology": a church is of a faith)
        if let (Some(of), Some(object)) = (of, object) {
            let governs = matches!(
                &*lowercase(doc.tok(of - 1), &mut crate::lexicon::ShortName::new()),
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
            );
            if governs
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
        namesake(doc, lex, from, end, out);
        // "the Irving Police Department" after "Irving, Texas": a place named before that
        // opens the body's name is mentioned again
        if let Some(&(a, b, Piece::Plain)) = pieces.first() {
            if b > a && end - a > 1 && word_kind(a).is_none() {
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
        // "The United Kingdom Home Office" is the Home Office
        let head = pieces
            .last()
            .and_then(|p| match p.2 {
                Piece::Known(kn) if p.1 == end && of_head.is_none() => Some(kn),
                _ => None,
            })
            .filter(|kn| matches!(kn.1, Known::Organization | Known::Media));
        out.push(NameMention {
            span: name_span(doc, from, end),
            titles: None,
            described: name_span(doc, from, end),
            known: head,
            kind: Some(kind),
            hinted: false,
            back: false,
        });
        return None;
    }
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
                // A plain word before a title describes ("Iranian Foreign Minister").
                if pieces.get(j + 1).is_some_and(|q| q.2 == Piece::Title) {
                    continue;
                }
                let (a, b) = trim_particles(doc, a, b);
                // ("East L.A.", "northern Syria": a point of the compass before a listed
                // place says which part of it; the place is mentioned)
                let compass_before_place = b == a + 1
                    && is_compass(doc.tok(a))
                    && pieces
                        .get(j + 1)
                        .is_some_and(|q| matches!(q.2, Piece::Known(_)));
                // ("Modric" after "Luka Modric", "(Milekic 2010)": a surname or an author
                // ending as "Islamic" does is still a name)
                // ("Hegelian philosophy", "African American voters", "North American":
                // words of origin and the compass before a lower-case noun, or alone)
                let adjective = b == a + 1
                    && is_adjective_of_nationality(lex, doc.tok(a))
                    && !seen.surnames.contains(without_possessive(doc.tok(a)))
                    && !cited(doc, a, b)
                    || b > a
                        // (first what costs nothing: a lower-case word after the piece, a
                        // word with the ending of one of origin; then the lexicon)
                        && (b >= doc.seg.tokens.len()
                            || !doc.is_word(b)
                            || doc.tok(b).starts_with(char::is_lowercase))
                        // (one word: the nationality test above has been made)
                        && (b > a + 1 || has_origin_ending(doc.tok(a)) || doc.tok(a).contains('-'))
                        // (a compass word only before another: the last is one of origin)
                        && (a..b).all(|k| {
                            is_adjective_of_origin(lex, doc.tok(k))
                                || is_compass(doc.tok(k)) && k + 1 < b
                        })
                        && !(a..b).any(|k| {
                            let w = without_possessive(doc.tok(k));
                            seen.surnames.contains(w) || seen.in_names.contains(w)
                        })
                        && !cited(doc, a, b);
                if a >= b || adjective || compass_before_place {
                    continue;
                }
                let titles = title_from
                    .map(|t| Span::new(doc.token(t).span.start, doc.token(a - 1).span.end));
                let used = (b == end && a == start)
                    .then(|| used_as(doc, lex, start, end))
                    .flatten();
                let mut hinted = false;
                let kind =
                    if title_from.is_some() || lex.gender_of(doc.tok(a)).is_some() && b > a + 1 {
                        Some(ActorKind::Person)
                    } else if b == a + 1 && is_acronym(doc.tok(a)) {
                        Some(ActorKind::Organization)
                    } else if b == end && place_follows(doc, lex, end)
                        || b > a + 1 && opens_a_place(doc.tok(a))
                    {
                        Some(ActorKind::Place)
                    } else {
                        // ("Chinatown", "Bartlesville": a settlement by the form of its name)
                        let w = without_possessive(doc.tok(a));
                        let settlement =
                            (b == a + 1 && is_settlement_name(w)).then_some(ActorKind::Place);
                        let kind = used.or(settlement);
                        hinted = kind.is_some();
                        kind
                    };
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
    None
}

/// What a stretch of a run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Known((usize, Known)),
    Title,
    Plain,
}

/// Pushes a gazetteer name `a..b`. A country beside a match score is a team, an
/// organisation (`Sweden 1 – 0 Korea Republic`, `defeated South Korea 1 – 0`).
fn push_known(doc: &Doc, a: usize, b: usize, known: (usize, Known), out: &mut Vec<NameMention>) {
    let span = name_span(doc, a, b);
    let team = known.1 == Known::Country && beside_score(doc, a, b);
    out.push(NameMention {
        span,
        titles: None,
        described: span,
        known: Some(known),
        kind: team.then_some(ActorKind::Organization),
        hinted: false,
        back: false,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    /// The names of `text`, without the back-references (which stand only for an actor
    /// named before).
    fn names(text: &str) -> Vec<String> {
        let doc = Doc::new(text, Lexicon::get());
        find(&doc)
            .iter()
            .filter(|m| !m.back)
            .map(|m| m.span.text(text).to_string())
            .collect()
    }

    #[test]
    fn a_run_of_capitalised_words_longer_than_any_name_is_read_in_pieces() {
        // a text of capitalised words with no sentence end: no name or description in it
        // runs longer than MAX_RUN tokens, and its people are still found
        let text = "Mr. Smith of the U.S. ".repeat(60);
        let doc = Doc::new(&text, Lexicon::get());
        let mentions = find(&doc);
        let tokens = |s: Span| doc.token_before(s.end) - doc.token_after(s.start);
        assert!(mentions
            .iter()
            .all(|m| tokens(m.span) <= MAX_RUN && tokens(m.described) <= MAX_RUN));
        assert!(names(&text).iter().any(|n| n == "Smith"));
    }

    #[test]
    fn words_are_joined_by_single_spaces_borrowed_when_the_text_has_them() {
        let text = "The New York Times.\nNew  York and New\u{a0}York.";
        let doc = Doc::new(text, Lexicon::get());
        let at = |w: &str, nth: usize| {
            let start = text.match_indices(w).nth(nth).expect("in the text").0;
            doc.seg.token_at_or_after(start)
        };
        let spaced = joined(&doc, at("New", 0), at("Times", 0) + 1);
        assert_eq!(spaced, "New York Times");
        assert!(matches!(spaced, Cow::Borrowed(_)));
        for nth in [1, 2] {
            let built = joined(&doc, at("New", nth), at("New", nth) + 2);
            assert_eq!(built, "New York");
            assert!(matches!(built, Cow::Owned(_)));
        }
        assert_eq!(joined(&doc, 2, 2), "");
    }

    #[test]
    fn a_body_named_after_a_place_mentions_the_place_again() {
        let text = "He lives in Irving, Texas. The Irving Police Department said so.";
        let doc = Doc::new(text, Lexicon::get());
        let back: Vec<&str> = find(&doc)
            .iter()
            .filter(|m| m.back)
            .map(|m| m.span.text(text))
            .collect();
        assert_eq!(back, ["Irving"]);
    }

    #[test]
    fn titles_are_split_off_and_gazetteer_names_stand_alone() {
        assert_eq!(
            names("He met U.S. President Donald Trump and Foreign Minister Mohammad Javad Zarif."),
            ["U.S.", "Donald Trump", "Mohammad Javad Zarif"]
        );
    }

    #[test]
    fn a_word_standing_as_a_title_before_a_full_name_is_a_title_again() {
        // "Administrator" is no listed title; before "Charles Bolden" it stands as one, and
        // "Administrator Bolden" is Bolden
        assert_eq!(
            names(
                "NASA Administrator Charles Bolden spoke on Friday. Later Administrator \
                 Bolden thanked the crew."
            ),
            ["NASA", "Charles Bolden", "Bolden"]
        );
        // (not a name's first word: "Dame Zaha Mohammad Hadid", "Zaha Hadid")
        assert_eq!(
            names("Dame Zaha Mohammad Hadid was born in Baghdad. Zaha Hadid built it."),
            ["Zaha Mohammad Hadid", "Baghdad", "Zaha Hadid"]
        );
    }

    #[test]
    fn authors_cited_are_names_where_a_sentence_or_a_number_would_hide_them() {
        // after "(" every word is capitalised, and a word before a number is a thing
        // ("Article 51"): not an author and a year
        assert_eq!(
            names(
                "Distant reading grew (Moretti, 2013). Eye tracking followed (Brieber 2014; \
                 Marsh 2010). Article 51 applies, and Euro 2016 was held."
            ),
            ["Moretti", "Brieber", "Marsh"]
        );
    }

    #[test]
    fn a_surname_or_an_author_ending_as_an_adjective_is_a_name() {
        assert_eq!(
            names(
                "Islamic banks opened. Luka Modric scored, and later Modric left. Others \
                 agree (Milekic 2010)."
            ),
            ["Luka Modric", "Modric", "Milekic"]
        );
    }

    #[test]
    fn storms_vessels_and_operations_are_no_names_of_actors() {
        assert_eq!(
            names(
                "Cyclone Marla struck India. The Space Shuttle Atlantis landed in Florida. \
                 Operation Dunmore began as Project London closed; the Harbour Project \
                 Board said so."
            ),
            ["India", "Florida", "Harbour Project Board"]
        );
    }

    #[test]
    fn a_captions_credit_label_is_no_part_of_the_name() {
        assert_eq!(
            names(
                "The mayor met Lena Ruiz on Monday.\n\nLena Ruiz Image: Tom Hale.\n\nThe \
                 crowd outside. Image: Tom Hale."
            ),
            ["Lena Ruiz", "Lena Ruiz", "Tom Hale", "Tom Hale"]
        );
    }

    #[test]
    fn a_role_after_a_body_is_no_part_of_its_name() {
        assert_eq!(
            names("Jeff Rathke, the State Department Spokesperson, said so."),
            ["Jeff Rathke", "State Department"]
        );
        assert_eq!(
            names("Maria Lopez, the Harbour Council President's aide, left."),
            ["Maria Lopez", "Harbour Council"]
        );
        // (a title after a word that is no body's stays in the name)
        assert_eq!(
            names("The Office of the President said so."),
            ["Office of the President"]
        );
    }

    #[test]
    fn sentence_initial_words_are_names_only_when_known() {
        assert_eq!(names("Death to America, they chanted."), ["America"]);
        assert_eq!(names("Article 51 applies, Mr. Haddad said."), ["Haddad"]);
    }

    #[test]
    fn function_words_and_interjections_start_no_name() {
        // a reference mark or a list number leaves the next word the sentence's first
        assert_eq!(
            names("He left the port. [2] Following his discharge, Lena Hart taught."),
            ["Lena Hart"]
        );
        assert_eq!(
            names("Boil the water.\n3 Transplant the seedlings."),
            [""; 0]
        );
        // in dialogue, wherever they stand
        assert_eq!(
            names("\"Really?\" Oh Dad, do you know Lena Hart? Do you?"),
            ["Dad", "Lena Hart"]
        );
        // (written in capitals, a function word is an acronym)
        assert_eq!(names("Envoys of the US and WHO met."), ["US", "WHO"]);
        // a number opening the sentence before "of" is no part of the name
        assert_eq!(
            names("One of Norton's decrees survives. Three of Hale's letters too."),
            ["Norton", "Hale"]
        );
    }

    #[test]
    fn organisations_keep_their_inner_places() {
        assert_eq!(
            names("He spoke to the United States National Security Council on Monday."),
            ["United States", "United States National Security Council"]
        );
    }

    #[test]
    fn datelines_possessives_and_particles() {
        assert_eq!(
            names(
                "UNITED NATIONS (Dunya News) \u{2013} Iran\u{a0}s envoy met Osama bin Laden's son."
            ),
            ["Dunya News", "Iran", "Osama bin Laden"]
        );
    }

    #[test]
    fn adjectives_of_nationality_and_party_are_no_names() {
        assert_eq!(
            names("Afghan girls and Democratic lawmakers met Afghans in Kabul."),
            ["Afghans", "Kabul"]
        );
    }

    #[test]
    fn words_of_origin_and_region_before_a_noun_are_no_names() {
        assert_eq!(
            names("Hegelian critics and North American and Anglo-American scholars met Brian Duncan in Oslo."),
            ["Brian Duncan", "Oslo"]
        );
    }

    #[test]
    fn words_for_people_by_race_before_a_noun_are_no_names() {
        assert_eq!(
            names("Black voters and White families met Ana Okoro in Mobile."),
            ["Ana Okoro", "Mobile"]
        );
    }

    #[test]
    fn lone_letters_and_marks_of_era_are_no_names() {
        assert_eq!(
            names("The plant was known to Pliny in AD 77, graded F by C. Tan, and the city fell in 146 BC to Rome."),
            ["Pliny", "C. Tan", "Rome"]
        );
    }

    #[test]
    fn a_person_of_an_organisation_is_two_names() {
        assert_eq!(
            names("The winners were Claudia Mo of the Civic Party and Ben Chan."),
            ["Claudia Mo", "Civic Party", "Ben Chan"]
        );
    }

    #[test]
    fn a_run_of_thousands_of_names_needs_no_deep_stack() {
        // 20,000 names joined by "and" in one sentence, read on a small stack: the run is
        // split in a loop, not by recursion
        let text: String = (0..20_000)
            .map(|i| format!("Name{}x Smith", char::from(b'A' + (i % 26) as u8)))
            .collect::<Vec<_>>()
            .join(" and ");
        let found = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || {
                let doc = Doc::new(&text, Lexicon::get());
                find(&doc).len()
            })
            .expect("a thread")
            .join()
            .expect("no stack overflow");
        assert!(found >= 20_000, "{found}");
    }
}
