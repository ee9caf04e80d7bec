//! The analysed document as every stage sees it: the text, its segmentation and the cues
//! found in one pass, with the look-ups the stages share.

use crate::lexicon::{ascii_lower, lowercase, CueKind, Lexicon, ShortName, Word};
use crate::segment::{Segmented, Token, TokenKind};
use crate::span::Span;
use std::cell::{OnceCell, RefCell};

/// A reporting cue found in the text ("said", "according to").
///
/// ```
/// use whosaid::doc::Doc;
/// use whosaid::lexicon::{CueKind, Lexicon};
///
/// let text = "Ruiz said in a statement that the vote was fair.";
/// let doc = Doc::new(text, Lexicon::get());
/// let cue = doc.cues[0];
/// assert_eq!(doc.str(cue.span), "said in a statement"); // the adjunct joins its verb
/// assert_eq!(doc.lexicon.cue_lemma(cue.lemma), "say");
/// assert_eq!(cue.kind, CueKind::Verb);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// Where it is.
    pub span: Span,
    /// Index of its lemma in the lexicon.
    pub lemma: usize,
    /// Verb, preposition, adjunct or attitude.
    pub kind: CueKind,
}

impl Cue {
    /// True for cues that report words said or written: verbs and "according to" (not
    /// adjuncts alone, not verbs of thinking).
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let text = "Aides who expect a vote said, according to Ruiz, that it would pass.";
    /// let doc = Doc::new(text, Lexicon::get());
    /// let cues: Vec<(&str, bool)> =
    ///     doc.cues.iter().map(|c| (doc.str(c.span), c.reports_words())).collect();
    /// assert_eq!(cues, [("expect", false), ("said", true), ("according to", true)]);
    /// ```
    pub fn reports_words(&self) -> bool {
        matches!(self.kind, CueKind::Verb | CueKind::Preposition)
    }
}

/// The text with its segmentation and cues: what every stage after segmenting reads.
///
/// ```
/// use whosaid::doc::Doc;
/// use whosaid::lexicon::Lexicon;
///
/// let text = "\"The count was fair,\" Ruiz said. Critics disagreed.";
/// let doc = Doc::new(text, Lexicon::get());
/// assert_eq!(doc.text, text);
/// assert_eq!(doc.seg.sentences.len(), 2);
/// let cues: Vec<&str> = doc.cues.iter().map(|c| doc.str(c.span)).collect();
/// assert_eq!(cues, ["said", "disagreed"]);
/// assert!(doc.quoted.is_empty()); // set by the pipeline once the marks are paired
/// ```
#[derive(Debug)]
pub struct Doc<'t> {
    /// The text being analysed.
    pub text: &'t str,
    /// Paragraphs, sentences, tokens.
    pub seg: Segmented,
    /// The text of each token, sliced once: the rules read tokens' texts far more often than
    /// there are tokens, and each slicing checks its ends.
    words: Vec<&'t str>,
    /// Every cue, in order.
    pub cues: Vec<Cue>,
    /// The word lists.
    pub lexicon: &'static Lexicon,
    /// Every quotation span (speech or not), sorted; set once the marks are paired.
    pub quoted: Vec<Span>,
    /// Counts for the search around each quotation, built on first use (after the cues
    /// inside quotations are dropped, when the cues no longer change).
    nearby: OnceCell<Nearby>,
    /// For each token, one more than the index of the cue that starts at it (0: none),
    /// built on first use: the rules ask for the cue at a token far more often than there
    /// are tokens (every token of a clause, for every cue).
    cue_starts: OnceCell<Vec<u32>>,
    /// For each token, one more than the first token from it on, in its sentence, where a
    /// reported clause ends (0: not looked up yet): see [`Doc::next_clause_boundary`].
    clause_boundaries: RefCell<Vec<u32>>,
    /// Whether most quotations open with a double mark (`"`, `“`, `''`), built on first use.
    double_style: OnceCell<bool>,
}

/// Where the speech nouns, relative pronouns and saying cues are, so that asking whether a
/// stretch of text holds one costs a search among them, not a walk over the stretch: the
/// search around every quotation of a long "sentence" (a list, a table, JSON) would
/// otherwise cost time quadratic in its length.
#[derive(Debug)]
struct Nearby {
    /// The tokens that are speech nouns ("statement", "remarks"), in order.
    speech_nouns: Vec<usize>,
    /// The tokens that are relative pronouns ("that", "which", "who", "whom", "whose").
    relatives: Vec<usize>,
    /// `saying[k]`: how many of the cues before cue `k` are not attitudes.
    saying: Vec<usize>,
}

