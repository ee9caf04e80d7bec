//! Attribution: the speaker and the cue of each quotation.
//!
//! Reads the shapes around a quotation, in this order: a transcript label (`"PENCE: …`);
//! an attribution after it (`"…," X said`, `"…," said X`, `“…” ― Name`); one before it
//! in its sentence (`X said: "…"`, `X said the plan was "…"`, `According to X, "…"`); a
//! paragraph ending `X continued:`; a headline's subject; a sentence subject presenting it
//! with a colon; and continuation of the last attributed quotation. The speaker phrase
//! itself is found by [`phrases`](crate::phrases); pronouns stay pronouns here and are
//! resolved to actors later.

use crate::doc::{Cue, Doc};
use crate::lexicon::{ascii_lower, CueKind, Word};
use crate::phrases::*;
use crate::segment::TokenKind;
use crate::span::Span;
use crate::speaker_form::speaker_in;

/// Who said a quotation, and the words that say so.
///
/// ```
/// use whosaid::attribution::{attribute, Attribution};
/// use whosaid::doc::Doc;
/// use whosaid::lexicon::Lexicon;
/// use whosaid::{marks, quotes, Span};
///
/// let text = "\"We are ready,\" said Ana Ruiz.";
/// let mut doc = Doc::new(text, Lexicon::get());
/// let spans: Vec<Span> =
///     quotes::pair(text, &doc.seg, &marks::classify(text)).iter().map(|q| q.span).collect();
/// doc.quoted = spans.clone();
/// let a = attribute(&doc, spans[0], spans[0], None);
/// assert_eq!(a, Attribution { speaker: Some(Span::new(21, 29)), cue: Some(Span::new(16, 20)) });
/// assert_eq!((doc.str(a.speaker.unwrap()), doc.str(a.cue.unwrap())), ("Ana Ruiz", "said"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Attribution {
    /// The speaker mention ("Zarif", "she", "a Pentagon spokesman").
    pub speaker: Option<Span>,
    /// The reporting cue ("said", "according to").
    pub cue: Option<Span>,
}

/// How many tokens away from the quote a cue is looked for.
const AFTER_WINDOW: usize = 20;
const BEFORE_WINDOW: usize = 30;

/// Finds the speaker and cue of a quotation whose first part is `first` and last part `last`.
///
/// `previous` is the last attributed quotation before this one: a quotation with no cue of
/// its own continues it when nothing and no one else stands between them.
///
/// ```
/// use whosaid::attribution::{attribute, Previous};
///
/// let text = "\"We are ready,\" said Ana Ruiz. \"The count is fair.\"";
/// use whosaid::doc::Doc;
/// use whosaid::lexicon::Lexicon;
/// use whosaid::{marks, quotes, Span};
///
/// // The pipeline's first stages: cues, quotation spans, cues inside quotations dropped.
/// let mut doc = Doc::new(text, Lexicon::get());
/// let spans: Vec<Span> =
///     quotes::pair(text, &doc.seg, &marks::classify(text)).iter().map(|q| q.span).collect();
/// doc.drop_cues_inside(&spans);
/// doc.quoted = spans.clone();
/// let first = attribute(&doc, spans[0], spans[0], None);
/// assert_eq!(doc.str(first.speaker.unwrap()), "Ana Ruiz");
///
/// // The second quotation has no cue of its own: it continues the first.
/// let alone = attribute(&doc, spans[1], spans[1], None);
/// assert_eq!(alone.speaker, None);
/// let continued = attribute(&doc, spans[1], spans[1], Some(Previous::new(spans[0], first)));
/// assert_eq!(continued, first);
/// ```
pub fn attribute(doc: &Doc, first: Span, last: Span, previous: Option<Previous>) -> Attribution {
    // `X scolded him: "…"`: a colon ties the quotation to the attribution before it.
    let colon = doc
        .token_before(first.start)
        .checked_sub(1)
        .is_some_and(|k| doc.tok(k) == ":");
    let found = if colon {
        before(doc, first).or_else(|| after(doc, last))
    } else {
        after(doc, last).or_else(|| before(doc, first))
    };
    // A phrase in a speaker's place that cannot speak ("There", "According", "that the
    // debt …") is no speaker: the cue stays, and with no cue the next rule is asked.
    let speaks = |a: Attribution| match a.speaker.map(|s| speaker_in(doc, s)) {
        Some(None) => a.cue.is_some().then_some(Attribution {
            speaker: None,
            cue: a.cue,
        }),
        Some(speaker) => Some(Attribution { speaker, ..a }),
        None => Some(a),
    };
    transcript_label(doc, first)
        .or(found.and_then(speaks))
        .or_else(|| introduced_by_colon(doc, first).and_then(speaks))
        .or_else(|| headline_subject(doc, first).and_then(speaks))
        .or_else(|| colon_subject(doc, first).and_then(speaks))
        .or_else(|| previous.and_then(|p| continuation(doc, first, p.through_sentence(doc))))
        .or_else(|| introduced_before(doc, first).and_then(speaks))
        .or_else(|| according_to_opening(doc, first).and_then(speaks))
        .or_else(|| subject_of_sentence(doc, first).and_then(speaks))
        .map(|a| what_they_called(doc, a))
        .unwrap_or_default()
}

