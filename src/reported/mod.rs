//! Reported speech: what someone said, thought or found, without quote marks.
//!
//! Three shapes, each with its speaker (a report needs one) and its cue:
//! - cue before the clause: `X said (that) CLAUSE`, `X told reporters CLAUSE`, `X believes
//!   CLAUSE`, `X denied any involvement`;
//! - clause before the cue: `CLAUSE, X said.` / `CLAUSE, said X.`;
//! - `According to X, CLAUSE.` / `CLAUSE, according to X.`
//!
//! The content is the reported clause, with its "that" and without the sentence's final
//! punctuation. Verbs that judge or name (`criticised the plan`, `described X as Y`) report
//! their object as the stance they attribute, as annotated news corpora (PolNeAR) do.
//! Quoted words inside it stay: `X said the deal was "dead"` reports the clause and,
//! separately, the quotation.
//!
//! This module runs the search ([`find`]) and settles reports that nest; `shapes` finds
//! each shape with its speaker, `clause` where a clause starts and ends, and `lemmas` which
//! verbs take a hearer, an object or a question.

use crate::doc::Doc;
use crate::lexicon::CueKind;
use crate::span::Span;

mod clause;
mod lemmas;
mod object_participle;
mod questions;
mod shapes;

use shapes::*;

pub(crate) use clause::is_auxiliary;
pub(crate) use lemmas::takes_hearer;
pub(crate) use shapes::is_passive;

/// One piece of reported speech.
///
/// ```
/// use whosaid::doc::Doc;
/// use whosaid::lexicon::Lexicon;
/// use whosaid::reported::find;
///
/// let text = "The Harbour Board, Ruiz said, will add a pier. The board expects the port to grow.";
/// let doc = Doc::new(text, Lexicon::get());
/// let reports = find(&doc, &[]);
/// let said = reports[0];
/// assert_eq!(doc.str(said.content), "The Harbour Board");
/// assert_eq!(said.rest.map(|r| doc.str(r)), Some("will add a pier"));
/// assert_eq!((doc.str(said.speaker), doc.str(said.cue)), ("Ruiz", "said"));
/// assert!(!said.unspoken);
/// // a verb of thinking, wanting or finding reports what nobody said
/// let expects = reports.last().unwrap();
/// assert_eq!(doc.str(expects.content), "the port to grow");
/// assert_eq!((doc.str(expects.cue), expects.unspoken), ("expects", true));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reported {
    /// The reported clause.
    pub content: Span,
    /// Its second part, when the attribution stands inside it (`The museum, Mr. Bush said,
    /// celebrated …`).
    pub rest: Option<Span>,
    /// Who reports it.
    pub speaker: Span,
    /// The cue.
    pub cue: Span,
    /// Whether the clause is no words anyone spoke: a verb of thinking, wanting or finding
    /// (`expects Holt to …`), or a saying only planned or supposed (`would discuss`,
    /// `to discuss`). Such a clause does not own the quotations inside it.
    pub unspoken: bool,
}

/// The source of "according to" is at most this many tokens long ("according to a count by
/// The Associated Press of the delegates pledged so far").
const MAX_SOURCE: usize = 16;
impl Reported {
    /// A report of `content` by `speaker` with `cue`, in one piece, spoken.
    fn new(content: Span, speaker: Span, cue: Span) -> Reported {
        Reported {
            content,
            rest: None,
            speaker,
            cue,
            unspoken: false,
        }
    }
}

