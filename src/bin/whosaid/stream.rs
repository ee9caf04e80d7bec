//! `--jsonl` as a pipe step: lines in, one answer per line out, in order, on several cores.
//!
//! One thread reads lines (`lines.rs`), `jobs` threads analyse them, and the calling thread
//! writes the answers in input order as they come, flushing whenever it has written all it
//! has. A window bounds what is in flight (read and not yet written): so many bytes of input
//! and so many lines; the reader waits while it is full, so memory stays flat whatever the
//! input's size. Each line is analysed on its own, by the same code whatever thread takes it:
//! the output's bytes do not depend on `jobs`.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::thread;

use whosaid::jsonl::{self, BadLine};
use whosaid::{Extractor, Options};

use crate::lines::{Lines, Raw};

/// What to do with a line that cannot be analysed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Errors {
    /// Say so on stderr, with its line number, and write nothing for it (exit status 1).
    Stderr,
    /// Write its error record in its place (exit status 0).
    Records,
}

/// The settings of a `--jsonl` run.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The threads that analyse.
    pub jobs: usize,
    /// Bad lines: on stderr or as records.
    pub errors: Errors,
    /// The input fields passed through.
    pub keep: Vec<String>,
    /// The longest line analysed, in bytes.
    pub max_bytes: usize,
    /// The report's options.
    pub options: Options,
}

/// Input bytes in flight at most (a longer line is still let in when nothing else is).
const WINDOW_BYTES: usize = 16 << 20;
/// Lines in flight at most.
const WINDOW_LINES: usize = 4096;

/// The answer to one line.
enum Answer {
    /// Its prediction.
    Line(String),
    /// It was refused: why, and what could be read of it.
    Bad(BadLine),
    /// A blank line, which the default mode passes over.
    Blank,
}

/// Runs the pipe: reads `input` to its end, writes one answer per line to `out`. Returns
/// whether every line was analysed (in `Records` mode a refused line still counts as
/// answered); an error reading the input or writing the output ends the run.
pub fn run(
    input: Box<dyn BufRead + Send>,
    out: &mut impl Write,
    settings: Settings,
) -> io::Result<bool> {
    let settings = Arc::new(settings);
    let window = Arc::new(Window::default());
    // (the window bounds what waits in the channel)
    let (work_tx, work_rx) = mpsc::channel::<(u64, Raw)>();
    let (done_tx, done_rx) = mpsc::channel::<(u64, usize, Answer)>();

    let reader = {
        let (window, max) = (Arc::clone(&window), settings.max_bytes);
        thread::spawn(move || -> io::Result<()> {
            let mut lines = Lines::new(input, max);
            let mut n = 0;
            while let Some(raw) = lines.next_line()? {
                if !window.enter(raw.held()) || work_tx.send((n, raw)).is_err() {
                    break;
                }
                n += 1;
            }
            Ok(())
        })
    };
    let work_rx = Arc::new(Mutex::new(work_rx));
    for _ in 0..settings.jobs.max(1) {
        let (work_rx, done_tx, settings) =
            (Arc::clone(&work_rx), done_tx.clone(), Arc::clone(&settings));
        thread::spawn(move || {
            let extractor = Extractor::new();
            loop {
                // (the lock is held only to take a line, not while it is analysed)
                let job = work_rx.lock().unwrap_or_else(|p| p.into_inner()).recv();
                let Ok((n, raw)) = job else { break };
                let held = raw.held();
                let answer = answer(&extractor, raw, &settings);
                if done_tx.send((n, held, answer)).is_err() {
                    break;
                }
            }
        });
    }
    drop(done_tx);

    let result = write_in_order(&done_rx, out, &settings, &window);
    if result.is_err() {
        // (the reader stops at its next line; the run returns without waiting for it, which
        // may be blocked reading a terminal)
        window.close();
        return result;
    }
    match reader.join() {
        Ok(read) => read?,
        Err(_) => return Err(io::Error::other("the input reader failed")),
    }
    result
}

/// Writes the answers in input order as they arrive, flushing when none is waiting.
fn write_in_order(
    done: &mpsc::Receiver<(u64, usize, Answer)>,
    out: &mut impl Write,
    settings: &Settings,
    window: &Window,
) -> io::Result<bool> {
    let mut all_good = true;
    let mut waiting = BTreeMap::new();
    let mut next = 0u64;
    loop {
        let item = match done.try_recv() {
            Ok(item) => item,
            Err(mpsc::TryRecvError::Empty) => {
                out.flush()?;
                match done.recv() {
                    Ok(item) => item,
                    Err(_) => break,
                }
            }
            Err(mpsc::TryRecvError::Disconnected) => break,
        };
        waiting.insert(item.0, (item.1, item.2));
        while let Some((held, answer)) = waiting.remove(&next) {
            let line = next + 1;
            next += 1;
            window.leave(held);
            match answer {
                Answer::Line(json) => {
                    out.write_all(json.as_bytes())?;
                    out.write_all(b"\n")?;
                }
                Answer::Blank => {}
                Answer::Bad(bad) => match settings.errors {
                    Errors::Records => {
                        out.write_all(bad.record(line).as_bytes())?;
                        out.write_all(b"\n")?;
                    }
                    Errors::Stderr => {
                        all_good = false;
                        eprintln!("whosaid: line {line}: {}", bad.message);
                    }
                },
            }
        }
    }
    out.flush()?;
    Ok(all_good)
}