/// The label of a transcript paragraph (`"PENCE: …`), for a part of a longer quotation.
///
/// ```
/// use whosaid::attribution::part_label;
///
/// let text = "\"RUIZ: We are ready.\n\"MOSS: So are we.\"";
/// use whosaid::doc::Doc;
/// use whosaid::lexicon::Lexicon;
/// use whosaid::{marks, quotes, Span};
///
/// // The pipeline's first stages: cues, quotation spans, cues inside quotations dropped.
/// let mut doc = Doc::new(text, Lexicon::get());
/// let spans: Vec<Span> =
///     quotes::pair(text, &doc.seg, &marks::classify(text)).iter().map(|q| q.span).collect();
/// doc.drop_cues_inside(&spans);
/// doc.quoted = spans.clone();
/// let label = part_label(&doc, spans[1]).unwrap();
/// assert_eq!(doc.str(label.speaker.unwrap()), "MOSS");
/// assert_eq!(label.cue, None);
/// ```
pub fn part_label(doc: &Doc, part: Span) -> Option<Attribution> {
    transcript_label(doc, part)
}

/// `It is denouncing what it calls "…"`: the pronoun in "what it calls" stands for the
/// sentence's subject, which is the speaker mention.
fn what_they_called(doc: &Doc, a: Attribution) -> Attribution {
    let Some(speaker) = a.speaker else { return a };
    let k = doc.token_after(speaker.start);
    let is_what = k > 0 && doc.tok(k - 1).eq_ignore_ascii_case("what");
    if !is_what || !crate::actors::is_pronoun(doc.str(speaker)) {
        return a;
    }
    match sentence_subject(doc, doc.token(k).sentence()) {
        Some(subject) if subject.end <= speaker.start => Attribution {
            speaker: Some(subject),
            ..a
        },
        _ => a,
    }
}

/// The last attributed quotation, as continuation needs it.
///
/// ```
/// use whosaid::attribution::{Attribution, Previous};
/// use whosaid::Span;
///
/// // `"We are ready," said Ana Ruiz.`
/// let (quotation, cue, speaker) = (Span::new(0, 15), Span::new(16, 20), Span::new(21, 29));
/// let a = Attribution { speaker: Some(speaker), cue: Some(cue) };
/// let previous = Previous::new(quotation, a);
/// assert_eq!(previous, Previous { attribution: a, end: 29 });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Previous {
    /// Its speaker and cue.
    pub attribution: Attribution,
    /// Where it and its attribution end.
    pub end: usize,
}

