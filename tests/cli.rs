//! The `whosaid` command line: table, `--json`, `--jsonl` with bad lines, HTML input.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

const ARTICLE: &str = "Port talks resume\n\n\u{201C}We will not go back to work for this,\u{201D} said Rosa Quinlan, the union leader.\n";

#[test]
fn table_lists_speaker_cue_and_quote() {
    let o = run(&["-"], ARTICLE);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.contains("Rosa Quinlan") && out.contains("said") && out.contains("We will not go back"),
        "{out}"
    );
}

#[test]
fn json_is_the_report() {
    let o = run(&["--json", "-"], ARTICLE);
    assert!(o.status.success());
    let expected = whosaid::with_report(ARTICLE, &whosaid::Options::default(), |r| r.to_json());
    assert_eq!(stdout(&o).trim_end(), expected);
}

#[test]
fn jsonl_reports_bad_lines_and_goes_on() {
    let input = format!(
        "{}\nnot json\n{{\"id\": 7}}\n\n{}\n",
        serde_json::json!({"id": "a", "text": ARTICLE}),
        serde_json::json!({"id": "b", "text": "No quotes here."})
    );
    let o = run(&["--jsonl"], &input);
    assert_eq!(
        o.status.code(),
        Some(1),
        "a failed line makes the exit status 1"
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("line 2") && err.contains("line 3"), "{err}");
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["quotes"][0]["speaker"]["text"], "Rosa Quinlan");
    assert_eq!(lines[1]["id"], "b");
    assert_eq!(lines[1]["quotes"], serde_json::json!([]));
}

#[test]
fn jsonl_all_good_exits_zero() {
    let o = run(
        &["--jsonl", "-"],
        &format!("{}\n", serde_json::json!({"id": 1, "text": ARTICLE})),
    );
    assert!(o.status.success());
}

#[test]
fn html_files_are_read_as_their_visible_text() {
    let dir = std::env::temp_dir().join(format!("whosaid-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("page.html");
    std::fs::write(
        &page,
        "<html><head><script>var q = \"not a quote\";</script></head><body><h1>Port talks</h1>\
         <p>&ldquo;We will <em>not</em> go back,&rdquo; said Rosa Quinlan.</p></body></html>",
    )
    .unwrap();
    let o = run(&["--json", page.to_str().unwrap()], "");
    std::fs::remove_dir_all(&dir).ok();
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["quotes"].as_array().unwrap().len(), 1);
    assert_eq!(
        v["quotes"][0]["text"],
        "\u{201C}We will not go back,\u{201D}"
    );
}

#[test]
fn bad_usage_is_an_error() {
    let o = run(&["--frobnicate"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--frobnicate"));
    let o = run(&["/no/such/file.txt"], "");
    assert_eq!(o.status.code(), Some(2));
}
