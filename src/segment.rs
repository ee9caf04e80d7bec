//! The text model: paragraphs, sentences and tokens, all as byte spans.
//!
//! Paragraphs are lines: news text puts one paragraph on a line, with or without blank
//! lines between them, and a quotation never runs across a line break without reopening.
//! Sentences are split at `.`, `?`, `!` and `…` followed by a capital, a digit or an opening
//! mark, except after the abbreviations of `lexicon/abbreviations.txt` and after initials.
//! Tokens are words (letters and digits, with inner apostrophes, hyphens and abbreviation
//! periods kept inside: `don't`, `al-Asad`, `U.S.`) and single punctuation characters.

use crate::chars::is_alphabetic;
use crate::lexicon::Lexicon;
use crate::span::Span;

/// What a token is.
///
/// ```
/// use whosaid::lexicon::Lexicon;
/// use whosaid::segment::{Segmented, TokenKind};
///
/// let text = "Mr. Brandt said the U.S. plan won't work. Al-Amin agreed!\n\
///             \n\
///             \"Next,\" she said.";
/// let seg = Segmented::new(text, Lexicon::get());
/// let kinds: Vec<(&str, TokenKind)> =
///     seg.tokens[..3].iter().map(|t| (t.span.text(text), t.kind)).collect();
/// assert_eq!(
///     kinds,
///     [("Mr.", TokenKind::Word), ("Brandt", TokenKind::Word), ("said", TokenKind::Word)]
/// );
/// assert_eq!(seg.tokens[8].span.text(text), ".");
/// assert_eq!(seg.tokens[8].kind, TokenKind::Punct);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with inner apostrophes, hyphens and abbreviation periods.
    Word,
    /// Any other non-space character, one per token (quote marks included).
    Punct,
}

/// One token of the text: a word (inner apostrophes, hyphens and abbreviation periods
/// kept inside) or one punctuation character.
///
/// ```
/// use whosaid::lexicon::Lexicon;
/// use whosaid::segment::Segmented;
///
/// let text = "Mr. Brandt said the U.S. plan won't work. Al-Amin agreed!\n\
///             \n\
///             \"Next,\" she said.";
/// let seg = Segmented::new(text, Lexicon::get());
/// let words: Vec<&str> = seg.tokens.iter().map(|t| t.span.text(text)).collect();
/// assert_eq!(
///     words,
///     [
///         "Mr.", "Brandt", "said", "the", "U.S.", "plan", "won't", "work", ".", // sentence 0
///         "Al-Amin", "agreed", "!", // sentence 1
///         "\"", "Next", ",", "\"", "she", "said", ".", // sentence 2, paragraph 1
///     ]
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// Word or punctuation.
    pub kind: TokenKind,
    /// Index of the sentence holding the token (32 bits: a token is a quarter smaller, and
    /// a text of quote marks has one every two bytes); read it with [`Token::sentence`].
    sentence: u32,
}

impl Token {
    /// Index of the sentence holding the token.
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    /// use whosaid::segment::Segmented;
    ///
    /// let text = "Mr. Brandt said the U.S. plan won't work. Al-Amin agreed!\n\
    ///             \n\
    ///             \"Next,\" she said.";
    /// let seg = Segmented::new(text, Lexicon::get());
    /// assert_eq!(seg.tokens[0].sentence(), 0); // "Mr." does not end a sentence
    /// assert_eq!(seg.tokens[9].sentence(), 1); // "Al-Amin"
    /// ```
    pub fn sentence(&self) -> usize {
        self.sentence as usize
    }
}

/// A sentence: a span inside one paragraph and the range of its tokens.
///
/// ```
/// use whosaid::lexicon::Lexicon;
/// use whosaid::segment::Segmented;
///
/// let text = "Mr. Brandt said the U.S. plan won't work. Al-Amin agreed!\n\
///             \n\
///             \"Next,\" she said.";
/// let seg = Segmented::new(text, Lexicon::get());
/// let sentences: Vec<&str> = seg.sentences.iter().map(|s| s.span.text(text)).collect();
/// assert_eq!(
///     sentences,
///     ["Mr. Brandt said the U.S. plan won't work.", "Al-Amin agreed!", "\"Next,\" she said."]
/// );
/// let last = seg.sentences[2];
/// assert_eq!((last.paragraph, last.first_token, last.end_token), (1, 12, 19));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Where the sentence is (trimmed of surrounding space).
    pub span: Span,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// Its tokens: `tokens[first_token..end_token]`.
    pub first_token: usize,
    /// One past its last token.
    pub end_token: usize,
}

