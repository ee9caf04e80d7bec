//! Quote marks: which characters open or close a quotation, and which are apostrophes or
//! primes instead.
//!
//! Each candidate character is classified from its own shape (curly marks have a direction,
//! straight ones do not) and from its neighbours, the way a reader sees them: a mark with
//! space before it and a letter after it opens; a letter before and space or punctuation
//! after closes. A `'` or `’` between two letters is an apostrophe (`don't`, `Iran’s`), and so
//! is one before a decade or an elision (`'90s`, `'em`, `rock 'n' roll`); `6'2"` has primes.

use crate::chars::is_alphanumeric;
use crate::segment::is_space;

/// Which marks pair with which: a quotation opened by a mark of one family is closed by a
/// mark of the same family.
///
/// ```
/// use whosaid::marks::{classify, Family};
///
/// let families: Vec<Family> = classify("\u{AB}Non\u{BB}, ``yes'' and \u{2018}maybe\u{2019}")
///     .iter()
///     .map(|m| m.family)
///     .collect();
/// assert_eq!(
///     families,
///     [
///         Family::Guillemet,
///         Family::Guillemet,
///         Family::Double,
///         Family::Double,
///         Family::Single,
///         Family::Single,
///     ]
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// `"`, `“ ”`, `„`, ``` `` ``` and `''`.
    Double,
    /// `'`, `‘ ’`, `‚` and a lone `` ` ``.
    Single,
    /// `« »`.
    Guillemet,
    /// `‹ ›`.
    SingleGuillemet,
}

/// What a mark can do.
///
/// ```
/// use whosaid::marks::{classify, Role};
///
/// let roles = |text| classify(text).iter().map(|m| m.role).collect::<Vec<Role>>();
/// assert_eq!(roles("\"Yes,\" she said."), [Role::Open, Role::Close]);
/// // after a plural, `'` may close a quotation or be a possessive
/// assert_eq!(roles("the Joneses' house"), [Role::CloseOrApostrophe]);
/// // glued to words on both sides, a straight mark has no direction of its own
/// assert_eq!(roles("the \"best\"deal"), [Role::Open, Role::Either]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// It opens a quotation.
    Open,
    /// It closes a quotation.
    Close,
    /// It closes a quotation if one of its family is open; else it is an apostrophe
    /// (`the Joneses' house`).
    CloseOrApostrophe,
    /// Its direction comes from the marks around it (a straight mark between two words).
    Either,
}

/// One quote mark in the text.
///
/// ```
/// use whosaid::marks::{classify, Family, Mark, Role};
///
/// let text = "He said ''Fine.''";
/// let marks = classify(text);
/// // two apostrophes in a row are one double mark, two bytes long
/// assert_eq!(marks[0], Mark { start: 8, end: 10, family: Family::Double, role: Role::Open });
/// assert_eq!(&text[marks[1].start..marks[1].end], "''");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// Byte offset of the mark.
    pub start: usize,
    /// One past its last byte (``` `` ``` and `''` are two characters).
    pub end: usize,
    /// Which marks it pairs with.
    pub family: Family,
    /// Whether it opens or closes.
    pub role: Role,
}

const ELISIONS: &[&str] = &[
    "em", "til", "tis", "twas", "cause", "n", "bout", "round", "nuff", "s",
];

fn is_open_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | ':'
    )
}

/// Punctuation that follows a closing mark: `»,` `".` `”;`
fn is_closing_punct(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\u{2026}'
    )
}

fn is_mark_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\u{201B}'
            | '\u{AB}'
            | '\u{BB}'
            | '\u{2039}'
            | '\u{203A}'
    )
}