impl Previous {
    /// The context left by a quotation `q` attributed by `a`: it ends where the last of
    /// the three ends.
    ///
    /// ```
    /// use whosaid::attribution::{Attribution, Previous};
    /// use whosaid::Span;
    ///
    /// // `Ana Ruiz said: "We are ready."`: the quotation ends last.
    /// let a = Attribution { speaker: Some(Span::new(0, 8)), cue: Some(Span::new(9, 13)) };
    /// assert_eq!(Previous::new(Span::new(15, 30), a).end, 30);
    /// ```
    pub fn new(q: Span, a: Attribution) -> Previous {
        let end = [Some(q), a.speaker, a.cue]
            .into_iter()
            .flatten()
            .map(|s| s.end)
            .max()
            .unwrap_or(q.end);
        Previous {
            attribution: a,
            end,
        }
    }

    /// Stretches the end over the rest of the attribution's sentence when the attribution
    /// follows the quotation (`"…," said X, head of Y.`).
    fn through_sentence(mut self, doc: &Doc) -> Previous {
        if let Some(s) = doc.seg.sentence_at(self.end.saturating_sub(1)) {
            self.end = self.end.max(doc.seg.sentences[s].span.end);
        }
        self
    }
}

/// `"PENCE: Well, look, …`: a transcript's speaker label opens the quotation.
fn transcript_label(doc: &Doc, q: Span) -> Option<Attribution> {
    let mut i = doc.token_after(q.start);
    while i < doc.seg.tokens.len() && !doc.is_word(i) && doc.token(i).span.end <= q.start + 3 {
        i += 1; // the opening mark
    }
    let start = i;
    while i < doc.seg.tokens.len() && i - start < 4 && doc.is_word(i) {
        let w = doc.tok(i);
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 2 || w.chars().any(char::is_lowercase) {
            break;
        }
        i += 1;
    }
    (i > start && i < doc.seg.tokens.len() && doc.tok(i) == ":" && doc.token(i).span.end <= q.end)
        .then(|| Attribution {
            speaker: Some(Span::new(
                doc.token(start).span.start,
                doc.token(i - 1).span.end,
            )),
            cue: None,
        })
}

/// `Obama is rolling out a new message: "It's about me."`: a quotation that a colon
/// introduces, with no cue, is presented by the sentence's subject.
fn colon_subject(doc: &Doc, q: Span) -> Option<Attribution> {
    let colon = doc.token_before(q.start).checked_sub(1)?;
    if doc.tok(colon) != ":" || doc.inside_quote(doc.token(colon).span.start) {
        return None;
    }
    let s = doc.token(colon).sentence();
    let speaker = sentence_subject(doc, s)?;
    (speaker.end <= doc.token(colon).span.start).then_some(Attribution {
        speaker: Some(speaker),
        cue: None,
    })
}

/// `According to the complaint, the firm ran a "massive scheme"`: a sentence that opens
/// with "according to" gives its quotations that source, however far they stand from it.
fn according_to_opening(doc: &Doc, q: Span) -> Option<Attribution> {
    let s = doc.seg.sentences[doc.seg.sentence_at(q.start)?];
    let cue = doc
        .cue_at_token(s.first_token)
        .filter(|c| c.kind == CueKind::Preposition)?;
    // (the source runs to the adjunct's comma: "a complaint filed by the SEC and …")
    let from = doc.token_after(cue.span.end);
    let comma = (from..doc.token_before(q.start).min(from + 30)).find(|&k| doc.tok(k) == ",")?;
    (comma > from && starts_noun_phrase(doc, from)).then(|| Attribution {
        speaker: Some(Span::new(
            doc.token(from).span.start,
            doc.token(comma - 1).span.end,
        )),
        cue: Some(cue.span),
    })
}

/// `Reid has gone after Trump as a “con artist”`: with no cue at all, a quotation inside a
/// sentence is the words of that sentence's subject.
fn subject_of_sentence(doc: &Doc, q: Span) -> Option<Attribution> {
    let s = doc.seg.sentence_at(q.start)?;
    let subject = sentence_subject(doc, s)?;
    if subject.end > q.start || doc.inside_quote(subject.start) {
        return None;
    }
    Some(Attribution {
        speaker: Some(subject),
        cue: None,
    })
}

