//! Reading a text's characters quickly.

/// The characters of `text` with their byte offsets, as `char_indices` gives them, with ASCII
/// decoded in line: nearly every character of a text, and the standard iterator costs a call
/// per character in the size-optimised wasm.
#[inline(always)]
pub fn chars_at(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let &b = bytes.get(i)?;
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            text.get(i..)?.chars().next()?
        };
        let at = i;
        i += c.len_utf8();
        Some((at, c))
    })
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
