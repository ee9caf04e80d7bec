//! Input lines of any length, read with a bound on what is kept of each: a line longer than
//! the limit is read to its end and dropped, so that one huge line (a 50 MB page in an
//! archive) costs no more memory than the limit. A line is what comes before a `\n`; the last
//! line needs none.

use std::io::{self, BufRead, Read};

/// How much of a dropped line is kept to find its id in.
const HEAD: usize = 4096;

/// One input line, as bytes.
#[derive(Debug, PartialEq)]
pub enum Raw {
    /// The line, without its `\n`.
    Line(Vec<u8>),
    /// A line longer than the limit: its length in bytes, and its first bytes.
    TooLong(u64, Vec<u8>),
}

impl Raw {
    /// The bytes the line holds in memory.
    pub fn held(&self) -> usize {
        match self {
            Raw::Line(b) | Raw::TooLong(_, b) => b.len(),
        }
    }
}

/// Reads lines of at most `max` bytes (a `\r` before the `\n` not counted) from a reader.
pub struct Lines<R> {
    reader: R,
    max: usize,
}

impl<R: BufRead> Lines<R> {
    /// Lines from `reader`, each kept up to `max` bytes.
    pub fn new(reader: R, max: usize) -> Self {
        Lines { reader, max }
    }

    /// The next line, or `None` at the end of the input.
    pub fn next_line(&mut self) -> io::Result<Option<Raw>> {
        let mut buf = Vec::new();
        // (a `\r` ending the line may take the kept part one byte over `max`; read_until
        // finds the newline with memchr, bounded by the limit)
        // (and a line over the limit keeps its first HEAD bytes, where its id may be read)
        let keep = self.max.saturating_add(1) as u64;
        let cap = keep.max(HEAD as u64);
        let read = (&mut self.reader)
            .take(cap.saturating_add(1))
            .read_until(b'\n', &mut buf)?;
        if read == 0 {
            return Ok(None);
        }
        let mut len = buf.len() as u64;
        if buf.last() == Some(&b'\n') {
            buf.pop();
            len -= 1;
        } else if read as u64 > cap {
            // the limit, and no newline yet: the rest of the line is measured, not kept
            len += self.skip_line()?;
        }
        if buf.last() == Some(&b'\r') && len <= keep {
            buf.pop();
            len -= 1;
        }
        Ok(Some(if len > self.max as u64 {
            buf.truncate(HEAD);
            Raw::TooLong(len, buf)
        } else {
            Raw::Line(buf)
        }))
    }

    /// Reads past the rest of a line (and its newline); returns the bytes before the newline.
    fn skip_line(&mut self) -> io::Result<u64> {
        let mut len = 0;
        loop {
            let avail = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if avail.is_empty() {
                return Ok(len);
            }
            match avail.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    self.reader.consume(i + 1);
                    return Ok(len + i as u64);
                }
                None => {
                    let n = avail.len();
                    self.reader.consume(n);
                    len += n as u64;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &[u8], max: usize) -> Vec<Raw> {
        // (a tiny buffer, so that lines span many reads)
        let mut lines = Lines::new(io::BufReader::with_capacity(3, input), max);
        std::iter::from_fn(|| lines.next_line().unwrap()).collect()
    }

    fn line(s: &str) -> Raw {
        Raw::Line(s.as_bytes().to_vec())
    }

    #[test]
    fn lines_end_at_newlines_and_the_last_needs_none() {
        assert_eq!(all(b"ab\ncd", 10), [line("ab"), line("cd")]);
        assert_eq!(all(b"ab\ncd\n", 10), [line("ab"), line("cd")]);
        assert_eq!(all(b"", 10), []);
    }

    #[test]
    fn empty_lines_are_lines() {
        assert_eq!(all(b"\n\nx\n", 10), [line(""), line(""), line("x")]);
    }

    #[test]
    fn a_carriage_return_before_the_newline_is_dropped() {
        assert_eq!(all(b"ab\r\ncd\r", 10), [line("ab"), line("cd")]);
        // (one inside the line stays)
        assert_eq!(all(b"a\rb\n", 10), [line("a\rb")]);
    }

    #[test]
    fn a_line_over_the_limit_is_measured_not_kept() {
        let long = "x".repeat(10_000);
        let input = format!("ok\n{long}\r\nnext");
        let got = all(input.as_bytes(), 100);
        assert_eq!(got[0], line("ok"));
        match &got[1] {
            Raw::TooLong(len, head) => {
                assert_eq!(*len, 10_001);
                assert_eq!(head.len(), HEAD);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(got[2], line("next"));
        // exactly the limit is kept, with or without a carriage return
        assert_eq!(all(b"abc\r\nabc\nabcd", 3)[..2], [line("abc"), line("abc")]);
        assert!(matches!(all(b"abcd", 3)[0], Raw::TooLong(4, _)));
    }

    // (proptest is a native dev-dependency; the wasm32 lint of the tests builds this too)
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Any bytes, any limit, any buffer size: the lines are the pieces between newlines
        /// (no empty piece after a final newline), each without one `\r` before its newline,
        /// kept when within the limit and measured when over it.
        #[test]
        fn lines_are_the_pieces_between_newlines(
            input in proptest::collection::vec(
                proptest::sample::select(vec![b'a', b'\n', b'\r', 0xff]), 0..200),
            max in 0usize..20,
            capacity in 1usize..8,
        ) {
            let mut lines = Lines::new(io::BufReader::with_capacity(capacity, &input[..]), max);
            let got: Vec<Raw> = std::iter::from_fn(|| lines.next_line().unwrap()).collect();
            let mut pieces: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
            if input.last() == Some(&b'\n') || input.is_empty() {
                pieces.pop();
            }
            proptest::prop_assert_eq!(got.len(), pieces.len());
            for (raw, piece) in got.iter().zip(pieces) {
                let stripped = piece.strip_suffix(b"\r").unwrap_or(piece);
                match raw {
                    Raw::Line(bytes) => proptest::prop_assert_eq!(&bytes[..], stripped),
                    Raw::TooLong(len, head) => {
                        // (its length counts a final `\r`; its head is the line's start)
                        proptest::prop_assert!(stripped.len() > max);
                        proptest::prop_assert_eq!(*len as usize, piece.len());
                        proptest::prop_assert!(piece.starts_with(head));
                    }
                }
            }
        }
    }
}
