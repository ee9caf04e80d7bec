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
use crate::lexicon::Gender;
use crate::phrases::{is_boundary_word, is_weekday_or_time};
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
    Some(match w.to_ascii_lowercase().as_str() {
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
    /// A name in the text: a candidate a later pronoun may refer to.
    Subject(Span),
}

impl Event {
    fn start(&self) -> usize {
        match self {
            Event::Speaker(_, s) | Event::Subject(s) => s.start,
        }
    }
}

/// Resolves the speaker mentions (one per quotation, in any order) to actors. Returns the
/// actors that speak and, for each quotation, its actor's index.
pub fn resolve(doc: &Doc, speakers: &[Option<Span>]) -> (Vec<Actor>, Vec<Option<usize>>) {
    let text = doc.text;
    let mut events: Vec<Event> = speakers
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| Event::Speaker(i, s)))
        .collect();
    events.extend(name_mentions(doc).into_iter().map(Event::Subject));
    // In text order; a speaker before a subject at the same place.
    events.sort_by_key(|e| (e.start(), matches!(e, Event::Subject(_))));

    let mut table = Table::default();
    let mut entry_of: Vec<Option<usize>> = vec![None; speakers.len()];
    let mut last_speaker: Option<(usize, usize)> = None; // (entry, paragraph)
    let mut done = vec![false; speakers.len()];
    for ev in &events {
        match *ev {
            Event::Subject(span) => {
                table.add_named(text, span, false);
            }
            Event::Speaker(i, span) => {
                if done[i] {
                    continue;
                }
                done[i] = true;
                let para = doc.seg.paragraph_at(span.start).unwrap_or(0);
                let entry = match pronoun(span.text(text)) {
                    None => table.add_named(text, span, true),
                    Some(Pronoun::Who) => antecedent(doc, span)
                        .and_then(|a| table.add_named(text, a, true))
                        .inspect(|&e| {
                            table.add_pronoun(e, span, None);
                        }),
                    Some(p) => {
                        let previous = last_speaker
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
                            (0..table.entries.len())
                                .filter(|&e| {
                                    let entry = &table.entries[e];
                                    entry.last < span.start
                                        && fits(entry, p)
                                        && (want.is_none() || entry.actor.gender == want)
                                })
                                .max_by_key(|&e| table.entries[e].last)
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
    let mut first_entry: std::collections::HashMap<Span, usize> = std::collections::HashMap::new();
    for (i, s) in speakers.iter().enumerate() {
        let Some(s) = s else { continue };
        match (entry_of[i], first_entry.get(s)) {
            (Some(e), None) => {
                first_entry.insert(*s, e);
            }
            (None, Some(&e)) => entry_of[i] = Some(e),
            _ => {}
        }
    }
    let (actors, index) = table.finish();
    let of_quote = entry_of
        .into_iter()
        .map(|e| e.and_then(|e| index[e]))
        .collect();
    (actors, of_quote)
}

/// "Stevie Wonder, who joked": the capitalised name right before ", who".
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

/// Small words inside names: "Secretary of State", "Osama bin Laden", "Ursula von der Leyen".
fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "of" | "de"
            | "del"
            | "der"
            | "al"
            | "bin"
            | "van"
            | "von"
            | "la"
            | "le"
            | "du"
            | "da"
            | "di"
    )
}

/// The capitalised names of the text outside quotations: runs of capitalised words (with
/// particles inside), leaving out a lone sentence-initial function word, weekdays and months.
fn name_mentions(doc: &Doc) -> Vec<Span> {
    let toks = &doc.seg.tokens;
    let capital = |i: usize| {
        doc.is_word(i)
            && doc.tok(i).chars().next().is_some_and(char::is_uppercase)
            && !is_weekday_or_time(doc.tok(i))
            && !doc.inside_quote(toks[i].span.start)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !capital(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < toks.len() && toks[end].sentence == toks[start].sentence && capital(end) {
                end += 1;
            } else if end + 1 < toks.len() && is_name_particle(doc.tok(end)) && capital(end + 1) {
                end += 2;
            } else {
                break;
            }
        }
        let first_of_sentence = doc.seg.sentences[toks[start].sentence].first_token == start;
        let lone_function_word = end == start + 1
            && first_of_sentence
            && (doc.lexicon.is_sentence_starter(doc.tok(start))
                || is_boundary_word(doc.tok(start)));
        let mut from = start;
        if first_of_sentence && end > start + 1 && doc.lexicon.is_sentence_starter(doc.tok(start)) {
            from += 1; // "The Pentagon" keeps its name, not "The"
        }
        if !lone_function_word && from < end {
            out.push(Span::new(toks[from].span.start, toks[end - 1].span.end));
        }
        i = end;
    }
    out
}
