//! Word lists, as plain text files with a provenance header, parsed once.
//!
//! Each list is embedded with `include_str!` (by way of `build.rs`, which leaves out the
//! comment lines: the provenance headers stay in the repository, not in the binary) and parsed into sets the first time
//! [`Lexicon::get`] is called; every later call returns the same instance. Lines starting
//! with `#` are comments; blank lines are ignored.

use arrayvec::ArrayString;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::Hasher;
use std::sync::OnceLock;

/// A list prepared by `build.rs`: one entry a line, its forms separated by `|`, already
/// lower-cased or normalised; section lines (`[verb]`) as in the source.
macro_rules! prepared {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $name, ".prep"))
    };
}

const ABBREVIATIONS: &str = prepared!("abbreviations");
const STARTERS: &str = prepared!("starters");
const CUES: &str = prepared!("cues");
const NAMING: &str = prepared!("naming");
const GENDERED: &str = prepared!("gendered");
const ORGANISATIONS: &str = prepared!("organisations");
const TITLES: &str = prepared!("titles");
const PLACE_WORDS: &str = prepared!("place-words");
const KNOWN: &str = prepared!("known");
const THINGS: &str = prepared!("things");
const FUNCTION_WORDS: &str = prepared!("function-words");
const OPENERS: &str = prepared!("openers");
const PREDICATES: &str = prepared!("predicates");

/// The closed classes of `openers.txt`: words that open an adjunct at a sentence's start, or
/// stand in a speaker's place without speaking (see `speaker_form`).
///
/// ```
/// use whosaid::lexicon::{Lexicon, Opener};
///
/// let lex = Lexicon::get();
/// assert!(lex.is_opener(Opener::Discourse, "indeed")); // "Indeed, …"
/// assert!(lex.is_opener(Opener::Preposition, "according")); // "According to …, …"
/// assert!(lex.is_opener(Opener::Time, "week")); // "Last week, …"
/// assert!(lex.is_opener(Opener::TimeSpan, "hours")); // "Hours later, …"
/// assert!(!lex.is_opener(Opener::Discourse, "mayor"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opener {
    /// A sentence adverb or connective before a comma ("indeed", "first").
    Discourse,
    /// A preposition or subordinator opening an adjunct ("according", "given", "when").
    Preposition,
    /// A noun of time after "last", "next", "this" ("week", "morning").
    Time,
    /// A plural time noun before "later", "earlier" ("hours", "days").
    TimeSpan,
    /// A word that follows a participle opening an adjunct ("whether", "at", "the").
    AfterParticiple,
}

/// The closed classes of `predicates.txt`: words around a predicate and its subject (see
/// `control` and `phrases`).
///
/// ```
/// use whosaid::lexicon::{Lexicon, Predicate};
///
/// let lex = Lexicon::get();
/// assert!(lex.is_predicate_word(Predicate::Control, "continue")); // "continued to assert"
/// assert!(lex.is_predicate_word(Predicate::Copula, "was"));
/// assert!(lex.is_predicate_word(Predicate::Degree, "more"));
/// assert!(lex.is_predicate_word(Predicate::PhraseStart, "the"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Predicate {
    /// A verb of subject control, as a lemma ("continue", "manage").
    Control,
    /// A form of "be" or a linking verb ("is", "seemed").
    Copula,
    /// An adverb of degree or frequency before an adjective ("more", "too").
    Degree,
    /// A word that opens a speaker's noun phrase ("the", "officials", "several").
    PhraseStart,
}

/// A person's gender as the text shows it (from a first name, an honorific, a role noun or a
/// pronoun that refers to them).
///
/// ```
/// use whosaid::lexicon::{Gender, Lexicon};
///
/// let lex = Lexicon::get();
/// assert_eq!(lex.gender_of("Elena"), Some(Gender::Female));
/// assert_eq!(lex.gender_of("Mr."), Some(Gender::Male));
/// assert_eq!(lex.gender_of("Alex"), None); // a name of either
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// "she"
    Female,
    /// "he"
    Male,
}

/// How a cue relates to its speaker.
///
/// ```
/// use whosaid::lexicon::{CueKind, Lexicon};
///
/// let lex = Lexicon::get();
/// let text = "Ruiz said in a statement, according to aides who expect a vote";
/// let kinds: Vec<(&str, CueKind)> = lex
///     .find_cues(text)
///     .into_iter()
///     .map(|(start, end, lemma, _)| (&text[start..end], lex.cue_kind(lemma)))
///     .collect();
/// assert_eq!(
///     kinds,
///     [
///         ("said", CueKind::Verb),
///         ("in a statement", CueKind::Adjunct),
///         ("according to", CueKind::Preposition),
///         ("expect", CueKind::Attitude),
///     ]
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A reporting verb: "said", "told", "wrote".
    Verb,
    /// A preposition whose object is the speaker: "according to".
    Preposition,
    /// A phrase that goes with a verb: "in a statement", "on Twitter".
    Adjunct,
    /// A verb of thinking, wanting or finding ("expects", "wants", "found"): a cue for
    /// reported speech, never for a quotation.
    Attitude,
}