/// A clause after a cue must be at least this many tokens long.
const MIN_CLAUSE: usize = 3;
/// `CLAUSE, X said.`: at most this many tokens from the comma to the sentence end.
const MAX_TAIL: usize = 12;
/// A reported clause is at most this many tokens long (it ends at the sentence end, or
/// here). The longest indirect content that PolNeAR's annotators marked in its training
/// articles is 457 tokens (the next longest 187; 99.9% are under 92): a clause in a "sentence"
/// with no full stop (a list, a table, JSON, a run of `he said`) does not run on to the end
/// of the text, and each cue's work is bounded.
const MAX_CLAUSE: usize = 500;
/// A report stands inside the clauses of fewer than this many others (`Fowler said the
/// senators said …` is one inside one). Three keeps every report of the evaluation sets (two
/// drops some of PolNeAR train's and GUM's other genres').
const MAX_DEPTH: usize = 3;

/// Finds the reported speech of the document. `direct` are the direct quotations (spans),
/// used to leave out clauses that are nothing but a quotation.
///
/// ```
/// use whosaid::doc::Doc;
/// use whosaid::lexicon::Lexicon;
/// use whosaid::reported::find;
///
/// let text = "Ruiz said the ferry would run all winter. \
///             According to the harbour board, ticket sales doubled.";
/// let doc = Doc::new(text, Lexicon::get());
/// let found: Vec<(&str, &str, &str)> = find(&doc, &[])
///     .iter()
///     .map(|r| (doc.str(r.speaker), doc.str(r.cue), doc.str(r.content)))
///     .collect();
/// assert_eq!(
///     found,
///     [
///         ("Ruiz", "said", "the ferry would run all winter"),
///         ("the harbour board", "According to", "ticket sales doubled"),
///     ]
/// );
/// ```
pub fn find(doc: &Doc, direct: &[Span]) -> Vec<Reported> {
    let mut out = Vec::new();
    for cue in &doc.cues {
        if cue.kind == CueKind::Adjunct || doc.inside_quote(cue.span.start) {
            continue;
        }
        let found = match cue.kind {
            CueKind::Preposition => according_to(doc, *cue),
            // `The museum, Mr. Bush said, celebrated …`: the attribution stands inside.
            _ if parenthetical(doc, *cue) => {
                clause_before(doc, *cue).or_else(|| clause_after(doc, *cue))
            }
            _ => clause_after(doc, *cue).or_else(|| clause_before(doc, *cue)),
        };
        let found = found.and_then(|mut r| {
            r.speaker = questions::subject_of_question(doc, r.speaker)?;
            Some(r)
        });
        if let Some(mut r) = found {
            close_relative(doc, &mut r);
            r.unspoken = cue.kind == CueKind::Attitude || doc.unrealised(*cue);
            if !is_only_quotation(doc, r.content, direct) {
                out.push(r);
            }
        }
    }
    let mut out = without_nested(doc, out);
    out.extend(
        possessed_claims(doc)
            .into_iter()
            .filter(|r| !is_only_quotation(doc, r.content, direct)),
    );
    crate::order::sort_by(&mut out, by_content);
    out.dedup_by_key(|r| r.content);
    out
}

/// `Varga, who has described the tax as theft, voted …`: a report made in a relative
/// clause set off by commas ends where the clause does, at its closing comma (or the
/// comma inside a closing quote mark); the rest is the main clause's.
fn close_relative(doc: &Doc, r: &mut Reported) {
    let who = doc.token_after(r.speaker.start);
    if r.content.start < r.cue.end
        || who == 0
        || doc.tok(who - 1) != ","
        || !matches!(doc.str(r.speaker), "who" | "which")
    {
        return;
    }
    let from = doc.token_after(r.content.start);
    let to = doc.token_after(r.content.end);
    if let Some(comma) = (from + 1..to).find(|&k| doc.tok(k) == ",") {
        // (a comma set inside a closing quote mark: the mark is the clause's)
        let end = match doc.seg.tokens.get(comma + 1) {
            Some(t) if crate::phrases::is_quote_mark(doc.tok(comma + 1)) => t.span.end,
            _ => doc.token(comma - 1).span.end,
        };
        r.content.end = end.min(r.content.end);
    }
}

/// Where a report's clause is: the order reports are kept in.
fn by_content(r: &Reported) -> crate::order::Key {
    (r.content.start, r.content.end, 0)
}