/// The segmented text: paragraphs, sentences and tokens, each sorted by position.
///
/// ```
/// use whosaid::lexicon::Lexicon;
/// use whosaid::segment::Segmented;
///
/// let text = "Mr. Brandt said the U.S. plan won't work. Al-Amin agreed!\n\
///             \n\
///             \"Next,\" she said.";
/// let seg = Segmented::new(text, Lexicon::get());
/// let paragraphs: Vec<&str> = seg.paragraphs.iter().map(|p| p.text(text)).collect();
/// assert_eq!(
///     paragraphs,
///     ["Mr. Brandt said the U.S. plan won't work. Al-Amin agreed!", "\"Next,\" she said."]
/// );
/// assert_eq!((seg.sentences.len(), seg.tokens.len()), (3, 19));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Segmented {
    /// Paragraph spans (one per non-blank line, trimmed).
    pub paragraphs: Vec<Span>,
    /// Sentences, in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens, in text order.
    pub tokens: Vec<Token>,
    /// `blocks[b]`: the first token starting at or after byte `b * BLOCK`, so that finding
    /// the token at a byte searches the few tokens of one block, not all of them (the
    /// stages ask for millions of positions in a text of millions of tokens).
    blocks: Vec<usize>,
    /// How many tokens there were when `blocks` was built (tokens pushed since are found
    /// by a search over all of them).
    indexed: usize,
}

/// The bytes of text covered by one entry of [`Segmented`]'s block index.
const BLOCK: usize = 32;

/// True for characters that join a word: letters, digits and marks.
///
/// ```
/// use whosaid::segment::is_word_char;
///
/// assert!(is_word_char('\u{E9}') && is_word_char('7'));
/// assert!(is_word_char('\u{301}')); // a combining accent
/// assert!(!is_word_char('-') && !is_word_char('\u{2019}'));
/// ```
#[inline(always)]
pub fn is_word_char(c: char) -> bool {
    crate::chars::is_alphanumeric(c) || is_combining(c)
}

#[inline(always)]
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// True for the apostrophe-like characters that may join two letters inside a word.
///
/// ```
/// use whosaid::segment::is_apostrophe_char;
///
/// assert!(is_apostrophe_char('\'') && is_apostrophe_char('\u{2019}'));
/// assert!(!is_apostrophe_char('\u{2018}')); // an opening mark
/// ```
pub fn is_apostrophe_char(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// A possessive determiner: "his", "her", "their", "its", "our", "my", "your" (ASCII
/// case-insensitive).
///
/// ```
/// use whosaid::segment::is_possessive;
///
/// assert!(is_possessive("Their"));
/// assert!(!is_possessive("they"));
/// ```
pub fn is_possessive(w: &str) -> bool {
    ["his", "her", "their", "its", "our", "my", "your"]
        .iter()
        .any(|p| w.eq_ignore_ascii_case(p))
}

/// `w` without its possessive endings: "Iran's" gives "Iran" (as `trim_end_matches("'s")`,
/// without building a pattern searcher for each word).
///
/// ```
/// use whosaid::segment::without_possessive;
///
/// assert_eq!(without_possessive("Iran's"), "Iran");
/// assert_eq!(without_possessive("Jones"), "Jones");
/// ```
pub fn without_possessive(mut w: &str) -> &str {
    while let Some(stem) = w.strip_suffix("'s") {
        w = stem;
    }
    w
}

/// White space, including line breaks, the no-break and other Unicode spaces, the
/// zero-width space and the byte order mark.
///
/// ```
/// use whosaid::segment::is_space;
///
/// assert!(is_space(' ') && is_space('\u{A0}') && is_space('\u{200B}'));
/// assert!(!is_space('_'));
/// ```
#[inline(always)]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t' | '\n' | '\u{B}' | '\u{C}' | '\r');
    }
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