/// FNV-1a: the actors' index keys (a tag and a word, hashed in pieces as the whole). Not
/// the hash of any table: a table hashes its keys with a secret seed
/// ([`Keyed`](crate::keyed::Keyed)), since FNV's collisions are easy to make.
///
/// ```
/// use std::hash::Hasher;
/// use whosaid::lexicon::Fnv;
///
/// let hash = |parts: &[&str]| {
///     let mut h = Fnv::default();
///     parts.iter().for_each(|p| h.write(p.as_bytes()));
///     h.finish()
/// };
/// assert_eq!(hash(&["surname:", "brandt"]), hash(&["surname:brandt"])); // in pieces as whole
/// assert_eq!(hash(&[""]), 0xcbf2_9ce4_8422_2325); // FNV-1a's offset basis
/// ```
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

/// A map keyed by words, hashed with a secret seed ([`Keyed`](crate::keyed::Keyed)).
///
/// ```
/// use whosaid::lexicon::Map;
///
/// let mut mentions: Map<&str, usize> = Map::default();
/// *mentions.entry("Brandt").or_default() += 1;
/// assert_eq!(mentions["Brandt"], 1);
/// ```
pub type Map<K, V> = HashMap<K, V, crate::keyed::Keyed>;
/// A set of words, hashed with a secret seed ([`Keyed`](crate::keyed::Keyed)).
///
/// ```
/// use whosaid::lexicon::Set;
///
/// let surnames: Set<&str> = ["Brandt", "Okafor"].into_iter().collect();
/// assert!(surnames.contains("Okafor"));
/// ```
pub type Set<K> = HashSet<K, crate::keyed::Keyed>;

/// What a name in the gazetteer (`places.txt`, `bodies.txt`) names.
///
/// ```
/// use whosaid::lexicon::{Known, Lexicon};
///
/// let lex = Lexicon::get();
/// let kind = |name| lex.known(name).map(|(_, kind)| kind);
/// assert_eq!(kind("Norway"), Some(Known::Country));
/// assert_eq!(kind("Oslo"), Some(Known::Capital)); // "Oslo said": Norway's government
/// assert_eq!(kind("Halifax"), Some(Known::City));
/// assert_eq!(kind("U.N."), Some(Known::Organization));
/// assert_eq!(kind("Portvale"), None);
/// ```
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

impl Known {
    /// Every kind, in the order of their numbers (`Known::Media as usize` is 6).
    const ALL: [Known; 7] = [
        Known::Country,
        Known::Capital,
        Known::Region,
        Known::City,
        Known::People,
        Known::Organization,
        Known::Media,
    ];
}

