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
}
