#!/usr/bin/env python3
"""The Spark example (examples/spark/whosaid_spark.py) against the CLI, in one process.

    python tests/spark/test_spark.py --binary target/release/whosaid --workdir target/spark-test

Run by scripts/spark-test.sh, which makes the venv and sets SPARK_LOCAL_IP, PYSPARK_PYTHON and
PYTHONPATH (examples/spark, so the workers can import the job's functions). One local[2]
session runs the checks, then a local Spark Connect server does. Input: the 2,000 articles of
make_articles.py with two bad lines among them (one not JSON, one without `text`), in 4
partitions. Checks, each timed:
  - pipe and arrow: the predictions sorted equal the CLI's output sorted, byte for byte (error
    records and their line numbers included); the quotes, actors and errors tables hold what
    the CLI's output says, row for row;
  - Parquet input (arrow path): the same predictions as the CLI for the 2,000 articles;
  - a BOM, CRLF, a bare CR inside a line and Latin-1 bytes: the arrow path answers as the CLI
    does; the pipe path too, but for bytes that are not UTF-8 (it sees U+FFFD);
  - a binary killed by SIGSEGV after 20 lines fails the job with a message saying so (both
    paths); one exiting with status 3 (arrow, its stderr shown) and one stopping early with
    status 0 (pipe: too few answers) fail it too;
  - through Spark Connect (a local server, same JVM): the arrow path gives the CLI's output and
    fails on the crashing binary; the pipe path is refused (Connect has no RDDs);
  - the script itself, run as a program with the crashing binary, exits with status 1.
Prints "N passed, M failed" and exits 1 when a check failed.
"""
import argparse
import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import time
import traceback

import pyarrow as pa
import pyarrow.parquet as pq
from pyspark import SparkContext
from pyspark.sql import SparkSession

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EXAMPLE = os.path.join(ROOT, "examples", "spark")
sys.path.insert(0, EXAMPLE)
import whosaid_spark  # noqa: E402

KEEP = "url,date"
PARTITIONS = "4"


class Checks:
    def __init__(self):
        self.passed, self.failed = 0, 0

    def run(self, name, fn):
        t = time.monotonic()
        try:
            fn()
            self.passed += 1
            status = "ok"
        except Exception:
            self.failed += 1
            status = "FAILED"
            traceback.print_exc()
        print(f"[{time.monotonic() - t:5.1f} s] {status}: {name}", flush=True)


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


# Bytes the line reading must keep: a BOM, CRLF, a bare CR inside a line, Latin-1.
ODD = (b'\xef\xbb\xbf{"id": "bom", "text": "\\"Yes,\\" she said."}\n'
       b'{"id": "crlf", "text": "\\"No,\\" he said."}\r\n'
       b'{"id": "cr", "text": "a"}\r{"id": "x", "text": "b"}\n'
       b'{"id": "latin-1", "text": "\\"Caf\xe9,\\" said Ann Cole."}\n')


def make_input(work, binary):
    """The input files, by name, and the CLI's answers for them (bytes)."""
    good = os.path.join(work, "good.jsonl")
    subprocess.run([sys.executable, os.path.join(EXAMPLE, "make_articles.py"), "-n", "2000",
                    "-o", good], check=True)
    with open(good, "rb") as f:
        lines = f.read().splitlines(keepends=True)
    files = {
        "good": b"".join(lines),
        "jsonl": b"".join(lines[:700] + [b'{"id": "no-text", "url": "u"}\n'] + lines[700:1500]
                          + [b"not JSON {\n"] + lines[1500:]),
        "small": b"".join(lines[:100]),
        "odd": ODD + lines[0],
    }
    paths = {name: os.path.join(work, name + ".jsonl") for name in files}
    for name, data in files.items():
        with open(paths[name], "wb") as f:
            f.write(data)
    paths["parquet"] = os.path.join(work, "articles.parquet")
    pq.write_table(pa.Table.from_pylist([json.loads(line) for line in lines]), paths["parquet"],
                   row_group_size=250)  # several row groups, so that Spark can split the file
    cli = [binary, "--jsonl", "--errors=records", "--keep", KEEP, "--jobs", "1"]
    answers = {name: subprocess.run(cli, input=data, check=True, capture_output=True).stdout
               for name, data in files.items()}
    # RDD.pipe writes strings, so the pipe path sees U+FFFD for bytes that are not UTF-8
    utf8 = files["odd"].decode("utf-8", errors="replace").encode("utf-8")
    answers["odd-pipe"] = subprocess.run(cli, input=utf8, check=True, capture_output=True).stdout
    return paths, answers


