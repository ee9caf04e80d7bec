#!/usr/bin/env python3
"""whosaid as an Apache Spark step: who said what in an archive of articles (PySpark 4).

    spark-submit examples/spark/whosaid_spark.py articles.jsonl out/ --binary target/release/whosaid
    python3 examples/spark/whosaid_spark.py articles.parquet out/ --mode arrow --keep url,date

Input: JSON lines or Parquet with `id`, `text` and any other fields (`--keep` names those to
carry along). The binary is shipped to the executors with the job (`SparkContext.addFile`; under Spark
Connect, `addArtifacts(file=True)`) and run there as `whosaid --jsonl
--errors=records --jobs 1`, one process per partition; Spark runs the partitions in parallel.
JSON lines go to it exactly as read, so it parses them and answers a bad line with an error
record, just as on the command line. Two ways to run it:

  --mode pipe   (default) `RDD.pipe`, the classic Spark way to run a program on each partition.
  --mode arrow  `DataFrame.mapInArrow`, a subprocess per partition fed by a writer thread while
                its answers are read line by line: for Spark Connect and platforms without RDDs.

Output, under the output directory:
  predictions/  the binary's lines (text, JSON), one per input line: the CLI's own output, with
                the `line` of an error record counted over the whole input (see below)
  quotes/       Parquet, a row per quotation: id, kept fields, quote (its index), kind, text,
                start, end, speaker (+ start, end), actor and actor_kind, cue (+ start, end), closed
  actors/       Parquet, a row per actor: id, kept fields, actor (its index), name, kind, titles,
                mentions and quotes (counts)
  errors/       Parquet, a row per bad input line: id (null when unreadable), kept fields,
                line, error
Offsets are UTF-16 code units, as in the CLI's JSON.

Each partition's binary numbers its own lines from 1, so the job counts the lines of each
partition first (one quick extra pass over the input) and adds the lines of the partitions
before it: an error record's `line` is then the line in the input file (for several files,
counted over them in Spark's reading order; for Parquet, the row's position in that order).
The same count checks that the binary answered every line. A binary that crashes or exits with
a non-zero status fails the job: the script prints which and exits with status 1.
"""
import argparse
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time

from pyspark import SparkFiles, TaskContext
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

# The part of the binary's output the tables read (the CLI's --jsonl format); FAILFAST makes a
# line that does not fit fail the job rather than turn into nulls.
SPAN = "STRUCT<start: INT, `end`: INT, text: STRING>"
PREDICTION_SCHEMA = (
    "id STRING, line LONG, error STRING, "
    f"quotes ARRAY<STRUCT<start: INT, `end`: INT, text: STRING, kind: STRING, speaker: {SPAN}, "
    f"actor: INT, cue: {SPAN}, closed: BOOLEAN>>, "
    "actors ARRAY<STRUCT<id: INT, name: STRING, kind: STRING, titles: ARRAY<STRING>, "
    f"mentions: ARRAY<{SPAN}>, quotes: ARRAY<INT>>>"
)

# The tail of an error record: `..., "line": N, "error": "..."}`. A `,"` cannot occur inside a
# JSON string (its quote would be escaped), and a prediction ends with `]}`, so this matches
# error records only.
ERROR_TAIL = re.compile(r',"line":(\d+)(,"error":"(?:[^"\\]|\\.)*"\})$')


def binary_failed(binary, status, stderr_tail=""):
    """The message of a failed run of the binary (status < 0: killed by that signal)."""
    how = f"status {status}"
    if status < 0:
        how = f"signal {signal.Signals(-status).name}"
    # on one line: the driver keeps the first line of a task's error
    tail = " | ".join(stderr_tail.strip().splitlines()[-5:])
    tail = f"; its stderr ended with: {tail}" if tail else ""
    return f"whosaid failed: {binary} exited with {how}{tail}"


def renumber(lines, offset, expected):
    """The binary's lines for one partition, error records' `line` moved by `offset`; fails
    unless there is exactly one answer per input line."""
    n = 0
    for line in lines:
        n += 1
        if line.endswith('"}'):
            line = ERROR_TAIL.sub(lambda m: f',"line":{int(m[1]) + offset}{m[2]}', line)
        yield line
    if n != expected:
        raise RuntimeError(f"whosaid failed: it gave {n} lines for {expected} input lines")


def read_lines(spark, path, fmt, keep):
    """The input as one binary column, a JSON line per article. JSON lines stay the bytes they
    are, cut at "\\n" only, as the CLI cuts them (the binary parses them); Parquet rows become
    {"id", "text", kept fields}."""
    if fmt == "jsonl":
        df = spark.read.option("lineSep", "\n").text(path)
        return df.select(F.col("value").cast("binary"))
    df = spark.read.parquet(path)
    line = F.to_json(F.struct("id", "text", *[c for c in keep if c in df.columns]))
    return df.select(line.cast("binary"))