/// The parsed word lists.
///
/// ```
/// use whosaid::lexicon::Lexicon;
///
/// let lex = Lexicon::get();
/// assert!(lex.is_abbreviation("Gen."));
/// assert!(lex.is_title("minister"));
/// assert!(lex.is_speech_noun("statement"));
/// ```
#[derive(Debug)]
pub struct Lexicon {
    abbreviations: Set<&'static str>,
    /// The abbreviations marked as often ending a sentence.
    abbreviations_ending: Set<&'static str>,
    starters: Set<&'static str>,
    /// The lemma (first form) of each cue line, with its kind.
    cue_lemmas: Vec<(&'static str, CueKind)>,
    /// Every form of every cue, lower-cased, with the index of its lemma and whether the form
    /// is also a common noun.
    /// (the lemma's index times two, plus one when the form is also a noun: a value of the
    /// map type used elsewhere, one hash-table instantiation fewer in the wasm)
    cue_index: Map<&'static str, usize>,
    /// The most words a cue form has.
    cue_words: usize,
    /// The first word of every cue form: most words of a text are none, and need no more.
    cue_first: Set<&'static str>,
    naming_before: Set<&'static str>,
    work_nouns: Set<&'static str>,
    speech_nouns: Set<&'static str>,
    /// Lower-cased first names, honorifics and role nouns with the gender they show;
    /// `None` for names used by both.
    /// (0: either gender, 1: female, 2: male; a value of the map type used elsewhere)
    gendered: Map<&'static str, usize>,
    /// Lower-cased words that make a phrase an organisation ("ministry", "agency").
    organisation_words: Set<&'static str>,
    /// Lower-cased titles, ranks and honorifics ("mr.", "minister", "ayatollah").
    titles: Set<&'static str>,
    /// Lower-cased words that make a name a place ("city", "hall").
    place_words: Set<&'static str>,
    /// Every name of the gazetteer, normalised ([`normalise_name`]), with the index of its
    /// entry's canonical name and what it names.
    /// (the entry's index times eight plus its [`Known`] as a number: a value of the map
    /// type used elsewhere, one hash-table instantiation fewer in the wasm)
    known: Map<&'static str, usize>,
    /// The canonical name of each gazetteer entry (the first name of its line).
    canonical: Vec<&'static str>,
    /// The most words any gazetteer name has.
    known_words: usize,
    /// Lower-cased words that head names of events, works and laws ("cup", "act").
    thing_heads: Set<&'static str>,
    /// Lower-cased names that are no actors ("islam", "internet").
    things: Set<&'static str>,
    /// Lower-cased words that open names of storms, vessels and operations ("cyclone").
    thing_openers: Set<&'static str>,
    /// Lower-cased function words and interjections ("do", "following", "oh").
    function_words: Set<&'static str>,
    /// The classes of [`Opener`], in its order.
    openers: [Set<&'static str>; 5],
    /// The classes of [`Predicate`], in its order.
    predicates: [Set<&'static str>; 4],
}

include!("normalise.rs");

impl Lexicon {
    /// The lexicon, parsed on first use and shared afterwards.
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    ///
    /// assert!(std::ptr::eq(Lexicon::get(), Lexicon::get())); // one instance per process
    /// ```
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::parse)
    }

    fn parse() -> Lexicon {
        // (two sets, not a map to a flag: one set type less in the wasm)
        let mut abbreviations = Set::with_capacity_and_hasher(count(ABBREVIATIONS), <_>::default());
        let mut abbreviations_ending = Set::default();
        for (_, l) in entries(ABBREVIATIONS) {
            match l.strip_prefix('!') {
                Some(a) => {
                    abbreviations.insert(a);
                    abbreviations_ending.insert(a);
                }
                None => {
                    abbreviations.insert(l);
                }
            };
        }
        // every form of every cue; a form listed twice keeps its first lemma
        let mut cue_index = Map::with_capacity_and_hasher(count(CUES) * 4, <_>::default());
        let mut cue_first = Set::with_capacity_and_hasher(count(CUES) * 4, <_>::default());
        let mut cue_lemmas = Vec::with_capacity(count(CUES));
        for (section, l) in entries(CUES) {
            let kind = match section {
                "[attitude]" => CueKind::Attitude,
                "[preposition]" => CueKind::Preposition,
                "[adjunct]" => CueKind::Adjunct,
                _ => CueKind::Verb,
            };
            let lemma = cue_lemmas.len();
            for (i, form) in l.split('|').enumerate() {
                let (form, noun) = match form.strip_prefix('~') {
                    Some(noun) => (noun, true),
                    None => (form, false),
                };
                if i == 0 {
                    cue_lemmas.push((form, kind));
                }
                cue_index
                    .entry(form)
                    .or_insert(lemma << 1 | usize::from(noun));
                cue_first.insert(form.split(' ').next().unwrap_or_default());
            }
        }
        let cue_words = most_words(cue_index.keys().copied());
        // first names, then role nouns and honorifics (a later line overrides an earlier one)
        let mut gendered = Map::with_capacity_and_hasher(count(GENDERED), <_>::default());
        for (section, l) in entries(GENDERED) {
            let gender = match section {
                "[female]" => 1,
                "[male]" => 2,
                _ => 0,
            };
            gendered.insert(l, gender);
        }
        // the gazetteer: "Canonical|key|key|@capital key" ("=": the canonical name lower-cased);
        // the first entry giving a key wins
        let mut known = Map::with_capacity_and_hasher(count(KNOWN) * 2, <_>::default());
        let mut canonical = Vec::with_capacity(count(KNOWN));
        for (section, l) in entries(KNOWN) {
            let kind = match section {
                "[region]" => Known::Region,
                "[city]" => Known::City,
                "[people]" => Known::People,
                "[organization]" => Known::Organization,
                "[media]" => Known::Media,
                _ => Known::Country,
            };
            let id = canonical.len();
            let mut names = l.split('|');
            let name = names.next().unwrap_or_default();
            canonical.push(name);
            for key in names {
                // ("=": the lower-cased name, built once for the lexicon, which lives as
                // long as the program: leaked, to be borrowed as the others are)
                let (key, k): (&'static str, Known) = match key.strip_prefix('@') {
                    Some(capital) => (capital, Known::Capital),
                    None if key == "=" => {
                        (Box::leak(name.to_ascii_lowercase().into_boxed_str()), kind)
                    }
                    None => (key, kind),
                };
                known.entry(key).or_insert(id << 3 | k as usize);
            }
        }
        let known_words = most_words(known.keys().copied());
        let section = |src: &'static str, name: &str| {
            let mut set = Set::with_capacity_and_hasher(count(src), <_>::default());
            set.extend(entries(src).filter(|&(s, _)| s == name).map(|(_, l)| l));
            set
        };
        let words = |src: &'static str| section(src, "");
        Lexicon {
            abbreviations,
            abbreviations_ending,
            starters: words(STARTERS),
            cue_lemmas,
            cue_index,
            cue_words,
            cue_first,
            naming_before: section(NAMING, "[before]"),
            work_nouns: section(NAMING, "[work]"),
            speech_nouns: section(NAMING, "[speech]"),
            gendered,
            organisation_words: words(ORGANISATIONS),
            titles: words(TITLES),
            place_words: words(PLACE_WORDS),
            known,
            canonical,
            known_words,
            thing_heads: section(THINGS, "[head]"),
            things: section(THINGS, "[name]"),
            thing_openers: section(THINGS, "[opener]"),
            function_words: words(FUNCTION_WORDS),
            openers: [
                section(OPENERS, "[discourse]"),
                section(OPENERS, "[preposition]"),
                section(OPENERS, "[time]"),
                section(OPENERS, "[time-span]"),
                section(OPENERS, "[after-participle]"),
            ],
            predicates: [
                section(PREDICATES, "[control]"),
                section(PREDICATES, "[copula]"),
                section(PREDICATES, "[degree]"),
                section(PREDICATES, "[phrase-start]"),
            ],
        }
    }