/// A quotation opening its paragraph, after a paragraph of narration whose last sentence
/// has a named subject (`Joe Farrow, who leads the union, was not convinced.`): that
/// person answers.
fn introduced_before(doc: &Doc, q: Span) -> Option<Attribution> {
    let p = doc.seg.paragraph_at(q.start)?;
    if p == 0 || doc.seg.paragraphs[p].start != q.start {
        return None;
    }
    let prev = doc.seg.paragraphs[p - 1];
    if doc.quoted.iter().any(|s| prev.overlaps(*s)) {
        return None; // the paragraph before quotes someone: not narration
    }
    let last = doc.seg.sentence_at(prev.end.saturating_sub(1))?;
    let subject = sentence_subject(doc, last)?;
    let (a, b) = (
        doc.token_after(subject.start),
        doc.token_before(subject.end),
    );
    // a person's name: two capitalised words at least ("Joe Farrow", not "Two")
    (b >= a + 2 && is_name(doc, a, b)).then_some(Attribution {
        speaker: Some(subject),
        cue: None,
    })
}

/// `Caddell continued:` ending the paragraph before a quotation that opens the next one.
fn introduced_by_colon(doc: &Doc, q: Span) -> Option<Attribution> {
    let p = doc.seg.paragraph_at(q.start)?;
    if doc.seg.paragraphs[p].start != q.start || p == 0 {
        return None;
    }
    let prev = doc.seg.paragraphs[p - 1];
    if !doc.str(prev).ends_with(':') {
        return None;
    }
    before(doc, Span::new(prev.end, prev.end))
}

/// A quotation with no attribution of its own continues the last attributed one when it
/// follows in the same paragraph, or opens the next paragraph, with no one else named and
/// no other cue in between.
fn continuation(doc: &Doc, q: Span, previous: Previous) -> Option<Attribution> {
    let seg = &doc.seg;
    let p = seg.paragraph_at(q.start)?;
    let p_prev = seg.paragraph_at(previous.end.saturating_sub(1))?;
    // ("“…,” says Parata. ¶ whale strandings ¶ “When will we …”": a line of a few
    // lower-case words with no full stop between them is a link the page set in the story,
    // not a paragraph of it)
    let furniture = |k: usize| {
        let line = doc.str(seg.paragraphs[k]);
        line.split_whitespace().count() <= 4
            && line.starts_with(|c: char| c.is_lowercase())
            && !line.ends_with(['.', '!', '?', ':', '"', '\u{201D}'])
    };
    let after_prev = if p == p_prev + 2 && furniture(p_prev + 1) {
        p_prev + 1
    } else {
        p_prev
    };
    let opens_next = p == after_prev + 1 && seg.paragraphs[p].start == q.start;
    if p != p_prev && !opens_next {
        return None;
    }
    let a = doc.token_after(previous.end);
    let b = doc.token_before(q.start);
    if b > a + 8 {
        return None;
    }
    let someone_else = (a..b.max(a)).any(|i| {
        let w = doc.tok(i);
        doc.is_word(i)
            && (doc.cue_at_token(i).is_some()
                || (w.chars().next().is_some_and(char::is_uppercase)
                    && !is_weekday_or_time(w)
                    && !is_month(w)))
    });
    (!someone_else).then_some(previous.attribution)
}

/// `Minister 'ready for talks' over rail dispute`: in a headline, the quotation belongs to
/// the noun phrase before it.
fn headline_subject(doc: &Doc, q: Span) -> Option<Attribution> {
    let seg = &doc.seg;
    if seg.paragraphs.len() < 2 || !seg.paragraphs[0].contains(q) {
        return None;
    }
    let mut mark = doc.token_after(q.start);
    if mark > 0 && doc.tok(mark - 1) == ":" {
        mark -= 1; // `A lesson from Loretta Lynch: 'Be the voice …'`
    }
    let speaker = noun_phrase_before(doc, mark)?;
    Some(Attribution {
        speaker: Some(speaker),
        cue: None,
    })
}

