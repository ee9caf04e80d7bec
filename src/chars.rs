//! Reading a text's characters quickly.

/// The characters of `text` with their byte offsets, as `char_indices` gives them, with ASCII
/// decoded in line: nearly every character of a text, and the standard iterator costs a call
/// per character in the size-optimised wasm.
///
/// ```
/// use whosaid::chars::chars_at;
///
/// let text = "a\u{201C}b";
/// assert_eq!(chars_at(text).collect::<Vec<_>>(), text.char_indices().collect::<Vec<_>>());
/// assert_eq!(chars_at(text).nth(2), Some((4, 'b'))); // the curly mark is three bytes
/// ```
pub fn chars_at(text: &str) -> CharsAt<'_> {
    CharsAt { text, at: 0 }
}

/// The iterator of [`chars_at`]: `(byte offset, character)` pairs.
///
/// ```
/// use whosaid::chars::{chars_at, CharsAt};
///
/// let mut chars: CharsAt<'_> = chars_at("\u{E9}t\u{E9}");
/// assert_eq!(chars.next(), Some((0, '\u{E9}')));
/// assert_eq!(chars.next(), Some((2, 't')));
/// assert_eq!(chars.next(), Some((3, '\u{E9}')));
/// assert_eq!(chars.next(), None);
/// ```
#[derive(Debug, Clone)]
pub struct CharsAt<'t> {
    text: &'t str,
    at: usize,
}

impl Iterator for CharsAt<'_> {
    type Item = (usize, char);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, char)> {
        let &b = self.text.as_bytes().get(self.at)?;
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            self.text.get(self.at..)?.chars().next()?
        };
        let at = self.at;
        self.at += c.len_utf8();
        Some((at, c))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.text.len() - self.at;
        (left.div_ceil(4), Some(left))
    }
}

/// The character starting at byte `at` of `text`, if `at` is inside it and on a character
/// boundary: `text[at..].chars().next()` with ASCII decoded in line.
///
/// ```
/// use whosaid::chars::char_at;
///
/// let text = "caf\u{E9}";
/// assert_eq!(char_at(text, 3), Some('\u{E9}'));
/// assert_eq!(char_at(text, 4), None); // inside "é"
/// assert_eq!(char_at(text, 5), None); // past the end
/// ```
#[inline(always)]
pub fn char_at(text: &str, at: usize) -> Option<char> {
    let &b = text.as_bytes().get(at)?;
    if b.is_ascii() {
        Some(char::from(b))
    } else {
        text.get(at..)?.chars().next()
    }
}

/// `c.is_alphanumeric()`, answered without Unicode's tables for ASCII and for the
/// punctuation blocks of quote marks, dashes and spaces (U+00A0–U+00BF but for its few
/// letters and digits, U+2000–U+206F) and the specials (U+FFF0–U+FFFF: the replacement
/// character of damaged text): a text made of such marks would otherwise cost a table
/// search a character.
///
/// ```
/// use whosaid::chars::is_alphanumeric;
///
/// for c in ['a', '7', '\u{E9}', '\u{BD}', '\u{3042}'] {
///     assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
/// }
/// assert!(!is_alphanumeric('\u{201C}') && !is_alphanumeric('\u{FFFD}'));
/// ```
#[inline(always)]
pub fn is_alphanumeric(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{A0}'..='\u{BF}' => matches!(
            c,
            '\u{AA}' | '\u{B2}' | '\u{B3}' | '\u{B5}' | '\u{B9}' | '\u{BA}' | '\u{BC}'..='\u{BE}'
        ),
        '\u{2000}'..='\u{206F}' | '\u{FFF0}'..='\u{FFFF}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// `c.is_alphabetic()`, with the same shortcuts as [`is_alphanumeric`].
///
/// ```
/// use whosaid::chars::is_alphabetic;
///
/// assert!(is_alphabetic('\u{E9}') && is_alphabetic('\u{AA}'));
/// assert!(!is_alphabetic('7') && !is_alphabetic('\u{2014}'));
/// ```
#[inline(always)]
pub fn is_alphabetic(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphabetic(),
        '\u{A0}'..='\u{BF}' => matches!(c, '\u{AA}' | '\u{B5}' | '\u{BA}'),
        '\u{2000}'..='\u{206F}' | '\u{FFF0}'..='\u{FFFF}' => false,
        _ => c.is_alphabetic(),
    }
}

/// `s` with each run of whitespace that is more than one plain space (a line break, a tab,
/// spaces from an HTML page's layout) as one space: for names and titles, which are read out
/// of the text and shown alone. Borrows `s` when it has no such run.
///
/// ```
/// use whosaid::chars::one_spaced;
/// assert_eq!(one_spaced("Palestinian      \n Authority"), "Palestinian Authority");
/// assert_eq!(one_spaced("Kelly Craft"), "Kelly Craft");
/// ```
pub fn one_spaced(s: &str) -> std::borrow::Cow<'_, str> {
    // a space or a no-break space alone is kept as it is; any other whitespace is a run
    let alone = |c: char| c == ' ' || c == '\u{A0}';
    let mut runs = s.char_indices().filter(|&(_, c)| c.is_whitespace());
    let mut previous_end = usize::MAX;
    let needed = runs.any(|(i, c)| {
        let adjacent = i == previous_end;
        previous_end = i + c.len_utf8();
        adjacent || !alone(c)
    });
    if !needed {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut run: Option<(char, usize)> = None; // the run's first character and its length
    let flush = |out: &mut String, run: Option<(char, usize)>| match run {
        Some((c, 1)) if alone(c) => out.push(c),
        Some(_) => out.push(' '),
        None => {}
    };
    for c in s.chars() {
        if c.is_whitespace() {
            run = Some(run.map_or((c, 1), |(first, n)| (first, n + 1)));
        } else {
            flush(&mut out, run.take());
            out.push(c);
        }
    }
    flush(&mut out, run);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_whitespace_reads_as_one_space() {
        assert_eq!(one_spaced("Abbas"), "Abbas");
        assert_eq!(one_spaced("Iran\u{A0}s"), "Iran\u{A0}s"); // a damaged apostrophe stays
        assert_eq!(
            one_spaced("Palestinian      Authority"),
            "Palestinian Authority"
        );
        assert_eq!(one_spaced("Foreign\n\t Minister"), "Foreign Minister");
        assert_eq!(one_spaced("a\tb"), "a b");
        assert_eq!(one_spaced(" a  "), " a ");
        assert_eq!(one_spaced("a\u{A0}\u{A0}b"), "a b");
        assert!(matches!(
            one_spaced("Kelly Craft"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn gives_what_char_indices_gives() {
        for text in [
            "",
            "Plain ASCII, said he.",
            "\u{201C}Curly\u{201D} quotes, Iran\u{a0}s, an emoji \u{1F600} and e\u{301}t\u{e9}",
            "\u{5E9}\u{5DC}\u{5D5}\u{5DD} mixed with Latin",
        ] {
            assert_eq!(
                chars_at(text).collect::<Vec<_>>(),
                text.char_indices().collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn letters_and_digits_as_the_standard_library_has_them() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }
}
