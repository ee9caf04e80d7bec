//! `whosaid`: who said what in a news article, from the command line.
//!
//! ```text
//! whosaid ARTICLE.txt|ARTICLE.html|-      a readable who-said-what table
//! whosaid --json ARTICLE                  the JSON record (as the wasm API returns it)
//! whosaid --jsonl [INPUT.jsonl|-]         {"id","text"} lines in, one prediction line out
//! ```
#![forbid(unsafe_code)]

mod lines;
mod stream;

use std::io::{self, Read, Write};
use std::process::ExitCode;

use whosaid::{jsonl, Extractor, Options, Report};

use crate::stream::{Errors, Settings};

const USAGE: &str = "\
usage: whosaid [--json] [--rejected] FILE|-
       whosaid --jsonl [--errors=stderr|records] [--keep FIELD,...] [--jobs N]
                       [--max-bytes N] [--rejected] [FILE|-]
       whosaid --version | --help

Reads a news article (plain text, or HTML when the file name ends in .html/.htm) and prints
who said what. --json prints the JSON record the JavaScript API returns (UTF-16 offsets).

--jsonl reads one {\"id\": ..., \"text\": ...} object per line (from FILE or standard input)
and writes one prediction per line, in input order, in the format of the evaluation scorer.
  --errors=stderr   (default) a bad line is reported on stderr with its line number and
                    skipped, blank lines are passed over; the run goes on
  --errors=records  every input line gets exactly one output line: a bad line gets
                    {\"id\": ...|null, \"line\": N, \"error\": \"...\"} in its place
  --keep url,date   passes these input fields through, after the id (null when absent)
  --jobs N          threads analysing (default: every core); the output is the same
  --max-bytes N     the longest line analysed, in bytes (default 4000000); a longer one
                    is a bad line, read to its end but not kept
A bad line: not JSON, no \"id\" or \"text\", a text that is no string, not UTF-8, over
--max-bytes, or empty. CRLF line ends and a UTF-8 byte order mark are accepted.

--rejected also lists quoted phrases judged not to be speech.

Exit status: 0 when every line was answered (with --errors=records, error records
included); 1 when a line was bad under --errors=stderr; 2 for a usage error, an input
that cannot be read or an output that cannot be written.";

/// The default of `--max-bytes`: 4 MB, a hundred times a long news article. A line costs
/// about 17 times its size in memory while it is analysed.
const MAX_BYTES: usize = 4_000_000;

enum Mode {
    Table,
    Json,
    Jsonl,
}

fn main() -> ExitCode {
    let mut mode = Mode::Table;
    let mut options = Options::default();
    let mut path: Option<String> = None;
    let mut errors = Errors::Stderr;
    let mut keep: Vec<String> = Vec::new();
    let mut jobs: Option<usize> = None;
    let mut max_bytes = MAX_BYTES;
    let mut jsonl_only: Option<&str> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        // (`--name=value` or `--name value`)
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let takes_value = matches!(
            name.as_str(),
            "--errors" | "--keep" | "--jobs" | "--max-bytes"
        );
        if inline.is_some() && !takes_value {
            return usage_error(&format!("{name} takes no value"));
        }
        let value = if takes_value {
            match inline.or_else(|| args.next()) {
                Some(v) => v,
                None => return usage_error(&format!("{name} needs a value")),
            }
        } else {
            String::new()
        };
        match name.as_str() {
            "--json" => mode = Mode::Json,
            "--jsonl" => mode = Mode::Jsonl,
            "--rejected" => options.rejected = true,
            "--errors" => {
                jsonl_only = Some("--errors");
                errors = match value.as_str() {
                    "stderr" => Errors::Stderr,
                    "records" => Errors::Records,
                    v => return usage_error(&format!("--errors is stderr or records, not {v:?}")),
                }
            }
            "--keep" => {
                jsonl_only = Some("--keep");
                keep = value.split(',').map(|s| s.trim().to_string()).collect();
                if let Err(e) = jsonl::check_keep(&keep) {
                    return usage_error(&e);
                }
            }
            "--jobs" => {
                jsonl_only = Some("--jobs");
                match value.parse::<usize>() {
                    Ok(n) if (1..=1024).contains(&n) => jobs = Some(n),
                    _ => {
                        return usage_error(&format!(
                            "--jobs is a number of threads from 1 to 1024, not {value:?}"
                        ))
                    }
                }
            }
            "--max-bytes" => {
                jsonl_only = Some("--max-bytes");
                match value.parse::<usize>() {
                    Ok(n) if n > 0 => max_bytes = n,
                    _ => {
                        return usage_error(&format!(
                            "--max-bytes is a number of bytes above 0, not {value:?}"
                        ))
                    }
                }
            }
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
        Mode::Jsonl => {
            let jobs = jobs.unwrap_or_else(|| {
                std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
            });
            let settings = Settings {
                jobs,
                errors,
                keep,
                max_bytes,
                options,
            };
            run_jsonl(path.as_deref(), settings)
        }
        Mode::Table | Mode::Json => {
            if let Some(option) = jsonl_only {
                return usage_error(&format!("{option} goes with --jsonl"));
            }
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

fn run_jsonl(path: Option<&str>, settings: Settings) -> io::Result<bool> {
    let input: Box<dyn io::BufRead + Send> = match path {
        None | Some("-") => Box::new(io::BufReader::with_capacity(1 << 16, io::stdin())),
        Some(p) => Box::new(io::BufReader::with_capacity(
            1 << 16,
            std::fs::File::open(p).map_err(|e| io::Error::new(e.kind(), format!("{p}: {e}")))?,
        )),
    };
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    stream::run(input, &mut out, settings)
}