impl Segmented {
    /// Segments `text`, with the abbreviations and sentence starters of `lexicon`.
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    /// use whosaid::segment::Segmented;
    ///
    /// // Paragraphs are lines, trimmed; blank lines are none.
    /// let text = "  The board met.\r\n\r\nIt voted. Gen. Moss left.\n";
    /// let seg = Segmented::new(text, Lexicon::get());
    /// let paragraphs: Vec<&str> = seg.paragraphs.iter().map(|p| p.text(text)).collect();
    /// assert_eq!(paragraphs, ["The board met.", "It voted. Gen. Moss left."]);
    /// let sentences: Vec<&str> = seg.sentences.iter().map(|s| s.span.text(text)).collect();
    /// assert_eq!(sentences, ["The board met.", "It voted.", "Gen. Moss left."]);
    /// ```
    pub fn new(text: &str, lexicon: &Lexicon) -> Segmented {
        let mut seg = Segmented::default();
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches(['\n', '\r']);
            let lead = body.len() - body.trim_start_matches(is_space).len();
            let trimmed = body.trim_matches(is_space);
            if !trimmed.is_empty() {
                let start = line_start + lead;
                seg.paragraphs.push(Span::new(start, start + trimmed.len()));
            }
            line_start += line.len();
        }
        for p in 0..seg.paragraphs.len() {
            let para = seg.paragraphs[p];
            let first = seg.tokens.len();
            tokenize(text, para, &mut seg.tokens, lexicon);
            split_sentences(text, p, first, &mut seg, lexicon);
        }
        seg.blocks = Vec::with_capacity(text.len() / BLOCK + 2);
        let mut k = 0;
        for b in 0..=text.len() / BLOCK + 1 {
            while k < seg.tokens.len() && seg.tokens[k].span.start < b * BLOCK {
                k += 1;
            }
            seg.blocks.push(k);
        }
        seg.indexed = seg.tokens.len();
        seg
    }

    /// The index of the paragraph that contains byte `pos`, if any.
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    /// use whosaid::segment::Segmented;
    ///
    /// let text = "First.\n\nSecond.";
    /// let seg = Segmented::new(text, Lexicon::get());
    /// assert_eq!(seg.paragraph_at(0), Some(0));
    /// assert_eq!(seg.paragraph_at(7), None); // the blank line
    /// assert_eq!(seg.paragraph_at(8), Some(1));
    /// ```
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.end <= pos);
        (i < self.paragraphs.len() && self.paragraphs[i].start <= pos).then_some(i)
    }

    /// The index of the first token that starts at or after byte `pos` (the number of
    /// tokens when none does).
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    /// use whosaid::segment::Segmented;
    ///
    /// let text = "The mayor said.";
    /// let seg = Segmented::new(text, Lexicon::get());
    /// assert_eq!(seg.token_at_or_after(4), 1); // "mayor" starts there
    /// assert_eq!(seg.token_at_or_after(5), 2); // inside "mayor": the next one, "said"
    /// assert_eq!(seg.token_at_or_after(99), 4);
    /// ```
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        let b = pos / BLOCK;
        match (self.blocks.get(b), self.blocks.get(b + 1)) {
            (Some(&lo), Some(&hi)) if self.indexed == self.tokens.len() => {
                // every token before `lo` starts before the block, every one from `hi` on
                // after it
                lo + self.tokens[lo..hi].partition_point(|t| t.span.start < pos)
            }
            _ => self.tokens.partition_point(|t| t.span.start < pos),
        }
    }

    /// The number of tokens that end at or before byte `pos` (one past the last of them).
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    /// use whosaid::segment::Segmented;
    ///
    /// let text = "The mayor said.";
    /// let seg = Segmented::new(text, Lexicon::get());
    /// assert_eq!(seg.token_ending_by(9), 2); // "The" and "mayor" end by byte 9
    /// assert_eq!(seg.token_ending_by(8), 1); // inside "mayor"
    /// ```
    pub fn token_ending_by(&self, pos: usize) -> usize {
        // Tokens neither overlap nor are empty: those starting at or after `pos` end after
        // it, and of those starting before it only the last can reach past it.
        let k = self.token_at_or_after(pos);
        match k.checked_sub(1).map(|i| self.tokens[i].span.end) {
            Some(end) if end > pos => k - 1,
            _ => k,
        }
    }

    /// The index of the sentence that contains byte `pos` (or the last one before it).
    ///
    /// ```
    /// use whosaid::lexicon::Lexicon;
    /// use whosaid::segment::Segmented;
    ///
    /// let text = "It rained. The match went on.";
    /// let seg = Segmented::new(text, Lexicon::get());
    /// assert_eq!(seg.sentence_at(0), Some(0));
    /// assert_eq!(seg.sentence_at(10), Some(0)); // the space between: the one before
    /// assert_eq!(seg.sentence_at(11), Some(1));
    /// assert_eq!(Segmented::new("", Lexicon::get()).sentence_at(0), None);
    /// ```
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.start <= pos);
        i.checked_sub(1)
    }
}