/// The answer to one line: its prediction, or why it was refused.
fn answer(extractor: &Extractor, raw: Raw, settings: &Settings) -> Answer {
    let unreadable = |message: String| Answer::Bad(BadLine::unreadable(message, &settings.keep));
    let mut bytes = match raw {
        Raw::Line(bytes) => bytes,
        Raw::TooLong(len, head) => {
            let mut bad = BadLine::unreadable(
                format!(
                    "the line has {len} bytes, over the limit of {} (--max-bytes)",
                    settings.max_bytes
                ),
                &settings.keep,
            );
            bad.id = leading_id(&head);
            return Answer::Bad(bad);
        }
    };
    if bytes.starts_with("\u{feff}".as_bytes()) {
        bytes.drain(..3);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return match settings.errors {
            Errors::Records => unreadable("an empty line".into()),
            Errors::Stderr => Answer::Blank,
        };
    }
    let line = match String::from_utf8(bytes) {
        Ok(line) => line,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            return unreadable(format!("not UTF-8 (byte {at} of the line)"));
        }
    };
    let input = match jsonl::read_record(&line, &settings.keep) {
        Ok(input) => input,
        Err(bad) => return Answer::Bad(bad),
    };
    drop(line);
    // (the analysis does not panic on any text, as the fuzzing and the property tests check;
    // should it ever, one article of a million is refused, not the run)
    match panic::catch_unwind(AssertUnwindSafe(|| {
        jsonl::predict(extractor, &input, &settings.options)
    })) {
        Ok(json) => Answer::Line(json),
        Err(_) => Answer::Bad(BadLine {
            message: "internal error: the analysis failed on this text (please report it)".into(),
            id: Some(input.id),
            kept: input.kept,
        }),
    }
}

/// The id of a line cut short, when the line opens with it (`{"id": "a1", "text": …`), so
/// that its error record can still name the article.
fn leading_id(head: &[u8]) -> Option<Box<serde_json::value::RawValue>> {
    let head = String::from_utf8_lossy(head);
    let rest = head.trim_start_matches('\u{feff}').trim_start();
    let rest = rest.strip_prefix('{')?.trim_start();
    let rest = rest.strip_prefix("\"id\"")?.trim_start();
    let rest = rest.strip_prefix(':')?;
    let mut values =
        serde_json::Deserializer::from_str(rest).into_iter::<&serde_json::value::RawValue>();
    let raw = values.next()?.ok()?;
    let value: serde_json::Value = serde_json::from_str(raw.get()).ok()?;
    (value.is_string() || value.is_number()).then(|| raw.to_owned())
}

/// What is in flight: read, not yet written.
#[derive(Default)]
struct Window {
    state: Mutex<InFlight>,
    changed: Condvar,
}

#[derive(Default)]
struct InFlight {
    bytes: usize,
    lines: usize,
    closed: bool,
}

impl Window {
    /// Waits for room for a line holding `bytes`; false once the run is over.
    fn enter(&self, bytes: usize) -> bool {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        while !s.closed
            && s.lines > 0
            && (s.lines >= WINDOW_LINES || s.bytes + bytes > WINDOW_BYTES)
        {
            s = self.changed.wait(s).unwrap_or_else(|p| p.into_inner());
        }
        s.bytes += bytes;
        s.lines += 1;
        !s.closed
    }

    /// A line written.
    fn leave(&self, bytes: usize) {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        s.bytes -= bytes.min(s.bytes);
        s.lines = s.lines.saturating_sub(1);
        self.changed.notify_all();
    }

    /// The run is over: the reader stops.
    fn close(&self) {
        self.state.lock().unwrap_or_else(|p| p.into_inner()).closed = true;
        self.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_of_a_line_cut_short_is_read_from_its_head() {
        let id = |s: &str| leading_id(s.as_bytes()).map(|r| r.get().to_string());
        assert_eq!(
            id(r#"{"id": "a1", "text": "xxxx"#).as_deref(),
            Some(r#""a1""#)
        );
        assert_eq!(id(r#"{ "id" : 42,"text":"#).as_deref(), Some("42"));
        assert_eq!(id(r#"{"text": "x", "id": "a1"}"#), None);
        assert_eq!(id(r#"{"id": "unfinished"#), None);
        assert_eq!(id(r#"{"id": [1], "text": ""#), None);
    }
}
