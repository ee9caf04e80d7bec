//! The pipeline: from text to an [`Analysis`] with byte spans.

use crate::actors::Actor;
use crate::attribution;
use crate::doc::Doc;
use crate::lexicon::Lexicon;
use crate::marks;
use crate::quotes;
use crate::reported;
use crate::resolve;
use crate::span::Span;
use crate::speaker_form::speaker_in;
use crate::speech::{self, NotSpeech};

/// Direct quotation (between quote marks) or reported speech.
///
/// ```
/// use whosaid::{Extractor, QuoteKind};
///
/// let text = "\"We will rebuild,\" the mayor said. She said the work would take a year.";
/// let analysis = Extractor::new().extract(text);
/// let kinds: Vec<QuoteKind> = analysis.quotes.iter().map(|q| q.kind).collect();
/// assert_eq!(kinds, [QuoteKind::Direct, QuoteKind::Indirect]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    /// Words between quote marks.
    Direct,
    /// Reported speech without quote marks ("Trump said no Americans were hurt").
    Indirect,
}

impl QuoteKind {
    /// `direct` or `indirect`, as in the JSON.
    ///
    /// ```
    /// use whosaid::QuoteKind;
    ///
    /// assert_eq!(QuoteKind::Direct.as_str(), "direct");
    /// assert_eq!(QuoteKind::Indirect.as_str(), "indirect");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// One quotation with its attribution. A quotation that runs over several paragraphs is
/// reported as one `Quote` per paragraph part, all with the same `group`.
///
/// ```
/// use whosaid::{Extractor, QuoteKind};
///
/// // News style: the first paragraph's quotation is left open, the next one reopens it.
/// let text = "Kelly Moss, the chief engineer, said: \"The bridge will reopen in May.\n\
///             \"We have checked every bolt.\"";
/// let analysis = Extractor::new().extract(text);
/// let [first, second] = &analysis.quotes[..] else { panic!("two parts") };
/// assert_eq!(first.span.text(text), "\"The bridge will reopen in May.");
/// assert!(!first.closed && second.closed);
/// assert_eq!((first.group, second.group), (0, 0)); // one quotation, two parts
/// assert_eq!(second.speaker.unwrap().text(text), "Kelly Moss");
/// assert_eq!(second.cue.unwrap().text(text), "said");
/// assert_eq!(second.kind, QuoteKind::Direct);
/// assert_eq!(analysis.actors[second.actor.unwrap()].name, "Kelly Moss");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark through the closing mark (or the paragraph end when unclosed).
    pub span: Span,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// The speaker mention, if found.
    pub speaker: Option<Span>,
    /// Index into [`Analysis::actors`] of the speaker.
    pub actor: Option<usize>,
    /// The reporting cue, if found.
    pub cue: Option<Span>,
    /// Whether a closing mark ends this part.
    pub closed: bool,
    /// Index (into [`Analysis::quotes`]) of the first part of this quotation.
    pub group: usize,
}

/// A quoted span that is not speech, and why.
///
/// ```
/// use whosaid::{Extractor, NotSpeech};
///
/// let text = "The film \"Harbour Lights\" opens in May, and Robert \"Bobby\" Lane stars.";
/// let rejected: Vec<(&str, NotSpeech)> = Extractor::new()
///     .extract(text)
///     .rejected
///     .iter()
///     .map(|r| (r.span.text(text), r.reason))
///     .collect();
/// assert_eq!(
///     rejected,
///     [("\"Harbour Lights\"", NotSpeech::Title), ("\"Bobby\"", NotSpeech::Nickname)]
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rejected {
    /// The quoted span, marks included.
    pub span: Span,
    /// Why it is not a quotation.
    pub reason: NotSpeech,
}

/// Everything found in one text. Spans are UTF-8 byte offsets into that text.
///
/// ```
/// use whosaid::Extractor;
///
/// let text = "\"Our members have waited a long time,\" said Tom Okafor. \
///             The so-called \"green corridor\" must wait.";
/// let analysis = Extractor::new().extract(text);
/// assert_eq!(analysis.quotes.len(), 1);
/// assert_eq!(analysis.actors[0].name, "Tom Okafor");
/// assert_eq!(analysis.actors[0].quotes, [0]); // the indices of its quotations
/// assert_eq!(analysis.rejected[0].span.text(text), "\"green corridor\"");
///
/// // An empty text (or one with no quotation) gives an empty analysis.
/// assert_eq!(Extractor::new().extract(""), whosaid::Analysis::default());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Quotations, sorted by start, non-overlapping.
    pub quotes: Vec<Quote>,
    /// The actors (people, organisations and places named or speaking), in order of first
    /// mention.
    pub actors: Vec<Actor>,
    /// Quoted spans that are not speech, sorted by start.
    pub rejected: Vec<Rejected>,
}

