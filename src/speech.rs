//! Speech or not: deciding whether a quoted span is someone's words, or a name, a title, a
//! term held at a distance (a scare quote) or markup.
//!
//! The decision reads the span the way a careful reader does: what stands right before the
//! opening mark (`so-called`, `the film`, a first name), what the quoted words look like (a
//! sentence, a Title Case name, a number), and whether anyone speaks nearby (a reporting cue
//! next to the quote or in its sentence, a colon introducing it, a headline).

use crate::doc::Doc;
use crate::lexicon::{lowercase, ShortName};
use crate::quotes::QuoteSpan;
use crate::segment::{is_space, TokenKind};
use crate::span::Span;

/// Why a quoted span is not speech.
///
/// ```
/// use whosaid::{Extractor, NotSpeech};
///
/// let text = "Critics of the so-called \"reform\" cited the report \"Harbour Futures\".";
/// let reasons: Vec<NotSpeech> =
///     Extractor::new().extract(text).rejected.iter().map(|r| r.reason).collect();
/// assert_eq!(reasons, [NotSpeech::Term, NotSpeech::Title]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NotSpeech {
    /// Quote marks inside markup or around a number, a URL, or nothing.
    Markup,
    /// A term named by the phrase before it (`so-called "experts"`, `dubbed "…"`).
    Term,
    /// The title of a work (`the film "Dune"`, `on "Face the Nation"`).
    Title,
    /// A nickname between a first name and a surname (`Robert "Bobby" Lane`).
    Nickname,
    /// A short phrase with no one speaking near it: a scare quote.
    ScareQuote,
    /// A short paragraph of its own in single marks, in a text that quotes with double
    /// marks: a section heading (`'A really tough decision.'`).
    Heading,
}

impl NotSpeech {
    /// A short lower-case name for the reason, as it appears in the JSON.
    ///
    /// ```
    /// use whosaid::NotSpeech;
    ///
    /// assert_eq!(NotSpeech::ScareQuote.as_str(), "scare-quote");
    /// assert_eq!(NotSpeech::Nickname.as_str(), "nickname");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            NotSpeech::Markup => "markup",
            NotSpeech::Term => "term",
            NotSpeech::Title => "title",
            NotSpeech::Nickname => "nickname",
            NotSpeech::ScareQuote => "scare-quote",
            NotSpeech::Heading => "heading",
        }
    }
}

/// The facts about one quoted span that the decision uses.
struct Reading<'t> {
    content: &'t str,
    words: usize,
    /// A word of two characters or more.
    long_word: bool,
    sentence_like: bool,
    /// Most words capitalised, as in a title or a name ("Face the Nation").
    title_case: bool,
    /// Nothing of its sentence stands before the quote.
    standalone: bool,
    /// The quoted words end with a sentence's final punctuation.
    ends_sentence: bool,
    /// The quote is its whole paragraph.
    whole_paragraph: bool,
}