fn is_participle(doc: &Doc, cue: Cue) -> bool {
    // ("According to" ends in -ing, but is a preposition: its noun phrase is the source)
    if cue.kind == CueKind::Preposition {
        return false;
    }
    doc.cue_in_ing(cue.span)
}

/// `"…," X said` / `"…," said X` / `"…," X, the mayor, told reporters`.
fn after(doc: &Doc, q: Span) -> Option<Attribution> {
    let toks = &doc.seg.tokens;
    let start = doc.token_after(q.end);
    let close = doc.token_before(q.end).checked_sub(1)?;
    let first = *toks.get(start)?;
    let para = |t: crate::segment::Token| doc.seg.sentences[t.sentence()].paragraph;
    if para(first) != para(toks[close]) {
        // `"…" ¶ — President Obama, tweeting after the speech.`: a paragraph of its own
        // that opens with a dash and a name signs the quotation that ends the one before.
        let next = doc.seg.paragraphs.get(para(first))?;
        let ends_paragraph = para(first) == para(toks[close]) + 1;
        let end = doc.token_after(next.end);
        return ends_paragraph
            .then(|| dash_signature(doc, start, end.min(start + AFTER_WINDOW)))
            .flatten();
    }
    // `"… do!" Ortiz told the rally.`: the attribution may stand as a sentence of its own
    // right after the quote, if it is short and starts with its speaker or cue.
    // (a longer one when what follows its verb is only an adjunct: `"Perpetual motion!"
    // Rep. Glenn Thompson, R-Pa., said of the swirl of convention activities.`)
    let new_sentence = first.sentence() != toks[close].sentence();
    // (only for a quotation that opens its own sentence: `Sanders said in 2001 that he had
    // "…." In a later vote, he warned …` has its attribution before it)
    let opens = || opens_sentence(doc, q);
    if new_sentence && !opens() {
        return None;
    }
    let long_sentence = new_sentence && {
        let s = doc.seg.sentences[first.sentence()];
        s.end_token - s.first_token > 8
    };
    let window = if new_sentence { 12 } else { AFTER_WINDOW };
    let sentence = first.sentence();
    let mut end = start;
    while end < toks.len() && end < start + window && toks[end].sentence() == sentence {
        if is_quote_mark(doc.tok(end)) {
            // (`"…," delegate Bill Eastland, wearing "Ted Cruz" pins, said`: a short quoted
            // name inside the attribution is read over; any other quotation ends it)
            match embedded_quote_end(doc, end, sentence) {
                Some(after) => {
                    end = after;
                    continue;
                }
                None => break,
            }
        }
        end += 1;
    }
    let mut i = start;
    while i < end
        && toks[i].kind == TokenKind::Punct
        && matches!(doc.tok(i), "," | "\u{2014}" | "\u{2013}" | "-")
    {
        i += 1;
    }
    let from = i;
    if let Some(a) = dash_signature(doc, start, end) {
        return Some(a);
    }
    for cue_tok in from..end {
        let Some(cue) = cue_at(doc, cue_tok) else {
            continue;
        };
        if new_sentence && is_participle(doc, cue) {
            return None;
        }
        // ("…” from executives, the senator stopped short of urging …": a participle that
        // neither follows the quotation nor a comma is no attribution of it)
        if is_participle(doc, cue) && cue_tok > from && doc.tok(cue_tok - 1) != "," {
            continue;
        }
        // (`"Many would call that a loss" if she won by less, said David Wasserman.`: a
        // quotation that opens its sentence, the sentence's own words after it, then an
        // inverted attribution after a comma)
        let inverted_later = cue_tok > from
            && doc.tok(cue_tok - 1) == ","
            && cue.kind == CueKind::Verb
            && !is_participle(doc, cue)
            && opens();
        let speaker = if cue_tok == from || cue.kind == CueKind::Preposition {
            relaxed_noun_phrase_after(doc, cue, end).or_else(|| bare_noun_after(doc, cue, end))
        } else if inverted_later {
            noun_phrase_between(doc, from, cue_tok).or_else(|| {
                // (not a verb of telling: what follows it is its hearer)
                (!crate::reported::takes_hearer(doc.lexicon.cue_lemma(cue.lemma)))
                    .then(|| relaxed_noun_phrase_after(doc, cue, end))
                    .flatten()
            })
        } else if doc.tok(from) == "as" {
            noun_phrase_between(doc, from + 1, cue_tok) // `"…," as a memo put it`
        } else {
            noun_phrase_between(doc, from, cue_tok)
        };
        // (a quotation inside its sentence, `Although Weiner admitted that they had "been
        // friends," he claimed they never met`: a verb after it with a clause of its own
        // reports that clause, and the quotation is the earlier verb's)
        let inside = !new_sentence && cue_tok > from && !opens();
        if let Some(s) = speaker {
            if new_sentence || inside {
                // (what follows the verb is the sentence's end, an adjunct or a hearer, not
                // a clause of its own: `"Do it!" She said the plan would work.`)
                let mut after = doc.token_after(cue.span.end).max(doc.token_after(s.end));
                let sentence_end = doc.seg.sentences[sentence].end_token;
                // ("Trump told Britain's ITV television station in an interview …": the
                // hearer of a verb of telling first)
                if crate::reported::takes_hearer(doc.lexicon.cue_lemma(cue.lemma)) {
                    while after < sentence_end
                        && after - doc.token_after(cue.span.end) < 6
                        && doc.is_word(after)
                        && !crate::phrases::is_preposition(doc.tok(after))
                    {
                        after += 1;
                    }
                }
                // ("Clinton remarked, alluding to …": a comma, then a participle or adjunct)
                let adjunct = after + 1 >= sentence_end
                    || doc.tok(after) == ","
                    || doc.is_word(after) && crate::phrases::is_preposition(doc.tok(after));
                let clause = !adjunct
                    && doc.tok(after) != ","
                    && (doc.tok(after) == "that"
                        || (after..(after + 6).min(sentence_end))
                            .any(|j| crate::reported::is_auxiliary(doc.tok(j))));
                if clause || new_sentence && long_sentence && !adjunct {
                    return None;
                }
            }
            return Some(outer_report(doc, s).unwrap_or(Attribution {
                speaker,
                cue: Some(cue.span),
            }));
        }
    }
    // (a quotation closed by "!" or "?" ends a sentence for the segmenter; the verb in lower
    // case after it goes on with the same one)
    inverted_manner_verb(doc, from, end)
}

