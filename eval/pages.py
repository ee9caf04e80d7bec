#!/usr/bin/env python3
"""Evaluation on real news pages: the in-page highlighter (www/highlight.min.js) and the
extension on ../shared/data/pages, measured by ../shared/eval/pages/ (run.mjs, summarize.py),
with the floors of eval/pages-floors.json.

    python3 eval/pages.py [--shared ../shared] [--out DIR] [--page-js on|off|both] [--quick]

Runs run.mjs (headless Chromium, no network: one server on 127.0.0.1), then summarize.py
--check for each page-JS mode (its targets: every page's article found, median precision,
spillover, CLI quotations found, no actor name with a run of whitespace, text intact), then
the checks below, and fails when a figure misses its floor:
- the same speaker on the quotations found both in the page and by the CLI in the clean article;
- no run of whitespace in a quotation's, speaker's or cue's text;
- no reported speech in a headline; no byline author (expected-metadata.json) as a speaker;
- no page where highlight() failed; highlight(options) (options first) works;
- the extension (three pages): toggle highlights and clears, the page text is intact, and it
  finds the quotations highlight() finds.
Screenshots of six pages with the panel open go to www/browser-test/screenshots/pages/.
--quick: page JS on only, no extension, no screenshots. When ../shared/data/pages is absent,
says so and exits 0 (skipped).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHOTS = "bbc-1,guardian-1,nytimes-1,quanta-1,bug-1255978,seattletimes-1"
EXTENSION = "bbc-1,nytimes-1,guardian-1"
RUN = re.compile(r"\s{2,}|[^\S \u00a0]")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--out", default=None)
    ap.add_argument("--page-js", default="both", choices=["on", "off", "both"])
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    pages = os.path.join(args.shared, "data", "pages")
    harness = os.path.join(args.shared, "eval", "pages")
    if not os.path.isdir(pages) or not os.path.isfile(os.path.join(harness, "run.mjs")):
        print(f"evaluation on real pages: skipped ({pages} or {harness}/run.mjs is absent)")
        return 0
    floors = json.load(open(os.path.join(ROOT, "eval", "pages-floors.json")))
    out = args.out or tempfile.mkdtemp(prefix="whosaid-pages-")
    shots = os.path.join(ROOT, "www", "browser-test", "screenshots", "pages")
    os.makedirs(shots, exist_ok=True)
    js = "on" if args.quick else args.page_js
    cmd = ["node", os.path.join(harness, "run.mjs"), ROOT, pages, "--out", out, "--page-js", js,
           "--shots-dir", shots, "--shots", "none" if args.quick else SHOTS]
    cmd += ["--no-extension"] if args.quick else ["--extension", EXTENSION]
    print("$", " ".join(cmd), flush=True)
    if subprocess.run(cmd).returncode != 0:
        print("error: run.mjs failed", file=sys.stderr)
        return 1
    results_file = os.path.join(out, "results.json")
    data = json.load(open(results_file))
    failures = []
    for mode in (["on", "off"] if js == "both" else [js]):
        r = subprocess.run([sys.executable, os.path.join(harness, "summarize.py"), results_file, "--js", mode, "--check"],
                           capture_output=True, text=True)
        print(f"summarize.py (page JS {mode}): {r.stdout.strip()}")
        if r.returncode != 0:
            failures.append(f"summarize.py --check, page JS {mode}: {r.stdout.strip().splitlines()[-1]}")

    rows = [r for r in data["results"] if r.get("js") == "on"]
    matched = sum(r.get("cli", {}).get("matched", 0) for r in rows)
    same = sum(r.get("cli", {}).get("sameSpeaker", 0) for r in rows)
    spaced = [(r["name"], q["text"][:60]) for r in data["results"] for q in r.get("quotes", [])
              if any(t and RUN.search(t) for t in (q.get("text"), q.get("speaker"), q.get("cue")))]
    headline_reported = [(r["name"], q["text"][:60]) for r in data["results"] for q in r.get("quotes", [])
                         if q.get("kind") == "indirect" and (q.get("landmark") or "").startswith("h1")]
    bylines = []
    for r in data["results"]:
        meta = os.path.join(pages, r["name"], "expected-metadata.json")
        byline = (json.load(open(meta)).get("byline") or "") if os.path.isfile(meta) else ""
        names = [w for w in re.findall(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)+", byline)]
        for q in r.get("quotes", []):
            who = " ".join(x for x in (q.get("actor"), q.get("speaker")) if x)
            if any(n in who or (who and who in n and len(who) > 3) for n in names):
                bylines.append((r["name"], byline, who))
    errors = [(r["name"], r["js"], r["errors"][:1]) for r in data["results"] if r.get("errors")]
    probe = data.get("probe") or {}
    figures = {
        "same_speaker_share": same / matched if matched else 1.0,
        "texts_with_space_runs": len(spaced),
        "headline_reported_speech": len(headline_reported),
        "byline_author_as_speaker": len(bylines),
        "pages_with_errors": len(errors),
        "options_first_works": 1 if probe.get("ok") and probe.get("same") else 0,
    }
    ext = data.get("extension")
    if ext is not None:
        done = [p for p in ext.get("pages", []) if p.get("toggle") == "highlighted"]
        page_quotes = {r["name"]: r.get("quotesTotal") for r in rows}
        figures["extension_pages_toggled"] = len(done)
        figures["extension_pages_right"] = sum(
            1 for p in done
            if p.get("toggle2") == "cleared" and p.get("sameWhileHighlighted") and p.get("sameAfterClear")
            and p.get("quotes") == page_quotes.get(p["name"]) and p.get("panel", {}).get("entries", 0) > 0)
    print("figures: " + " | ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items()))
    for what, items in (("whitespace runs", spaced), ("headline reported speech", headline_reported),
                        ("byline author as speaker", bylines), ("errors", errors)):
        for item in items[:5]:
            print(f"  {what}: {item}")
    for key, (op, floor) in floors["floors"].items():
        if key not in figures:
            continue
        v = figures[key]
        if not (v >= floor if op == ">=" else v <= floor):
            failures.append(f"{key} = {v} (floor {op} {floor})")
    print(f"results: {results_file}; screenshots: {shots}")
    if failures:
        for f in failures:
            print(f"error: {f}", file=sys.stderr)
        return 1
    print(f"evaluation on real pages: {len(rows)} pages, all floors hold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
