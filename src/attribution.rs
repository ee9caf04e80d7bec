//! Attribution: the speaker and the cue of each quotation.
//!
//! This first version reads the common shapes around a quotation in its own sentence:
//! `"…," X said` and `"…," said X` after it, `X said: "…"` and `X said the plan was "…"`
//! before it. The speaker is the noun phrase next to the cue (`X, the mayor, said` gives
//! `X`); a pronoun speaker is kept as the pronoun. Resolving pronouns and roles to actors,
//! continuation paragraphs and reported speech come with the full attribution stage.

use crate::doc::{Cue, Doc};
use crate::lexicon::CueKind;
use crate::segment::TokenKind;
use crate::span::Span;

/// Who said a quotation, and the words that say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Attribution {
    /// The speaker mention ("Zarif", "she", "a Pentagon spokesman").
    pub speaker: Option<Span>,
    /// The reporting cue ("said", "according to").
    pub cue: Option<Span>,
}

/// How many tokens away from the quote a cue is looked for.
const AFTER_WINDOW: usize = 14;
const BEFORE_WINDOW: usize = 30;
/// The longest speaker phrase, in tokens.
const MAX_SPEAKER: usize = 9;

/// Words that end a speaker phrase when reading away from the cue.
pub(crate) fn is_boundary_word(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "that"
            | "which"
            | "who"
            | "whom"
            | "and"
            | "but"
            | "or"
            | "nor"
            | "when"
            | "as"
            | "while"
            | "because"
            | "if"
            | "after"
            | "before"
            | "since"
            | "though"
            | "although"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "from"
            | "by"
            | "than"
            | "so"
            | "where"
            | "what"
            | "then"
            | "said"
            | "says"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "it's"
            | "about"
            | "into"
            | "over"
            | "under"
            | "during"
            | "until"
            | "against"
            | "not"
            | "also"
            | "yet"
            | "once"
            | "just"
            | "only"
            | "even"
    )
}

/// Words between a speaker and its cue that belong to neither ("Trump again vowed").
fn is_skippable(w: &str) -> bool {
    // adverbs in -ly: "forcefully told", "repeatedly said"
    (w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase()))
        || w.ends_with("n't")
        || w.ends_with("n\u{2019}t")
        || matches!(
            w.to_ascii_lowercase().as_str(),
            "has"
                | "have"
                | "had"
                | "also"
                | "again"
                | "previously"
                | "then"
                | "later"
                | "once"
                | "repeatedly"
                | "recently"
                | "reportedly"
                | "would"
                | "will"
                | "could"
                | "did"
                | "does"
                | "do"
                | "not"
                | "never"
                | "earlier"
                | "further"
                | "flatly"
                | "publicly"
                | "privately"
                | "simply"
                | "quickly"
                | "initially"
                | "first"
                | "finally"
                | "often"
                | "always"
                | "still"
                | "already"
                | "is"
                | "was"
                | "were"
                | "are"
                | "might"
                | "may"
                | "can"
                | "should"
                | "must"
                | "just"
        )
}

fn is_weekday_or_time(w: &str) -> bool {
    matches!(
        w,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "today"
            | "yesterday"
            | "Today"
            | "Yesterday"
            | "Tonight"
            | "tonight"
    )
}

/// Finds the speaker and cue of a quotation whose first part is `first` and last part `last`.
///
/// `previous` is the last attributed quotation before this one: a quotation with no cue of
/// its own continues it when nothing and no one else stands between them.
pub fn attribute(doc: &Doc, first: Span, last: Span, previous: Option<Previous>) -> Attribution {
    transcript_label(doc, first)
        .or_else(|| after(doc, last))
        .or_else(|| before(doc, first))
        .or_else(|| introduced_by_colon(doc, first))
        .or_else(|| headline_subject(doc, first))
        .or_else(|| colon_subject(doc, first))
        .or_else(|| previous.and_then(|p| continuation(doc, first, p.through_sentence(doc))))
        .unwrap_or_default()
}

/// The last attributed quotation, as continuation needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Previous {
    /// Its speaker and cue.
    pub attribution: Attribution,
    /// Where it and its attribution end.
    pub end: usize,
}