def count_per_partition(lines):
    """{partition index: number of lines}; empty partitions are left out."""
    p = F.spark_partition_id().alias("p")
    return {r["p"]: r["count"] for r in lines.select(p).groupBy("p").count().collect()}


def run_pipe(spark, lines, name, args, offsets, counts):
    """`RDD.pipe`: one command line for every partition, fixed on the driver, so an executor
    is asked where SparkFiles put the binary (on a cluster `./whosaid`, in the executor's work
    directory; in local mode the driver's temporary directory)."""
    sc = spark.sparkContext
    binary = sc.parallelize([0], 1).map(lambda _: SparkFiles.get(name)).first()
    # RDD.pipe writes strings: bytes that are not UTF-8 become U+FFFD here
    text = lines.rdd.map(lambda row: row[0].decode("utf-8", errors="replace"))
    out = text.pipe(shlex.join([binary, *args]), checkCode=True)
    out = out.mapPartitionsWithIndex(
        lambda i, it: renumber(it, offsets.get(i, 0), counts.get(i, 0)))
    return spark.createDataFrame(out.map(lambda line: (line,)), "value STRING")


def whosaid_arrow(name, args, offsets, counts, batch_rows=1024):
    """The `mapInArrow` function: runs the binary on a partition's record batches, a thread
    writing its standard input while the answers are read, `batch_rows` to an Arrow batch."""
    import pyarrow as pa

    def run(batches):
        part = TaskContext.get().partitionId()
        binary = SparkFiles.get(name)
        failure = []

        def feed(stdin):
            try:
                for batch in batches:
                    for line in batch.column(0).to_pylist():
                        stdin.write(line + b"\n")
            except BrokenPipeError:
                pass  # the binary ended early: its exit status says why
            except BaseException as e:  # reading the input failed: so must the task
                failure.append(e)
            finally:
                try:
                    stdin.close()
                except BrokenPipeError:
                    pass

        def checked(proc, writer, stderr):
            """The answer lines, then the exit status checked (with the stderr tail)."""
            for raw in proc.stdout:
                yield raw.rstrip(b"\n").decode("utf-8")
            writer.join()
            status = proc.wait()
            if status != 0:
                stderr.seek(max(0, stderr.seek(0, os.SEEK_END) - 2000))
                tail = stderr.read().decode("utf-8", errors="replace")
                raise RuntimeError(binary_failed(binary, status, tail))
            if failure:
                raise failure[0]

        with tempfile.TemporaryFile() as stderr:
            proc = subprocess.Popen([binary, *args], stdin=subprocess.PIPE,
                                    stdout=subprocess.PIPE, stderr=stderr)
            writer = threading.Thread(target=feed, args=(proc.stdin,), daemon=True)
            writer.start()
            try:
                rows = []
                lines = checked(proc, writer, stderr)
                for line in renumber(lines, offsets.get(part, 0), counts.get(part, 0)):
                    rows.append(line)
                    if len(rows) == batch_rows:
                        yield pa.RecordBatch.from_pydict({"value": rows})
                        rows = []
                if rows:
                    yield pa.RecordBatch.from_pydict({"value": rows})
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()

    return run


def build_tables(spark, out, keep):
    """quotes/, actors/ and errors/ (Parquet) from the predictions/ lines."""
    schema = PREDICTION_SCHEMA + "".join(f", `{k}` STRING" for k in keep)
    preds = (spark.read.schema(schema).option("mode", "FAILFAST")
             .json(os.path.join(out, "predictions")))
    kept = [F.col(f"`{k}`") for k in keep]
    ok = preds.where(F.col("error").isNull())
    q = ok.select("id", *kept, F.posexplode("quotes").alias("quote", "q"), "actors")
    actor = F.get(F.col("actors"), F.col("q.actor"))
    quotes = q.select(
        "id", *kept, "quote", "q.kind", "q.text", "q.start", "q.end",
        F.col("q.speaker.text").alias("speaker"),
        F.col("q.speaker.start").alias("speaker_start"),
        F.col("q.speaker.end").alias("speaker_end"),
        actor["name"].alias("actor"), actor["kind"].alias("actor_kind"),
        F.col("q.cue.text").alias("cue"),
        F.col("q.cue.start").alias("cue_start"), F.col("q.cue.end").alias("cue_end"),
        "q.closed")
    a = ok.select("id", *kept, F.posexplode("actors").alias("actor", "a"))
    actors = a.select("id", *kept, "actor", "a.name", "a.kind", "a.titles",
                      F.size("a.mentions").alias("mentions"), F.size("a.quotes").alias("quotes"))
    errors = preds.where(F.col("error").isNotNull()).select("id", *kept, "line", "error")
    for table, df in (("quotes", quotes), ("actors", actors), ("errors", errors)):
        df.write.mode("overwrite").parquet(os.path.join(out, table))


