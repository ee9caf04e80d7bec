//! Word lists, as plain text files with a provenance header, parsed once.
//!
//! Each list is embedded with `include_str!` (by way of `build.rs`, which leaves out the
//! comment lines: the provenance headers stay in the repository, not in the binary) and parsed into sets the first time
//! [`Lexicon::get`] is called; every later call returns the same instance. Lines starting
//! with `#` are comments; blank lines are ignored.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

const ABBREVIATIONS: &str = include_str!(concat!(env!("OUT_DIR"), "/abbreviations.txt"));
const STARTERS: &str = include_str!(concat!(env!("OUT_DIR"), "/starters.txt"));
const CUES: &str = include_str!(concat!(env!("OUT_DIR"), "/cues.txt"));
const NAMING: &str = include_str!(concat!(env!("OUT_DIR"), "/naming.txt"));
const FIRST_NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/first-names.txt"));
const GENDERED: &str = include_str!(concat!(env!("OUT_DIR"), "/gendered.txt"));
const ORGANISATIONS: &str = include_str!(concat!(env!("OUT_DIR"), "/organisations.txt"));
const TITLES: &str = include_str!(concat!(env!("OUT_DIR"), "/titles.txt"));
const PLACE_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/place-words.txt"));
const PLACES: &str = include_str!(concat!(env!("OUT_DIR"), "/places.txt"));
const BODIES: &str = include_str!(concat!(env!("OUT_DIR"), "/bodies.txt"));
const THINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/things.txt"));

/// A person's gender as the text shows it (from a first name, an honorific, a role noun or a
/// pronoun that refers to them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// "she"
    Female,
    /// "he"
    Male,
}

/// How a cue relates to its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A reporting verb: "said", "told", "wrote".
    Verb,
    /// A preposition whose object is the speaker: "according to".
    Preposition,
    /// A phrase that goes with a verb: "in a statement", "on Twitter".
    Adjunct,
    /// A verb of thinking, wanting or finding ("believes", "wants", "found"): a cue for
    /// reported speech, never for a quotation.
    Attitude,
}

/// FNV-1a: a fast hash for the short keys of the word lists (looked up for every word of a
/// text; the standard SipHash costs more than the lookups themselves, notably in wasm).
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A map keyed by words, hashed with [`Fnv`].
pub type Map<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
/// A set of words, hashed with [`Fnv`].
pub type Set<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// What a name in the gazetteer (`places.txt`, `bodies.txt`) names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// A country or territory ("Iran", "U.S.").
    Country,
    /// A capital, standing for its country's government ("Tehran said"): one actor with
    /// the country.
    Capital,
    /// A region, state, province or continent ("California", "Middle East").
    Region,
    /// A city ("Erbil").
    City,
    /// A people or group named by nationality, ethnicity or religion ("Iranians").
    People,
    /// An organisation ("United Nations", "Pentagon").
    Organization,
    /// A news medium or platform ("Reuters", "Twitter").
    Media,
}

/// The parsed word lists.
#[derive(Debug)]
pub struct Lexicon {
    abbreviations: Map<String, bool>,
    starters: Set<String>,
    /// Every form of every cue, lower-cased, with the index of its lemma.
    /// Every form of every cue, lower-cased, with the index of its lemma and whether the form
    /// is also a common noun.
    cue_forms: Vec<(String, usize, bool)>,
    /// The lemma (first form) of each cue line, with its kind.
    cue_lemmas: Vec<(String, CueKind)>,
    /// Each cue form (lower-cased) to its index in `cue_forms`.
    cue_index: Map<String, usize>,
    /// The most words a cue form has.
    cue_words: usize,
    /// The first word of every cue form: most words of a text are none, and need no more.
    cue_first: Set<String>,
    naming_before: Set<String>,
    work_nouns: Set<String>,
    speech_nouns: Set<String>,
    /// Lower-cased first names, honorifics and role nouns with the gender they show;
    /// `None` for names used by both.
    gendered: Map<String, Option<Gender>>,
    /// Lower-cased words that make a phrase an organisation ("ministry", "agency").
    organisation_words: Set<String>,
    /// Lower-cased titles, ranks and honorifics ("mr.", "minister", "ayatollah").
    titles: Set<String>,
    /// Lower-cased words that make a name a place ("city", "hall").
    place_words: Set<String>,
    /// Every name of the gazetteer, normalised ([`normalise_name`]), with the index of its
    /// entry's canonical name and what it names.
    known: Map<String, (usize, Known)>,
    /// The canonical name of each gazetteer entry (the first name of its line).
    canonical: Vec<String>,
    /// The most words any gazetteer name has.
    known_words: usize,
    /// Lower-cased words that head names of events, works and laws ("cup", "act").
    thing_heads: Set<String>,
    /// Lower-cased names that are no actors ("islam", "internet").
    things: Set<String>,
}

