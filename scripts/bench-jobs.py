#!/usr/bin/env python3
"""The CLI as a pipe step (issue 18): --jobs 2 against --jobs 1, and memory on a long stream.

    python3 scripts/bench-jobs.py [--runs 5] [--copies 4]   # speed: --jobs 1 vs 2, same bytes
    python3 scripts/bench-jobs.py --stream-gb 1             # peak RSS streaming N GB through --jsonl

Input: PolNeAR train as `../shared/eval/make_input.py` makes it (../shared/data, measured only,
never committed), repeated --copies times with distinct ids so each run takes a few seconds.
The two job counts run alternately, --runs times each, in the same process; the figure is the
ratio of the medians of wall-clock time. Output bytes are compared on every run.
Needs the release build (cargo build --release) and GNU time (/usr/bin/time) for --stream-gb.
"""
import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "whosaid")
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def polnear_train():
    gold = os.path.join(SHARED, "data", "polnear", "train.jsonl")
    if not os.path.exists(gold):
        sys.exit(f"bench-jobs: {gold} is absent: this benchmark measures on PolNeAR train")
    out = subprocess.run([sys.executable, os.path.join(SHARED, "eval", "make_input.py"), gold],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def write_copies(docs, path, copies=None, min_bytes=None):
    size, k = 0, 0
    with open(path, "w", encoding="utf-8") as f:
        while (copies is not None and k < copies) or (min_bytes is not None and size < min_bytes):
            for d in docs:
                line = json.dumps({"id": f"{k}-{d['id']}", "text": d["text"]}) + "\n"
                f.write(line)
                size += len(line.encode())
            k += 1
    return size, k * len(docs)


def speed(args, docs):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "in.jsonl")
        size, n = write_copies(docs, path, copies=args.copies)
        times = {1: [], 2: []}
        reference = None
        out_path = os.path.join(tmp, "out.jsonl")
        for _ in range(args.runs):
            for jobs in (1, 2):
                # (the output goes to a file: a pipe read by this process would take CPU from
                # the two cores being measured)
                with open(out_path, "wb") as out:
                    t = time.perf_counter()
                    subprocess.run([BIN, "--jsonl", "--jobs", str(jobs), path], check=True, stdout=out)
                    times[jobs].append(time.perf_counter() - t)
                with open(out_path, "rb") as out:
                    digest = hashlib.sha256(out.read()).hexdigest()
                reference = reference or digest
                if digest != reference:
                    sys.exit(f"bench-jobs: --jobs {jobs} wrote different bytes")
        m1, m2 = statistics.median(times[1]), statistics.median(times[2])
        print(f"input: {n} articles ({size / 1e6:.1f} MB), {args.runs} runs each, alternating")
        print(f"--jobs 1: median {m1:.2f} s ({n / m1:.0f} articles/s)")
        print(f"--jobs 2: median {m2:.2f} s ({n / m2:.0f} articles/s, {n / m2 / 2:.0f} per core)")
        print(f"speed-up --jobs 2 / --jobs 1: {m1 / m2:.2f}x; output bytes identical on every run")


def stream(args, docs):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "big.jsonl")
        size, n = write_copies(docs, path, min_bytes=int(args.stream_gb * 1e9))
        for jobs in (1, 2):
            with open(path, "rb") as stdin:
                t = time.perf_counter()
                r = subprocess.run(["/usr/bin/time", "-f", "%M", BIN, "--jsonl", "--jobs", str(jobs),
                                    "--errors=records"], stdin=stdin, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, check=True)
                secs = time.perf_counter() - t
            lines = r.stdout.count(b"\n")
            rss = int(r.stderr.decode().strip().splitlines()[-1])
            print(f"{size / 1e9:.2f} GB, {n} lines on stdin, --jobs {jobs}: {lines} lines out, "
                  f"{secs:.1f} s, peak RSS {rss / 1024:.1f} MB")
            if lines != n:
                sys.exit("bench-jobs: a line was lost")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--copies", type=int, default=4)
    p.add_argument("--stream-gb", type=float)
    args = p.parse_args()
    if not os.access(BIN, os.X_OK):
        sys.exit("bench-jobs: build the CLI first: cargo build --release")
    docs = polnear_train()
    if args.stream_gb:
        stream(args, docs)
    else:
        speed(args, docs)


if __name__ == "__main__":
    main()
