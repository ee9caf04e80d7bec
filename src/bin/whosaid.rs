//! `whosaid`: who said what in a news article, from the command line.
//!
//! ```text
//! whosaid ARTICLE.txt|ARTICLE.html|-      a readable who-said-what table
//! whosaid --json ARTICLE                  the JSON record (as the wasm API returns it)
//! whosaid --jsonl [INPUT.jsonl|-]         {"id","text"} lines in, one prediction line out
//! ```
#![forbid(unsafe_code)]

use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

use whosaid::{jsonl, Extractor, Options, Report};

const USAGE: &str = "\
usage: whosaid [--json] [--rejected] FILE|-
       whosaid --jsonl [--rejected] [FILE|-]
       whosaid --version | --help

Reads a news article (plain text, or HTML when the file name ends in .html/.htm) and prints
who said what. --json prints the JSON record the JavaScript API returns (UTF-16 offsets).
--jsonl reads one {\"id\": ..., \"text\": ...} object per line and writes one prediction per
line in the format of the evaluation scorer; a bad line is reported on stderr with its line
number and the run goes on (exit status 1 if any line failed). --rejected also lists quoted
phrases judged not to be speech.";

enum Mode {
    Table,
    Json,
    Jsonl,
}

fn main() -> ExitCode {
    let mut mode = Mode::Table;
    let mut options = Options::default();
    let mut path: Option<String> = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => mode = Mode::Json,
            "--jsonl" => mode = Mode::Jsonl,
            "--rejected" => options.rejected = true,
            "--version" | "-V" => {
                println!("whosaid {}", whosaid::VERSION);
                return ExitCode::SUCCESS;
            }
            "--help" | "-h" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with('-') && s != "-" => {
                return usage_error(&format!("unknown option {s}"))
            }
            s => {
                if path.replace(s.to_string()).is_some() {
                    return usage_error("more than one input file");
                }
            }
        }
    }
    let result = match mode {
        Mode::Jsonl => run_jsonl(path.as_deref(), &options),
        Mode::Table | Mode::Json => {
            let Some(path) = path else {
                return usage_error("no input file (use - for standard input)");
            };
            run_one(&path, matches!(mode, Mode::Json), &options)
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("whosaid: {e}");
            ExitCode::from(2)
        }
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("whosaid: {msg}\n\n{USAGE}");
    ExitCode::from(2)
}

fn read_input(path: &str) -> io::Result<String> {
    let mut bytes = Vec::new();
    if path == "-" {
        io::stdin().read_to_end(&mut bytes)?;
    } else {
        bytes =
            std::fs::read(path).map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?;
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let lower = path.to_ascii_lowercase();
    Ok(if lower.ends_with(".html") || lower.ends_with(".htm") {
        whosaid::html::to_text(&text)
    } else {
        text
    })
}

fn run_one(path: &str, json: bool, options: &Options) -> io::Result<bool> {
    let text = read_input(path)?;
    let analysis = Extractor::new().extract(&text);
    let report = Report::new(&text, &analysis, options);
    let mut out = io::stdout().lock();
    if json {
        writeln!(out, "{}", report.to_json())?;
    } else {
        write_table(&mut out, &report)?;
    }
    Ok(true)
}

fn shorten(s: &str, max: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let cut: String = s.chars().take(max - 1).collect();
    format!("{cut}\u{2026}")
}

fn write_table(out: &mut impl Write, report: &Report) -> io::Result<()> {
    if report.quotes.is_empty() {
        writeln!(out, "No quotations found.")?;
        return Ok(());
    }
    writeln!(out, "{:<4} {:<28} {:<14} QUOTE", "#", "SPEAKER", "CUE")?;
    for (i, q) in report.quotes.iter().enumerate() {
        let speaker = match (&q.speaker, q.actor) {
            (Some(s), Some(a)) if report.actors[a].name != s.text => {
                format!("{} ({})", s.text, report.actors[a].name)
            }
            (Some(s), _) => s.text.to_string(),
            (None, _) => "?".to_string(),
        };
        let cue = q.cue.as_ref().map_or("-", |c| c.text);
        writeln!(
            out,
            "{:<4} {:<28} {:<14} {}",
            i + 1,
            shorten(&speaker, 28),
            shorten(cue, 14),
            shorten(q.text, 90)
        )?;
    }
    writeln!(
        out,
        "\n{} quotations, {} speakers.",
        report.quotes.len(),
        report.actors.len()
    )?;
    Ok(())
}

fn run_jsonl(path: Option<&str>, options: &Options) -> io::Result<bool> {
    let reader: Box<dyn BufRead> = match path {
        None | Some("-") => Box::new(io::stdin().lock()),
        Some(p) => Box::new(io::BufReader::new(
            std::fs::File::open(p).map_err(|e| io::Error::new(e.kind(), format!("{p}: {e}")))?,
        )),
    };
    let extractor = Extractor::new();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut ok = true;
    for (n, line) in reader.split(b'\n').enumerate() {
        let line = line?;
        let line = String::from_utf8_lossy(&line);
        if line.trim().is_empty() {
            continue;
        }
        match jsonl::read_line(&line) {
            Ok(input) => {
                out.write_all(jsonl::predict(&extractor, &input, options).as_bytes())?;
                out.write_all(b"\n")?;
            }
            Err(msg) => {
                ok = false;
                eprintln!("whosaid: line {}: {msg}", n + 1);
            }
        }
    }
    out.flush()?;
    Ok(ok)
}
