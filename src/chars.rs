//! Reading a text's characters quickly.

/// The characters of `text` with their byte offsets, as `char_indices` gives them, with ASCII
/// decoded in line: nearly every character of a text, and the standard iterator costs a call
/// per character in the size-optimised wasm.
pub fn chars_at(text: &str) -> CharsAt<'_> {
    CharsAt { text, at: 0 }
}

/// The iterator of [`chars_at`].
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

/// `c.is_alphanumeric()`, answered without Unicode's tables for ASCII and for the
/// punctuation blocks of quote marks, dashes and spaces (U+00A0–U+00BF but for its few
/// letters and digits, U+2000–U+206F) and the specials (U+FFF0–U+FFFF: the replacement
/// character of damaged text): a text made of such marks would otherwise cost a table
/// search a character.
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
#[inline(always)]
pub fn is_alphabetic(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphabetic(),
        '\u{A0}'..='\u{BF}' => matches!(c, '\u{AA}' | '\u{B5}' | '\u{BA}'),
        '\u{2000}'..='\u{206F}' | '\u{FFF0}'..='\u{FFFF}' => false,
        _ => c.is_alphabetic(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