impl<'t> Doc<'t> {
    /// Segments `text` and finds its cues.
    ///
    /// A cue form that is also a noun counts only where it reads as a verb, and a
    /// capitalised one only where the sentence's capitals do not make it a name.
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let text = "The talks ended. Ruiz talks to Daily Reports on Monday.";
    /// let doc = Doc::new(text, Lexicon::get());
    /// let cues: Vec<&str> = doc.cues.iter().map(|c| doc.str(c.span)).collect();
    /// assert_eq!(cues, ["talks"]); // the verb, not the noun or the name
    /// assert_eq!(doc.cues[0].span.start, 22);
    /// ```
    pub fn new(text: &'t str, lexicon: &'static Lexicon) -> Doc<'t> {
        let seg = Segmented::new(text, lexicon);
        let mut cues: Vec<Cue> = Vec::new();
        for (s, e, lemma, noun_too) in lexicon.find_cues(text) {
            let kind = lexicon.cue_kind(lemma);
            let span = Span::new(s, e);
            // A cue is a word of its own: it starts a token. The cue finder splits words at
            // periods and apostrophes that the tokenizer keeps inside a word ("d.speak",
            // "ma'said"); such a match is part of a longer word, and the token lookups below
            // would point past it (past the last token at the end of the text).
            if seg
                .tokens
                .get(seg.token_at_or_after(s))
                .map(|t| t.span.start)
                != Some(s)
            {
                continue;
            }
            let word = &text[s..e];
            let verbal = matches!(kind, CueKind::Verb | CueKind::Attitude);
            if verbal && noun_too && !reads_as_verb(text, &seg, span) {
                continue; // "the talks", "his claims", "U.N. climate talks"
            }
            let base = word.eq_ignore_ascii_case(lexicon.cue_lemma(lemma));
            let gerund = word.ends_with("ing");
            let i = seg.token_at_or_after(s);
            // ("a written statement": irregular participles in -en too)
            let participle = word.ends_with("ed") || word.ends_with("en");
            // ("to maintain" after a noun form only: "a return to power"; a verb that is no
            // noun after "to" is an infinitive, "are quick to point out that …")
            if verbal
                && base
                && used_as_noun(text, &seg, span, noun_too)
                && !after_to(text, &seg, i)
                && !after_quotation_and_subject(text, &seg, i)
                || verbal && (gerund || participle) && i > 0 && after_determiner(text, &seg, i)
                || verbal && participle && i > 0 && {
                    let p = seg.tokens[i - 1].span.text(text);
                    p.ends_with("'s") || p.ends_with("\u{2019}s")
                }
            {
                continue; // "to maintain", "the said", "a declining role"
            }
            if verbal && noun_too && word.chars().next().is_some_and(char::is_uppercase) {
                continue; // "A Curious Plan" in a headline
            }
            if capitalised_inside_sentence(&seg, span, word) {
                continue; // "the United States", "Daily Reports"
            }
            // "said in a statement", "wrote on Twitter": the adjunct joins its verb's cue.
            if let Some(prev) = cues.last_mut() {
                let between = &text[prev.span.end..s];
                if kind == CueKind::Adjunct
                    && matches!(prev.kind, CueKind::Verb | CueKind::Attitude)
                    && between.chars().all(crate::segment::is_space)
                {
                    prev.span.end = e;
                    continue;
                }
            }
            cues.push(Cue { span, lemma, kind });
        }
        let words = seg.tokens.iter().map(|t| t.span.text(text)).collect();
        Doc {
            text,
            words,
            seg,
            cues,
            lexicon,
            quoted: Vec::new(),
            nearby: OnceCell::new(),
            cue_starts: OnceCell::new(),
            clause_boundaries: RefCell::new(Vec::new()),
            double_style: OnceCell::new(),
        }
    }

    fn nearby(&self) -> &Nearby {
        self.nearby.get_or_init(|| {
            let mut speech_nouns = Vec::new();
            let mut relatives = Vec::new();
            for (i, w) in self.words.iter().enumerate() {
                if matches!(*w, "that" | "which" | "who" | "whom" | "whose") {
                    relatives.push(i);
                } else if self.is_word(i)
                    && self
                        .lexicon
                        .is_speech_noun(&lowercase(w, &mut ShortName::new()))
                {
                    speech_nouns.push(i);
                }
            }
            let mut saying = Vec::with_capacity(self.cues.len() + 1);
            let mut count = 0;
            for c in &self.cues {
                saying.push(count);
                count += usize::from(c.kind != CueKind::Attitude);
            }
            saying.push(count);
            Nearby {
                speech_nouns,
                relatives,
                saying,
            }
        })
    }

    /// How many word tokens among tokens `a..b` are speech nouns ("statement", "remarks").
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let text = "Ruiz said in a statement that the nurses' union would discuss the plan, \
    ///             which \"changes nothing,\" she added.";
    /// let doc = Doc::new(text, Lexicon::get());
    /// assert_eq!(doc.tok(4), "statement");
    /// assert_eq!(doc.speech_nouns_in(0, doc.words().len()), 1);
    /// assert_eq!(doc.speech_nouns_in(5, doc.words().len()), 0);
    /// ```
    pub fn speech_nouns_in(&self, a: usize, b: usize) -> usize {
        let at = &self.nearby().speech_nouns;
        at.partition_point(|&i| i < b)
            .saturating_sub(at.partition_point(|&i| i < a))
    }

    /// The first token among tokens `a..b` that is a relative pronoun ("that", "which",
    /// "who", "whom", "whose").
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let text = "Ruiz said in a statement that the nurses' union would discuss the plan, \
    ///             which \"changes nothing,\" she added.";
    /// let doc = Doc::new(text, Lexicon::get());
    /// let end = doc.words().len();
    /// assert_eq!(doc.relative_in(0, end), Some(5)); // "that"
    /// assert_eq!(doc.relative_in(6, end).map(|k| doc.tok(k)), Some("which"));
    /// assert_eq!(doc.relative_in(16, end), None);
    /// ```
    pub fn relative_in(&self, a: usize, b: usize) -> Option<usize> {
        let at = &self.nearby().relatives;
        at.get(at.partition_point(|&i| i < a))
            .copied()
            .filter(|&i| i < b)
    }

    /// True when a cue inside `span` reports words or is an adjunct: any cue but an
    /// attitude.
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    /// use whosaid::Span;
    ///
    /// let text = "Aides expect a vote. Ruiz said so.";
    /// let doc = Doc::new(text, Lexicon::get());
    /// assert!(!doc.saying_cue_in(Span::new(0, 20))); // "expect": an attitude
    /// assert!(doc.saying_cue_in(Span::new(21, 34)));
    /// ```
    pub fn saying_cue_in(&self, span: Span) -> bool {
        let range = self.cue_range(span);
        let counts = &self.nearby().saying;
        counts[range.end] > counts[range.start]
    }

    /// Drops the cues inside closed quotations: words said inside a quote ("I don't think
    /// so") do not attribute anything around it. Unclosed quotes keep theirs, since a
    /// missing closing mark may have swallowed the attribution.
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    /// use whosaid::Span;
    ///
    /// let text = "\"I said no,\" Ruiz said.";
    /// let mut doc = Doc::new(text, Lexicon::get());
    /// assert_eq!(doc.cues.len(), 2);
    /// doc.drop_cues_inside(&[Span::new(0, 12)]);
    /// assert_eq!(doc.cues.len(), 1);
    /// assert_eq!(doc.cues[0].span.start, 18); // Ruiz's "said"
    /// ```
    pub fn drop_cues_inside(&mut self, quotes: &[Span]) {
        let mut k = 0;
        self.cues.retain(|c| {
            while k < quotes.len() && quotes[k].end <= c.span.start {
                k += 1;
            }
            !quotes.get(k).is_some_and(|q| q.contains(c.span))
        });
        // (what was built from the cues is built again from those left)
        self.nearby = OnceCell::new();
        self.cue_starts = OnceCell::new();
        self.clause_boundaries = RefCell::new(Vec::new());
    }

    /// True when byte `pos` lies inside a quotation (marks excluded).
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    /// use whosaid::{marks, quotes, Span};
    ///
    /// let text = "Ruiz said in a statement that the nurses' union would discuss the plan, \
    ///             which \"changes nothing,\" she added.";
    /// let mut doc = Doc::new(text, Lexicon::get());
    /// let spans: Vec<Span> =
    ///     quotes::pair(text, &doc.seg, &marks::classify(text)).iter().map(|q| q.span).collect();
    /// doc.quoted = spans; // as the pipeline sets it
    /// let quote = doc.quoted[0];
    /// assert_eq!(doc.str(quote), "\"changes nothing,\"");
    /// assert!(doc.inside_quote(quote.start + 1));
    /// assert!(!doc.inside_quote(quote.start)); // the opening mark
    /// assert!(!doc.inside_quote(0));
    /// ```
    pub fn inside_quote(&self, pos: usize) -> bool {
        let k = self.quoted.partition_point(|q| q.end <= pos);
        self.quoted
            .get(k)
            .is_some_and(|q| q.start < pos && pos < q.end)
    }

    /// Whether the cue's verb follows a modal or an infinitive "to" (`would discuss`, `plans to
    /// announce`): a saying not (yet) done.
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let text = "Ruiz said in a statement that the nurses' union would discuss the plan, \
    ///             which \"changes nothing,\" she added.";
    /// let doc = Doc::new(text, Lexicon::get());
    /// let unrealised: Vec<(&str, bool)> =
    ///     doc.cues.iter().map(|&c| (doc.str(c.span), doc.unrealised(c))).collect();
    /// assert_eq!(
    ///     unrealised,
    ///     [("said in a statement", false), ("discuss", true), ("added", false)]
    /// );
    /// ```
    pub fn unrealised(&self, cue: Cue) -> bool {
        let k = self.token_after(cue.span.start);
        let before = |n: usize, words: &dyn Fn(&str) -> bool| {
            k >= n && words(&ascii_lower(self.tok(k - n), &mut Word::new()))
        };
        let modal = |w: &str| {
            matches!(
                w,
                "to" | "will" | "would" | "could" | "can" | "should" | "may" | "might" | "must"
            )
        };
        // "would discuss", "would not discuss", "will soon announce"
        before(1, &modal)
            || before(2, &modal) && before(1, &|w| matches!(w, "not" | "never" | "soon" | "also"))
    }

    /// True when token `i` is the apostrophe of a plural possessive (`the nurses' union`):
    /// glued to a word ending in "s", followed by a space, and closing no quotation.
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    /// use whosaid::{marks, quotes, Span};
    ///
    /// let text = "Ruiz said in a statement that the nurses' union would discuss the plan, \
    ///             which \"changes nothing,\" she added.";
    /// let mut doc = Doc::new(text, Lexicon::get());
    /// let spans: Vec<Span> =
    ///     quotes::pair(text, &doc.seg, &marks::classify(text)).iter().map(|q| q.span).collect();
    /// doc.quoted = spans; // as the pipeline sets it
    /// assert_eq!(&doc.words()[7..10], ["nurses", "'", "union"]);
    /// assert!(doc.is_plural_possessive(8));
    /// assert!(!doc.is_plural_possessive(16)); // the opening quote mark
    /// ```
    pub fn is_plural_possessive(&self, i: usize) -> bool {
        let t = self.seg.tokens[i];
        if !matches!(self.tok(i), "'" | "\u{2019}") || i == 0 || i + 1 >= self.seg.tokens.len() {
            return false;
        }
        let before = self.seg.tokens[i - 1];
        let after = self.seg.tokens[i + 1];
        before.kind == TokenKind::Word
            && before.span.end == t.span.start
            && self.tok(i - 1).ends_with(['s', 'S'])
            && after.kind == TokenKind::Word
            && after.span.start > t.span.end
            && !self.closes_quotation(t.span.start)
    }

    /// True when a quotation ends at byte `pos` (its closing mark starts there).
    fn closes_quotation(&self, pos: usize) -> bool {
        // `quoted` is sorted by start; a quotation ending at `pos` starts before it, and
        // the few nested ones are found by walking back over those that contain `pos`.
        let k = self.quoted.partition_point(|q| q.start < pos);
        self.quoted[..k]
            .iter()
            .rev()
            .take_while(|q| q.end >= pos)
            .any(|q| q.end == pos)
    }

    /// Whether a quotation opening at `pos` opens with a single mark (`'`, `‘`; not `''`).
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let text = "'Ready,' she said. ''Set,'' he said.";
    /// let doc = Doc::new(text, Lexicon::get());
    /// assert!(doc.opens_single(0));
    /// assert!(!doc.opens_single(19)); // `''`: a double mark
    /// ```
    pub fn opens_single(&self, pos: usize) -> bool {
        let rest = &self.text[pos..];
        (rest.starts_with('\'') && !rest.starts_with("''")) || rest.starts_with('\u{2018}')
    }

    /// Whether the text's quotations mostly open with double marks (American style): a
    /// quotation in single marks is then a heading's or a quotation inside another.
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    /// use whosaid::{marks, quotes, Span};
    ///
    /// let text = "Ruiz said in a statement that the nurses' union would discuss the plan, \
    ///             which \"changes nothing,\" she added.";
    /// let mut doc = Doc::new(text, Lexicon::get());
    /// let spans: Vec<Span> =
    ///     quotes::pair(text, &doc.seg, &marks::classify(text)).iter().map(|q| q.span).collect();
    /// doc.quoted = spans; // as the pipeline sets it
    /// assert!(doc.double_style());
    /// ```
    pub fn double_style(&self) -> bool {
        *self.double_style.get_or_init(|| {
            let single = self
                .quoted
                .iter()
                .filter(|q| self.opens_single(q.start))
                .count();
            single * 2 < self.quoted.len()
        })
    }

    /// Whether a comma stands right before token `k`, or right before the closing quote mark
    /// there (`described it as a "breach," adding: …`: the comma the American style sets
    /// inside the quotation ends the clause before the participle).
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let text = "Ruiz said in a statement that the nurses' union would discuss the plan, \
    ///             which \"changes nothing,\" she added.";
    /// let doc = Doc::new(text, Lexicon::get());
    /// assert!(doc.after_comma(15)); // "which", after "plan,"
    /// assert!(doc.after_comma(21)); // "she", after `nothing,"`
    /// assert!(!doc.after_comma(1));
    /// ```
    pub fn after_comma(&self, k: usize) -> bool {
        k > 0
            && (self.tok(k - 1) == ","
                || k > 1
                    && matches!(self.tok(k - 1), "\"" | "\u{201D}" | "\u{2019}" | "'")
                    && self.tok(k - 2) == ",")
    }

    /// Whether the verb of the cue at `span` is in -ing ("saying", "calling for"): its first
    /// word, as a cue of several words ends in another.
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let text = "Ruiz left, saying in a statement that she was tired. She said so.";
    /// let doc = Doc::new(text, Lexicon::get());
    /// let ing: Vec<bool> = doc.cues.iter().map(|c| doc.cue_in_ing(c.span)).collect();
    /// assert_eq!(ing, [true, false]);
    /// ```
    pub fn cue_in_ing(&self, span: Span) -> bool {
        self.str(span)
            .split(' ')
            .next()
            .is_some_and(|v| v.ends_with("ing"))
    }

    /// The text of a span.
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let text = "Ruiz said in a statement that the nurses' union would discuss the plan, \
    ///             which \"changes nothing,\" she added.";
    /// let doc = Doc::new(text, Lexicon::get());
    /// assert_eq!(doc.str(doc.cues[0].span), "said in a statement");
    /// ```
    #[inline(always)]
    pub fn str(&self, span: Span) -> &'t str {
        &self.text[span.start..span.end]
    }

    /// The texts of all tokens, in order.
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let text = "Ruiz said in a statement that the nurses' union would discuss the plan, \
    ///             which \"changes nothing,\" she added.";
    /// let doc = Doc::new(text, Lexicon::get());
    /// assert_eq!(&doc.words()[..5], ["Ruiz", "said", "in", "a", "statement"]);
    /// assert_eq!(doc.words().len(), doc.seg.tokens.len());
    /// ```
    pub fn words(&self) -> &[&'t str] {
        &self.words
    }

    /// The text of token `i`.
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let text = "Ruiz said in a statement that the nurses' union would discuss the plan, \
    ///             which \"changes nothing,\" she added.";
    /// let doc = Doc::new(text, Lexicon::get());
    /// assert_eq!(doc.tok(0), "Ruiz");
    /// ```
    #[inline(always)]
    pub fn tok(&self, i: usize) -> &'t str {
        self.words[i]
    }

    /// Token `i`.
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let text = "Ruiz said in a statement that the nurses' union would discuss the plan, \
    ///             which \"changes nothing,\" she added.";
    /// let doc = Doc::new(text, Lexicon::get());
    /// assert_eq!(doc.token(1).span, whosaid::Span::new(5, 9)); // "said"
    /// ```
    #[inline(always)]
    pub fn token(&self, i: usize) -> Token {
        self.seg.tokens[i]
    }

    /// True when token `i` is a word.
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let text = "Ruiz said in a statement that the nurses' union would discuss the plan, \
    ///             which \"changes nothing,\" she added.";
    /// let doc = Doc::new(text, Lexicon::get());
    /// assert!(doc.is_word(0));
    /// assert!(!doc.is_word(14)); // ","
    /// ```
    #[inline(always)]
    pub fn is_word(&self, i: usize) -> bool {
        self.seg.tokens[i].kind == TokenKind::Word
    }

    /// The cues that lie inside `span`, in order.
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let text = "Ruiz said in a statement that the nurses' union would discuss the plan, \
    ///             which \"changes nothing,\" she added.";
    /// let doc = Doc::new(text, Lexicon::get());
    /// let first_clause = whosaid::Span::new(0, 70); // up to "plan"
    /// let cues: Vec<&str> = doc.cues_in(first_clause).iter().map(|c| doc.str(c.span)).collect();
    /// assert_eq!(cues, ["said in a statement", "discuss"]);
    /// ```
    pub fn cues_in(&self, span: Span) -> &[Cue] {
        &self.cues[self.cue_range(span)]
    }

    /// The indices of the cues that lie inside `span`.
    fn cue_range(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.cues.partition_point(|c| c.span.start < span.start);
        let b = self.cues.partition_point(|c| c.span.start < span.end);
        let b = b.max(a);
        let mut b2 = b;
        while b2 > a && self.cues[b2 - 1].span.end > span.end {
            b2 -= 1;
        }
        a..b2
    }

    /// The first token among `from..end` (`end`: its sentence's end) for which `boundary`
    /// holds, else `end`, where `boundary` depends on the token alone: the answer is kept
    /// for every token read, so that each token of a text is read once however many
    /// searches pass over it. Every caller must pass the same `boundary` (one per
    /// document: the end of a reported clause, `reported::clause_end`).
    pub(crate) fn next_clause_boundary(
        &self,
        from: usize,
        end: usize,
        boundary: impl Fn(usize) -> bool,
    ) -> usize {
        let tokens = self.seg.tokens.len();
        let search = |from: usize| (from..end).find(|&k| boundary(k)).unwrap_or(end);
        if tokens >= u32::MAX as usize || from >= end {
            return search(from);
        }
        let mut memo = self.clause_boundaries.borrow_mut();
        if memo.is_empty() {
            memo.resize(tokens, 0);
        }
        if let Some(&known) = memo.get(from).filter(|&&k| k > 0) {
            return known as usize - 1;
        }
        // walk on to the first boundary (or the sentence end), stopping early at a token
        // already answered, and answer every token passed
        let mut k = from;
        let found = loop {
            if k >= end {
                break end;
            }
            if memo[k] > 0 {
                break memo[k] as usize - 1;
            }
            if boundary(k) {
                break k;
            }
            k += 1;
        };
        for slot in &mut memo[from..k.min(end)] {
            *slot = found as u32 + 1;
        }
        if k < end && found == k {
            memo[k] = found as u32 + 1;
        }
        found
    }

    /// The cue that starts exactly at token `i`, if any.
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let text = "Ruiz said in a statement that the nurses' union would discuss the plan, \
    ///             which \"changes nothing,\" she added.";
    /// let doc = Doc::new(text, Lexicon::get());
    /// assert_eq!(doc.cue_at_token(1), Some(doc.cues[0])); // "said in a statement"
    /// assert_eq!(doc.cue_at_token(2), None); // "in": inside it
    /// ```
    pub fn cue_at_token(&self, i: usize) -> Option<Cue> {
        let start = self.seg.tokens[i].span.start;
        if self.cues.len() >= u32::MAX as usize {
            // (four billion cues: never in a text that fits in memory; searched for)
            let k = self.cues.partition_point(|c| c.span.start < start);
            return self.cues.get(k).copied().filter(|c| c.span.start == start);
        }
        let starts = self.cue_starts.get_or_init(|| {
            let mut starts = vec![0u32; self.seg.tokens.len()];
            for (k, c) in self.cues.iter().enumerate() {
                let j = self.seg.token_at_or_after(c.span.start);
                if let Some(slot) = starts.get_mut(j).filter(|s| **s == 0) {
                    if self.seg.tokens[j].span.start == c.span.start {
                        *slot = k as u32 + 1;
                    }
                }
            }
            starts
        });
        let k = *starts.get(i)? as usize;
        k.checked_sub(1).map(|k| self.cues[k])
    }

    /// Index of the first token starting at or after byte `pos`.
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let text = "Ruiz said in a statement that the nurses' union would discuss the plan, \
    ///             which \"changes nothing,\" she added.";
    /// let doc = Doc::new(text, Lexicon::get());
    /// assert_eq!(doc.token_after(5), 1); // "said" starts at byte 5
    /// assert_eq!(doc.token_after(6), 2); // inside it: the next token
    /// ```
    pub fn token_after(&self, pos: usize) -> usize {
        self.seg.token_at_or_after(pos)
    }

    /// Index one past the last token ending at or before byte `pos`.
    ///
    /// ```
    /// use whosaid::doc::Doc;
    /// use whosaid::lexicon::Lexicon;
    ///
    /// let text = "Ruiz said in a statement that the nurses' union would discuss the plan, \
    ///             which \"changes nothing,\" she added.";
    /// let doc = Doc::new(text, Lexicon::get());
    /// assert_eq!(doc.token_before(9), 2); // "Ruiz" and "said" end by byte 9
    /// assert_eq!(doc.token_before(8), 1); // inside "said"
    /// ```
    pub fn token_before(&self, pos: usize) -> usize {
        self.seg.token_ending_by(pos)
    }
}