/// Finds and classifies every quote mark of `text`, in order. One pass over the characters,
/// looking at a mark's neighbours in the text itself (no copy of the text: memory stays
/// that of the marks found).
///
/// Apostrophes (`Don’t`, `'90s`) and primes (`6'2"`) are no marks and are left out.
///
/// ```
/// use whosaid::marks::{classify, Role};
///
/// let text = "\u{201C}Don\u{2019}t call it a \u{2018}deal\u{2019},\u{201D} she said of the \
///             '90s pact, 6'2\" tall.";
/// let marks: Vec<(&str, Role)> =
///     classify(text).iter().map(|m| (&text[m.start..m.end], m.role)).collect();
/// assert_eq!(
///     marks,
///     [
///         ("\u{201C}", Role::Open),
///         ("\u{2018}", Role::Open),
///         ("\u{2019}", Role::CloseOrApostrophe),
///         ("\u{201D}", Role::Close),
///     ]
/// );
/// ```
pub fn classify(text: &str) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut chars = crate::chars::chars_at(text);
    while let Some((pos, c)) = chars.next() {
        if !is_mark_char(c) {
            continue;
        }
        // Doubled ASCII marks: `` and '' are one double mark.
        let after_mark = pos + c.len_utf8();
        let doubled = char_after(text, after_mark) == Some(c) && matches!(c, '`' | '\'');
        let end = if doubled {
            chars.next(); // the second mark
            after_mark + c.len_utf8()
        } else {
            after_mark
        };
        let prev = char_before(text, pos);
        let next = char_after(text, end);
        let space_before = prev.is_none_or(is_space);
        let space_after = next.is_none_or(is_space);
        let left = !space_after
            && !next.is_some_and(is_closing_punct)
            && (space_before || prev.is_some_and(|p| is_open_punct(p) || is_mark_char(p)));
        let right = !space_before
            && (space_after
                || next.is_some_and(|n| {
                    !is_alphanumeric(n) && !is_open_punct(n) || n == '-' || n == '\u{2014}'
                }));
        let flank = match (left, right) {
            (true, false) => Some(Role::Open),
            (false, true) => Some(Role::Close),
            _ => None,
        };
        let (family, role) = match c {
            '`' if doubled => (Family::Double, Role::Open),
            '`' => (Family::Single, Role::Open),
            '\'' if doubled => (Family::Double, flank.unwrap_or(Role::Either)),
            '"' => {
                if is_prime(text, pos, c) {
                    continue;
                }
                (Family::Double, flank.unwrap_or(Role::Either))
            }
            '\u{201C}' | '\u{201E}' | '\u{201F}' => (Family::Double, directed(Role::Open, flank)),
            '\u{201D}' => {
                if is_prime(text, pos, c) {
                    continue;
                }
                (Family::Double, directed(Role::Close, flank))
            }
            '\u{AB}' => (Family::Guillemet, directed(Role::Open, flank)),
            '\u{BB}' => (Family::Guillemet, directed(Role::Close, flank)),
            '\u{2039}' => (Family::SingleGuillemet, directed(Role::Open, flank)),
            '\u{203A}' => (Family::SingleGuillemet, directed(Role::Close, flank)),
            _ => {
                // ' ‘ ’ ‚ ‛: quote or apostrophe.
                let letter_before = prev.is_some_and(is_alphanumeric);
                let letter_after = next.is_some_and(is_alphanumeric);
                if letter_before && letter_after {
                    continue; // don't, Iran’s, O'Neill
                }
                if is_prime(text, pos, c) || is_elision(text, pos, end, prev) {
                    continue;
                }
                let role = match (c, flank) {
                    (_, Some(Role::Open)) => Role::Open,
                    (_, Some(_)) if letter_before => Role::CloseOrApostrophe,
                    (_, Some(r)) => r,
                    ('\u{2018}' | '\u{201A}' | '\u{201B}', None) => Role::Open,
                    ('\u{2019}', None) => Role::CloseOrApostrophe,
                    _ => Role::Either,
                };
                (Family::Single, role)
            }
        };
        marks.push(Mark {
            start: pos,
            end,
            family,
            role,
        });
    }
    marks
}