/// Drops the reports whose cue stands inside another report's clause: in `AROS argues that
/// families still want their schools`, `want` is the verb of `families`, part of what AROS
/// argues, not a second stance of AROS; in `Clinton said she opposes the deal` the stance is
/// what Clinton said, one report (as PolNeAR's annotators mark it). A nested saying with its
/// own subject inside the clause stays (`Fowler said the senators said …`), and so does a
/// participle after a comma, which has the subject of its sentence (`she said it was over,
/// adding that …`). (A claim named by a noun with its possessor, `questioned Renz's assertion
/// that …`, is a report of its own and is not checked here.)
fn without_nested(doc: &Doc, mut reports: Vec<Reported>) -> Vec<Reported> {
    // (a report's clause starts in its cue's sentence: the reports around a cue are those
    // whose clause starts between that sentence's start and the cue, found by bisection in
    // the reports sorted by where their clause starts — no scan of all of them per report)
    crate::order::sort_by(&mut reports, by_content);
    let around = |cue: Span| {
        let k = doc.token_after(cue.start);
        let s = doc.seg.sentences[doc.token(k).sentence()];
        // (no clause is longer than MAX_CLAUSE tokens, nor its second part: one holding the
        // cue starts at most twice that before it)
        let from = doc
            .token(s.first_token.max(k.saturating_sub(2 * MAX_CLAUSE)))
            .span
            .start;
        let lo = reports.partition_point(|r| r.content.start < from);
        let hi = reports.partition_point(|r| r.content.start <= cue.start);
        lo..hi.max(lo)
    };
    let says_of = |r: &Reported| {
        doc.cue_at_token(doc.token_after(r.cue.start))
            .is_some_and(|c| {
                matches!(
                    doc.lexicon.cue_lemma(c.lemma),
                    "say" | "tell" | "note" | "write"
                )
            })
    };
    // One pass over the reports around each cue, in order: a report is dropped when it borrows
    // an outer report's speaker (above), or when it stands inside the clauses of MAX_DEPTH
    // reports kept before it, so that each word is in a few reports at most, whatever the text
    // (`he said he said he said …` in one sentence would otherwise repeat the rest of the text
    // in every report).
    let mut keep = vec![true; reports.len()];
    for i in 0..reports.len() {
        let r = &reports[i];
        let k = doc.token_after(r.cue.start);
        let participle = doc.cue_in_ing(r.cue) && doc.after_comma(k);
        let says = std::cell::OnceCell::new();
        let mut depth = 0;
        let mut borrowed = false;
        for j in around(r.cue) {
            let outer = &reports[j];
            if outer.content == r.content || !outer.content.contains(r.cue) {
                continue;
            }
            if j < i && keep[j] {
                depth += 1;
            }
            borrowed |= !participle
                && (r.speaker.start < outer.content.start || !*says.get_or_init(|| says_of(r)));
            if borrowed || depth >= MAX_DEPTH {
                break; // dropped, whatever the reports after
            }
        }
        keep[i] = depth < MAX_DEPTH && !borrowed;
    }
    reports
        .into_iter()
        .zip(keep)
        .filter_map(|(r, k)| k.then_some(r))
        .collect()
}

/// True when the clause is a direct quotation and nothing else (`X said "…."`). `direct`
/// is sorted by start and non-overlapping.
fn is_only_quotation(doc: &Doc, content: Span, direct: &[Span]) -> bool {
    let first = direct.partition_point(|q| q.end <= content.start);
    direct[first..]
        .iter()
        .take_while(|q| q.start < content.end)
        .any(|q| {
            let inside = q.start.max(content.start)..q.end.min(content.end);
            let covered = inside.end.saturating_sub(inside.start);
            covered * 10 >= content.len() * 9
                || doc.str(content).trim_end_matches(['.', ',']).len() <= covered
        })
}
