//! The analysed document as every stage sees it: the text, its segmentation and the cues
//! found in one pass, with the look-ups the stages share.

use crate::lexicon::Lexicon;
use crate::segment::{Segmented, Token, TokenKind};
use crate::span::Span;

/// A reporting cue found in the text ("said", "according to").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// Where it is.
    pub span: Span,
    /// Index of its lemma in the lexicon.
    pub lemma: usize,
}

/// The text with its segmentation and cues.
#[derive(Debug)]
pub struct Doc<'t> {
    /// The text being analysed.
    pub text: &'t str,
    /// Paragraphs, sentences, tokens.
    pub seg: Segmented,
    /// Every cue, in order.
    pub cues: Vec<Cue>,
    /// The word lists.
    pub lexicon: &'static Lexicon,
}

impl<'t> Doc<'t> {
    /// Segments `text` and finds its cues.
    pub fn new(text: &'t str, lexicon: &'static Lexicon) -> Doc<'t> {
        let seg = Segmented::new(text, lexicon);
        let cues = lexicon
            .find_cues(text)
            .into_iter()
            .map(|(s, e, lemma)| Cue {
                span: Span::new(s, e),
                lemma,
            })
            .collect();
        Doc {
            text,
            seg,
            cues,
            lexicon,
        }
    }

    /// The text of a span.
    pub fn str(&self, span: Span) -> &'t str {
        &self.text[span.start..span.end]
    }

    /// The text of token `i`.
    pub fn tok(&self, i: usize) -> &'t str {
        self.str(self.seg.tokens[i].span)
    }

    /// Token `i`.
    pub fn token(&self, i: usize) -> Token {
        self.seg.tokens[i]
    }

    /// True when token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.seg.tokens[i].kind == TokenKind::Word
    }

    /// The cues that lie inside `span`, in order.
    pub fn cues_in(&self, span: Span) -> &[Cue] {
        let a = self.cues.partition_point(|c| c.span.start < span.start);
        let b = self.cues.partition_point(|c| c.span.start < span.end);
        let b = b.max(a);
        let mut b2 = b;
        while b2 > a && self.cues[b2 - 1].span.end > span.end {
            b2 -= 1;
        }
        &self.cues[a..b2]
    }

    /// The cue that starts exactly at token `i`, if any.
    pub fn cue_at_token(&self, i: usize) -> Option<Cue> {
        let start = self.seg.tokens[i].span.start;
        let k = self.cues.partition_point(|c| c.span.start < start);
        self.cues.get(k).copied().filter(|c| c.span.start == start)
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn token_after(&self, pos: usize) -> usize {
        self.seg.token_at_or_after(pos)
    }

    /// Index one past the last token ending at or before byte `pos`.
    pub fn token_before(&self, pos: usize) -> usize {
        self.seg.tokens.partition_point(|t| t.span.end <= pos)
    }
}
