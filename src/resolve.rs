//! Resolution: each speaker mention to the actor it refers to, pronouns included.
//!
//! The text is read in order. Named speakers, and every capitalised name outside quotation
//! marks, enter the actor table as they appear. A pronoun speaker refers to the subject of the previous
//! attribution when that one fits (news keeps its speaker across "he said"), otherwise to
//! the most recently mentioned actor that fits: "he"/"she" a person of that gender or of
//! unknown gender, "they" and "we" a group or an organisation, "it" an organisation or a
//! place. "who" refers to the name right before it.

use crate::actors::{Actor, ActorKind, Table};
use crate::doc::Doc;
use crate::lexicon::{ascii_lower, Gender, Word};
use crate::names::{self, NameMention};
use crate::span::Span;

/// How far back (in paragraphs) the previous speaker stays the first choice for a pronoun.
const SPEAKER_REACH: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pronoun {
    He,
    She,
    They,
    It,
    Who,
}

fn pronoun(w: &str) -> Option<Pronoun> {
    Some(match &*ascii_lower(w, &mut Word::new()) {
        "he" => Pronoun::He,
        "she" => Pronoun::She,
        "they" | "we" => Pronoun::They,
        "it" => Pronoun::It,
        "who" | "which" => Pronoun::Who,
        _ => return None,
    })
}

/// Whether an actor can be what the pronoun refers to.
fn fits(e: &crate::actors::Entry, p: Pronoun) -> bool {
    let a = &e.actor;
    let person = a.kind == ActorKind::Person && !e.plural;
    match p {
        Pronoun::He => person && a.gender != Some(Gender::Female),
        Pronoun::She => person && a.gender != Some(Gender::Male),
        Pronoun::They => e.plural || a.kind == ActorKind::Organization,
        Pronoun::It => a.kind != ActorKind::Person || !e.surely_person && a.gender.is_none(),
        Pronoun::Who => true,
    }
}

enum Event {
    /// The speaker mention of quotation `i`.
    Speaker(usize, Span),
    /// A name in the text.
    Name(NameMention),
}

impl Event {
    /// Where the event is handled: at the end of its span, a name before a speaker that
    /// ends at the same place (so that "Foreign Minister Zarif" finds "Zarif" in the table).
    fn key(&self) -> crate::order::Key {
        match self {
            Event::Speaker(_, s) => (s.end, 1, 0),
            Event::Name(m) => (m.span.end, 0, 0),
        }
    }
}

