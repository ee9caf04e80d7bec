// Shared by the library (src/lexicon/mod.rs) and build.rs, which normalises the gazetteer's
// names at build time: one definition, `include!`d by both.

/// A name as the gazetteer keys it: lower-cased, without periods, a leading "the" or a
/// possessive ending, curly apostrophes made straight and spaces single ("U.S." and "US"
/// read alike, as do "Iran's" and "Iran").
///
/// ```
/// use whosaid::lexicon::normalise_name;
///
/// assert_eq!(normalise_name("the U.S."), "us");
/// assert_eq!(normalise_name("Norway\u{2019}s"), "norway");
/// assert_eq!(normalise_name("Dockworkers   Union"), "dockworkers union");
/// ```
pub fn normalise_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for w in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            match c {
                '.' => {}
                '\u{2019}' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    let out = out.strip_prefix("the ").map(str::to_string).unwrap_or(out);
    match out.strip_suffix("'s") {
        Some(stem) if !stem.is_empty() => stem.to_string(),
        _ => out,
    }
}