/// A cue that can be a noun ("talks", "claim"), right after a determiner, possessive or preposition is a noun: "the
/// talks", "his claims", "of reports".
fn used_as_noun(text: &str, seg: &Segmented, span: Span, noun_too: bool) -> bool {
    let i = seg.token_at_or_after(span.start);
    let Some(prev) = i.checked_sub(1).map(|k| seg.tokens[k]) else {
        return false;
    };
    if prev.kind != TokenKind::Word || seg.tokens[i].sentence() != prev.sentence() {
        return false;
    }
    let prev_text = prev.span.text(text);
    if prev_text.ends_with("'s") || prev_text.ends_with("\u{2019}s") || prev_text == "s" {
        return true; // "Trump's claims", "the president s remarks" (a damaged apostrophe)
    }
    // "a controversial comment", "his state-of-the-state address": determiner, adjective, noun.
    let det_before = i >= 2 && {
        let pp = seg.tokens[i - 2];
        pp.sentence() == prev.sentence()
            && matches!(
                &*ascii_lower(pp.span.text(text), &mut Word::new()),
                "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our" | "this" | "that"
            )
    };
    // (not "His aides say": a plural noun before a verb is its subject; nor "with the paper
    // reporting …": an absolute clause, its participle a verb)
    let plural = prev_text.ends_with('s') && !prev_text.ends_with("ss");
    let absolute = i >= 3
        && seg.tokens[i - 3]
            .span
            .text(text)
            .eq_ignore_ascii_case("with")
        && span.text(text).ends_with("ing");
    // (a verb that is no noun reads so only after an adjective, "the final say"; after a
    // noun it agrees with a subject further back: "sources close to the mayor say")
    let adjective = [
        "al", "ive", "ous", "ful", "ic", "able", "ible", "est", "ing",
    ]
    .iter()
    .any(|e| prev_text.ends_with(e))
        || matches!(
            prev_text,
            "last" | "first" | "only" | "big" | "real" | "own" | "same"
        );
    if det_before
        && !plural
        && !absolute
        && (noun_too || adjective)
        && prev_text.chars().all(|c| c.is_lowercase() || c == '-')
    {
        return true;
    }
    crate::segment::is_possessive(prev_text)
        || matches!(
            &*ascii_lower(prev_text, &mut Word::new()),
            "the"
                | "a"
                | "an"
                | "these"
                | "those"
                | "this"
                | "of"
                | "in"
                | "for"
                | "about"
                | "peace"
                | "new"
                | "any"
                | "no"
                | "such"
                | "after"
                | "amid"
                | "during"
                | "to"
                | "one"
                | "each"
                | "every"
                | "some"
        )
}

