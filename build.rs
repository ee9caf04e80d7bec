//! Build script: prepares the word lists of `src/lexicon/` for the library, so that reading
//! them at run time is only cutting lines (no lower-casing or normalising, and no allocation
//! per word): in a browser, the first analysis of a page would otherwise spend most of its
//! time parsing the lists.
//!
//! For each list `NAME.txt` it writes `OUT_DIR/NAME.prep`: the same lines in the same order
//! (which keeps them as compressible as the source), without the comment lines (the
//! provenance headers stay in the repository, not in the binary), section lines (`[verb]`)
//! as they are, entries with their `|`-separated forms trimmed and already in the form they
//! are looked up in: lower-cased, and for the gazetteer normalised as `normalise_name` does,
//! after the entry's canonical name (`=` when that is only the canonical name lower-cased). `first-names` and `gendered` become one list,
//! `gendered.prep`; `places` and `bodies` one gazetteer, `known.prep`.

#![forbid(unsafe_code)]

use std::collections::BTreeMap;
use std::{env, fs, path::Path};

include!("src/lexicon/normalise.rs");

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    println!("cargo:rerun-if-changed=src/lexicon");
    // lists of an earlier layout must not linger (the size report reads this directory)
    for entry in fs::read_dir(out).expect("OUT_DIR is readable").flatten() {
        if entry
            .path()
            .extension()
            .is_some_and(|e| e == "prep" || e == "txt")
        {
            fs::remove_file(entry.path()).expect("OUT_DIR is writable");
        }
    }
    let mut lists = BTreeMap::new();
    for entry in fs::read_dir("src/lexicon").expect("src/lexicon is readable") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            println!("cargo:rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path).expect("a lexicon is UTF-8 text");
            let name = path.file_stem().and_then(|n| n.to_str()).expect("a name");
            lists.insert(name.to_string(), text);
        }
    }
    let list = |name: &str| -> &str {
        lists
            .get(name)
            .unwrap_or_else(|| panic!("src/lexicon/{name}.txt is missing"))
    };
    let write = |name: &str, text: String| {
        fs::write(out.join(format!("{name}.prep")), text).expect("OUT_DIR is writable");
    };
    // looked up as written ("Mr.", "The")
    for name in ["abbreviations", "starters"] {
        write(name, prepare(&[list(name)], |f, _| f.to_string()));
    }
    // looked up lower-cased
    let lower = |f: &str, _: usize| f.to_lowercase();
    for name in [
        "organisations",
        "titles",
        "place-words",
        "cues",
        "naming",
        "things",
        "function-words",
        "openers",
        "predicates",
    ] {
        write(name, prepare(&[list(name)], lower));
    }
    write(
        "gendered",
        prepare(&[list("first-names"), list("gendered")], lower),
    );
    // the gazetteer: the canonical name as written, then every name normalised ("@" kept)
    write(
        "known",
        prepare(&[list("places"), list("bodies")], |f, i| {
            let (at, name) = match f.strip_prefix('@') {
                Some(capital) => ("@", capital),
                None => ("", f),
            };
            let key = format!("{at}{}", normalise_name(name));
            match i {
                // "=": the key is the canonical name in ASCII lower case (most entries; the
                // library lower-cases it rather than the list holding every name twice)
                0 if name.is_ascii() && key == name.to_ascii_lowercase() => format!("{f}|="),
                0 => format!("{f}|{key}"),
                _ => key,
            }
        }),
    );
}

/// The lines of `sources` without comments and blank lines; section lines as they are, and
/// each `|`-separated form of an entry trimmed and turned into `form(form, its position)`.
fn prepare(sources: &[&str], form: impl Fn(&str, usize) -> String) -> String {
    let mut out = String::new();
    for src in sources {
        for l in src.lines().map(str::trim) {
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            if l.starts_with('[') {
                out.push_str(l);
            } else {
                let forms: Vec<String> = l
                    .split('|')
                    .enumerate()
                    .map(|(i, f)| form(f.trim(), i))
                    .collect();
                out.push_str(&forms.join("|"));
            }
            out.push('\n');
        }
    }
    out
}