/// The character that ends just before byte `pos` of `text` (a character boundary).
fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The character that starts at byte `pos` of `text` (a character boundary).
fn char_after(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// Where the run of ASCII digits ending at byte `pos` starts.
fn digits_before(text: &str, pos: usize) -> usize {
    pos - text.as_bytes()[..pos]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// A curly mark keeps its own direction unless its neighbours clearly say the opposite
/// (`”Mr.` at a paragraph start is a misprinted opening mark).
fn directed(own: Role, flank: Option<Role>) -> Role {
    match flank {
        Some(f) if f != own => f,
        _ => own,
    }
}

/// `5'11"`, `6’2”`: a digit, a foot mark, digits, an inch mark. `c` is the mark at `pos`.
fn is_prime(text: &str, pos: usize, c: char) -> bool {
    let k = digits_before(text, pos);
    if k == pos {
        return false; // no digit before
    }
    match c {
        // inch mark: digits preceded by a foot mark
        '"' | '\u{201D}' => matches!(char_before(text, k), Some('\'' | '\u{2019}' | '\u{2032}')),
        // foot mark: digits before, digits and an inch mark after
        _ => {
            let from = pos + c.len_utf8();
            let digits = text.as_bytes()[from..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            digits > 0
                && matches!(
                    char_after(text, from + digits),
                    Some('"' | '\u{201D}' | '\u{2033}')
                )
        }
    }
}

/// `'90s`, `'em`, `rock 'n' roll`: an apostrophe (at `pos`, ending at `after`) standing for
/// left-out letters.
fn is_elision(text: &str, pos: usize, after: usize, prev: Option<char>) -> bool {
    if !prev.is_none_or(|p| is_space(p) || p == '(') {
        // "rock 'n' roll": the second mark of 'n'
        if prev == Some('n') {
            let mut back = text[..pos - 1].chars().rev();
            return matches!(back.next(), Some('\'' | '\u{2018}' | '\u{2019}'))
                && back.next().is_some_and(is_space);
        }
        return false;
    }
    let rest = &text[after..];
    let len = rest
        .char_indices()
        .find(|&(_, c)| !is_alphanumeric(c))
        .map_or(rest.len(), |(i, _)| i);
    let word = rest[..len].to_ascii_lowercase();
    let next = char_after(rest, len);
    if word.len() >= 2 && word.chars().take(2).all(|c| c.is_ascii_digit()) {
        return word.len() == 2 || word.ends_with('s'); // '90s, '08
    }
    if word == "n" {
        return matches!(next, Some('\'' | '\u{2019}'));
    }
    ELISIONS.contains(&word.as_str())
        && word != "n"
        && next.is_none_or(|n| is_space(n) || matches!(n, ',' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<(String, Role)> {
        classify(text)
            .iter()
            .map(|m| (text[m.start..m.end].to_string(), m.role))
            .collect()
    }

    #[test]
    fn straight_marks_take_their_direction_from_neighbours() {
        assert_eq!(
            roles("He said \"yes,\" and left."),
            vec![("\"".into(), Role::Open), ("\"".into(), Role::Close)]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(
            roles("don't Iran\u{2019}s O'Neill '90s the '08 race rock 'n' roll 'em").is_empty()
        );
    }

    #[test]
    fn possessive_plural_may_close() {
        assert_eq!(
            roles("the Joneses' house"),
            vec![("'".into(), Role::CloseOrApostrophe)]
        );
    }

    #[test]
    fn primes_are_not_marks() {
        assert!(roles("a 5'11\" forward and a 6\u{2019}2\u{201D} guard").is_empty());
    }

    #[test]
    fn doubled_ascii_marks_are_one_double_mark() {
        let m = classify("``Yes,'' he said");
        assert_eq!(m.len(), 2);
        assert_eq!((m[0].family, m[0].role), (Family::Double, Role::Open));
        assert_eq!(
            (m[1].family, m[1].role, m[1].end - m[1].start),
            (Family::Double, Role::Close, 2)
        );
    }

    #[test]
    fn misprinted_curly_mark_follows_its_neighbours() {
        assert_eq!(roles("\u{201D}Mr. Smith left.")[0].1, Role::Open);
    }
}
