//! The actor table: the people, organisations and groups that speak, with their mentions
//! merged.
//!
//! Named mentions are merged when the words of one (without a leading article) end the
//! words of the other: "Zarif" and "Foreign Minister Mohammad Javad Zarif". The actor's name
//! is its longest mention. What the text shows of an actor is kept for resolving pronouns:
//! its kind (an organisation word, a plural group), its gender (a first name, an
//! honorific, a role noun, or a pronoun already resolved to it) and where it was last
//! mentioned. The full actor model (titles, kinds from lexicons, aliases, every named
//! mention) comes in its own stage.

use crate::lexicon::{Gender, Lexicon};
use crate::span::Span;

/// What kind of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    /// A person.
    Person,
    /// An organisation: a government body, a company, a newspaper, a group of people.
    Organization,
    /// A place: a country, city or region.
    Place,
}

impl ActorKind {
    /// The name used in the JSON: `person`, `organization` or `place`.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Place => "place",
        }
    }
}

/// One actor: a person, organisation or place, with every mention found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The fullest name found.
    pub name: String,
    /// Person, organisation or place.
    pub kind: ActorKind,
    /// Its gender, when the text shows it.
    pub gender: Option<Gender>,
    /// Its mentions (names, descriptions and the pronouns resolved to it), sorted.
    pub mentions: Vec<Span>,
}

/// Pronouns: speakers that name no one by themselves.
pub fn is_pronoun(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "he" | "she" | "they" | "it" | "we" | "i" | "you" | "who" | "which" | "this" | "that"
    )
}

/// The words of a mention that identify it, lower-cased: without a leading article,
/// leading titles ("Mr.", "Foreign Minister") or trailing commas. A mention that is only a
/// title ("the President") keeps its words.
fn words(s: &str) -> Vec<String> {
    // "Iran's" and the damaged "Iran s" read alike: the possessive is a word of its own.
    let all: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .flat_map(|w| {
            let w = w.trim_end_matches(['\'', '\u{2019}']).to_lowercase();
            match w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")) {
                Some(stem) => vec![stem.to_string(), "s".to_string()],
                None => vec![w],
            }
        })
        .skip_while(|w| matches!(w.as_str(), "the" | "a" | "an"))
        .collect();
    let lex = Lexicon::get();
    let first = all.iter().position(|w| !lex.is_title(w)).unwrap_or(0);
    all[first..].to_vec()
}

/// One actor while the table is being built.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    words: Vec<String>,
    /// The actor as it will be reported.
    pub actor: Actor,
    /// A group of people ("officials", "protesters"): "they".
    pub plural: bool,
    /// Named as a person (a first name, an honorific, two or more capitalised words).
    pub surely_person: bool,
    /// Byte offset of its latest mention.
    pub last: usize,
    /// Whether a quotation is attributed to it (only those are reported).
    pub speaks: bool,
}

/// The actors of a text, built mention by mention in text order.
#[derive(Debug, Default)]
pub(crate) struct Table {
    /// The entries, in order of first mention.
    pub entries: Vec<Entry>,
}

impl Table {
    /// Adds a named or described mention and returns its actor's index: an existing actor
    /// whose words end this mention's words (or the other way round), or a new one.
    pub fn add_named(&mut self, text: &str, span: Span, speaks: bool) -> Option<usize> {
        let s = span.text(text);
        let ws = words(s);
        if ws.is_empty() || (ws.len() == 1 && is_pronoun(&ws[0])) {
            return None;
        }
        let found = self.entries.iter().position(|e| same_actor(&e.words, &ws));
        let i = match found {
            Some(i) => {
                let e = &mut self.entries[i];
                if ws.len() > e.words.len() {
                    let (kind, plural) = kind_of(&ws, s);
                    e.words = ws;
                    e.actor.name = s.to_string();
                    e.actor.kind = kind;
                    e.plural = plural;
                }
                i
            }
            None => {
                let (kind, plural) = kind_of(&ws, s);
                self.entries.push(Entry {
                    words: ws,
                    actor: Actor {
                        name: s.to_string(),
                        kind,
                        gender: None,
                        mentions: Vec::new(),
                    },
                    plural,
                    surely_person: false,
                    last: span.start,
                    speaks: false,
                });
                self.entries.len() - 1
            }
        };
        let e = &mut self.entries[i];
        if e.actor.gender.is_none() {
            e.actor.gender = gender_of(s);
        }
        e.surely_person |= looks_like_a_person(s) && e.actor.kind == ActorKind::Person;
        e.last = e.last.max(span.start);
        e.speaks |= speaks;
        // mentions arrive in text order; duplicates are removed once, in `finish`
        if e.actor.mentions.last() != Some(&span) {
            e.actor.mentions.push(span);
        }
        Some(i)
    }

