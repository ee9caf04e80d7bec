#!/usr/bin/env python3
"""Throughput of the Spark example per core, against the CLI alone (numbers for its README).

    export PYTHONPATH=examples/spark SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON=target/spark-venv/bin/python
    $PYSPARK_PYTHON tests/spark/bench_spark.py FILE.jsonl... [--runs 3] [--cores 2]

For each input, in one local[N] session: the whole job (line count, binary, predictions and the
three tables written) in both modes, best of --runs, after one warm-up run; then the CLI alone
with --jobs 1. Prints MB/s and articles/s per core (input bytes / wall time / cores), and where
the job's time went (line count; binary and predictions/ written; the three tables).
"""
import argparse
import contextlib
import io
import os
import subprocess
import sys
import tempfile
import time

from pyspark.sql import SparkSession

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "examples", "spark"))
import whosaid_spark  # noqa: E402


def best(fn, runs):
    """The shortest of `runs` runs after a warm-up: (seconds, what that run returned)."""
    fn()
    results = []
    for _ in range(runs):
        t = time.monotonic()
        r = fn()
        results.append((time.monotonic() - t, r))
    return min(results, key=lambda x: x[0])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "whosaid"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cores", type=int, default=2)
    args = ap.parse_args()
    spark = (SparkSession.builder.master(f"local[{args.cores}]").config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    tmp = tempfile.TemporaryDirectory(prefix="whosaid-bench-")
    out = tmp.name
    print(f"{'input':28} {'how':22} {'s':>6} {'MB/s/core':>10} {'articles/s/core':>16}")
    for path in args.inputs:
        size = os.path.getsize(path)
        with open(path, "rb") as f:
            n = sum(1 for _ in f)

        def row(how, secs, cores, phases=""):
            print(f"{os.path.basename(path)[:28]:28} {how:22} {secs:6.2f} "
                  f"{size / 1e6 / secs / cores:10.2f} {n / secs / cores:16.0f}  {phases}",
                  flush=True)

        for mode in ("pipe", "arrow"):
            argv = [path, out, "--binary", args.binary, "--mode", mode,
                    "--partitions", str(2 * args.cores)]
            def job():
                out = io.StringIO()
                with contextlib.redirect_stdout(out):
                    if whosaid_spark.main(argv, spark=spark) != 0:
                        sys.exit(f"the job failed on {path}")
                return out.getvalue().split(" s (", 1)[1].rstrip(")\n")
            secs, phases = best(job, args.runs)
            row(f"spark local[{args.cores}] {mode}", secs, args.cores, phases)
        cli = [args.binary, "--jsonl", "--errors=records", "--jobs", "1", path]
        secs, _ = best(lambda: subprocess.run(cli, check=True, stdout=subprocess.DEVNULL),
                       args.runs)
        row("CLI --jobs 1", secs, 1)
    spark.stop()
    tmp.cleanup()


if __name__ == "__main__":
    main()
