#!/usr/bin/env python3
"""Evaluation: the whosaid CLI over the gold data in ../shared/data, scored by
../shared/eval/score.py, with the floors of eval/floors.json.

    python3 eval/run.py [--cli target/release/whosaid] [--shared ../shared] [--only NAME]

For each data set: make the input with make_input.py, run `whosaid --jsonl`, score, print the
scorer's table, and check (1) the scorer found no invalid item and (2) every floor holds.
Exits 1 when a check fails. When ../shared/data is absent, says so and exits 0 (skipped).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# name -> (gold file under data/, make_input filter args)
DATASETS = {
    "polnear-dev": ("polnear/dev.jsonl", []),
    "seed": ("seed/gold.jsonl", []),
    "gum-news-train": ("gum/news-train.jsonl", []),
    "polnear-train": ("polnear/train.jsonl", []),
    "gum-other-genres": ("gum/other-genres.jsonl", []),
}


def lookup(metrics, path):
    node = metrics
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", default=os.path.join(ROOT, "target", "release", "whosaid"))
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    ap.add_argument("--only", action="append", help="run only this data set (repeatable)")
    a = ap.parse_args()

    data = os.path.join(a.shared, "data")
    scorer = os.path.join(a.shared, "eval", "score.py")
    make_input = os.path.join(a.shared, "eval", "make_input.py")
    if not (os.path.isdir(data) and os.path.isfile(scorer)):
        print(f"evaluation SKIPPED: {data} or {scorer} is absent (the gold data is not in this checkout)")
        return 0
    if not os.path.isfile(a.cli):
        print(f"error: the CLI {a.cli} is missing; build it with cargo build --release", file=sys.stderr)
        return 1
    with open(os.path.join(ROOT, "eval", "floors.json"), encoding="utf-8") as fh:
        floors = json.load(fh)

    failures = []
    checked = 0
    with tempfile.TemporaryDirectory(prefix="whosaid-eval-") as tmp:
        for name, (rel, filt) in DATASETS.items():
            if a.only and name not in a.only:
                continue
            gold = os.path.join(data, rel)
            if not os.path.isfile(gold):
                print(f"\n== {name}: {gold} absent, skipped")
                continue
            inp = os.path.join(tmp, f"{name}.in.jsonl")
            pred = os.path.join(tmp, f"{name}.pred.jsonl")
            subprocess.run([sys.executable, make_input, gold, *filt, "-o", inp], check=True,
                           stderr=subprocess.DEVNULL)
            with open(inp, "rb") as fin, open(pred, "wb") as fout:
                run = subprocess.run([a.cli, "--jsonl"], stdin=fin, stdout=fout, stderr=subprocess.PIPE)
            if run.returncode != 0:
                failures.append(f"{name}: the CLI exited {run.returncode}: {run.stderr.decode()[:500]}")
                continue
            print(f"\n== {name}: {rel}")
            table = subprocess.run([sys.executable, scorer, "--gold", gold, "--pred", pred],
                                   capture_output=True, text=True)
            print(table.stdout.rstrip())
            js = subprocess.run([sys.executable, scorer, "--gold", gold, "--pred", pred, "--json"],
                                capture_output=True, text=True)
            try:
                report = json.loads(js.stdout)
            except json.JSONDecodeError:
                failures.append(f"{name}: the scorer gave no JSON (exit {js.returncode}): {js.stderr[:500]}")
                continue
            checked += 1
            if not report.get("valid", False) or report.get("errors"):
                failures.append(f"{name}: the scorer found invalid items: {report.get('errors')}")
            for path, floor in floors.get(name, {}).items():
                value = lookup(report["metrics"], path)
                ok = value is not None and value >= floor
                print(f"   floor {path} >= {floor}: {value} {'ok' if ok else 'FAIL'}")
                if not ok:
                    failures.append(f"{name}: {path} = {value}, below its floor {floor}")
    print()
    if failures:
        print("evaluation FAILED:\n  " + "\n  ".join(failures))
        return 1
    print(f"evaluation: {checked} data sets scored, all floors hold, no invalid items")
    return 0


if __name__ == "__main__":
    sys.exit(main())