/// Resolves every name of the text and the speaker mentions (one per quotation, in any
/// order) to actors. Returns the actors and, for each quotation, its actor's index.
///
/// ```
/// use whosaid::doc::Doc;
/// use whosaid::lexicon::Lexicon;
/// use whosaid::resolve::resolve;
/// use whosaid::Span;
///
/// let text = "Mayor Elena Brandt met Tom Okafor. She said the terminal would open in May.";
/// let doc = Doc::new(text, Lexicon::get());
/// let she = Span::new(35, 38); // the speaker of the one quotation (here, reported speech)
/// assert_eq!(doc.str(she), "She");
/// let (actors, of_quote) = resolve(&doc, &[Some(she)]);
/// let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
/// assert_eq!(names, ["Elena Brandt", "Tom Okafor"]);
/// assert_eq!(of_quote, [Some(0)]); // "She": the person of female gender
/// ```
pub fn resolve(doc: &Doc, speakers: &[Option<Span>]) -> (Vec<Actor>, Vec<Option<usize>>) {
    let text = doc.text;
    let mut events: Vec<Event> = speakers
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| Event::Speaker(i, s)))
        .collect();
    events.extend(names::find(doc).into_iter().map(Event::Name));
    let order = crate::order::order_by(events.len(), |i| events[i].key());

    let mut table = Table::default();
    // every name added so far, by its span's end: (end, start, entry)
    let mut named: Vec<(usize, usize, usize)> = Vec::new();
    let mut entry_of: Vec<Option<usize>> = vec![None; speakers.len()];
    let mut last_speaker: Option<(usize, usize)> = None; // (entry, paragraph)
    let mut done = vec![false; speakers.len()];
    for ev in order.into_iter().map(|i| &events[i]) {
        match ev {
            Event::Name(m) => {
                if let Some(e) = table.add_name(text, m, doc.inside_quote(m.span.start)) {
                    named.push((m.span.end, m.span.start, e));
                }
            }
            &Event::Speaker(i, span) => {
                if done[i] {
                    continue;
                }
                done[i] = true;
                let para = doc.seg.paragraph_at(span.start).unwrap_or(0);
                // the name that ends the speaker phrase is its head: "Foreign Minister
                // Zarif", not "a Pentagon spokesman"
                let name_at = |end: usize, start: usize| {
                    named
                        .iter()
                        .rev()
                        .take_while(|n| n.0 >= end)
                        .find(|n| n.0 == end && n.1 >= start)
                };
                // ... unless that name modifies an earlier one, which is then the head:
                // "Mayor Ann Cole of Leeds", "Tom Okafor of the Dockworkers Union"
                let head_at = |table: &Table, end: usize, start: usize| {
                    let last = name_at(end, start)?;
                    let earlier = modified_end(doc, start, last.1)
                        .and_then(|e| name_at(e, start))
                        .filter(|n| table.entries[table.root(n.2)].actor.kind == ActorKind::Person);
                    Some(earlier.unwrap_or(last).2)
                };
                let entry = match pronoun(span.text(text)) {
                    None => {
                        head_at(&table, span.end, span.start).or_else(|| table.add_role(text, span))
                    }
                    Some(Pronoun::Who) => antecedent(doc, span)
                        .and_then(|a| {
                            head_at(&table, a.end, a.start).or_else(|| table.add_role(text, a))
                        })
                        .inspect(|&e| table.add_pronoun(e, span, None)),
                    Some(p) => {
                        let previous = last_speaker
                            .map(|(e, at)| (table.root(e), at))
                            .filter(|&(e, at)| {
                                para.saturating_sub(at) <= SPEAKER_REACH
                                    && fits(&table.entries[e], p)
                            })
                            .map(|(e, _)| e);
                        // A known gender that matches beats a more recent unknown one.
                        let gender = match p {
                            Pronoun::He => Some(Gender::Male),
                            Pronoun::She => Some(Gender::Female),
                            _ => None,
                        };
                        let latest = |want: Option<Gender>| {
                            table.latest_narrated(span.start, |entry| {
                                fits(entry, p) && (want.is_none() || entry.actor.gender == want)
                            })
                        };
                        let chosen = previous
                            .or_else(|| gender.and_then(|g| latest(Some(g))))
                            .or_else(|| latest(None));
                        if let Some(e) = chosen {
                            table.add_pronoun(e, span, gender);
                        }
                        chosen
                    }
                };
                if let Some(e) = entry {
                    last_speaker = Some((e, para));
                }
                entry_of[i] = entry;
            }
        }
    }
    // Speaker mentions shared by several quotations (continuations) map to one entry.
    // (keyed by the span's two ends in one u64: the map type the actor table's index has)
    let key = |s: &Span| (s.start as u64) << 32 | s.end as u64;
    let mut first_entry: crate::lexicon::Map<u64, usize> = Default::default();
    for (i, s) in speakers.iter().enumerate() {
        let Some(s) = s else { continue };
        match (entry_of[i], first_entry.get(&key(s))) {
            (Some(e), None) => {
                first_entry.insert(key(s), e);
            }
            (None, Some(&e)) => entry_of[i] = Some(e),
            _ => {}
        }
    }
    table.drop_common_nouns(doc.words());
    table.share_kinds_in_lists(text, &named);
    let (actors, index) = table.finish();
    let of_quote = entry_of
        .into_iter()
        .map(|e| e.and_then(|e| index[e]))
        .collect();
    (actors, of_quote)
}

/// "Stevie Wonder, who joked": the capitalised name right before ", who".
/// Where the phrase a post-modifier qualifies ends, when the name starting at byte `name`
/// follows a preposition of origin or membership within the phrase that starts at `start`:
/// in "Mayor Ann Cole of Leeds" the end of "Cole"; in "Tom Okafor of the Dockworkers Union"
/// too. The word before the preposition must be capitalised (a name, not "a spokesman").
fn modified_end(doc: &Doc, start: usize, name: usize) -> Option<usize> {
    let first = doc.token_after(start);
    let mut k = doc.token_after(name);
    if k > first && doc.tok(k - 1).eq_ignore_ascii_case("the") {
        k -= 1;
    }
    let prep = k.checked_sub(1).filter(|&p| p > first)?;
    if !matches!(doc.tok(prep), "of" | "from" | "at" | "with") {
        return None;
    }
    let head = prep - 1;
    (doc.is_word(head) && doc.tok(head).starts_with(char::is_uppercase))
        .then(|| doc.token(head).span.end)
}

fn antecedent(doc: &Doc, who: Span) -> Option<Span> {
    let k = doc.token_after(who.start);
    let comma = k.checked_sub(1).filter(|&c| doc.tok(c) == ",")?;
    let mut start = comma;
    while start > 0
        && doc.is_word(start - 1)
        && doc
            .tok(start - 1)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    {
        start -= 1;
    }
    (start < comma).then(|| Span::new(doc.token(start).span.start, doc.token(comma - 1).span.end))
}
