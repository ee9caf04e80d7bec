//! HTML to text, for the CLI: the visible text of a page, one block per paragraph.
//!
//! A small reader, not a full parser: tags are dropped, the contents of `script`, `style`,
//! `noscript`, `template`, `head` and `svg` skipped, block elements and `<br>` become line
//! breaks, and character references are decoded. The browser shim reads the DOM itself.

const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "iframe", "object",
];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "pre",
    "hr",
    "main",
    "nav",
    "dd",
    "dt",
    "dl",
    "title",
];

/// The visible text of an HTML document, paragraphs separated by blank lines.
///
/// ```
/// use whosaid::html::to_text;
///
/// let html = "<html><head><title>Harbour news</title><script>let x = 1;</script></head>\
///             <body><h1>Terminal approved</h1>\
///             <p>&ldquo;At last,&rdquo; said   Ana Ruiz.<br>Work starts in May.</p>\
///             </body></html>";
/// assert_eq!(
///     to_text(html),
///     "Terminal approved\n\n\u{201C}At last,\u{201D} said Ana Ruiz.\nWork starts in May."
/// );
/// ```
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skipping: Option<String> = None;
    while let Some(lt) = rest.find('<') {
        if skipping.is_none() {
            push_text(&mut out, &rest[..lt]);
        }
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |e| &rest[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(s) = &skipping {
            if closing && &name == s {
                skipping = None;
            }
            continue;
        }
        if !closing && SKIP.contains(&name.as_str()) && !tag.ends_with('/') {
            skipping = Some(name);
            continue;
        }
        if BLOCK.contains(&name.as_str()) {
            if name == "br" {
                out.push('\n');
            } else if !out.ends_with("\n\n") && !out.is_empty() {
                out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
            }
        }
    }
    if skipping.is_none() {
        push_text(&mut out, rest);
    }
    out.trim().to_string()
}

fn push_text(out: &mut String, raw: &str) {
    let mut s = raw;
    while !s.is_empty() {
        let (chunk, tail) = match s.find('&') {
            Some(i) => (&s[..i], &s[i..]),
            None => (s, ""),
        };
        push_collapsed(out, chunk);
        s = tail;
        if s.is_empty() {
            break;
        }
        match s[1..]
            .find(';')
            .filter(|&e| e <= 10)
            .and_then(|e| decode(&s[1..e + 1]).map(|c| (c, e)))
        {
            Some((c, e)) => {
                out.push(c);
                s = &s[e + 2..];
            }
            None => {
                out.push('&');
                s = &s[1..];
            }
        }
    }
}

/// Runs of white space (new lines included) become one space, as a browser shows them.
fn push_collapsed(out: &mut String, s: &str) {
    for c in s.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            if !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

fn decode(entity: &str) -> Option<char> {
    if let Some(num) = entity.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return Some(char::from_u32(code).unwrap_or('\u{FFFD}'));
    }
    Some(match entity {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "laquo" => '\u{AB}',
        "raquo" => '\u{BB}',
        "bdquo" => '\u{201E}',
        "mdash" => '\u{2014}',
        "ndash" => '\u{2013}',
        "hellip" => '\u{2026}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs_and_scripts_vanish() {
        let html = "<html><head><title>T</title><script>var x = \"<p>\";</script></head><body>\
                    <h1>Talks resume</h1><p>&ldquo;We are ready,&rdquo; she said.<br>Next line</p>\
                    <p>Fish &amp; chips &#8212; &#x1F600; &bogus; end</p></body></html>";
        assert_eq!(
            to_text(html),
            "Talks resume\n\n\u{201C}We are ready,\u{201D} she said.\nNext line\n\nFish & chips \u{2014} \u{1F600} &bogus; end"
        );
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for s in [
            "<",
            "<p",
            "&",
            "&#",
            "&#xZZ;",
            "<script>never closed",
            "a <!-- open",
            "&#1114112;",
        ] {
            let _ = to_text(s);
        }
    }
}
