//! The `whosaid` command line: table, `--json`, `--jsonl` with bad lines, HTML input.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: impl AsRef<[u8]>) -> Output {
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
        .write_all(stdin.as_ref())
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
        format!("{}\n", serde_json::json!({"id": 1, "text": ARTICLE})),
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

// --- `--jsonl` as a pipe step (issue 18): one line out per line in, in order ---

fn lines_of(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn article(i: usize) -> String {
    format!(
        "Ferry fares rise\n\n\u{201C}We cannot hold prices any longer,\u{201D} said Ines Varga, \
         the operator's chief executive, in statement number {i}. The council said it would \
         review the increase. \u{1F6A2} Passengers told reporters the rise was unfair.\n"
    )
}

#[test]
fn records_mode_answers_every_line_even_a_bad_one() {
    let input = format!(
        "{}\nnot json\n{{\"id\": 7}}\n\n{{\"id\": \"t\", \"text\": 3}}\n{}\n",
        serde_json::json!({"id": "a", "text": ARTICLE}),
        serde_json::json!({"id": "b", "text": "No quotes here."})
    );
    let o = run(&["--jsonl", "--errors=records"], &input);
    assert_eq!(o.status.code(), Some(0), "error records are answers");
    let lines = lines_of(&o);
    assert_eq!(lines.len(), 6, "one line out per line in");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["quotes"][0]["speaker"]["text"], "Rosa Quinlan");
    let errors: Vec<_> = lines[1..5]
        .iter()
        .map(|l| (l["id"].clone(), l["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        errors,
        [
            (serde_json::Value::Null, 2),
            (serde_json::json!(7), 3),
            (serde_json::Value::Null, 4),
            (serde_json::json!("t"), 5)
        ]
    );
    assert!(lines[1]["error"].as_str().unwrap().starts_with("not JSON"));
    assert_eq!(lines[2]["error"], "no \"text\" field");
    assert_eq!(lines[3]["error"], "an empty line");
    assert_eq!(lines[4]["error"], "\"text\" must be a string");
    assert_eq!(lines[5]["id"], "b");
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn odd_line_ends_and_a_byte_order_mark_are_read() {
    let a = serde_json::json!({"id": "a", "text": ARTICLE}).to_string();
    let b = serde_json::json!({"id": "b", "text": "x"}).to_string();
    // a BOM, CRLF line ends, and no newline after the last line
    let o = run(
        &["--jsonl", "--errors=records"],
        format!("\u{feff}{a}\r\n{b}\r\n{a}"),
    );
    assert!(o.status.success());
    let ids: Vec<_> = lines_of(&o).iter().map(|l| l["id"].clone()).collect();
    assert_eq!(ids, ["a", "b", "a"]);
    assert!(lines_of(&o).iter().all(|l| l.get("error").is_none()));
}

#[test]
fn invalid_utf8_is_a_bad_line_not_a_lost_one() {
    let mut input = serde_json::json!({"id": "a", "text": "x"})
        .to_string()
        .into_bytes();
    input.extend_from_slice(b"\n{\"id\": \"b\", \"text\": \"caf\xe9\"}\n");
    let o = run(&["--jsonl", "--errors=records"], &input);
    let lines = lines_of(&o);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().starts_with("not UTF-8"));
}

#[test]
fn a_line_over_the_limit_gets_an_error_record_naming_its_article() {
    // 50 MB in one line, read to its end but not kept
    let huge = format!(
        "{{\"id\": \"huge\", \"text\": \"{}\"}}",
        "Words and words. ".repeat(3_000_000)
    );
    let input = format!(
        "{huge}\n{}\n",
        serde_json::json!({"id": "after", "text": ARTICLE})
    );
    let o = run(&["--jsonl", "--errors=records"], &input);
    assert!(o.status.success());
    let lines = lines_of(&o);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "huge");
    let msg = lines[0]["error"].as_str().unwrap();
    assert!(
        msg.contains("51000026 bytes") && msg.contains("--max-bytes"),
        "{msg}"
    );
    assert_eq!(lines[1]["id"], "after");
    // the limit is an option; under it the same line is analysed
    let o = run(&["--jsonl", "--max-bytes", "60000000"], &input);
    assert!(o.status.success());
    assert_eq!(lines_of(&o)[0]["id"], "huge");
    assert!(lines_of(&o)[0].get("error").is_none());
}

#[test]
fn kept_fields_come_through_on_results_and_error_records() {
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": 1, "text": ARTICLE, "url": "https://example.org/port", "date": "2026-12-05"}),
        serde_json::json!({"id": 2, "url": "https://example.org/empty"})
    );
    let o = run(
        &["--jsonl", "--errors=records", "--keep", "url,date"],
        &input,
    );
    let lines = lines_of(&o);
    assert!(stdout(&o)
        .starts_with(r#"{"id":1,"url":"https://example.org/port","date":"2026-12-05","quotes":"#));
    assert_eq!(lines[1]["url"], "https://example.org/empty");
    assert_eq!(lines[1]["date"], serde_json::Value::Null);
    assert_eq!(lines[1]["error"], "no \"text\" field");
}

#[test]
fn every_job_count_writes_the_same_bytes_in_input_order() {
    let input: String = (0..300)
        .map(|i| {
            // (texts of very different lengths, so that lines finish out of order)
            let text = article(i).repeat(1 + (i * 7) % 40);
            format!("{}\n", serde_json::json!({"id": i, "text": text}))
        })
        .collect();
    let one = run(&["--jsonl", "--jobs", "1"], &input);
    assert!(one.status.success());
    let ids: Vec<_> = lines_of(&one).iter().map(|l| l["id"].clone()).collect();
    assert_eq!(
        ids,
        (0..300).map(serde_json::Value::from).collect::<Vec<_>>()
    );
    for jobs in ["2", "5"] {
        let many = run(&["--jsonl", "--jobs", jobs], &input);
        assert!(
            many.stdout == one.stdout,
            "--jobs {jobs} differs from --jobs 1"
        );
    }
}

#[test]
fn answers_come_out_while_the_input_is_still_open() {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["--jsonl", "--jobs", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    for id in ["first", "second"] {
        writeln!(stdin, "{}", serde_json::json!({"id": id, "text": ARTICLE})).unwrap();
        stdin.flush().unwrap();
        // (a pipe step that waited for the end of its input would hang here)
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        assert!(line.starts_with(&format!("{{\"id\":\"{id}\"")), "{line}");
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn pipe_options_are_checked() {
    for (args, msg) in [
        (
            &["--jsonl", "--errors=maybe"][..],
            "--errors is stderr or records",
        ),
        (&["--jsonl", "--jobs", "0"], "--jobs is a number"),
        (&["--jsonl", "--jobs"], "--jobs needs a value"),
        (
            &["--jsonl", "--max-bytes", "lots"],
            "--max-bytes is a number",
        ),
        (
            &["--jsonl", "--keep", "quotes"],
            "a field of the output itself",
        ),
        (&["--jobs", "2", "-"], "--jobs goes with --jsonl"),
        (&["--jsonl=yes"], "--jsonl takes no value"),
    ] {
        let o = run(args, "");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(msg), "{args:?}: {err}");
    }
}