/// A name as the gazetteer keys it: lower-cased, without periods, a leading "the" or a
/// possessive ending, curly apostrophes made straight and spaces single ("U.S." and "US"
/// read alike, as do "Iran's" and "Iran").
pub fn normalise_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for w in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            match c {
                '.' => {}
                '\u{2019}' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    let out = out.strip_prefix("the ").map(str::to_string).unwrap_or(out);
    match out.strip_suffix("'s") {
        Some(stem) if !stem.is_empty() => stem.to_string(),
        _ => out,
    }
}

/// Parses the gazetteer lists into `known` and `canonical`.
fn parse_gazetteer() -> (Map<String, (usize, Known)>, Vec<String>) {
    let mut known = Map::default();
    let mut canonical: Vec<String> = Vec::new();
    for src in [PLACES, BODIES] {
        let mut kind = Known::Country;
        for l in lines(src) {
            kind = match l {
                "[country]" => Known::Country,
                "[region]" => Known::Region,
                "[city]" => Known::City,
                "[people]" => Known::People,
                "[organization]" => Known::Organization,
                "[media]" => Known::Media,
                _ => kind,
            };
            if l.starts_with('[') {
                continue;
            }
            let id = canonical.len();
            let mut names = l.split('|').map(str::trim);
            canonical.push(names.next().unwrap_or_default().to_string());
            for n in std::iter::once(canonical[id].as_str()).chain(names) {
                // "@Tehran": the capital, one actor with its country
                let (n, k) = match n.strip_prefix('@') {
                    Some(capital) => (capital, Known::Capital),
                    None => (n, kind),
                };
                known.entry(normalise_name(n)).or_insert((id, k));
            }
        }
    }
    (known, canonical)
}