/// `"This is fantastic!" beamed Donald Hartley.`: a verb in the past right after a
/// quotation, then a name that ends the clause. Only a verb of saying stands before its
/// subject there (quotative inversion), so a verb of manner no list holds ("beamed",
/// "gushed") is the cue.
fn inverted_manner_verb(doc: &Doc, verb: usize, end: usize) -> Option<Attribution> {
    if verb >= end {
        return None;
    }
    let w = doc.tok(verb);
    let past = w.len() > 4 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase());
    if !past || !doc.is_word(verb) {
        return None;
    }
    let first = verb + 1;
    let mut last = first;
    while last < end && last - first < 5 && doc.is_word(last) && is_capitalised(doc.tok(last)) {
        last += 1;
    }
    let closes = last >= doc.seg.tokens.len()
        || matches!(doc.tok(last), "." | "," | ";" | "!" | "of" | "who");
    (last > first && closes).then(|| Attribution {
        speaker: Some(Span::new(
            doc.token(first).span.start,
            doc.token(last - 1).span.end,
        )),
        cue: Some(doc.token(verb).span),
    })
}

/// Whether quotation `q` opens its sentence (only marks and spaces before it).
fn opens_sentence(doc: &Doc, q: Span) -> bool {
    let open = doc.token_after(q.start);
    let Some(t) = doc.seg.tokens.get(open) else {
        return false;
    };
    let s = doc.seg.sentences[t.sentence()];
    // (read back from the quotation: the nearest word decides, with no scan of a long
    // sentence)
    (s.first_token..open).rev().all(|j| !doc.is_word(j))
}