/// Whether token `i` is an infinitive after "to" whose subject is the governing
/// predicate's (`continued to assert`, `are quick to point out`; see [`crate::control`]).
fn after_to(text: &str, seg: &Segmented, i: usize) -> bool {
    let sentence = seg.tokens[i].sentence();
    let word = |k: usize| {
        let t = seg.tokens.get(k)?;
        (t.sentence() == sentence && t.kind == TokenKind::Word).then(|| t.span.text(text))
    };
    crate::control::governor(word, i).is_some()
}

/// "the", "a", "an", with a capital or not.
fn is_article(w: &str) -> bool {
    matches!(w, "the" | "a" | "an" | "The" | "A" | "An")
}

/// `"…," the email read`: token `i` follows a short subject with its article ("the email",
/// "the group's statement") right after a quotation closed with a comma (not a quotation
/// that runs on into its sentence: "'important to handle' the associate's request").
fn after_quotation_and_subject(text: &str, seg: &Segmented, i: usize) -> bool {
    let tok = |k: usize| seg.tokens[k].span.text(text);
    // (the comma inside the closing mark, or after it)
    let comma_closes = |d: usize| {
        d >= 2
            && (crate::phrases::is_quote_mark(tok(d - 1)) && tok(d - 2) == ","
                || tok(d - 1) == "," && crate::phrases::is_quote_mark(tok(d - 2)))
    };
    (1..=3)
        .filter_map(|n| i.checked_sub(n + 1))
        .find(|&d| is_article(tok(d)))
        .is_some_and(comma_closes)
}

