//! A first actor table: the named speakers, with their mentions grouped.
//!
//! Each speaker mention that is not a pronoun becomes a mention of an actor. Two mentions
//! are the same actor when the words of one (without a leading article) end the words of
//! the other: "Zarif" and "Foreign Minister Mohammad Javad Zarif". The actor's name is its
//! longest mention. The full actor model (titles, kinds from lexicons, aliases, every named
//! mention in the text) replaces this table in its own stage.

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
    /// Its mentions, sorted.
    pub mentions: Vec<Span>,
}

/// Pronouns: speakers that name no one by themselves.
pub fn is_pronoun(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "he" | "she" | "they" | "it" | "we" | "i" | "you" | "who" | "this" | "that"
    )
}

const ORG_WORDS: &[&str] = &[
    "ministry",
    "department",
    "agency",
    "council",
    "party",
    "committee",
    "news",
    "post",
    "times",
    "office",
    "government",
    "pentagon",
    "police",
    "campaign",
    "administration",
    "company",
    "court",
    "union",
    "house",
    "senate",
    "congress",
    "association",
    "commission",
    "bank",
    "group",
    "board",
    "network",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "officials",
    "journal",
    "press",
    "reuters",
    "service",
    "organization",
    "organisation",
    "institute",
    "university",
    "inc",
    "corp",
    "foundation",
    "authority",
    "force",
    "army",
    "navy",
    "team",
    "club",
    "church",
    "mosque",
    "school",
];

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches(['\'', '\u{2019}']).to_lowercase())
        .skip_while(|w| matches!(w.as_str(), "the" | "a" | "an"))
        .collect()
}

fn kind_of(name: &str) -> ActorKind {
    let ws = words(name);
    if ws
        .iter()
        .any(|w| ORG_WORDS.contains(&w.trim_end_matches("'s")))
    {
        ActorKind::Organization
    } else {
        ActorKind::Person
    }
}

/// Groups speaker mentions into actors. Returns the actors and, for each mention, the index
/// of its actor (`None` for pronouns).
pub fn group(text: &str, mentions: &[Option<Span>]) -> (Vec<Actor>, Vec<Option<usize>>) {
    let mut actors: Vec<(Vec<String>, Actor)> = Vec::new();
    let mut of_mention = Vec::with_capacity(mentions.len());
    for m in mentions {
        let Some(span) = *m else {
            of_mention.push(None);
            continue;
        };
        let s = span.text(text);
        let ws = words(s);
        if ws.is_empty() || (ws.len() == 1 && is_pronoun(&ws[0])) {
            of_mention.push(None);
            continue;
        }
        let found = actors
            .iter()
            .position(|(aw, _)| aw.ends_with(&ws) || ws.ends_with(aw));
        let idx = match found {
            Some(i) => {
                let (aw, a) = &mut actors[i];
                if !a.mentions.contains(&span) {
                    a.mentions.push(span);
                }
                if ws.len() > aw.len() {
                    *aw = ws;
                    a.name = s.to_string();
                    a.kind = kind_of(s);
                }
                i
            }
            None => {
                actors.push((
                    ws,
                    Actor {
                        name: s.to_string(),
                        kind: kind_of(s),
                        mentions: vec![span],
                    },
                ));
                actors.len() - 1
            }
        };
        of_mention.push(Some(idx));
    }
    let actors = actors
        .into_iter()
        .map(|(_, mut a)| {
            a.mentions.sort();
            a
        })
        .collect();
    (actors, of_mention)
}