    /// True when `word` (with its final period) is a listed abbreviation.
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let lex = Lexicon::get();
    /// assert!(lex.is_abbreviation("Mr.") && lex.is_abbreviation("U.S."));
    /// assert!(!lex.is_abbreviation("Mr")); // without its period
    /// ```
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    /// True when a word ending in a period may end a sentence: a listed abbreviation marked
    /// as often sentence-final, or an unlisted dotted acronym of two letters or more.
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let lex = Lexicon::get();
    /// assert!(lex.abbreviation_may_end_sentence("U.S.")); // "… in the U.S. The …"
    /// assert!(!lex.abbreviation_may_end_sentence("Gen.")); // a title: a name follows
    /// assert!(lex.abbreviation_may_end_sentence("N.Y.C.")); // unlisted, dotted
    /// ```
    pub fn abbreviation_may_end_sentence(&self, word: &str) -> bool {
        if self.abbreviations.contains(word) {
            self.abbreviations_ending.contains(word)
        } else {
            word.chars().filter(|c| *c != '.').count() > 1
        }
    }

    /// True for capitalised function words that begin sentences ("The", "He", "But").
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let lex = Lexicon::get();
    /// assert!(lex.is_sentence_starter("The") && lex.is_sentence_starter("He"));
    /// assert!(!lex.is_sentence_starter("the")); // capitalised only
    /// ```
    pub fn is_sentence_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }

    /// All cue matches in `text` on word boundaries, as `(start, end, lemma, noun_too)`:
    /// byte spans, leftmost-longest and non-overlapping; `noun_too` for forms that are also
    /// common nouns ("talks").
    ///
    /// These are the raw matches: [`Doc::new`](crate::doc::Doc::new) then keeps those that
    /// read as cues in their sentence and joins an adjunct to its verb.
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let lex = Lexicon::get();
    /// let text = "The talks ended, Ruiz told reporters.";
    /// let cues: Vec<(&str, &str, bool)> = lex
    ///     .find_cues(text)
    ///     .into_iter()
    ///     .map(|(start, end, lemma, noun)| (&text[start..end], lex.cue_lemma(lemma), noun))
    ///     .collect();
    /// assert_eq!(cues, [("talks", "talk", true), ("told", "tell", false)]);
    /// ```
    pub fn find_cues(&self, text: &str) -> Vec<(usize, usize, usize, bool)> {
        // Words (letters, digits, hyphens) and where each ends; a cue is one to `cue_words`
        // words in a row, joined by single spaces, looked up whole: one pass, each word
        // start tried once, the longest form first.
        let words = word_spans(text);
        let mut out = Vec::new();
        let mut buf = crate::lexicon::ShortName::new();
        let mut i = 0;
        while i < words.len() {
            if !self
                .cue_first
                .contains(&*ascii_lower(&text[words[i].0..words[i].1], &mut buf))
            {
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
                let key = ascii_lower(&text[start..end], &mut buf);
                if let Some(&packed) = self.cue_index.get(&*key) {
                    found = Some((n, start, end, packed >> 1, packed & 1 == 1));
                    break;
                }
            }
            match found {
                Some((n, start, end, lemma, noun)) => {
                    out.push((start, end, lemma, noun));
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The lemma of cue `index` as given by [`find_cues`](Self::find_cues).
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let lex = Lexicon::get();
    /// let (_, _, lemma, _) = lex.find_cues("she wrote")[0];
    /// assert_eq!(lex.cue_lemma(lemma), "write");
    /// ```
    pub fn cue_lemma(&self, index: usize) -> &str {
        self.cue_lemmas[index].0
    }

    /// The kind of cue `index` as given by [`find_cues`](Self::find_cues).
    ///
    /// ```
    /// use whosaid::lexicon::{CueKind, Lexicon};
    ///
    /// let lex = Lexicon::get();
    /// let (_, _, lemma, _) = lex.find_cues("according to the mayor")[0];
    /// assert_eq!(lex.cue_kind(lemma), CueKind::Preposition);
    /// ```
    pub fn cue_kind(&self, index: usize) -> CueKind {
        self.cue_lemmas[index].1
    }

    /// True when the lower-cased phrase marks a following quotation as a name or term.
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let lex = Lexicon::get();
    /// assert!(lex.is_naming_phrase("so-called")); // so-called "experts"
    /// assert!(lex.is_naming_phrase("known as"));
    /// assert!(!lex.is_naming_phrase("said"));
    /// ```
    pub fn is_naming_phrase(&self, phrase: &str) -> bool {
        self.naming_before.contains(phrase)
    }

    /// True when the lower-cased word names something said ("statement", "remarks").
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let lex = Lexicon::get();
    /// assert!(lex.is_speech_noun("remarks"));
    /// assert!(!lex.is_speech_noun("ferry"));
    /// ```
    pub fn is_speech_noun(&self, word: &str) -> bool {
        self.speech_nouns.contains(word)
    }

    /// Whether a word is listed as a given name, an honorific or a role noun of a person,
    /// of either gender ("Alex", "Robin", "Kelly", "Mr."). Case-insensitive.
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let lex = Lexicon::get();
    /// assert!(lex.is_personal("Alex") && lex.is_personal("ELENA") && lex.is_personal("Mr."));
    /// assert!(!lex.is_personal("Halifax"));
    /// ```
    pub fn is_personal(&self, word: &str) -> bool {
        let mut buf = crate::lexicon::ShortName::new();
        self.gendered
            .contains_key(lowercase(word, &mut buf).as_ref())
    }

    /// The gender a word shows: a first name ("Kelly"), an honorific ("Mrs."), a role noun
    /// ("spokeswoman"). Case-insensitive.
    ///
    /// ```
    /// use whosaid::lexicon::{Gender, Lexicon};
    ///
    /// let lex = Lexicon::get();
    /// assert_eq!(lex.gender_of("Spokeswoman"), Some(Gender::Female));
    /// assert_eq!(lex.gender_of("Mrs."), Some(Gender::Female));
    /// assert_eq!(lex.gender_of("Tom"), Some(Gender::Male));
    /// assert_eq!(lex.gender_of("Alex"), None);
    /// ```
    pub fn gender_of(&self, word: &str) -> Option<Gender> {
        let mut buf = crate::lexicon::ShortName::new();
        match self.gendered.get(lowercase(word, &mut buf).as_ref()) {
            Some(1) => Some(Gender::Female),
            Some(2) => Some(Gender::Male),
            _ => None,
        }
    }

    /// True when the lower-cased word makes a phrase an organisation ("ministry").
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let lex = Lexicon::get();
    /// assert!(lex.is_organisation_word("ministry") && lex.is_organisation_word("council"));
    /// assert!(!lex.is_organisation_word("Ministry")); // lower-cased words only
    /// ```
    pub fn is_organisation_word(&self, word: &str) -> bool {
        self.organisation_words.contains(word)
    }

    /// True when the lower-cased word is a title, rank or honorific ("mr.", "minister").
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let lex = Lexicon::get();
    /// assert!(lex.is_title("mr.") && lex.is_title("minister") && lex.is_title("mayor"));
    /// assert!(!lex.is_title("engineer"));
    /// ```
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word)
    }

    /// True when the lower-cased word makes a name a place ("city", "hall").
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let lex = Lexicon::get();
    /// assert!(lex.is_place_word("county") && lex.is_place_word("street"));
    /// assert!(!lex.is_place_word("ministry"));
    /// ```
    pub fn is_place_word(&self, word: &str) -> bool {
        self.place_words.contains(word)
    }

    /// True when the lower-cased word heads names of events, works and laws ("cup", "act").
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let lex = Lexicon::get();
    /// assert!(lex.is_thing_head("festival")); // "the Harbour Festival" is no actor
    /// assert!(!lex.is_thing_head("union"));
    /// ```
    pub fn is_thing_head(&self, word: &str) -> bool {
        self.thing_heads.contains(word)
    }

    /// True when the lower-cased word, before a name's last word, makes it a storm, a
    /// vessel, an operation or a project ("cyclone", "shuttle", "operation").
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let lex = Lexicon::get();
    /// assert!(lex.is_thing_opener("hurricane")); // "Hurricane Fiona" is no person
    /// assert!(!lex.is_thing_opener("mayor"));
    /// ```
    pub fn is_thing_opener(&self, word: &str) -> bool {
        self.thing_openers.contains(word)
    }

    /// True when the lower-cased name is no actor: a religion, a holiday, a scripture
    /// ("islam", "ramadan").
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let lex = Lexicon::get();
    /// assert!(lex.is_thing("internet") && lex.is_thing("islam"));
    /// assert!(!lex.is_thing("norway"));
    /// ```
    pub fn is_thing(&self, name: &str) -> bool {
        self.things.contains(name)
    }

    /// True when the lower-cased `word` is of the closed class `class` ("indeed" is
    /// [`Opener::Discourse`]).
    ///
    /// ```
    /// use whosaid::lexicon::{Lexicon, Opener};
    ///
    /// let lex = Lexicon::get();
    /// assert!(lex.is_opener(Opener::Discourse, "indeed"));
    /// assert!(!lex.is_opener(Opener::Time, "indeed"));
    /// ```
    pub fn is_opener(&self, class: Opener, word: &str) -> bool {
        self.openers[class as usize].contains(word)
    }

    /// True when the lower-cased `word` is in the class `class` of `predicates.txt`.
    ///
    /// ```
    /// use whosaid::lexicon::{Lexicon, Predicate};
    ///
    /// let lex = Lexicon::get();
    /// assert!(lex.is_predicate_word(Predicate::Copula, "is"));
    /// assert!(!lex.is_predicate_word(Predicate::Copula, "said"));
    /// ```
    pub fn is_predicate_word(&self, class: Predicate, word: &str) -> bool {
        self.predicates[class as usize].contains(word)
    }

    /// True when the word is a function word or an interjection ("Do", "following",
    /// "Oh", "I've"), never a name; case-insensitive, either apostrophe.
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let lex = Lexicon::get();
    /// assert!(lex.is_function_word("Following") && lex.is_function_word("Oh"));
    /// assert!(lex.is_function_word("I\u{2019}ve"));
    /// assert!(!lex.is_function_word("Brandt"));
    /// ```
    pub fn is_function_word(&self, word: &str) -> bool {
        let mut buf = crate::lexicon::ShortName::new();
        let w = lowercase(word, &mut buf);
        if w.contains('\u{2019}') {
            return self
                .function_words
                .contains(w.replace('\u{2019}', "'").as_str());
        }
        self.function_words.contains(w.as_ref())
    }

    /// The gazetteer entry a name belongs to (its index and what it names), if listed:
    /// "U.S.", "America" and "Washington" give the entry of "United States".
    ///
    /// ```
    /// use whosaid::lexicon::{Known, Lexicon};
    ///
    /// let lex = Lexicon::get();
    /// let (us, kind) = lex.known("U.S.").unwrap();
    /// assert_eq!((lex.canonical_name(us), kind), ("United States", Known::Country));
    /// assert_eq!(lex.known("America"), Some((us, Known::Country)));
    /// assert_eq!(lex.known("the U.S.'s"), Some((us, Known::Country))); // normalised
    /// assert_eq!(lex.known("Washington"), Some((us, Known::Capital)));
    /// ```
    pub fn known(&self, name: &str) -> Option<(usize, Known)> {
        let mut buf = ShortName::new();
        let packed = match normalise_short(name, &mut buf) {
            Some(key) => self.known.get(key),
            None => self.known.get(normalise_name(name).as_str()),
        }?;
        Some((packed >> 3, Known::ALL[packed & 7]))
    }

    /// The canonical name of gazetteer entry `id` ("United States").
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let lex = Lexicon::get();
    /// let (id, _) = lex.known("Oslo").unwrap(); // a capital: its country's entry
    /// assert_eq!(lex.canonical_name(id), "Norway");
    /// ```
    pub fn canonical_name(&self, id: usize) -> &str {
        self.canonical[id]
    }

    /// The most words a gazetteer name has.
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let lex = Lexicon::get();
    /// assert!(lex.known_words() >= "United States of America".split(' ').count());
    /// ```
    pub fn known_words(&self) -> usize {
        self.known_words
    }

    /// True when the lower-cased word names a kind of work ("film", "report").
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let lex = Lexicon::get();
    /// assert!(lex.is_work_noun("film") && lex.is_work_noun("album")); // the film "Dune"
    /// assert!(!lex.is_work_noun("mayor"));
    /// ```
    pub fn is_work_noun(&self, word: &str) -> bool {
        self.work_nouns.contains(word)
    }
}

/// The longest name or word normalised or lower-cased on the stack ([`lowercase`]).
///
/// ```
/// use whosaid::lexicon::{ShortName, SHORT_NAME};
///
/// assert_eq!(ShortName::new().capacity(), SHORT_NAME);
/// ```
pub const SHORT_NAME: usize = 64;

/// [`normalise_name`] without allocating, for ASCII names of up to [`SHORT_NAME`] bytes
/// (nearly every name looked up in the gazetteer, once per capitalised run of a text);
/// `None` for the others.
fn normalise_short<'b>(name: &str, buf: &'b mut ShortName) -> Option<&'b str> {
    if !name.is_ascii() {
        return None;
    }
    // one pass over the bytes: runs of white space (ASCII's are 9-13 and 32) become one space
    // between words, periods go, letters are lower-cased
    buf.clear();
    let mut space = false;
    for &b in name.as_bytes() {
        if b == b' ' || (9..=13).contains(&b) {
            space = !buf.is_empty();
            continue;
        }
        if space {
            buf.try_push(' ').ok()?;
            space = false;
        }
        if b != b'.' {
            buf.try_push(char::from(b.to_ascii_lowercase())).ok()?;
        }
    }
    let mut key = buf.as_str();
    key = key.strip_prefix("the ").unwrap_or(key);
    if let Some(stem) = key.strip_suffix("'s").filter(|s| !s.is_empty()) {
        key = stem;
    }
    Some(key)
}