/// One past the closing mark of a quotation of at most four words that opens at token
/// `open` and is followed by a word of the same sentence (a name or a phrase inside a
/// longer one: `wearing "Ted Cruz" pins`), if there is one.
fn embedded_quote_end(doc: &Doc, open: usize, sentence: usize) -> Option<usize> {
    let at = doc.token(open).span.start;
    let k = doc.quoted.partition_point(|q| q.start < at);
    let q = doc.quoted.get(k).filter(|q| q.start == at)?;
    let after = doc.token_after(q.end);
    let words = (open..after).filter(|&j| doc.is_word(j)).count();
    (words <= 4
        && after < doc.seg.tokens.len()
        && doc.token(after).sentence() == sentence
        && doc.is_word(after))
    .then_some(after)
}

/// When `speaker` is a pronoun right after a reporting verb (`X said (that) she …`,
/// `She says it underscores that …`), the attribution of that outer verb: the pronoun
/// repeats or belongs to the outer report, whose speaker the quotation takes.
fn outer_report(doc: &Doc, speaker: Span) -> Option<Attribution> {
    if !crate::actors::is_pronoun(doc.str(speaker)) {
        return None;
    }
    let mut k = doc.token_after(speaker.start).checked_sub(1)?;
    if doc.tok(k) == "that" {
        k = k.checked_sub(1)?;
    }
    let cue = cue_at(doc, k)?;
    if cue.kind != CueKind::Verb || doc.token(k).sentence() != doc.token(k + 1).sentence() {
        return None;
    }
    let outer = noun_phrase_before(doc, k).or_else(|| coordinated_subject(doc, k))?;
    Some(Attribution {
        speaker: Some(outer),
        cue: Some(cue.span),
    })
}

/// The noun phrase of an absolute clause ending right before the participle at token `k`:
/// `with the i reporting`, `with officials saying`.
fn absolute_subject(doc: &Doc, k: usize) -> Option<Span> {
    let sentence = doc.token(k).sentence();
    let with = (k.saturating_sub(5)..k)
        .rev()
        .find(|&j| doc.tok(j).eq_ignore_ascii_case("with"))?;
    let (from, to) = (with + 1, k);
    let words = (from..to).all(|j| {
        doc.is_word(j)
            && doc.token(j).sentence() == sentence
            && !crate::phrases::is_boundary_word(doc.tok(j))
    });
    (to > from && words).then(|| Span::new(doc.token(from).span.start, doc.token(to - 1).span.end))
}

/// `“…” ― Adriana Rodarte`: a dash and a name closing the paragraph sign the quotation.
fn dash_signature(doc: &Doc, start: usize, end: usize) -> Option<Attribution> {
    if start >= end || !matches!(doc.tok(start), "\u{2015}" | "\u{2014}" | "\u{2013}" | "-") {
        return None;
    }
    let first = start + 1;
    let mut k = first;
    while k < end && doc.is_word(k) && is_capitalised(doc.tok(k)) {
        k += 1;
    }
    let para = doc.seg.sentences[doc.token(start).sentence()].paragraph;
    let closes = k >= doc.seg.tokens.len()
        || doc.seg.sentences[doc.token(k).sentence()].paragraph != para
        || matches!(doc.tok(k), "." | ",");
    (k > first && closes).then(|| Attribution {
        speaker: Some(Span::new(
            doc.token(first).span.start,
            doc.token(k - 1).span.end,
        )),
        cue: None,
    })
}