/// Appends the tokens of paragraph `para` to `tokens`.
fn tokenize(text: &str, para: Span, tokens: &mut Vec<Token>, lexicon: &Lexicon) {
    use crate::chars::char_at;
    let s = &text[para.start..para.end];
    let token = |start: usize, end: usize, kind: TokenKind| Token {
        span: Span::new(para.start + start, para.start + end),
        kind,
        sentence: 0,
    };
    // (byte offsets into `s`, read a character at a time: a paragraph may be megabytes)
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        if is_space(c) {
            i += c.len_utf8();
            continue;
        }
        if !is_word_char(c) {
            tokens.push(token(i, i + c.len_utf8(), TokenKind::Punct));
            i += c.len_utf8();
            continue;
        }
        // A word: word characters, joined across one inner apostrophe, hyphen or period.
        let mut j = i + c.len_utf8();
        let mut p = c; // the character before `j`
        loop {
            while let Some(d) = char_at(s, j).filter(|&d| is_word_char(d)) {
                p = d;
                j += d.len_utf8();
            }
            if let Some(c) = char_at(s, j) {
                if let Some(n) = char_at(s, j + c.len_utf8()) {
                    let join = is_word_char(n)
                        && (is_apostrophe_char(c)
                            || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '&')
                            || (c == '.' && is_alphabetic(p) && is_alphabetic(n))
                            || (matches!(c, '.' | ',')
                                && p.is_ascii_digit()
                                && n.is_ascii_digit()));
                    if join {
                        p = c;
                        j += c.len_utf8();
                        continue;
                    }
                }
            }
            break;
        }
        let mut end = j;
        // Keep an abbreviation's final period: "Mr.", "U.S.", "J."
        if s.as_bytes().get(j) == Some(&b'.') {
            let word = &s[i..end];
            if lexicon.is_abbreviation(&s[i..end + 1]) || is_initial_or_acronym(word) {
                end += 1;
                j += 1;
            }
        }
        tokens.push(token(i, end, TokenKind::Word));
        i = j;
    }
}

/// "J", "U.S", "a.m": a single capital letter, or letters joined by periods.
fn is_initial_or_acronym(word: &str) -> bool {
    let mut cs = word.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => c.is_uppercase(),
        _ => {
            word.contains('.')
                && word.split('.').all(|p| {
                    // (one character: a count of them all would ship a routine of its own)
                    let mut c = p.chars();
                    c.next().is_some() && c.next().is_none()
                })
        }
    }
}

fn split_sentences(text: &str, p: usize, first: usize, seg: &mut Segmented, lexicon: &Lexicon) {
    let end = seg.tokens.len();
    let mut start = first;
    let mut i = first;
    while i < end {
        let tok = seg.tokens[i];
        let t = tok.span.text(text);
        let terminal = match tok.kind {
            TokenKind::Punct => matches!(t, "." | "?" | "!" | "\u{2026}"),
            TokenKind::Word => t.ends_with('.') && lexicon.abbreviation_may_end_sentence(t),
        };
        if !terminal {
            i += 1;
            continue;
        }
        // Closing marks and brackets stay with the sentence they close.
        let mut k = i + 1;
        while k < end {
            let c = seg.tokens[k].span.text(text);
            if seg.tokens[k].span.start == seg.tokens[k - 1].span.end
                && matches!(
                    c,
                    "\"" | "'"
                        | "\u{201D}"
                        | "\u{2019}"
                        | ")"
                        | "]"
                        | "\u{BB}"
                        | "?"
                        | "!"
                        | "."
                        | "\u{203A}"
                )
            {
                k += 1;
            } else {
                break;
            }
        }
        if k >= end {
            break;
        }
        let next = seg.tokens[k];
        let spaced = next.span.start > seg.tokens[k - 1].span.end;
        let next_text = next.span.text(text);
        let c0 = next_text.chars().next().unwrap_or(' ');
        let opens = c0.is_uppercase()
            || c0.is_ascii_digit()
            || matches!(
                c0,
                '"' | '\u{201C}' | '\'' | '\u{2018}' | '(' | '[' | '\u{AB}' | '`' | '\u{2014}'
            );
        let ok = spaced
            && opens
            && match tok.kind {
                TokenKind::Word => lexicon.is_sentence_starter(next_text),
                TokenKind::Punct => true,
            };
        if ok {
            push_sentence(seg, p, start, k);
            start = k;
        }
        i = k;
    }
    if start < end {
        push_sentence(seg, p, start, end);
    }
}