/// The longest word [`ascii_lower`] lower-cases on the stack.
///
/// ```
/// use whosaid::lexicon::{Word, WORD};
///
/// assert_eq!(Word::new().capacity(), WORD);
/// ```
pub const WORD: usize = 24;

/// A word lower-cased on the stack: [`ascii_lower`]'s buffer.
///
/// ```
/// use whosaid::lexicon::{ascii_lower, Word};
///
/// assert_eq!(ascii_lower("The", &mut Word::new()), "the");
/// ```
pub type Word = ArrayString<WORD>;
/// A name lower-cased on the stack: [`lowercase`]'s buffer.
///
/// ```
/// use whosaid::lexicon::{lowercase, ShortName};
///
/// assert_eq!(lowercase("Dockworkers Union", &mut ShortName::new()), "dockworkers union");
/// ```
pub type ShortName = ArrayString<SHORT_NAME>;

/// `word` with its ASCII letters lower-cased, as `to_ascii_lowercase` gives it: `word` itself
/// when it has no capital (most words of a text), else on the stack for words of up to `N`
/// bytes (`N` = [`WORD`] for the function words it is matched against, `"the" | "a" | "an"`),
/// allocated for longer ones. (The stack string is lowered in place as a `str`: no check of
/// its UTF-8 again, which cost more than the lowering.)
///
/// ```
/// use std::borrow::Cow;
/// use whosaid::lexicon::{ascii_lower, Word};
///
/// let mut buf = Word::new();
/// assert!(matches!(ascii_lower("mayor", &mut buf), Cow::Borrowed("mayor"))); // no capital
/// assert_eq!(ascii_lower("MAYOR", &mut buf), "mayor"); // on the stack
/// let long = "INTERNATIONALISATION-MINDED";
/// assert!(matches!(ascii_lower(long, &mut buf), Cow::Owned(_))); // over 24 bytes
/// assert_eq!(ascii_lower("CAF\u{C9}", &mut buf), "caf\u{C9}"); // ASCII letters only
/// ```
pub fn ascii_lower<'a, const N: usize>(word: &'a str, buf: &'a mut ArrayString<N>) -> Cow<'a, str> {
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return Cow::Borrowed(word);
    }
    buf.clear();
    if buf.try_push_str(word).is_err() {
        return Cow::Owned(word.to_ascii_lowercase());
    }
    buf.make_ascii_lowercase();
    Cow::Borrowed(buf.as_str())
}