/// A verb is not capitalised inside a sentence, except in a headline.
fn capitalised_inside_sentence(seg: &Segmented, span: Span, word: &str) -> bool {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let i = seg.token_at_or_after(span.start);
    let sentence = seg.tokens[i].sentence();
    let s = seg.sentences[sentence];
    s.first_token != i && s.paragraph != 0
}

/// Whether a form that is also a noun ("talks", "claims", "report") is used as a verb here:
/// after a pronoun, a name, a plural subject, an auxiliary or an adverb, or before an
/// object ("calls the plan"), "that", a colon, a comma or a quote mark.
fn reads_as_verb(text: &str, seg: &Segmented, span: Span) -> bool {
    let i = seg.token_at_or_after(span.start);
    let end = seg.token_at_or_after(span.end);
    let sentence = seg.tokens[i].sentence();
    let Some(prev) = i.checked_sub(1).map(|k| seg.tokens[k]) else {
        return false;
    };
    let next = seg
        .tokens
        .get(end)
        .filter(|t| t.sentence() == sentence)
        .map(|t| t.span.text(text));
    // "plans to release", "hopes to": a third person's verb before an infinitive
    let word = span.text(text);
    let before_infinitive = next == Some("to") && word.ends_with('s') && !word.ends_with("ss");
    // "Indiana Gov. Mike Pence, plans to …": the comma closing an apposition
    if before_infinitive && prev.sentence() == sentence && prev.span.text(text) == "," {
        return true;
    }
    if prev.kind != TokenKind::Word || prev.sentence() != sentence {
        // ("…," read the statement: after the quotation, the inverted verb and its subject)
        return crate::phrases::is_quote_mark(prev.span.text(text)) && next.is_some_and(is_article);
    }
    // "calls the plan", "told him": an object after it
    let object = next.is_some_and(|n| {
        is_article(n)
            || matches!(
                &*ascii_lower(n, &mut Word::new()),
                "his" | "her" | "their" | "its" | "him" | "them" | "this" | "for"
            )
    });
    if object {
        return true;
    }
    // ("…," the email read.: a quotation, then the subject and the verb ending the sentence)
    if next.is_none_or(|n| matches!(n, "." | ",")) && after_quotation_and_subject(text, seg, i) {
        return true;
    }
    if used_as_noun(text, seg, span, true) {
        // "the reasons that …", "his claims"; but "continued to note": the base form after
        // a governed "to" is an infinitive
        return after_to(text, seg, i) && !word.ends_with('s');
    }
    if before_infinitive {
        return true; // "The campaign plans to …"
    }
    if next.is_some_and(|n| matches!(n, "that" | ":" | "\"" | "\u{201C}" | "\u{2018}" | "'")) {
        return true;
    }
    // "in four Super Tuesday states, according to …": after a name, a comma right after it
    // (with no quotation opening after the comma, "Smith states, "…"") ends a noun phrase
    let before_a_comma = next == Some(",")
        && !seg.tokens.get(end + 1).is_some_and(|t| {
            matches!(
                t.span.text(text),
                "\"" | "\u{201C}" | "\u{2018}" | "'" | "``"
            )
        });
    let p = prev.span.text(text);
    let mut buf = Word::new();
    let lower = &*ascii_lower(p, &mut buf);
    matches!(
        lower,
        "he" | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "you"
            | "who"
            | "which"
            | "that"
            | "will"
            | "would"
            | "did"
            | "does"
            | "do"
            | "also"
            | "often"
            | "never"
            | "not"
            | "then"
            | "later"
            | "repeatedly"
            | "has"
            | "have"
            | "had"
            | "may"
            | "might"
            | "could"
            | "should"
            | "must"
            | "can"
            | "again"
    ) || lower.ends_with("ly")
        || (p.chars().next().is_some_and(char::is_uppercase)
            && !after_determiner(text, seg, i - 1)
            && !after_preposition(text, seg, i - 1)
            && !before_a_comma
            && !base_after_a_name(text, seg, i))
        || (lower.ends_with('s') && !lower.ends_with("ss"))
}