    /// Adds a pronoun mention to actor `i`; "he" and "she" teach the actor's gender.
    pub fn add_pronoun(&mut self, i: usize, span: Span, gender: Option<Gender>) {
        let e = &mut self.entries[i];
        if e.actor.gender.is_none() && e.actor.kind == ActorKind::Person {
            e.actor.gender = gender;
        }
        e.last = e.last.max(span.start);
        e.speaks = true;
        // mentions arrive in text order; duplicates are removed once, in `finish`
        if e.actor.mentions.last() != Some(&span) {
            e.actor.mentions.push(span);
        }
    }

    /// The actors that speak, in order of first mention, and the new index of every entry.
    pub fn finish(self) -> (Vec<Actor>, Vec<Option<usize>>) {
        let mut actors = Vec::new();
        let mut index = Vec::with_capacity(self.entries.len());
        for e in self.entries {
            if e.speaks {
                let mut a = e.actor;
                a.mentions.sort();
                a.mentions.dedup();
                index.push(Some(actors.len()));
                actors.push(a);
            } else {
                index.push(None);
            }
        }
        (actors, index)
    }
}

/// Whether two mentions name one actor: the words of one end the other's ("Zarif",
/// "Mohammad Javad Zarif"), or one is a role that begins the other ("Iran's UN Ambassador",
/// "Iran's UN Ambassador Majid Takht Ravanchi").
fn same_actor(a: &[String], b: &[String]) -> bool {
    // a leading possessor ("Iran's") may be left out of either
    let unowned = |w: &[String]| -> Vec<String> {
        match w {
            [_, s, rest @ ..] if s == "s" && !rest.is_empty() => rest.to_vec(),
            _ => w.to_vec(),
        }
    };
    let role_of = |role: &[String], full: &[String]| {
        let (role, full) = (unowned(role), unowned(full));
        role.len() < full.len()
            && full.starts_with(&role)
            && role.last().is_some_and(|w| Lexicon::get().is_title(w))
    };
    a.ends_with(b) || b.ends_with(a) || role_of(a, b) || role_of(b, a)
}

/// Person or organisation, and whether the phrase names a group of people ("officials").
fn kind_of(ws: &[String], s: &str) -> (ActorKind, bool) {
    let lex = Lexicon::get();
    if ws
        .iter()
        .any(|w| lex.is_organisation_word(w.trim_end_matches("'s")))
    {
        return (ActorKind::Organization, false);
    }
    let head = s.split_whitespace().last().unwrap_or("");
    let plural = head.chars().next().is_some_and(char::is_lowercase)
        && head.ends_with('s')
        && !head.ends_with("ss");
    if plural {
        return (ActorKind::Organization, true);
    }
    (ActorKind::Person, false)
}

/// The gender the words of a mention show: "Kelly Craft", "Mrs. Clinton", "a spokeswoman".
fn gender_of(s: &str) -> Option<Gender> {
    let lex = Lexicon::get();
    s.split(|c: char| c.is_whitespace() || c == ',')
        .find_map(|w| lex.gender_of(w))
}

/// A first name, an honorific, or two capitalised words and more: surely a person's name.
fn looks_like_a_person(s: &str) -> bool {
    let capitalised = s
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    gender_of(s).is_some() || capitalised >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_merge_with_full_names_and_genders_are_read() {
        let text =
            "Foreign Minister Mohammad Javad Zarif and Zarif and Kelly Craft and the ministry";
        let mut t = Table::default();
        let a = t.add_named(text, Span::new(0, 37), true).unwrap();
        let b = t.add_named(text, Span::new(42, 47), true).unwrap();
        let c = t.add_named(text, Span::new(52, 63), true).unwrap();
        let d = t.add_named(text, Span::new(68, 80), true).unwrap();
        assert_eq!(a, b);
        assert_ne!(a, c);
        let (actors, _) = t.finish();
        assert_eq!(actors[0].name, "Foreign Minister Mohammad Javad Zarif");
        assert_eq!(actors[0].gender, Some(Gender::Male));
        assert_eq!(actors[1].gender, Some(Gender::Female));
        assert_eq!(actors[d].kind, ActorKind::Organization);
    }
}