/// `word` lower-cased: for an ASCII word (nearly every word looked up in the lists) what
/// [`ascii_lower`] gives, itself or on the stack (in `buf`); allocated for the others.
///
/// ```
/// use whosaid::lexicon::{lowercase, ShortName};
///
/// let mut buf = ShortName::new();
/// assert_eq!(lowercase("Halifax", &mut buf), "halifax");
/// assert_eq!(lowercase("CAF\u{C9}", &mut buf), "caf\u{E9}"); // every letter, not only ASCII
/// ```
pub fn lowercase<'a>(word: &'a str, buf: &'a mut ShortName) -> Cow<'a, str> {
    if word.is_ascii() {
        return ascii_lower(word, buf);
    }
    Cow::Owned(lower_chars(word))
}

/// `word` lower-cased a character at a time: what `str::to_lowercase` gives but for a Greek
/// capital sigma at a word's end (σ, not ς), for a fraction of its code in the wasm (that
/// function alone is 4 KB there).
///
/// ```
/// use whosaid::lexicon::lower_chars;
///
/// assert_eq!(lower_chars("\u{C9}LYS\u{C9}E"), "\u{E9}lys\u{E9}e");
/// assert_eq!(lower_chars("\u{3A3}\u{391}\u{3A3}"), "\u{3C3}\u{3B1}\u{3C3}"); // σ, never ς
/// ```
pub fn lower_chars(word: &str) -> String {
    word.chars().flat_map(char::to_lowercase).collect()
}