def run_job(spark, args):
    """Ships the binary, runs it over the input, writes predictions/ and the tables."""
    keep = [k for k in args.keep.split(",") if k]
    fmt = args.format or ("parquet" if args.input.rstrip("/").endswith((".parquet", ".pq"))
                          else "jsonl")
    if args.partitions:
        # Splits of about size/N bytes, in file order (a repartition would lose the order the
        # line numbers are counted in).
        spark.conf.set("spark.sql.files.minPartitionNum", str(args.partitions))
        spark.conf.set("spark.sql.files.openCostInBytes", "65536")
    connect = type(spark).__module__.startswith("pyspark.sql.connect")
    if args.mode == "pipe" and connect:
        raise ValueError("--mode pipe needs RDDs, which Spark Connect has not: use --mode arrow")
    binary = os.path.abspath(args.binary)
    if connect:
        spark.addArtifacts(binary, file=True)  # (Spark Connect has no SparkContext)
    else:
        spark.sparkContext.addFile(binary)
    name = os.path.basename(binary)
    cli = ["--jsonl", "--errors=records", "--jobs", "1"]
    if keep:
        cli += ["--keep", ",".join(keep)]

    seconds = {}
    t = time.monotonic()
    lines = read_lines(spark, args.input, fmt, keep)
    counts = count_per_partition(lines)
    offsets, total = {}, 0
    for p in sorted(counts):
        offsets[p], total = total, total + counts[p]
    seconds["line count"], t = time.monotonic() - t, time.monotonic()
    if args.mode == "pipe":
        predictions = run_pipe(spark, lines, name, cli, offsets, counts)
    else:
        predictions = lines.mapInArrow(whosaid_arrow(name, cli, offsets, counts), "value STRING")
    predictions.write.mode("overwrite").text(os.path.join(args.output, "predictions"))
    seconds["whosaid and predictions/"], t = time.monotonic() - t, time.monotonic()
    build_tables(spark, args.output, keep)
    seconds["tables"] = time.monotonic() - t
    return total, seconds


def failure_message(e):
    """The line of a Spark job's error that says why: the binary's failure when it is there."""
    text = str(e)  # with the Python traceback of a failed task, when a task failed
    m = re.search(r"Error: (whosaid failed: .*)", text)
    if m:
        return m[1]
    m = re.search(r"Pipe function `(.*)` exited with error code (-?\d+)", text)
    if m:
        return binary_failed(shlex.split(m[1])[0], int(m[2]))
    return text.strip().splitlines()[0]


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", help="JSON lines or Parquet (file, directory or glob)")
    ap.add_argument("output", help="output directory (its predictions/ and tables are replaced)")
    ap.add_argument("--binary", default="target/release/whosaid",
                    help="the whosaid binary, built for the executors' platform")
    ap.add_argument("--mode", choices=["pipe", "arrow"], default="pipe")
    ap.add_argument("--format", choices=["jsonl", "parquet"],
                    help="default: parquet for a .parquet/.pq input, else jsonl")
    ap.add_argument("--keep", default="", help="input fields to carry along, e.g. url,date")
    ap.add_argument("--partitions", type=int, help="about this many tasks (default: Spark's)")
    ap.add_argument("--master", help="e.g. local[2] (default: spark-submit's, else local[*])")
    ap.add_argument("--remote", help="a Spark Connect server, e.g. sc://host:15002 (arrow only)")
    return ap.parse_args(argv)


def main(argv=None, spark=None):
    """Runs the job (in `spark` when given, as the tests do); returns the exit status."""
    args = parse_args(argv)
    if spark is None:
        builder = SparkSession.builder.appName("whosaid")
        if args.remote:
            builder = builder.remote(args.remote)
        elif args.master:
            builder = builder.master(args.master)
        spark = builder.getOrCreate()
    try:
        n, seconds = run_job(spark, args)
    except Exception as e:
        print(f"whosaid_spark: the job failed: {failure_message(e)}", file=sys.stderr)
        return 1
    took = ", ".join(f"{what} {s:.1f} s" for what, s in seconds.items())
    total = sum(seconds.values())
    print(f"whosaid_spark: {n} input lines -> {args.output} in {total:.1f} s ({took})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