/// "Oklahoma state senator", "the Trump support base": a verb's base form does not agree
/// with one name before it (a name takes "states", "supports"), so the word is a noun; two
/// names joined, or a plural, take it ("Trump and Cruz say", "Democrats claim").
fn base_after_a_name(text: &str, seg: &Segmented, i: usize) -> bool {
    let tok = |k: usize| seg.tokens[k].span.text(text);
    let word = tok(i);
    let name = tok(i - 1);
    let base = !word.ends_with('s') && !word.ends_with("ed") && !word.ends_with("ing");
    // (not a plural quantifier, "Many fear", nor a day between the subject and its verb,
    // "voters in five states Tuesday support")
    let singular = (!name.ends_with('s') || name.ends_with("ss"))
        && !matches!(
            name,
            "Many" | "Most" | "Some" | "Few" | "Both" | "All" | "Others"
        )
        && !crate::phrases::is_weekday_or_time(name);
    let joined = (i.saturating_sub(4)..i - 1).any(|k| matches!(tok(k), "and" | "&" | "or"));
    base && singular && !joined
}

/// True when token `i` follows a preposition or a number: "32% of Republican claims".
fn after_preposition(text: &str, seg: &Segmented, i: usize) -> bool {
    i.checked_sub(1).is_some_and(|k| {
        let t = seg.tokens[k].span.text(text);
        seg.tokens[k].sentence() == seg.tokens[i].sentence()
            && (matches!(t, "of" | "in" | "on" | "for" | "by" | "with" | "from" | "%")
                || t.chars().all(|c| c.is_ascii_digit() || c == ','))
    })
}