/// The analyser. Build it once and reuse it: building parses the word lists and compiles
/// the automata; [`extract`](Extractor::extract) only reads the text.
///
/// ```
/// use whosaid::Extractor;
///
/// let extractor = Extractor::new();
/// for (text, speaker) in [
///     ("\"It works,\" said Ana Ruiz.", "Ana Ruiz"),
///     ("The minister said: \"We are ready.\"", "The minister"),
/// ] {
///     let q = &extractor.extract(text).quotes[0];
///     assert_eq!(q.speaker.unwrap().text(text), speaker);
/// }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Extractor {
    lexicon: &'static Lexicon,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// Builds an extractor (the word lists are parsed once per process and shared).
    ///
    /// ```
    /// use whosaid::Extractor;
    ///
    /// let extractor = Extractor::new(); // the first one parses the word lists
    /// let another = Extractor::default(); // later ones share them
    /// let text = "\"Yes,\" he said.";
    /// assert_eq!(extractor.extract(text), another.extract(text));
    /// ```
    pub fn new() -> Extractor {
        Extractor {
            lexicon: Lexicon::get(),
        }
    }

    /// Finds the quotations of `text` with their speakers and cues. Never fails, never
    /// panics, for any input.
    ///
    /// ```
    /// use whosaid::Extractor;
    ///
    /// let text = "\u{201C}The vote was fair,\u{201D} said Ana Ruiz, the city clerk.";
    /// let analysis = Extractor::new().extract(text);
    /// let q = &analysis.quotes[0];
    /// assert_eq!(q.span.text(text), "\u{201C}The vote was fair,\u{201D}");
    /// assert_eq!(q.speaker.unwrap().text(text), "Ana Ruiz");
    /// assert_eq!(q.cue.unwrap().text(text), "said");
    ///
    /// // Broken text gives an analysis too: an unclosed quotation ends with its paragraph.
    /// let broken = "She said: \"We will not \u{FFFD}\u{0}\nThe line went dead.";
    /// let q = &Extractor::new().extract(broken).quotes[0];
    /// assert!(!q.closed);
    /// assert_eq!(q.span.text(broken), "\"We will not \u{FFFD}\u{0}");
    /// ```
    pub fn extract(&self, text: &str) -> Analysis {
        let mut doc = Doc::new(text, self.lexicon);
        // (the marks and the closed spans go once read: on a text of quote marks they are
        // most of the memory, which the stages after can then reuse)
        let spans = quotes::pair(text, &doc.seg, &marks::classify(text));
        doc.drop_cues_inside(
            &spans
                .iter()
                .filter(|q| q.closed)
                .map(|q| q.span)
                .collect::<Vec<_>>(),
        );
        doc.quoted = spans.iter().map(|q| q.span).collect();

        // Speech or not, decided for each quotation as a whole (by its first part).
        let mut verdict: Vec<Result<(), NotSpeech>> = Vec::with_capacity(spans.len());
        for (i, q) in spans.iter().enumerate() {
            let previous = i.checked_sub(1).map(|p| verdict[p]);
            // A part whose first part is markup ("(CROSSTALK.)") is judged on its own.
            let v = match verdict.get(q.group) {
                Some(&v) if q.group != i && v != Err(NotSpeech::Markup) => v,
                _ => speech::judge(&doc, q, q.group != i, previous),
            };
            verdict.push(v);
        }

        let mut analysis = Analysis::default();
        // For each group: its last part, and the output index of its first reported part.
        let mut last_part = vec![usize::MAX; spans.len()];
        for (i, q) in spans.iter().enumerate() {
            last_part[q.group] = i;
        }
        let mut head: Vec<Option<usize>> = vec![None; spans.len()];
        let mut previous: Option<attribution::Previous> = None;
        for (i, q) in spans.iter().enumerate() {
            match verdict[i] {
                Err(reason) => analysis.rejected.push(Rejected {
                    span: q.span,
                    reason,
                }),
                Ok(()) => {
                    let (group_out, attr) = match head[q.group] {
                        Some(h) => {
                            let first = &analysis.quotes[h];
                            // a transcript's next speaker labels their own paragraph
                            let attr = attribution::part_label(&doc, q.span).unwrap_or(
                                attribution::Attribution {
                                    speaker: first.speaker,
                                    cue: first.cue,
                                },
                            );
                            (h, attr)
                        }
                        None => {
                            head[q.group] = Some(analysis.quotes.len());
                            let last = spans[last_part[q.group]].span;
                            let attr = attribution::attribute(&doc, q.span, last, previous);
                            if attr.speaker.is_some() {
                                previous = Some(attribution::Previous::new(last, attr));
                            }
                            (analysis.quotes.len(), attr)
                        }
                    };
                    analysis.quotes.push(Quote {
                        span: q.span,
                        kind: QuoteKind::Direct,
                        speaker: attr.speaker,
                        actor: None,
                        cue: attr.cue,
                        closed: q.closed,
                        group: group_out,
                    });
                }
            }
        }
        // Reported speech, without quote marks.
        let direct: Vec<Span> = analysis.quotes.iter().map(|q| q.span).collect();
        let reports = reported::find(&doc, &direct);
        // A quotation inside a reported clause is the words of whoever that clause reports
        // (the innermost one): `questioned Renz's assertion that it posed an "imminent" threat`.
        // (`reports` is sorted by start and each clause lies in one sentence: only the
        // clauses starting between the quotation's sentence start and the quotation can hold it)
        for q in &mut analysis.quotes {
            let sentence_start = doc
                .seg
                .sentence_at(q.span.start)
                .map_or(0, |s| doc.seg.sentences[s].span.start);
            let from = reports.partition_point(|r| r.content.start < sentence_start);
            let to = reports.partition_point(|r| r.content.start <= q.span.start);
            let inner = reports[from..to.max(from)]
                .iter()
                .filter(|r| q.span.end <= r.content.end + 1 && !r.unspoken)
                .min_by_key(|r| r.content.len());
            if let Some(r) = inner {
                // only a clause whose cue stands between the quotation's own cue (if any,
                // before it) and the quotation: the innermost report; or a clause whose cue
                // follows it, for a quotation with no cue of its own ("The vote signals "the
                // end" for the union, said Geert Wilders, …")
                let inner_cue = r.cue.start < q.span.start
                    && q.cue.is_none_or(|c| c.start < r.cue.start)
                    || q.cue.is_none() && r.cue.start >= q.span.end;
                // ("She said she recalls … "…"": a pronoun repeating the outer speaker keeps
                // the outer attribution)
                let pronoun = crate::actors::is_pronoun(r.speaker.text(text));
                let speaker = speaker_in(&doc, r.speaker);
                if q.cue != Some(r.cue) && inner_cue && !pronoun && speaker.is_some() {
                    q.speaker = speaker;
                    q.cue = Some(r.cue);
                }
            }
        }
        for r in reports {
            let group = analysis.quotes.len();
            for span in std::iter::once(r.content).chain(r.rest) {
                analysis.quotes.push(Quote {
                    span,
                    kind: QuoteKind::Indirect,
                    // (a phrase in the speaker's place that cannot speak, "There",
                    // "Tuesday", is left out: the report stands, its speaker unknown)
                    speaker: speaker_in(&doc, r.speaker),
                    actor: None,
                    cue: Some(r.cue),
                    closed: true,
                    group,
                });
            }
        }
        let speakers: Vec<Option<Span>> = analysis.quotes.iter().map(|q| q.speaker).collect();
        let (actors, of_quote) = resolve::resolve(&doc, &speakers);
        for (q, a) in analysis.quotes.iter_mut().zip(of_quote) {
            q.actor = a;
        }
        analysis.actors = actors;
        sort_quotes(&mut analysis.quotes);
        for (i, q) in analysis.quotes.iter().enumerate() {
            if let Some(a) = q.actor {
                analysis.actors[a].quotes.push(i);
            }
        }
        analysis
    }
}

/// Sorts quotations by start (a reported clause before the quotation it contains) and
/// renumbers the groups.
fn sort_quotes(quotes: &mut Vec<Quote>) {
    let order = crate::order::order_by(quotes.len(), |i| {
        (quotes[i].span.start, usize::MAX - quotes[i].span.end, 0)
    });
    let mut new_index = vec![0; quotes.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut sorted: Vec<Quote> = order.iter().map(|&i| quotes[i].clone()).collect();
    for q in &mut sorted {
        q.group = new_index[q.group];
    }
    *quotes = sorted;
}