def write_binary(work, name, body):
    """A shell script standing in for the binary (RDD.pipe runs it with an empty environment)."""
    path = os.path.join(work, name)
    with open(path, "w") as f:
        f.write("#!/bin/sh\n" + body + "\n")
    os.chmod(path, 0o755)
    return path


def predictions(out):
    """The job's predictions/ lines as bytes, sorted, and the number of part files."""
    d = os.path.join(out, "predictions")
    parts = sorted(p for p in os.listdir(d) if p.startswith("part-"))
    lines = []
    for p in parts:
        with open(os.path.join(d, p), "rb") as f:
            lines += f.read().splitlines()
    return sorted(lines), len(parts)


def tables_from_cli(cli_lines):
    """What the quotes, actors and errors tables must hold, from the CLI's output."""
    quotes, actors, errors = [], [], []
    for line in cli_lines:
        d = json.loads(line)
        if "error" in d:
            errors.append((d["id"], d["line"], d["error"]))
            continue
        for n, q in enumerate(d["quotes"]):
            actor = d["actors"][q["actor"]]["name"] if q["actor"] is not None else None
            speaker = q["speaker"]["text"] if q["speaker"] else None
            quotes.append((d["id"], d["url"], n, q["kind"], q["text"], q["start"], q["end"],
                           speaker, actor))
        for a in d["actors"]:
            actors.append((d["id"], a["id"], a["name"], a["kind"], tuple(a["titles"]),
                           len(a["mentions"]), len(a["quotes"])))
    return sorted(quotes, key=repr), sorted(actors, key=repr), sorted(errors, key=repr)


def tables_from_job(out):
    rows = {t: pq.read_table(os.path.join(out, t)).to_pylist()
            for t in ("quotes", "actors", "errors")}
    quotes = [(r["id"], r["url"], r["quote"], r["kind"], r["text"], r["start"], r["end"],
               r["speaker"], r["actor"]) for r in rows["quotes"]]
    actors = [(r["id"], r["actor"], r["name"], r["kind"], tuple(r["titles"]), r["mentions"],
               r["quotes"]) for r in rows["actors"]]
    errors = [(r["id"], r["line"], r["error"]) for r in rows["errors"]]
    return sorted(quotes, key=repr), sorted(actors, key=repr), sorted(errors, key=repr)


def job(spark, *argv):
    """Runs the job in this session: (exit status, its stderr)."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = whosaid_spark.main([str(a) for a in argv], spark=spark)
    return status, err.getvalue()


def check_same_as_cli(spark, src, out, cli_output, binary, *extra):
    status, err = job(spark, src, out, "--binary", binary, "--keep", KEEP,
                      "--partitions", PARTITIONS, *extra)
    expect(status == 0, f"the job failed: {err}")
    got, parts = predictions(out)
    want = sorted(cli_output.splitlines())
    expect(parts >= 2, f"{parts} part file(s): the input was not split, line numbers untested")
    expect(len(got) == len(want), f"{len(got)} prediction lines, the CLI gave {len(want)}")
    for g, w in zip(got, want):
        expect(g == w, f"a line differs from the CLI's:\n  spark: {g[:300]!r}\n"
                       f"  cli:   {w[:300]!r}")
    job_tables, cli_tables = tables_from_job(out), tables_from_cli(want)
    for name, j, c in zip(("quotes", "actors", "errors"), job_tables, cli_tables):
        expect(len(j) == len(c), f"{name}: {len(j)} rows, the CLI's output has {len(c)}")
        expect(j == c, f"{name}: the rows differ from the CLI's output")
    print(f"    {len(got)} lines, {parts} partitions; rows: "
          + ", ".join(f"{n} {len(t)}" for n, t in zip(("quotes", "actors", "errors"), job_tables)))


def set_log_level(level):
    """Spark's log level, in a classic or a local Connect session (its server runs in our JVM)."""
    SparkContext._active_spark_context.setLogLevel(level)


def check_bytes(spark, src, out, cli_output, binary, mode):
    status, err = job(spark, src, out, "--binary", binary, "--keep", KEEP, "--mode", mode)
    expect(status == 0, f"the job failed: {err}")
    got, want = predictions(out)[0], sorted(cli_output.splitlines())
    expect(got == want, f"the predictions differ from the CLI's:\n{got}\n{want}")