/// Decides whether the quotation `q` is speech. `continues` is true for the second and later
/// parts of a quotation running over paragraphs; `previous` is the verdict on the quotation
/// right before this one when the two are joined by "and"/"or" in one sentence.
///
/// ```
/// use whosaid::doc::Doc;
/// use whosaid::lexicon::Lexicon;
/// use whosaid::{marks, quotes, speech, NotSpeech};
///
/// let text = "The so-called \"reform\" failed, the mayor said: \"It was never a reform.\"";
/// let mut doc = Doc::new(text, Lexicon::get());
/// let spans = quotes::pair(text, &doc.seg, &marks::classify(text));
/// doc.quoted = spans.iter().map(|q| q.span).collect();
/// let verdicts: Vec<_> = spans.iter().map(|q| speech::judge(&doc, q, false, None)).collect();
/// assert_eq!(verdicts, [Err(NotSpeech::Term), Ok(())]);
/// ```
pub fn judge(
    doc: &Doc,
    q: &QuoteSpan,
    continues: bool,
    previous: Option<Result<(), NotSpeech>>,
) -> Result<(), NotSpeech> {
    let text = doc.text;
    let r = read(doc, q);
    // (no word of two characters: a letter named, a variable, a grade, "x" in a run of them)
    if r.words == 0 || !r.long_word || looks_like_markup(text, q.span.start, r.content) {
        return Err(NotSpeech::Markup);
    }
    if continues {
        return Ok(());
    }
    let open = doc.token_before(q.span.start);
    let close = doc.token_after(q.span.end);
    let mut words = [""; 4];
    let before = words_before(doc, open, &mut words);
    let mut bufs: [crate::lexicon::ShortName; 4] = Default::default();
    let mut lower: [std::borrow::Cow<str>; 4] = Default::default();
    for ((l, w), buf) in lower.iter_mut().zip(before).zip(&mut bufs) {
        *l = lowercase(w, buf);
    }
    let lower = &lower[..before.len()];
    // "known as the", "dubbed a": the naming word stands before an article.
    let mut named = lower;
    while let [rest @ .., last] = named {
        if matches!(last.as_ref(), "the" | "a" | "an") {
            named = rest;
        } else {
            break;
        }
    }
    let last = named.last().map_or("", |w| w.as_ref());
    let last_two = match named {
        [.., a, b] => doc.lexicon.is_naming_phrase(&format!("{a} {b}")),
        _ => false,
    };
    if doc.lexicon.is_naming_phrase(last) || last_two {
        return Err(NotSpeech::Term);
    }
    let next_to = lower.last().map_or("", |w| w.as_ref());
    let work = before_across_comma(doc, open);
    let after = close;
    let noun_after = after < doc.seg.tokens.len()
        && doc.token(after).span.start == q.span.end + 1
        && doc.lexicon.is_work_noun(doc.tok(after));
    if r.title_case
        && work.is_some_and(|w| {
            doc.lexicon
                .is_work_noun(&lowercase(w, &mut ShortName::new()))
        })
        || noun_after && !r.sentence_like
    {
        return Err(NotSpeech::Title);
    }
    if is_nickname(doc, q, &r, open, close) {
        return Err(NotSpeech::Nickname);
    }
    // Title Case after "on", "of", a possessive: a show, a book ("on MSNBC's “Morning Joe,”
    // calling it …"), whatever cue stands next to it.
    let title_context = is_title_context(next_to)
        || before
            .last()
            .is_some_and(|w| w.ends_with("'s") || w.ends_with("\u{2019}s"));
    if r.title_case && title_context {
        return Err(NotSpeech::Title);
    }
    if cue_adjacent(doc, open, close) || colon_before(text, q.span.start) {
        return Ok(());
    }
    // "'A really tough decision.'" on a line of its own, in a text that quotes with double
    // marks: a section heading (set in single marks, as headlines are), not speech
    if r.whole_paragraph && r.words <= 8 && doc.opens_single(q.span.start) && doc.double_style() {
        return Err(NotSpeech::Heading);
    }
    if let (Some(v), "and" | "or") = (previous, last) {
        return v; // “too loud” or “too shrill”: judged like the first
    }
    // "described the strikes as a “slap in the face”": a characterisation is someone's words.
    if lower.iter().rev().take(3).any(|w| w == "as") {
        return Ok(());
    }
    if is_headline(doc, q) {
        return Ok(()); // a headline's quotation is its subject's words
    }
    if r.title_case {
        // Title Case reads as a name, unless it stands as a sentence of its own or someone is
        // said to call it so.
        if r.standalone && r.ends_sentence && !r.whole_paragraph || speaking_nearby(doc, q) {
            return Ok(());
        }
        return Err(NotSpeech::Title);
    }
    // (a quotation whose paragraph ended before its closing mark may go on in the next:
    // speech; one cut short by a second opening mark is judged on its words)
    if r.sentence_like || r.standalone && r.ends_sentence || !q.closed && !q.cut {
        return Ok(());
    }
    if speaking_nearby(doc, q) {
        return Ok(());
    }
    Err(NotSpeech::ScareQuote)
}

/// Words after which a Title Case quotation is a name: "on", "of", "his".
fn is_title_context(w: &str) -> bool {
    matches!(w, "on" | "of" | "in" | "at" | "during" | "with" | "from")
        || crate::segment::is_possessive(w)
}

/// The first paragraph of a longer text, one short sentence: a headline.
fn is_headline(doc: &Doc, q: &QuoteSpan) -> bool {
    let seg = &doc.seg;
    let (Some(&first), true) = (seg.paragraphs.first(), seg.paragraphs.len() > 1) else {
        return false;
    };
    // one sentence: the second, if any, is in another paragraph (not counted: the first
    // paragraph may hold a million)
    let one_sentence = seg.sentences.get(1).is_none_or(|s| s.paragraph != 0);
    first.contains(q.span) && one_sentence && doc.token_before(first.end) <= 24
}

/// The word right before the opening mark (`open`: one past the last token before it), or
/// before a comma there: `memoir, “Paper Roads”`.
fn before_across_comma<'t>(doc: &Doc<'t>, open: usize) -> Option<&'t str> {
    let mut i = open.checked_sub(1)?;
    if doc.tok(i) == "," {
        i = i.checked_sub(1)?;
    }
    doc.is_word(i).then(|| doc.tok(i))
}

