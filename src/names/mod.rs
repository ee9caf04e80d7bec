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
//! This module finds the runs and reads each in stages (`find`, `run_part`): `opening` drops
//! what opens a run and is no name, `no_names` sets aside runs that are none, `things` the
//! names of things, `heads` says what kind a run's words give it and splits "X of Y",
//! `pieces` cuts a run into listed names, titles and plain words and pushes the people,
//! `bodies` pushes an organisation or place with the names inside it. `bounds` says where a
//! name starts and ends, `kinds` what kind a name is from how the text uses it, `words` what
//! shape its words have.

use crate::doc::Doc;
use crate::kind::ActorKind;
use crate::lexicon::{lowercase, Known, Lexicon, Map, Set};
use crate::phrases::{is_month, is_weekday_or_time};
use crate::segment::without_possessive;
use crate::span::Span;

mod bodies;
mod bounds;
mod heads;
mod kinds;
mod no_names;
mod opening;
mod pieces;
mod things;
mod words;

use bodies::{push_body, Body};
use bounds::*;
use heads::{back_reference, first_of, of_head, person_of_body, suffix_kind};
use kinds::*;
use no_names::{is_dateline, is_no_name};
use opening::trim_opening;
use pieces::{cut, join_place_as_surname, push_pieces};
use things::{owner_of_thing, thing};
use words::*;

/// One name in the text.
///
/// ```
/// use whosaid::doc::Doc;
/// use whosaid::lexicon::{Known, Lexicon};
/// use whosaid::names::find;
/// use whosaid::ActorKind;
///
/// let text = "Foreign Minister Lena Berg met U.N. officials.";
/// let doc = Doc::new(text, Lexicon::get());
/// let names = find(&doc);
/// let berg = names[0];
/// assert_eq!(doc.str(berg.span), "Lena Berg");
/// assert_eq!(berg.titles.map(|t| doc.str(t)), Some("Foreign Minister"));
/// assert_eq!(doc.str(berg.described), "Foreign Minister Lena Berg");
/// assert_eq!(berg.kind, Some(ActorKind::Person)); // a title shows a person
/// assert_eq!(berg.known, None);
///
/// let un = names[1];
/// let (entry, known) = un.known.unwrap(); // the gazetteer's entry
/// assert_eq!(known, Known::Organization);
/// assert_eq!(doc.lexicon.canonical_name(entry), "United Nations");
/// ```
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
///
/// ```
/// use whosaid::doc::Doc;
/// use whosaid::lexicon::Lexicon;
/// use whosaid::names::find;
///
/// // The dateline and the weekday are no names; the possessive is left off.
/// let text = "HALIFAX \u{2014} Norway's Foreign Minister Lena Berg met U.N. officials in \
///             Halifax on Monday. Berg said the talks would resume.";
/// let doc = Doc::new(text, Lexicon::get());
/// let names: Vec<&str> = find(&doc).iter().map(|n| doc.str(n.span)).collect();
/// assert_eq!(names, ["Norway", "Lena Berg", "U.N.", "Halifax", "Berg"]);
/// ```
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

/// A run of name words `start..end` being read, with what every stage of [`run_part`] reads
/// beside it.
#[derive(Clone, Copy)]
struct Part<'a> {
    /// The document.
    doc: &'a Doc<'a>,
    /// Its word lists.
    lex: &'a Lexicon,
    /// What the whole text shows of its names.
    seen: &'a Seen<'a>,
    /// The run's first token (past what opens it, once trimmed).
    start: usize,
    /// The token after the run.
    end: usize,
}

/// One run, or its first part: returns where the rest starts when it split off a person
/// (`Claudia Mo` of `Claudia Mo of the Civic Party`) and the rest is still to be read.
///
/// The stages, in order: what opens the run and is no part of a name is dropped
/// ([`trim_opening`]); then the first stage that reads the whole run ends it: a thing named
/// for its owner, a run that is no name, a listed name, names joined by "and", a thing, a
/// common noun standing for a name before; then "X of Y" may split off a person; what is
/// left is one organisation or place with the names inside it, if its words give it that
/// kind, else pieces (people, titles, listed names).
fn run_part(
    doc: &Doc,
    lex: &Lexicon,
    seen: &Seen,
    start: usize,
    end: usize,
    out: &mut Vec<NameMention>,
) -> Option<usize> {
    let part = &trim_opening(Part {
        doc,
        lex,
        seen,
        start,
        end,
    });
    if part.start >= end {
        return None;
    }
    // (a dateline first: "ALPHA BETA —" is no acronym owning a thing)
    if is_dateline(part)
        || owner_of_thing(part, out)
        || is_no_name(part)
        || listed_run(part, out)
        || split_at_and(part, out)
        || thing(part, out)
        || back_reference(part, out)
    {
        return None;
    }
    let of = first_of(part);
    if let Some(of) = of.filter(|&of| person_of_body(part, of)) {
        run(doc, lex, seen, part.start, of.of, out);
        return Some(of.object);
    }
    let of_head = of_head(part);
    let kind = suffix_kind(part, of_head);
    let mut pieces = cut(part, kind);
    match kind {
        Some(kind) => push_body(part, &Body { kind, of, of_head }, &pieces, out),
        None => {
            join_place_as_surname(part, &mut pieces);
            push_pieces(part, &pieces, out);
        }
    }
    None
}

