//! The case files of `tests/cases/*.toml` and the golden articles of `tests/golden/`: each
//! case gives a text and the quotations the tool must report, as text (span, kind, speaker,
//! cue, actor).
//!
//! A file with `indirect = true` at its top lists reported speech too and is compared on
//! every quotation; the others are compared on direct quotations only. A case may carry
//! `pending = "why"`: its speaker, cue and actor checks wait for a later stage (the spans
//! are still checked); the runner lists pending cases so they stay visible.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use whosaid::{Analysis, Extractor, QuoteKind};

#[derive(Debug)]
struct Expected {
    text: String,
    indirect: bool,
    speaker: Option<String>,
    actor: Option<String>,
    cue: Option<String>,
}

fn expected_quotes(table: &toml::Table, key: &str) -> Vec<Expected> {
    let Some(arr) = table.get(key).and_then(|v| v.as_array()) else {
        return Vec::new();
    };
    arr.iter()
        .map(|q| {
            let q = q.as_table().expect("a quote is a table");
            let s = |k: &str| q.get(k).map(|v| v.as_str().expect("a string").to_string());
            Expected {
                text: s("text").expect("a quote has text"),
                indirect: s("kind").is_some_and(|k| k == "indirect"),
                speaker: s("speaker"),
                actor: s("actor"),
                cue: s("cue"),
            }
        })
        .collect()
}

/// Lower-case words without a leading article, for comparing actor names.
fn name_words(s: &str) -> Vec<String> {
    let mut w: Vec<String> = s
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if w.first().is_some_and(|f| f == "the") {
        w.remove(0);
    }
    w
}

/// Compares an analysis with the expectations; returns the differences.
fn check(
    text: &str,
    analysis: &Analysis,
    expected: &[Expected],
    with_indirect: bool,
    check_attribution: bool,
) -> Vec<String> {
    let mut problems = Vec::new();
    let quotes: Vec<_> = analysis
        .quotes
        .iter()
        .filter(|q| with_indirect || q.kind == QuoteKind::Direct)
        .collect();
    let got: Vec<String> = quotes
        .iter()
        .map(|q| {
            format!(
                "{}{}",
                if q.kind == QuoteKind::Indirect {
                    "(indirect) "
                } else {
                    ""
                },
                q.span.text(text)
            )
        })
        .collect();
    let want: Vec<String> = expected
        .iter()
        .map(|e| format!("{}{}", if e.indirect { "(indirect) " } else { "" }, e.text))
        .collect();
    if got != want {
        problems.push(format!(
            "quotes differ:\n    want {want:?}\n    got  {got:?}"
        ));
        return problems;
    }
    if !check_attribution {
        return problems;
    }
    for (q, e) in quotes.iter().zip(expected) {
        let speaker = q.speaker.map_or("", |s| s.text(text));
        let cue = q.cue.map_or("", |s| s.text(text));
        if let Some(want) = &e.speaker {
            if speaker != want {
                problems.push(format!("{:?}: speaker {speaker:?}, want {want:?}", e.text));
            }
        }
        if let Some(want) = &e.cue {
            if cue != want {
                problems.push(format!("{:?}: cue {cue:?}, want {want:?}", e.text));
            }
        }
        if let Some(want) = &e.actor {
            let got = q.actor.map_or("", |a| analysis.actors[a].name.as_str());
            let (g, w) = (name_words(got), name_words(want));
            if w.is_empty() != g.is_empty() || !g.ends_with(&w) {
                problems.push(format!("{:?}: actor {got:?}, want {want:?}", e.text));
            }
        }
    }
    problems
}

fn toml_files(dir: &str, suffix: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    files.sort();
    files
}

#[test]
fn case_files() {
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    let mut pending = Vec::new();
    let mut n = 0;
    for file in toml_files("tests/cases", ".toml") {
        let src = fs::read_to_string(&file).expect("readable case file");
        let table: toml::Table = src
            .parse()
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let with_indirect = table
            .get("indirect")
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        for case in table
            .get("case")
            .and_then(|c| c.as_array())
            .expect("[[case]] entries")
        {
            let case = case.as_table().expect("a case is a table");
            let title = case
                .get("name")
                .and_then(|v| v.as_str())
                .expect("a case has a name");
            let text = case
                .get("text")
                .and_then(|v| v.as_str())
                .expect("a case has text");
            let waiting = case.get("pending").and_then(|v| v.as_str());
            if let Some(why) = waiting {
                pending.push(format!("{name}: {title} ({why})"));
            }
            n += 1;
            let analysis = extractor.extract(text);
            let problems = check(
                text,
                &analysis,
                &expected_quotes(case, "quote"),
                with_indirect,
                waiting.is_none(),
            );
            if !problems.is_empty() {
                failures.push(format!("{name}: {title}\n  {}", problems.join("\n  ")));
            }
        }
    }
    if !pending.is_empty() {
        eprintln!(
            "{} pending attribution checks:\n  {}",
            pending.len(),
            pending.join("\n  ")
        );
    }
    assert!(n >= 50, "only {n} cases found");
    assert!(
        failures.is_empty(),
        "{} of {n} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn golden_articles() {
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    let files = toml_files("tests/golden", ".expected.toml");
    assert!(files.len() >= 3, "golden articles missing");
    for expected_file in files {
        let name = expected_file
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".expected.toml", "");
        let text = fs::read_to_string(expected_file.with_file_name(format!("{name}.txt")))
            .expect("article text");
        let table: toml::Table = fs::read_to_string(&expected_file)
            .expect("expected file")
            .parse()
            .expect("TOML");
        let with_indirect = table
            .get("indirect")
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        let waiting = table.get("pending").and_then(|v| v.as_str());
        let analysis = extractor.extract(&text);
        let problems = check(
            &text,
            &analysis,
            &expected_quotes(&table, "quote"),
            with_indirect,
            waiting.is_none(),
        );
        if !problems.is_empty() {
            failures.push(format!("{name}:\n  {}", problems.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
