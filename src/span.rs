//! Byte spans into the analysed text.

/// A half-open byte range `start..end` into the analysed text.
///
/// Spans inside the crate are always UTF-8 byte offsets on `char` boundaries; the
/// [`report`](crate::report) module is the one place that turns them into UTF-16 offsets.
///
/// ```
/// use whosaid::{Extractor, Span};
///
/// let text = "\u{201C}Not today,\u{201D} she said.";
/// let quote = Extractor::new().extract(text).quotes[0].span;
/// assert_eq!(quote, Span::new(0, 16)); // each curly mark is three bytes
/// assert_eq!(quote.text(text), "\u{201C}Not today,\u{201D}");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (half-open).
    ///
    /// ```
    /// use whosaid::Span;
    ///
    /// let s = Span::new(4, 9);
    /// assert_eq!((s.start, s.end), (4, 9));
    /// assert_eq!(s.text("The mayor said."), "mayor");
    /// ```
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Number of bytes covered.
    ///
    /// ```
    /// use whosaid::Span;
    ///
    /// let text = "caf\u{E9} owner";
    /// assert_eq!(Span::new(0, 5).len(), 5); // "é" is two bytes
    /// assert_eq!(Span::new(0, 5).text(text), "caf\u{E9}");
    /// ```
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    ///
    /// ```
    /// use whosaid::Span;
    ///
    /// assert!(Span::new(3, 3).is_empty());
    /// assert!(!Span::new(3, 4).is_empty());
    /// ```
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies entirely inside `self`.
    ///
    /// ```
    /// use whosaid::Span;
    ///
    /// let sentence = Span::new(0, 20);
    /// assert!(sentence.contains(Span::new(4, 9)));
    /// assert!(sentence.contains(sentence));
    /// assert!(!sentence.contains(Span::new(15, 25)));
    /// ```
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    ///
    /// ```
    /// use whosaid::Span;
    ///
    /// assert!(Span::new(0, 10).overlaps(Span::new(9, 12)));
    /// assert!(!Span::new(0, 10).overlaps(Span::new(10, 12))); // half-open: they only touch
    /// ```
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text the span covers.
    ///
    /// Panics, as slicing does, when the span is not on character boundaries of `text`:
    /// the spans of an [`Analysis`](crate::Analysis) always are, for the text analysed.
    ///
    /// ```
    /// use whosaid::Span;
    ///
    /// assert_eq!(Span::new(4, 9).text("The mayor said."), "mayor");
    /// ```
    #[inline(always)]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}