fn read<'t>(doc: &Doc<'t>, q: &QuoteSpan) -> Reading<'t> {
    let content = doc.str(q.content).trim_matches(is_space);
    let a = doc.token_after(q.content.start);
    let b = doc.token_before(q.content.end);
    let mut words = 0;
    let mut capitalised = 0;
    let mut long_word = false;
    for i in a..b.max(a) {
        if doc.is_word(i) {
            let w = doc.tok(i);
            long_word |= w.chars().nth(1).is_some();
            if w.chars().next().is_some_and(char::is_alphabetic) {
                words += 1;
                if w.chars().next().is_some_and(char::is_uppercase) || is_minor_title_word(w) {
                    capitalised += 1;
                }
            } else {
                words += 1;
            }
        }
    }
    let first_upper = content
        .chars()
        .find(|&c| crate::chars::is_alphanumeric(c))
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let ends_like_speech =
        content.ends_with(['.', '?', '!', ',', '\u{2026}', '-', '\u{2014}', ':', ';']);
    let sentence_like =
        (first_upper && words >= 3 && (ends_like_speech || words >= 6)) || words >= 10;
    // An exclamation or a question is said, not a title: chants of “Bobby!”.
    let exclaimed = content
        .trim_end_matches(['\'', '\u{2019}', ','])
        .ends_with(['!', '?']);
    let title_case =
        words >= 1 && capitalised * 3 >= words * 2 && words <= 10 && first_upper && !exclaimed;
    let standalone = doc
        .seg
        .sentences
        .get(
            doc.token(a.min(doc.seg.tokens.len().saturating_sub(1)))
                .sentence(),
        )
        .is_some_and(|sentence| sentence.span.start >= q.span.start);
    let ends_sentence = content
        .trim_end_matches(['\'', '\u{2019}'])
        .ends_with(['.', '?', '!', '\u{2026}']);
    let whole_paragraph = doc.seg.paragraph_at(q.span.start).is_some_and(|p| {
        let para = doc.seg.paragraphs[p];
        para.start == q.span.start && para.end <= q.span.end
    });
    Reading {
        content,
        words,
        long_word,
        sentence_like,
        title_case,
        standalone,
        ends_sentence,
        whole_paragraph,
    }
}

/// Small words that stay lower case inside titles ("Face the Nation").
fn is_minor_title_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "of"
            | "and"
            | "or"
            | "in"
            | "on"
            | "to"
            | "for"
            | "at"
            | "by"
            | "with"
            | "from"
    )
}

fn looks_like_markup(text: &str, start: usize, content: &str) -> bool {
    let prev = text[..start].chars().next_back();
    if prev == Some('=') {
        return true;
    }
    let has_letter = content.chars().any(crate::chars::is_alphabetic);
    let bracketed = (content.starts_with('(')
        && content.trim_end_matches(['.', ',']).ends_with(')'))
        || (content.starts_with('[') && content.trim_end_matches(['.', ',']).ends_with(']'));
    if bracketed {
        return true; // "(CROSSTALK.)": a stage direction, not words said
    }
    !has_letter
        || content.starts_with("http")
        || content.starts_with("www.")
        || content.starts_with("pic.")
}

/// The words right before the token `end` in the same sentence, as many as `out` holds,
/// nearest last: the filled end of `out`.
fn words_before<'t, 'o, const N: usize>(
    doc: &Doc<'t>,
    end: usize,
    out: &'o mut [&'t str; N],
) -> &'o [&'t str] {
    let Some(sentence) = end.checked_sub(1).map(|i| doc.token(i).sentence()) else {
        return &out[N..];
    };
    let mut n = 0;
    let mut i = end;
    while i > 0 && n < N {
        i -= 1;
        let t = doc.token(i);
        if t.sentence() != sentence || t.kind != TokenKind::Word {
            if t.kind == TokenKind::Punct && doc.tok(i) == "-" {
                continue;
            }
            break;
        }
        n += 1;
        out[N - n] = doc.tok(i);
    }
    // "so-called" is one token; "so called" two.
    &out[N - n..]
}

/// A nickname between a first name and a surname; `before` is one past the last token
/// before the quote, `after` the first token after it.
fn is_nickname(doc: &Doc, q: &QuoteSpan, r: &Reading, before: usize, after: usize) -> bool {
    if r.words == 0 || r.words > 3 || r.sentence_like || !r.title_case {
        return false;
    }
    let name_before = before.checked_sub(1).is_some_and(|i| {
        doc.is_word(i) && doc.tok(i).chars().next().is_some_and(char::is_uppercase)
    });
    let name_after = after < doc.seg.tokens.len()
        && doc.is_word(after)
        && doc
            .tok(after)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        && doc.token(after).span.start == q.span.end + 1;
    name_before && name_after
}