def check_fails(spark, src, out, binary, mode, *words):
    set_log_level("OFF")  # the expected task failure's stack traces
    try:
        status, err = job(spark, src, out, "--binary", binary, "--mode", mode, "--partitions", "2")
    finally:
        set_log_level("WARN")
    expect(status == 1, f"exit status {status}, not 1: {err}")
    for w in words:
        expect(w in err, f"the message lacks {w!r}: {err}")
    print("    " + err.strip().splitlines()[-1][:400])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "whosaid"))
    ap.add_argument("--workdir", default=os.path.join(ROOT, "target", "spark-test"))
    args = ap.parse_args()
    binary, work = os.path.abspath(args.binary), os.path.abspath(args.workdir)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    paths, cli = make_input(work, binary)
    segv = write_binary(work, "segv.sh", f"/usr/bin/head -n 20 | {binary} \"$@\"\nkill -SEGV $$")
    exit3 = write_binary(work, "exit3.sh", f"{binary} \"$@\"\necho 'out of cheese' >&2\nexit 3")
    early = write_binary(work, "early.sh", f"/usr/bin/head -n 20 | {binary} \"$@\"")

    t = time.monotonic()
    spark = (SparkSession.builder.master("local[2]").appName("whosaid-spark-test")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("WARN")
    print(f"[{time.monotonic() - t:5.1f} s] Spark {spark.version} session (local[2])", flush=True)

    checks = Checks()
    out = lambda name: os.path.join(work, name)  # noqa: E731
    checks.run("pipe: 2,002 lines, the same predictions and tables as the CLI",
               lambda: check_same_as_cli(spark, paths["jsonl"], out("pipe"), cli["jsonl"], binary))
    checks.run("arrow: 2,002 lines, the same predictions and tables as the CLI",
               lambda: check_same_as_cli(spark, paths["jsonl"], out("arrow"), cli["jsonl"], binary,
                                         "--mode", "arrow"))
    checks.run("arrow, Parquet input: the same predictions and tables as the CLI",
               lambda: check_same_as_cli(spark, paths["parquet"], out("parquet"), cli["good"],
                                         binary, "--mode", "arrow"))
    checks.run("arrow: lines as bytes (BOM, CRLF, a bare CR, Latin-1) as the CLI reads them",
               lambda: check_bytes(spark, paths["odd"], out("odd-arrow"), cli["odd"], binary,
                                   "arrow"))
    checks.run("pipe: the same, but bytes that are not UTF-8 read as U+FFFD",
               lambda: check_bytes(spark, paths["odd"], out("odd-pipe"), cli["odd-pipe"], binary,
                                   "pipe"))
    checks.run("pipe: a binary killed by SIGSEGV fails the job",
               lambda: check_fails(spark, paths["small"], out("f1"), segv, "pipe",
                                   "whosaid failed", "segv.sh", "SIGSEGV"))
    checks.run("arrow: a binary killed by SIGSEGV fails the job",
               lambda: check_fails(spark, paths["small"], out("f2"), segv, "arrow",
                                   "whosaid failed", "segv.sh", "SIGSEGV"))
    checks.run("arrow: a binary exiting with status 3 fails the job, its stderr shown",
               lambda: check_fails(spark, paths["small"], out("f3"), exit3, "arrow",
                                   "whosaid failed", "status 3", "out of cheese"))
    checks.run("pipe: a binary answering 20 lines of its ~50 (status 0) fails the job",
               lambda: check_fails(spark, paths["small"], out("f4"), early, "pipe",
                                   "whosaid failed", "gave 20 lines for"))
    spark.stop()

    t = time.monotonic()
    spark = SparkSession.builder.remote("local[2]").getOrCreate()
    print(f"[{time.monotonic() - t:5.1f} s] Spark Connect session (local[2])", flush=True)
    checks.run("Spark Connect, arrow: the same predictions and tables as the CLI",
               lambda: check_same_as_cli(spark, paths["jsonl"], out("connect"), cli["jsonl"],
                                         binary, "--mode", "arrow"))
    checks.run("Spark Connect, arrow: a binary killed by SIGSEGV fails the job",
               lambda: check_fails(spark, paths["small"], out("f6"), segv, "arrow",
                                   "whosaid failed", "segv.sh", "SIGSEGV"))
    checks.run("Spark Connect, pipe: refused, with a message that says why",
               lambda: check_fails(spark, paths["small"], out("f7"), binary, "pipe",
                                   "--mode pipe needs RDDs"))
    spark.stop()

    def as_program():
        cmd = [sys.executable, os.path.join(EXAMPLE, "whosaid_spark.py"), paths["small"],
               out("f5"), "--binary", segv, "--mode", "arrow", "--master", "local[2]"]
        p = subprocess.run(cmd, capture_output=True, text=True)
        expect(p.returncode == 1, f"exit status {p.returncode}, not 1: {p.stderr[-2000:]}")
        expect("whosaid failed" in p.stderr and "SIGSEGV" in p.stderr, p.stderr[-2000:])
    checks.run("the script run as a program: a crashing binary gives exit status 1",
               as_program)

    print(f"spark: {checks.passed} passed, {checks.failed} failed")
    sys.exit(1 if checks.failed else 0)


if __name__ == "__main__":
    main()