fn lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    /// The lexicon, parsed on first use and shared afterwards.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::parse)
    }

    fn parse() -> Lexicon {
        let mut abbreviations = Map::default();
        for l in lines(ABBREVIATIONS) {
            match l.strip_prefix('!') {
                Some(a) => abbreviations.insert(a.to_string(), true),
                None => abbreviations.insert(l.to_string(), false),
            };
        }
        let starters = lines(STARTERS).map(str::to_string).collect();
        let mut cue_forms = Vec::new();
        let mut cue_lemmas = Vec::new();
        let mut kind = CueKind::Verb;
        for l in lines(CUES) {
            match l {
                "[verb]" => kind = CueKind::Verb,
                "[attitude]" => kind = CueKind::Attitude,
                "[preposition]" => kind = CueKind::Preposition,
                "[adjunct]" => kind = CueKind::Adjunct,
                _ => {}
            }
            if l.starts_with('[') {
                continue;
            }
            let lemma = cue_lemmas.len();
            let mut forms = l.split('|').map(|f| f.trim().to_lowercase());
            let first = forms.next().unwrap_or_default();
            cue_lemmas.push((first.trim_start_matches('~').to_string(), kind));
            for form in std::iter::once(first).chain(forms) {
                match form.strip_prefix('~') {
                    Some(noun) => cue_forms.push((noun.to_string(), lemma, true)),
                    None => cue_forms.push((form, lemma, false)),
                }
            }
        }
        cue_forms.sort();
        cue_forms.dedup_by(|a, b| a.0 == b.0);
        let cue_index: Map<String, usize> = cue_forms
            .iter()
            .enumerate()
            .map(|(i, (f, _, _))| (f.clone(), i))
            .collect();
        let cue_first = cue_forms
            .iter()
            .map(|(f, _, _)| f.split(' ').next().unwrap_or_default().to_string())
            .collect();
        let cue_words = cue_forms
            .iter()
            .map(|(f, _, _)| f.split(' ').count())
            .max()
            .unwrap_or(1);
        let mut naming_before = Set::default();
        let mut work_nouns = Set::default();
        let mut speech_nouns = Set::default();
        let mut section = "";
        for l in lines(NAMING) {
            if l.starts_with('[') {
                section = l;
                continue;
            }
            match section {
                "[before]" => naming_before.insert(l.to_lowercase()),
                "[work]" => work_nouns.insert(l.to_lowercase()),
                _ => speech_nouns.insert(l.to_lowercase()),
            };
        }
        let mut gendered = Map::default();
        for src in [FIRST_NAMES, GENDERED] {
            let mut gender = None;
            for l in lines(src) {
                match l {
                    "[female]" => gender = Some(Gender::Female),
                    "[male]" => gender = Some(Gender::Male),
                    "[either]" => gender = None,
                    _ => {
                        gendered.insert(l.to_lowercase(), gender);
                    }
                }
            }
        }
        let (known, canonical) = parse_gazetteer();
        let known_words = known
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        let mut thing_heads = Set::default();
        let mut things = Set::default();
        let mut heads = true;
        for l in lines(THINGS) {
            match l {
                "[head]" => heads = true,
                "[name]" => heads = false,
                _ if heads => {
                    thing_heads.insert(l.to_lowercase());
                }
                _ => {
                    things.insert(l.to_lowercase());
                }
            }
        }
        Lexicon {
            thing_heads,
            things,
            place_words: lines(PLACE_WORDS).map(str::to_lowercase).collect(),
            known,
            canonical,
            known_words,
            abbreviations,
            starters,
            cue_forms,
            cue_lemmas,
            cue_first,
            cue_index,
            cue_words,
            naming_before,
            work_nouns,
            speech_nouns,
            gendered,
            organisation_words: lines(ORGANISATIONS).map(str::to_lowercase).collect(),
            titles: lines(TITLES).map(str::to_lowercase).collect(),
        }
    }

    /// True when `word` (with its final period) is a listed abbreviation.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains_key(word)
    }

    /// True when a word ending in a period may end a sentence: a listed abbreviation marked
    /// as often sentence-final, or an unlisted dotted acronym of two letters or more.
    pub fn abbreviation_may_end_sentence(&self, word: &str) -> bool {
        match self.abbreviations.get(word) {
            Some(&may_end) => may_end,
            None => word.chars().filter(|c| *c != '.').count() > 1,
        }
    }

    /// True for capitalised function words that begin sentences ("The", "He", "But").
    pub fn is_sentence_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }

    /// All cue matches in `text` on word boundaries, as `(start, end, lemma, noun_too)`:
    /// byte spans, leftmost-longest and non-overlapping; `noun_too` for forms that are also
    /// common nouns ("talks").
    pub fn find_cues(&self, text: &str) -> Vec<(usize, usize, usize, bool)> {
        // Words (letters, digits, hyphens) and where each ends; a cue is one to `cue_words`
        // words in a row, joined by single spaces, looked up whole: one pass, each word
        // start tried once, the longest form first.
        let words = word_spans(text);
        let mut out = Vec::new();
        let mut key = String::new();
        let mut i = 0;
        while i < words.len() {
            key.clear();
            key.extend(
                text[words[i].0..words[i].1]
                    .chars()
                    .map(|c| c.to_ascii_lowercase()),
            );
            if !self.cue_first.contains(&key) {
                i += 1;
                continue;
            }
            let mut found = None;
            for n in (1..=self.cue_words.min(words.len() - i)).rev() {
                let (start, end) = (words[i].0, words[i + n - 1].1);
                // only single spaces between the words
                if (i..i + n - 1).any(|k| text.get(words[k].1..words[k + 1].0) != Some(" ")) {
                    continue;
                }
                key.clear();
                key.extend(text[start..end].chars().map(|c| c.to_ascii_lowercase()));
                if let Some(&f) = self.cue_index.get(&key) {
                    found = Some((n, start, end, f));
                    break;
                }
            }
            match found {
                Some((n, start, end, f)) => {
                    let (_, lemma, noun) = self.cue_forms[f];
                    out.push((start, end, lemma, noun));
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The lemma of cue `index` as given by [`find_cues`](Self::find_cues).
    pub fn cue_lemma(&self, index: usize) -> &str {
        &self.cue_lemmas[index].0
    }

    /// The kind of cue `index` as given by [`find_cues`](Self::find_cues).
    pub fn cue_kind(&self, index: usize) -> CueKind {
        self.cue_lemmas[index].1
    }

    /// True when the lower-cased phrase marks a following quotation as a name or term.
    pub fn is_naming_phrase(&self, phrase: &str) -> bool {
        self.naming_before.contains(phrase)
    }

    /// True when the lower-cased word names something said ("statement", "remarks").
    pub fn is_speech_noun(&self, word: &str) -> bool {
        self.speech_nouns.contains(word)
    }

    /// The gender a word shows: a first name ("Kelly"), an honorific ("Mrs."), a role noun
    /// ("spokeswoman"). Case-insensitive.
    pub fn gender_of(&self, word: &str) -> Option<Gender> {
        self.gendered.get(&word.to_lowercase()).copied().flatten()
    }

    /// True when the lower-cased word makes a phrase an organisation ("ministry").
    pub fn is_organisation_word(&self, word: &str) -> bool {
        self.organisation_words.contains(word)
    }

    /// True when the lower-cased word is a title, rank or honorific ("mr.", "minister").
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word)
    }

    /// True when the lower-cased word makes a name a place ("city", "hall").
    pub fn is_place_word(&self, word: &str) -> bool {
        self.place_words.contains(word)
    }

    /// True when the lower-cased word heads names of events, works and laws ("cup", "act").
    pub fn is_thing_head(&self, word: &str) -> bool {
        self.thing_heads.contains(word)
    }

    /// True when the lower-cased name is no actor: a religion, a holiday, a scripture
    /// ("islam", "ramadan").
    pub fn is_thing(&self, name: &str) -> bool {
        self.things.contains(name)
    }

    /// The gazetteer entry a name belongs to (its index and what it names), if listed:
    /// "U.S.", "America" and "Washington" give the entry of "United States".
    pub fn known(&self, name: &str) -> Option<(usize, Known)> {
        self.known.get(&normalise_name(name)).copied()
    }

    /// The canonical name of gazetteer entry `id` ("United States").
    pub fn canonical_name(&self, id: usize) -> &str {
        &self.canonical[id]
    }

    /// The most words a gazetteer name has.
    pub fn known_words(&self) -> usize {
        self.known_words
    }

    /// True when the lower-cased word names a kind of work ("film", "report").
    pub fn is_work_noun(&self, word: &str) -> bool {
        self.work_nouns.contains(word)
    }
}

/// The words of `text` as byte spans: maximal runs of letters, digits and hyphens (the
/// characters that join a word for cue matching).
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '-';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list: sections are known names, and no word stands before the first section
    /// of a sectioned list (a header line that lost its `#` would otherwise be read as a
    /// word).
    #[test]
    fn lists_are_well_formed() {
        let sectioned = [
            (
                CUES,
                &["[verb]", "[attitude]", "[preposition]", "[adjunct]"][..],
            ),
            (NAMING, &["[before]", "[work]", "[speech]"][..]),
            (FIRST_NAMES, &["[female]", "[male]", "[either]"][..]),
            (GENDERED, &["[female]", "[male]"][..]),
            (PLACES, &["[country]", "[region]", "[city]", "[people]"][..]),
            (BODIES, &["[organization]", "[media]"][..]),
            (THINGS, &["[head]", "[name]"][..]),
        ];
        for (src, sections) in sectioned {
            let mut seen_section = false;
            for l in lines(src) {
                if l.starts_with('[') {
                    assert!(sections.contains(&l), "unknown section {l:?}");
                    seen_section = true;
                } else {
                    assert!(seen_section, "{l:?} stands before any section");
                }
            }
        }
        for src in [ABBREVIATIONS, STARTERS, ORGANISATIONS, TITLES, PLACE_WORDS] {
            assert!(
                lines(src).all(|l| !l.contains(' ') || l.starts_with('!')),
                "one entry a line"
            );
        }
    }

    #[test]
    fn every_list_parses_and_is_not_empty() {
        let lex = Lexicon::get();
        assert!(lex.is_abbreviation("Mr."));
        assert!(!lex.abbreviation_may_end_sentence("Mr."));
        assert!(lex.abbreviation_may_end_sentence("U.S."));
        assert!(lex.is_sentence_starter("The"));
        assert!(lex.is_naming_phrase("so-called"));
        assert!(lex.is_work_noun("film"));
        assert_eq!(lex.gender_of("Kelly"), Some(Gender::Female));
        assert_eq!(lex.gender_of("Majid"), Some(Gender::Male));
        assert_eq!(lex.gender_of("spokeswoman"), Some(Gender::Female));
        assert_eq!(lex.gender_of("Mr."), Some(Gender::Male));
        assert!(
            lex.cue_forms.len() > 200,
            "{} cue forms",
            lex.cue_forms.len()
        );
    }

    #[test]
    fn the_gazetteer_knows_aliases_and_capitals() {
        let lex = Lexicon::get();
        let us = lex.known("United States").map(|k| k.0);
        assert!(us.is_some());
        for alias in ["U.S.", "US", "America", "the United States", "America's"] {
            assert_eq!(lex.known(alias).map(|k| k.0), us, "{alias}");
        }
        assert_eq!(lex.known("Washington"), Some((us.unwrap(), Known::Capital)));
        assert_eq!(lex.known("U.N.").map(|k| k.1), Some(Known::Organization));
        assert_eq!(lex.known("Reuters").map(|k| k.1), Some(Known::Media));
        assert_eq!(lex.known("Iranians").map(|k| k.1), Some(Known::People));
        assert_eq!(lex.canonical_name(us.unwrap()), "United States");
        assert_eq!(
            lex.known("Tehran").map(|k| k.0),
            lex.known("Iran").map(|k| k.0)
        );
        assert!(lex.known("Death").is_none());
    }

    #[test]
    fn cues_match_whole_words_in_any_case() {
        let lex = Lexicon::get();
        let text = "He Said it, according to aides; a saying; unsaid.";
        let found: Vec<&str> = lex
            .find_cues(text)
            .iter()
            .map(|&(s, e, _, _)| &text[s..e])
            .collect();
        assert_eq!(found, vec!["Said", "according to", "saying"]);
    }
}