/// `X said: "…"`, `X said the offer was "…"`, `According to X, "…"`.
fn before(doc: &Doc, q: Span) -> Option<Attribution> {
    let toks = &doc.seg.tokens;
    let end = doc.token_before(q.start);
    let sentence = toks.get(end.checked_sub(1)?)?.sentence();
    // "After Brown criticized Clinton during a debate, Hillary shot back, "…"": a cue
    // inside an adverbial clause that opens the sentence and ends before the quotation
    // reports something else.
    let s = doc.seg.sentences[sentence];
    let opening = doc.tok(s.first_token);
    let adjunct_end = (crate::speaker_form::opens_adverbial_clause(opening) || opening == "If")
        .then(|| crate::speaker_form::after_adjunct(doc, s.first_token, end))
        .flatten()
        .filter(|&a| a < end)
        .unwrap_or(0);
    let mut k = end;
    let mut seen = 0;
    let mut participle: Option<Cue> = None;
    while k > 0 && seen < BEFORE_WINDOW {
        k -= 1;
        seen += 1;
        if toks[k].sentence() != sentence || k < adjunct_end {
            break;
        }
        let Some(cue) = cue_at(doc, k) else { continue };
        // ("protesters chanting "Go home!"": right before the quotation it reports it)
        let adjacent = (k + 1..end).all(|j| matches!(doc.tok(j), "," | ":"));
        // "Trump was asked, "…"": the one asked or told is not the speaker, and no one else
        // is named ("it was labeled "…"" is a name the subject bears, and stays its)
        let lemma = doc.lexicon.cue_lemma(cue.lemma);
        let hearer = crate::reported::takes_hearer(lemma) || matches!(lemma, "ask" | "question");
        if adjacent && hearer && crate::reported::is_passive(doc, cue) {
            return Some(Attribution {
                speaker: None,
                cue: Some(cue.span),
            });
        }
        // "X said, adding that …": a participle's speaker is its main verb's; "X attacked
        // Y, saying, "…"": with no reporting verb before it, the sentence's subject.
        if is_participle(doc, cue) && doc.after_comma(k) {
            participle.get_or_insert(cue);
            continue;
        }
        // "Trump's tweets accusing Machado …", "before asking her": a participle inside a
        // phrase is no one's report; "is describing" (with its auxiliary) is.
        let progressive = k > 0
            && matches!(
                &*ascii_lower(doc.tok(k - 1), &mut Word::new()),
                "is" | "are" | "was" | "were" | "been" | "be" | "also" | "now" | "still"
            );
        // "with the paper reporting that …": an absolute clause, its noun phrase the speaker
        if is_participle(doc, cue) && !progressive {
            if let Some(speaker) = absolute_subject(doc, k) {
                return Some(Attribution {
                    speaker: Some(speaker),
                    cue: Some(cue.span),
                });
            }
        }
        if is_participle(doc, cue) && !progressive && !adjacent {
            continue;
        }
        // "stated that Melania would discuss her history "in a few weeks."": a saying not
        // done is not the quotation's source.
        if doc.unrealised(cue) && !adjacent {
            continue;
        }
        let speaker = match cue.kind {
            CueKind::Preposition => relaxed_noun_phrase_after(doc, cue, end),
            _ => noun_phrase_before(doc, k)
                .or_else(|| coordinated_subject(doc, k))
                .or_else(|| {
                    // `said Smith: "…"`: the speaker after the cue, right before the quote.
                    let np = noun_phrase_after(doc, cue, end)?;
                    let next = doc.token_after(np.end);
                    (next < end && matches!(doc.tok(next), "," | ":")).then_some(np)
                }),
        };
        if let Some(s) = speaker {
            return Some(outer_report(doc, s).unwrap_or(Attribution {
                speaker,
                cue: Some(cue.span),
            }));
        }
    }
    let cue = participle?;
    let subject = sentence_subject(doc, sentence)?;
    (subject.end <= cue.span.start).then_some(Attribution {
        speaker: Some(subject),
        cue: Some(cue.span),
    })
}
