#!/usr/bin/env python3
"""Made-up news articles as `{"id", "url", "date", "text"}` JSON lines, for the Spark example.

    python3 examples/spark/make_articles.py -n 2000 -o /tmp/articles.jsonl [--seed 18]

Every sentence comes from the templates below, written for this project: people with titles,
organisations and places (all invented), quotations cued by "said", "told" and "according
to", with the speaker before or after, quotations over two sentences and nested ones, reported
speech without marks, and plain narrative. Articles run from 2 to about 30 paragraphs. About a
fifth use curly quotation marks; names with accents and an emoji in some texts make UTF-8 byte
offsets and UTF-16 offsets differ. The output depends only on --seed and -n.
"""
import argparse
import json
import random
import sys

FIRST = ["Ann", "Rosa", "Tomas", "Priya", "Idris", "Maren", "Colm", "Yusuf", "Hana", "Bram",
         "Zoë", "José", "Søren", "Chloé", "Émile", "Ngozi", "Kai", "Lena", "Oskar", "Malia"]
LAST = ["Cole", "Quinlan", "Okafor", "Varga", "Holm", "Ferrand", "Ibáñez", "Dahl", "Marchetti",
        "Brandt", "Ashworth", "Nakamura", "Delacroix", "Osei", "Lindqvist", "Moreau", "Kowalczyk"]
TITLES = ["Mayor", "Senator", "Dr.", "Professor", "Minister", "Judge", "Inspector", "Coach",
          "Councillor", "Commissioner"]
ROLES = ["a spokeswoman for", "a spokesman for", "the chief executive of", "a director at",
         "the chair of", "an economist at", "a lawyer for", "the treasurer of"]
ORGS = ["the Northfield Water Board", "Kestrel Logistics", "the Harbour Workers' Union",
        "the Greyford Housing Trust", "Alder & Finch", "the Regional Transit Authority",
        "Bellweather Foods", "the Coastal Schools Council", "Lumen Grid Ltd"]
PLACES = ["Ashbridge", "Port Ellery", "Lower Vance", "Marrow Bay", "Kettleby", "São Brenha",
          "Øster Lund", "Greyford", "Hollin Cross"]
OUTLETS = ["reporters", "the Ashbridge Courier", "a local radio station", "this newspaper"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week",
        "in a statement", "at a meeting"]
CLAIMS = ["we will finish the bridge before the winter", "the numbers simply do not add up",
          "nobody in this town wants the plant to close", "the budget leaves no room for error",
          "our drivers have waited long enough for a fair offer",
          "the river has never been this low in March", "the new rules will cost families money",
          "the school will reopen once the roof is safe", "we did everything the law asked of us",
          "the vote was rushed through without a proper debate",
          "prices should fall by the end of the year", "the station needs another forty staff"]
FACTS = ["The council has {n} members and meets twice a month.",
         "{place} lies about {n} kilometres north of the coast.",
         "Work on the project began {n} years ago.",
         "The company employs {n} people in {place}.",
         "Ticket sales rose by {n} per cent over the summer.",
         "A decision is expected within {n} weeks.",
         "The plan was first put forward in {year}."]
EMOJI = ["🎉", "👍", "🚧", "🌊", "📉"]


def person(r):
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def claim(r):
    c = r.choice(CLAIMS)
    return c[0].upper() + c[1:]


def sentence(r, who, curly):
    """One paragraph's sentence: a quotation in one of several shapes, or a plain fact."""
    o, c = ("\u201c", "\u201d") if curly else ('"', '"')
    name, title, org = who
    last = name.split()[-1]
    shapes = [
        lambda: f"{o}{claim(r)},{c} said {title} {name}.",
        lambda: f"{o}{claim(r)},{c} {last} said {r.choice(DAYS)}.",
        lambda: f"{o}{claim(r)}. {claim(r)},{c} said {name}, {r.choice(ROLES)} {org}.",
        lambda: f"{name}, {r.choice(ROLES)} {org}, said: {o}{claim(r)}.{c}",
        lambda: f"{o}{claim(r)},{c} {r.choice(['she', 'he'])} told {r.choice(OUTLETS)}.",
        lambda: f"{claim(r)}, according to {name}, {r.choice(ROLES)} {org}.",
        lambda: f"{title} {last} said {r.choice(DAYS)} that {r.choice(CLAIMS)}.",
        lambda: f"{org[0].upper() + org[1:]} said {r.choice(DAYS)} that {r.choice(CLAIMS)}.",
        lambda: f"{last} told {r.choice(OUTLETS)} that {r.choice(CLAIMS)}.",
        lambda: f"{o}He looked at me and said, '{claim(r)},' and then he left,{c} {last} said.",
        lambda: r.choice(FACTS).format(n=r.randint(2, 90), place=r.choice(PLACES),
                                       year=r.randint(1990, 2025)),
    ]
    return r.choice(shapes)()


def article(r, i):
    place = r.choice(PLACES)
    curly = r.random() < 0.2
    cast = [(person(r), r.choice(TITLES), r.choice(ORGS)) for _ in range(r.randint(1, 4))]
    paragraphs = [f"{place.upper()} \u2014 {sentence(r, cast[0], curly)}"]
    for _ in range(r.randint(1, 29)):
        sentences = [sentence(r, r.choice(cast), curly) for _ in range(r.randint(1, 3))]
        paragraphs.append(" ".join(sentences))
    if r.random() < 0.1:
        paragraphs.append(f"The council later posted the result online {r.choice(EMOJI)}.")
    headline = f"{place}: {r.choice(CLAIMS).capitalize()}"
    return {
        "id": f"art-{i:05d}",
        "url": f"https://news.example/{place.lower().replace(' ', '-')}/{i}",
        "date": f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
        "text": headline + "\n\n" + "\n\n".join(paragraphs) + "\n",
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=2000, help="number of articles (default 2000)")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("-o", "--output", help="output file (default: standard output)")
    args = ap.parse_args()
    r = random.Random(args.seed)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    with out:
        for i in range(1, args.n + 1):
            out.write(json.dumps(article(r, i), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