/// A cue right next to the quote: `chanting "…"`, `said, "…"`, `"…," she said`. `before`
/// is one past the last token before the quote, `after` the first token after it.
fn cue_adjacent(doc: &Doc, before: usize, after: usize) -> bool {
    let mut i = before;
    let mut steps = 0;
    while i > 0 && steps < 3 {
        i -= 1;
        if doc.cue_at_token(i).is_some_and(|c| c.reports_words())
            || doc
                .lexicon
                .is_speech_noun(&lowercase(doc.tok(i), &mut ShortName::new()))
        {
            return true;
        }
        if !matches!(doc.tok(i), "," | ":" | "that" | "of" | "with") {
            break;
        }
        steps += 1;
    }
    let sentence_end = doc.seg.tokens.get(after).map(|t| t.sentence());
    for k in after..(after + 6).min(doc.seg.tokens.len()) {
        if Some(doc.token(k).sentence()) != sentence_end && k > after {
            break;
        }
        if doc.cue_at_token(k).is_some_and(|c| c.reports_words()) {
            return true;
        }
        if matches!(doc.tok(k), "." | "\"" | "\u{201C}" | ";")
            || doc.is_word(k) && crate::phrases::is_boundary_word(doc.tok(k))
        {
            break;
        }
    }
    false
}

fn colon_before(text: &str, start: usize) -> bool {
    text[..start].trim_end_matches(is_space).ends_with(':')
}

/// How far from a quotation, in tokens either way, its sentence is searched for a cue or a
/// speech noun: far more than a news sentence holds around a quote, and a bound on the work
/// for each quotation in a "sentence" of a hundred thousand tokens (a list, a table, JSON),
/// where searching the whole sentence for every quotation would take time quadratic in it.
const NEARBY: usize = 100;

/// A cue or a speech noun anywhere in the quote's sentence (outside the quote, at most
/// [`NEARBY`] tokens away), or in a short sentence right after a quote that ends its own
/// sentence.
fn speaking_nearby(doc: &Doc, q: &QuoteSpan) -> bool {
    let seg = &doc.seg;
    let (Some(s0), Some(s1)) = (
        seg.sentence_at(q.span.start),
        seg.sentence_at(q.span.end.saturating_sub(1)),
    ) else {
        return false;
    };
    let mut span = Span::new(seg.sentences[s0].span.start, seg.sentences[s1].span.end);
    if seg.sentences[s1].span.end <= q.span.end + 1 {
        if let Some(next) = seg.sentences.get(s1 + 1) {
            if next.paragraph == seg.sentences[s1].paragraph
                && next.end_token - next.first_token <= 10
            {
                span.end = next.span.end;
            }
        }
    }
    let tokens = doc.seg.tokens.len();
    // the quote's own tokens: from its opening mark through its closing one
    let (first, end) = (doc.token_after(q.span.start), doc.token_before(q.span.end));
    let lo = first.saturating_sub(NEARBY);
    let hi = (end + NEARBY).min(tokens);
    if lo < tokens {
        span.start = span.start.max(doc.token(lo).span.start.min(q.span.start));
    }
    if hi > 0 {
        span.end = span.end.min(doc.token(hi - 1).span.end.max(q.span.end));
    }
    // A cue before the quote governs it ("X said the plan was “…”"), and so does one after it
    // ("“…” is held to account, Warren said"), unless a relative clause holds that cue
    // ("the “reform” that critics say will cut pensions").
    let before = Span::new(span.start, q.span.start);
    let window_end = doc.token_before(span.end);
    let relative = doc
        .relative_in(doc.token_after(q.span.end), window_end)
        .map_or(span.end, |i| doc.token(i).span.start);
    let after = Span::new(q.span.end, relative);
    if doc.saying_cue_in(before) || doc.saying_cue_in(after) {
        return true;
    }
    // A speech noun outside the quote: the tokens of the window less those inside the quote
    // (a token inside starts at or after its opening mark and ends by its closing one).
    let a = doc.token_after(span.start);
    let b = window_end.max(a);
    let inside_a = first.clamp(a, b);
    let inside_b = end.clamp(inside_a, b);
    doc.speech_nouns_in(a, b) > doc.speech_nouns_in(inside_a, inside_b)
}