/// The entries of a prepared list, each with the section it is in ("" before any): one
/// pass over the bytes (newlines are ASCII, so every cut is on a character boundary).
fn entries(src: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut rest = src;
    let mut section = "";
    std::iter::from_fn(move || loop {
        let end = rest.bytes().position(|b| b == b'\n')?; // build.rs ends every line
        let line = &rest[..end];
        rest = &rest[end + 1..];
        if line.starts_with('[') {
            section = line;
        } else {
            return Some((section, line));
        }
    })
}

/// The number of lines of a prepared list, to size its table once.
fn count(src: &str) -> usize {
    src.bytes().filter(|&b| b == b'\n').count()
}

/// The most words any of `keys` has.
fn most_words<'a>(keys: impl Iterator<Item = &'a str>) -> usize {
    keys.map(|k| k.split(' ').count()).max().unwrap_or(1)
}

/// The words of `text` as byte spans: maximal runs of letters, digits and hyphens (the
/// characters that join a word for cue matching).
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in crate::chars::chars_at(text) {
        let word = crate::chars::is_alphanumeric(c) || c == '-';
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

    /// The source lists, with their headers.
    fn source(name: &str) -> &'static str {
        match name {
            "cues" => include_str!("cues.txt"),
            "naming" => include_str!("naming.txt"),
            "first-names" => include_str!("first-names.txt"),
            "gendered" => include_str!("gendered.txt"),
            "places" => include_str!("places.txt"),
            "bodies" => include_str!("bodies.txt"),
            "things" => include_str!("things.txt"),
            "abbreviations" => include_str!("abbreviations.txt"),
            "starters" => include_str!("starters.txt"),
            "organisations" => include_str!("organisations.txt"),
            "titles" => include_str!("titles.txt"),
            "place-words" => include_str!("place-words.txt"),
            "function-words" => include_str!("function-words.txt"),
            "openers" => include_str!("openers.txt"),
            "predicates" => include_str!("predicates.txt"),
            _ => unreachable!("no list {name}"),
        }
    }

    fn lines(src: &str) -> impl Iterator<Item = &str> {
        src.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
    }

    /// Every list: sections are known names, and no word stands before the first section
    /// of a sectioned list (a header line that lost its `#` would otherwise be read as a
    /// word).
    #[test]
    fn the_kinds_of_listed_names_are_numbered_in_order() {
        // (the gazetteer packs a kind as its number; ALL reads it back)
        for (i, kind) in Known::ALL.iter().enumerate() {
            assert_eq!(*kind as usize, i);
        }
        assert_eq!(
            Lexicon::get().known("Tehran").map(|k| k.1),
            Some(Known::Capital)
        );
        assert_eq!(
            Lexicon::get().known("Reuters").map(|k| k.1),
            Some(Known::Media)
        );
    }

    #[test]
    fn lists_are_well_formed() {
        let sectioned = [
            (
                "cues",
                &["[verb]", "[attitude]", "[preposition]", "[adjunct]"][..],
            ),
            ("naming", &["[before]", "[work]", "[speech]"][..]),
            ("first-names", &["[female]", "[male]", "[either]"][..]),
            ("gendered", &["[female]", "[male]"][..]),
            (
                "places",
                &["[country]", "[region]", "[city]", "[people]"][..],
            ),
            ("bodies", &["[organization]", "[media]"][..]),
            ("things", &["[head]", "[name]", "[opener]"][..]),
            (
                "openers",
                &[
                    "[discourse]",
                    "[preposition]",
                    "[time]",
                    "[time-span]",
                    "[after-participle]",
                ][..],
            ),
            (
                "predicates",
                &["[control]", "[copula]", "[degree]", "[phrase-start]"][..],
            ),
        ];
        for (name, sections) in sectioned {
            let mut seen_section = false;
            for l in lines(source(name)) {
                if l.starts_with('[') {
                    assert!(sections.contains(&l), "{name}: unknown section {l:?}");
                    seen_section = true;
                } else {
                    assert!(seen_section, "{name}: {l:?} stands before any section");
                }
            }
        }
        for name in [
            "abbreviations",
            "starters",
            "organisations",
            "titles",
            "place-words",
            "function-words",
        ] {
            assert!(
                lines(source(name)).all(|l| !l.contains(' ') || l.starts_with('!')),
                "{name}: one entry a line"
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
        assert!(lex.is_function_word("Oh") && lex.is_function_word("We\u{2019}re"));
        assert!(!lex.is_function_word("Will"));
        assert!(lex.is_naming_phrase("so-called"));
        assert!(lex.is_work_noun("film"));
        assert_eq!(lex.gender_of("Kelly"), Some(Gender::Female));
        assert_eq!(lex.gender_of("Majid"), Some(Gender::Male));
        assert_eq!(lex.gender_of("spokeswoman"), Some(Gender::Female));
        assert_eq!(lex.gender_of("Mr."), Some(Gender::Male));
        assert!(
            lex.cue_index.len() > 200,
            "{} cue forms",
            lex.cue_index.len()
        );
    }

    #[test]
    fn short_names_normalise_as_long_ones_do() {
        let mut buf = crate::lexicon::ShortName::new();
        for name in [
            "U.S.",
            "the United  States",
            "The U.N.'s",
            "Iran's",
            "'s",
            "the 's",
            "The",
            "the ",
            "A\u{b}B",
            " New\tYork\r\n",
            "",
            "St. John's",
            "A . B",
            ". A",
            "A .",
            "\t Mr.  X \n",
        ] {
            assert_eq!(
                normalise_short(name, &mut buf),
                Some(normalise_name(name).as_str()),
                "{name:?}"
            );
        }
        assert_eq!(normalise_short("Côte d'Ivoire", &mut buf), None);
        assert_eq!(normalise_short(&"A".repeat(65), &mut buf), None);
    }

    #[test]
    fn words_lower_case_on_the_stack_as_to_ascii_lowercase_does() {
        let long = "Supercalifragilisticexpialidocious"; // longer than WORD
        for word in [
            "The",
            "ISN'T",
            "isn\u{2019}t",
            "Ωmega",
            "Ünal",
            "",
            long,
            "a\u{0}B",
        ] {
            let mut buf = crate::lexicon::Word::new();
            let lower = ascii_lower(word, &mut buf);
            assert_eq!(lower, word.to_ascii_lowercase(), "{word:?}");
            let capital = word.bytes().any(|b| b.is_ascii_uppercase());
            let borrowed = matches!(lower, Cow::Borrowed(_));
            assert_eq!(borrowed, !capital || word.len() <= WORD, "{word:?}");
        }
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