fn push_sentence(seg: &mut Segmented, p: usize, from: usize, to: usize) {
    let idx = seg.sentences.len();
    // (4 G sentences take over 8 GB of text: past any input the crate is given)
    let sentence = u32::try_from(idx).unwrap_or(u32::MAX);
    for t in &mut seg.tokens[from..to] {
        t.sentence = sentence;
    }
    seg.sentences.push(Sentence {
        span: Span::new(seg.tokens[from].span.start, seg.tokens[to - 1].span.end),
        paragraph: p,
        first_token: from,
        end_token: to,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let lex = Lexicon::get();
        let seg = Segmented::new(text, lex);
        seg.sentences.iter().map(|s| s.span.text(text)).collect()
    }

    fn words(text: &str) -> Vec<&str> {
        let seg = Segmented::new(text, Lexicon::get());
        seg.tokens.iter().map(|t| t.span.text(text)).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr. Smith met Gen. Jones on Jan. 3 at No. 10 Downing St. at 9 a.m. local time. Then he left."),
            vec![
                "Mr. Smith met Gen. Jones on Jan. 3 at No. 10 Downing St. at 9 a.m. local time.",
                "Then he left."
            ]
        );
        assert_eq!(
            sentences("The U.S. and the U.N. agreed after Sept. 11 attacks. It held."),
            vec![
                "The U.S. and the U.N. agreed after Sept. 11 attacks.",
                "It held."
            ]
        );
    }

    #[test]
    fn sentence_final_abbreviation_splits_before_a_function_word() {
        assert_eq!(
            sentences("Troops returned to the U.S. The move surprised many."),
            vec!["Troops returned to the U.S.", "The move surprised many."]
        );
    }

    #[test]
    fn initials_do_not_end_sentences() {
        assert_eq!(
            sentences("J. K. Rowling spoke. She left."),
            vec!["J. K. Rowling spoke.", "She left."]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(
            sentences("\u{201C}We won.\u{201D} She smiled. \"Go!\" he said."),
            vec!["\u{201C}We won.\u{201D}", "She smiled.", "\"Go!\" he said."]
        );
    }

    #[test]
    fn the_block_index_finds_the_same_tokens_as_a_search_of_all() {
        let texts = [
            "",
            "x",
            "\u{201C}We won,\u{201D} she said. \u{1F600} Emoji and caf\u{E9} \u{5D0}\u{5D1} text.\n\nNext",
            &"\"x\" ".repeat(100),
            &"Mr. Smith of the U.S. ".repeat(40),
            &format!("{}\n{}", " ".repeat(300), "word ".repeat(50)),
        ];
        for text in texts {
            let seg = Segmented::new(text, Lexicon::get());
            for pos in 0..=text.len() + 40 {
                assert_eq!(
                    seg.token_at_or_after(pos),
                    seg.tokens.partition_point(|t| t.span.start < pos),
                    "first token at or after {pos} in {text:?}"
                );
                assert_eq!(
                    seg.token_ending_by(pos),
                    seg.tokens.partition_point(|t| t.span.end <= pos),
                    "tokens ending by {pos} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn tokens_pushed_after_segmenting_are_still_found() {
        let text = "One two three four five six seven eight nine ten eleven twelve";
        let mut seg = Segmented::new(text, Lexicon::get());
        let last = *seg.tokens.last().expect("tokens");
        seg.tokens.truncate(3);
        assert_eq!(seg.token_at_or_after(last.span.start), 3);
    }

    #[test]
    fn paragraphs_are_lines() {
        let text = "Headline here\n\nFirst para.\nSecond para.\n  \n Third. ";
        let seg = Segmented::new(text, Lexicon::get());
        let paras: Vec<&str> = seg.paragraphs.iter().map(|p| p.text(text)).collect();
        assert_eq!(
            paras,
            vec!["Headline here", "First para.", "Second para.", "Third."]
        );
    }

    #[test]
    fn words_keep_inner_apostrophes_hyphens_and_periods() {
        assert_eq!(
            words("Don't say al-Asad's U.S. plan cost $1,000.50."),
            vec![
                "Don't",
                "say",
                "al-Asad's",
                "U.S.",
                "plan",
                "cost",
                "$",
                "1,000.50",
                "."
            ]
        );
        assert_eq!(words("Iran\u{2019}s"), vec!["Iran\u{2019}s"]);
        assert_eq!(words("Iran\u{a0}s"), vec!["Iran", "s"]);
    }
}