impl Previous {
    /// The context left by a quotation `q` attributed by `a`.
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
    let s = doc.token(colon).sentence;
    let speaker = sentence_subject(doc, s)?;
    (speaker.end <= doc.token(colon).span.start).then_some(Attribution {
        speaker: Some(speaker),
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
    let opens_next = p == p_prev + 1 && seg.paragraphs[p].start == q.start;
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

fn is_month(w: &str) -> bool {
    matches!(
        w,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan."
            | "Feb."
            | "Aug."
            | "Sept."
            | "Oct."
            | "Nov."
            | "Dec."
    )
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

/// The subject at the start of a sentence: `Farrow ruled out …, but said …` → `Farrow`.
fn sentence_subject(doc: &Doc, sentence: usize) -> Option<Span> {
    let s = doc.seg.sentences[sentence];
    let mut i = s.first_token;
    while i < s.end_token
        && (!doc.is_word(i) || matches!(doc.tok(i), "But" | "And" | "So" | "Yet" | "However"))
    {
        i += 1;
    }
    if i >= s.end_token || !starts_noun_phrase(doc, i) {
        return None;
    }
    let start = i;
    let determiner = matches!(
        doc.tok(i).to_ascii_lowercase().as_str(),
        "the" | "a" | "an" | "his" | "her" | "their" | "its"
    );
    i += 1;
    while i < s.end_token && i - start < MAX_SPEAKER && doc.is_word(i) && cue_at(doc, i).is_none() {
        let w = doc.tok(i);
        let fits = if determiner {
            !is_boundary_word(w) && !is_skippable(w) && !w.ends_with("ed")
        } else {
            is_capitalised(w) || w == "of" && i + 1 < s.end_token && is_capitalised(doc.tok(i + 1))
        };
        if !fits {
            break;
        }
        i += 1;
    }
    Some(Span::new(
        doc.token(start).span.start,
        doc.token(i - 1).span.end,
    ))
}

/// A verb cue (or "according to") that starts at token `i`; adjuncts alone are no cue.
fn cue_at(doc: &Doc, i: usize) -> Option<Cue> {
    doc.cue_at_token(i).filter(|c| c.kind != CueKind::Adjunct)
}

fn is_participle(doc: &Doc, cue: Cue) -> bool {
    let w = doc.str(cue.span);
    w.split(' ').next().is_some_and(|v| v.ends_with("ing"))
}

/// `"…," X said` / `"…," said X` / `"…," X, the mayor, told reporters`.
fn after(doc: &Doc, q: Span) -> Option<Attribution> {
    let toks = &doc.seg.tokens;
    let start = doc.token_after(q.end);
    let close = doc.token_before(q.end).checked_sub(1)?;
    let first = *toks.get(start)?;
    if doc.seg.sentences[first.sentence].paragraph
        != doc.seg.sentences[toks[close].sentence].paragraph
    {
        return None;
    }
    // `"… do!" Ortiz told the rally.`: the attribution may stand as a sentence of its own
    // right after the quote, if it is short and starts with its speaker or cue.
    let new_sentence = first.sentence != toks[close].sentence;
    if new_sentence {
        let s = doc.seg.sentences[first.sentence];
        if s.end_token - s.first_token > 8 {
            return None;
        }
    }
    let window = if new_sentence { 6 } else { AFTER_WINDOW };
    let sentence = first.sentence;
    let mut end = start;
    while end < toks.len() && end < start + window && toks[end].sentence == sentence {
        if is_quote_mark(doc.tok(end)) {
            break;
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
        let speaker = if cue_tok == from || cue.kind == CueKind::Preposition {
            relaxed_noun_phrase_after(doc, cue, end).or_else(|| bare_noun_after(doc, cue, end))
        } else if doc.tok(from) == "as" {
            noun_phrase_between(doc, from + 1, cue_tok) // `"…," as a memo put it`
        } else {
            noun_phrase_between(doc, from, cue_tok)
        };
        if let Some(s) = speaker {
            // "DuVernay said she felt … “…”": the pronoun repeats the outer speaker.
            if let Some(outer) = outer_report(doc, s) {
                return Some(outer);
            }
            return Some(Attribution {
                speaker,
                cue: Some(cue.span),
            });
        }
    }
    None
}

/// When `speaker` is a pronoun right after a reporting verb (`X said (that) she …`), the
/// attribution of that outer verb.
fn outer_report(doc: &Doc, speaker: Span) -> Option<Attribution> {
    if !crate::actors::is_pronoun(doc.str(speaker)) {
        return None;
    }
    let mut k = doc.token_after(speaker.start).checked_sub(1)?;
    if doc.tok(k) == "that" {
        k = k.checked_sub(1)?;
    }
    let cue = cue_at(doc, k)?;
    if cue.kind != CueKind::Verb || doc.token(k).sentence != doc.token(k + 1).sentence {
        return None;
    }
    let outer = noun_phrase_before(doc, k).or_else(|| coordinated_subject(doc, k))?;
    Some(Attribution {
        speaker: Some(outer),
        cue: Some(cue.span),
    })
}

/// `X ruled it out, but said …`: a cue coordinated with an earlier verb has its subject.
fn coordinated_subject(doc: &Doc, cue: usize) -> Option<Span> {
    let mut k = cue;
    while k > 0 && doc.is_word(k - 1) && is_skippable(doc.tok(k - 1)) {
        k -= 1;
    }
    let conj = k.checked_sub(1)?;
    if !matches!(doc.tok(conj), "and" | "but") {
        return None;
    }
    sentence_subject(doc, doc.token(cue).sentence)
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
    let para = doc.seg.sentences[doc.token(start).sentence].paragraph;
    let closes = k >= doc.seg.tokens.len()
        || doc.seg.sentences[doc.token(k).sentence].paragraph != para
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
    let sentence = toks.get(end.checked_sub(1)?)?.sentence;
    let mut k = end;
    let mut seen = 0;
    let mut participle: Option<Cue> = None;
    while k > 0 && seen < BEFORE_WINDOW {
        k -= 1;
        seen += 1;
        if toks[k].sentence != sentence {
            break;
        }
        let Some(cue) = cue_at(doc, k) else { continue };
        // "X said, adding that …": a participle's speaker is its main verb's; "X attacked
        // Y, saying, "…"": with no reporting verb before it, the sentence's subject.
        if is_participle(doc, cue) && k > 0 && doc.tok(k - 1) == "," {
            participle.get_or_insert(cue);
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
        if speaker.is_some() {
            return Some(Attribution {
                speaker,
                cue: Some(cue.span),
            });
        }
    }
    let cue = participle?;
    let subject = sentence_subject(doc, sentence)?;
    (subject.end <= cue.span.start).then_some(Attribution {
        speaker: Some(subject),
        cue: Some(cue.span),
    })
}

fn is_quote_mark(t: &str) -> bool {
    matches!(
        t,
        "\"" | "\u{201C}" | "\u{201D}" | "\u{AB}" | "\u{BB}" | "\u{201E}"
    )
}

fn is_capitalised(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A proper name: capitalised words (with "of" or "de" inside), no article first.
fn is_name(doc: &Doc, from: usize, to: usize) -> bool {
    from < to
        && !matches!(
            doc.tok(from).to_ascii_lowercase().as_str(),
            "the" | "a" | "an"
        )
        && (from..to).all(|i| {
            let w = doc.tok(i);
            doc.is_word(i)
                && (is_capitalised(w)
                    || (i > from && matches!(w, "of" | "de" | "al" | "bin" | "van" | "von")))
        })
}

/// `the environmental group Blue Current` → `Blue Current`: a description before a name
/// gives way to the name (capitalised titles stay: `Iran's UN Ambassador Majid Ravanchi`).
fn name_core(doc: &Doc, from: usize, to: usize) -> usize {
    let mut k = to;
    while k > from && doc.is_word(k - 1) && is_capitalised(doc.tok(k - 1)) {
        k -= 1;
    }
    if k < to && k > from && doc.is_word(k - 1) && !matches!(doc.tok(k - 1), "of" | "de") {
        let w = doc.tok(k - 1);
        if w.chars().next().is_some_and(char::is_lowercase) && !matches!(w, "the" | "a" | "an") {
            return k;
        }
    }
    from
}

/// The words between a quote and its cue: `Smith`, `Smith, the mayor,`, `, she`.
fn noun_phrase_between(doc: &Doc, from: usize, cue: usize) -> Option<Span> {
    // Drop what stands between speaker and cue ("had", "again", "on Thursday").
    let mut end = cue;
    while end > from {
        let w = doc.tok(end - 1);
        if doc.is_word(end - 1) && is_skippable(w) {
            end -= 1;
        } else if end - from >= 2
            && is_weekday_or_time(w)
            && doc.tok(end - 2).eq_ignore_ascii_case("on")
        {
            end -= 2;
        } else if doc.is_word(end - 1) && is_weekday_or_time(w) {
            end -= 1;
        } else {
            break;
        }
    }
    // Comma-separated pieces: the speaker is the first piece that starts a noun phrase,
    // or a name in apposition right after it ("Her rival, Tom Gill, said").
    let pieces = comma_pieces(doc, from, end);
    let mut found = None;
    for (n, &(a, b)) in pieces.iter().enumerate() {
        if b > a && starts_noun_phrase(doc, a) && (b - a) <= MAX_SPEAKER {
            let last = trim_trailing(doc, a, b);
            if last > a {
                found = Some((n, a, last));
                break;
            }
        }
    }
    let (n, a, b) = found?;
    let (a, b) = prefer_apposed_name(doc, &pieces, n, a, b);
    let a = name_core(doc, a, b);
    Some(Span::new(
        doc.token(a).span.start,
        doc.token(b - 1).span.end,
    ))
}

fn comma_pieces(doc: &Doc, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut pieces = Vec::new();
    let mut a = from;
    for k in from..to {
        if doc.tok(k) == "," {
            pieces.push((a, k));
            a = k + 1;
        }
    }
    pieces.push((a, to));
    pieces
}

/// When a description has a name in apposition (`Her rival, Tom Gill,`), the name.
fn prefer_apposed_name(
    doc: &Doc,
    pieces: &[(usize, usize)],
    n: usize,
    a: usize,
    b: usize,
) -> (usize, usize) {
    if is_name(doc, a, b) {
        return (a, b);
    }
    match pieces.get(n + 1) {
        Some(&(c, d)) if d - c <= 5 && is_name(doc, c, d) => (c, d),
        _ => (a, b),
    }
}

fn trim_trailing(doc: &Doc, from: usize, mut to: usize) -> usize {
    while to > from && (!doc.is_word(to - 1) || is_boundary_word(doc.tok(to - 1))) {
        to -= 1;
    }
    to
}

fn starts_noun_phrase(doc: &Doc, i: usize) -> bool {
    if !doc.is_word(i) {
        return false;
    }
    let w = doc.tok(i);
    (is_capitalised(w) && !is_boundary_word(w))
        || matches!(
            w.to_ascii_lowercase().as_str(),
            "the"
                | "a"
                | "an"
                | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "it"
                | "you"
                | "his"
                | "her"
                | "their"
                | "its"
                | "some"
                | "one"
                | "two"
                | "three"
                | "several"
                | "many"
                | "most"
                | "officials"
                | "police"
                | "critics"
                | "experts"
                | "analysts"
                | "residents"
                | "witnesses"
                | "protesters"
                | "sources"
                | "aides"
                | "lawmakers"
                | "democrats"
                | "republicans"
                | "supporters"
                | "organizers"
                | "authorities"
                | "scientists"
                | "researchers"
                | "officers"
                | "this"
                | "that"
                | "these"
                | "those"
                | "another"
        )
}

/// `said Jane Smith, the mayor.` → `Jane Smith`; `according to the ministry` → `the ministry`;
/// `according to the transit director, Linda Marsh.` → `Linda Marsh`.
fn noun_phrase_after(doc: &Doc, cue: Cue, limit: usize) -> Option<Span> {
    noun_phrase_after_cue(doc, cue, limit, false)
}

/// `"…," said retired general Lloyd Newton` / `according to conservative host Rush
/// Limbaugh`: where only a speaker can follow the cue, any noun phrase may start there.
fn relaxed_noun_phrase_after(doc: &Doc, cue: Cue, limit: usize) -> Option<Span> {
    noun_phrase_after_cue(doc, cue, limit, true)
}

fn noun_phrase_after_cue(doc: &Doc, cue: Cue, limit: usize, relaxed: bool) -> Option<Span> {
    let mut i = doc.token_after(cue.span.end);
    // "said on Thursday": skip a time phrase
    if i + 1 < limit && doc.tok(i).eq_ignore_ascii_case("on") && is_weekday_or_time(doc.tok(i + 1))
    {
        i += 2;
    }
    let opens = i < limit
        && (starts_noun_phrase(doc, i)
            || relaxed && doc.is_word(i) && !is_boundary_word(doc.tok(i)));
    if !opens {
        return None;
    }
    let start = i;
    let mut end = i;
    while end < limit && end - start < MAX_SPEAKER {
        let w = doc.tok(end);
        if !doc.is_word(end) {
            break;
        }
        if end > start
            && is_boundary_word(w)
            && !(w == "of" && is_capitalised(doc.tok(end.saturating_sub(1))))
        {
            break;
        }
        end += 1;
    }
    if end == start {
        return None;
    }
    // The phrase must end there: `said Smith.`, `said Smith, the mayor`, not `said the
    // attacks were …` (the subject of a reported clause).
    if !ends_phrase(doc, start, end) {
        return None;
    }
    // A description followed by the name it describes, closing the sentence.
    if !is_name(doc, start, end) && end + 1 < limit.min(doc.seg.tokens.len()) && doc.tok(end) == ","
    {
        let mut k = end + 1;
        while k < doc.seg.tokens.len()
            && doc.is_word(k)
            && is_capitalised(doc.tok(k))
            && k - end <= 5
        {
            k += 1;
        }
        let closes = k >= doc.seg.tokens.len() || matches!(doc.tok(k), "." | "," | ";");
        if k > end + 1 && closes {
            return Some(Span::new(
                doc.token(end + 1).span.start,
                doc.token(k - 1).span.end,
            ));
        }
    }
    let start = name_core(doc, start, end);
    Some(Span::new(
        doc.token(start).span.start,
        doc.token(end - 1).span.end,
    ))
}

/// True when a speaker phrase `start..end` after its cue ends the clause: `said Smith.`,
/// `said Smith on Monday`, not `said the attacks were …`.
fn ends_phrase(doc: &Doc, start: usize, end: usize) -> bool {
    end >= doc.seg.tokens.len()
        || doc.token(end).sentence != doc.token(start).sentence
        || !doc.is_word(end)
        || is_weekday_or_time(doc.tok(end))
        || matches!(
            doc.tok(end),
            "on" | "in" | "at" | "during" | "after" | "before" | "to" | "for" | "via" | "while"
        )
}

/// `"…", says leader`: in the inverted order any noun may follow the cue (headline style).
fn bare_noun_after(doc: &Doc, cue: Cue, limit: usize) -> Option<Span> {
    let start = doc.token_after(cue.span.end);
    let mut end = start;
    while end < limit && end - start < 4 && doc.is_word(end) && !is_boundary_word(doc.tok(end)) {
        end += 1;
    }
    (end > start && ends_phrase(doc, start, end))
        .then(|| Span::new(doc.token(start).span.start, doc.token(end - 1).span.end))
}

/// The noun phrase ending right before cue token `cue`: `Foreign Minister Zarif had said`.
fn noun_phrase_before(doc: &Doc, cue: usize) -> Option<Span> {
    let sentence = doc.token(cue).sentence;
    let mut end = cue;
    while end > 0 && doc.token(end - 1).sentence == sentence {
        let w = doc.tok(end - 1);
        if doc.is_word(end - 1) && is_skippable(w) {
            end -= 1;
        } else if end >= 2 && is_weekday_or_time(w) && doc.tok(end - 2).eq_ignore_ascii_case("on") {
            end -= 2;
        } else {
            break;
        }
    }
    // "Sen. Tim Kaine (D-Va.) said": a parenthesis between name and verb.
    if end > 0 && doc.tok(end - 1) == ")" {
        let mut k = end - 1;
        while k > 0 && doc.tok(k - 1) != "(" && end - k < 8 && doc.token(k - 1).sentence == sentence
        {
            k -= 1;
        }
        if k > 0 && doc.tok(k - 1) == "(" {
            end = k - 1;
        }
    }
    // "Stevie Wonder, who joked": the relative pronoun is the mention.
    if end > 0 && matches!(doc.tok(end - 1), "who" | "which") {
        return Some(doc.token(end - 1).span);
    }
    // An apposition: "Zarif, Iran's foreign minister, said" — the name before it; "Her
    // rival, Tom Gill, said" — the name inside it.
    let mut apposed = None;
    if end > 0 && doc.tok(end - 1) == "," {
        // The apposition may hold a quotation of its own ("X, addressing a crowd
        // chanting "…", said"): only a comma outside quote marks ends it.
        let mut k = end - 1;
        let mut steps = 0;
        let mut inside_quote = false;
        while k > 0 && steps < 2 * BEFORE_WINDOW && doc.token(k - 1).sentence == sentence {
            let t = doc.tok(k - 1);
            if is_quote_mark(t) {
                inside_quote = !inside_quote;
            } else if t == "," && !inside_quote {
                break;
            }
            k -= 1;
            steps += 1;
        }
        if k > 0 && doc.tok(k - 1) == "," {
            apposed = Some((k, end - 1));
            end = k - 1;
        } else {
            return None;
        }
    }
    let mut start = end;
    while start > 0 && end - start < MAX_SPEAKER && doc.token(start - 1).sentence == sentence {
        let i = start - 1;
        if !doc.is_word(i) {
            break;
        }
        let w = doc.tok(i);
        if is_boundary_word(w) && !(w == "of" && start < end && is_capitalised(doc.tok(start))) {
            break;
        }
        start -= 1;
    }
    while start < end && !starts_noun_phrase(doc, start) {
        start += 1;
    }
    if start >= end {
        return None;
    }
    if let Some((c, d)) = apposed {
        if !is_name(doc, start, end) && d - c <= 5 && is_name(doc, c, d) {
            return Some(Span::new(
                doc.token(c).span.start,
                doc.token(d - 1).span.end,
            ));
        }
    }
    let start = name_core(doc, start, end);
    Some(Span::new(
        doc.token(start).span.start,
        doc.token(end - 1).span.end,
    ))
}