/// The whole run as one listed name ("United Nations Security Council", "New York Times"),
/// pushed; a listed body's country is named too ("US State Department"). Returns whether
/// the run is listed.
fn listed_run(part: &Part, out: &mut Vec<NameMention>) -> bool {
    let (doc, lex, start, end) = (part.doc, part.lex, part.start, part.end);
    let Some(known) = lex.known(&joined(doc, start, end)) else {
        return false;
    };
    if matches!(known.1, Known::Organization | Known::Media) && end - start > 1 {
        if let Some(kn) = lex.known(doc.tok(start)).filter(|k| k.1 == Known::Country) {
            push_known(doc, start, start + 1, kn, out);
        }
    }
    push_known(doc, start, end, known, out);
    true
}

/// "Trump and Zarif": "and" joins two names, each part read as a run of its own; an
/// organisation named with it ("Department of Health and Human Services") keeps its head
/// in the first part. Returns whether the run has an "and" inside.
fn split_at_and(part: &Part, out: &mut Vec<NameMention>) -> bool {
    let (doc, start, end) = (part.doc, part.start, part.end);
    let Some(and) = (start + 1..end - 1).find(|&k| doc.tok(k) == "and") else {
        return false;
    };
    if is_one_body_with_and(part, and) {
        return false;
    }
    // (each "and" in turn, in a loop: a run of thousands of names joined by "and" must
    // not recurse that deep)
    let mut from = start;
    for k in and..end - 1 {
        if doc.tok(k) == "and" {
            run(doc, part.lex, part.seen, from, k, out);
            from = k + 1;
        }
    }
    run(doc, part.lex, part.seen, from, end, out);
    true
}

/// "National Aeronautics and Space Administration", "Ways and Means Committee", "Food and
/// Agriculture Organization": one "and", an organisation word ending the run and none, nor
/// a listed name, a first name or an acronym, before the "and": one body, whose name joins
/// two fields. Not a list ("Caraibes and Latin Club" after a comma), nor a person of a body
/// ("NWSC and James To of the Democratic Party").
fn is_one_body_with_and(part: &Part, and: usize) -> bool {
    let (doc, lex, start, end) = (part.doc, part.lex, part.start, part.end);
    heads::word_kind(doc, lex, end - 1) == Some(ActorKind::Organization)
        && !(start > 0 && doc.tok(start - 1) == ",")
        && !(and + 1..end).any(|k| matches!(doc.tok(k), "and" | "of"))
        && (start..and).all(|k| {
            let w = doc.tok(k);
            heads::word_kind(doc, lex, k).is_none()
                && lex.known(w).is_none()
                && lex.gender_of(w).is_none()
                && !is_acronym(w)
        })
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
    fn a_body_whose_name_joins_two_fields_with_and_is_one_name() {
        assert_eq!(
            names("It went to the Ways and Means Committee and the Marrow Food and Water Agency."),
            ["Ways and Means Committee", "Marrow Food and Water Agency"]
        );
        // but "and" still joins two names: a list, a person of a body, a named body first
        assert_eq!(
            names("They met Ilse Brandt and Tomas Rehn of the Green Party on Monday."),
            ["Ilse Brandt", "Tomas Rehn", "Green Party"]
        );
        assert_eq!(
            names("The clubs are Pellwick House, Caraibes and Latin Club."),
            ["Pellwick House", "Caraibes", "Latin Club"]
        );
        assert_eq!(
            names("She trained at the British Library and Columbia University."),
            ["British Library", "Columbia University"]
        );
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
        // any words in capitals before the opening dash, however short, and before the rule
        // that an acronym owns the thing after it ("ALPHA" of "ALPHA BETA")
        for dateline in ["PORT TALBOT", "GENEVA", "ALPHA BETA", "LOWER VANCE"] {
            assert_eq!(
                names(&format!("{dateline} \u{2014} The talks resumed in Oslo.")),
                ["Oslo"],
                "{dateline}"
            );
        }
        // an acronym opening a sentence with no dash is a name
        assert_eq!(names("NATO said the talks resumed."), ["NATO"]);
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