/// True when token `i` follows a determiner: "the McKinley plan".
fn after_determiner(text: &str, seg: &Segmented, i: usize) -> bool {
    i.checked_sub(1).is_some_and(|k| {
        seg.tokens[k].sentence() == seg.tokens[i].sentence()
            && matches!(
                &*ascii_lower(seg.tokens[k].span.text(text), &mut Word::new()),
                "the" | "a" | "an" | "this" | "that" | "his" | "her" | "its" | "their"
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_clause_boundary_answers_as_a_search_whatever_the_order_of_the_questions() {
        let text = "a b ; c d e ; f g h i ; j";
        let boundary = |doc: &Doc, k: usize| doc.tok(k) == ";";
        let n = Doc::new(text, Lexicon::get()).seg.tokens.len();
        let search = |doc: &Doc, from: usize, end: usize| {
            (from..end).find(|&k| boundary(doc, k)).unwrap_or(end)
        };
        for order in [
            (0..n).collect::<Vec<_>>(),
            (0..n).rev().collect(),
            vec![5, 0, 9, 2, 12, 1, 7],
        ] {
            let doc = Doc::new(text, Lexicon::get());
            for &from in &order {
                for end in [n, n - 2] {
                    let want = search(&doc, from, end);
                    assert_eq!(
                        doc.next_clause_boundary(from, n, |k| boundary(&doc, k))
                            .min(end),
                        want
                    );
                }
            }
        }
    }
}
