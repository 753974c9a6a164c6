#!/usr/bin/env python3
"""Derives data/lexicon/ezcorean.tsv from the ezcorean-6000 word list (MPL 2.0).

Each definition is free English text ("An election", "very careful or meticulous, ...");
this keeps the content words of its first two comma/semicolon-separated glosses, minus
the function words listed in data/lexicon/en.stopwords, so that the aligner can match them.

  scripts/build-lexicon.py ../shared/lexicon/ezcorean-6000.tsv > data/lexicon/ezcorean.tsv
"""
import os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
stop = set()
for line in open(os.path.join(here, "..", "data", "lexicon", "en.stopwords"), encoding="utf-8"):
    line = line.split("#")[0].strip().lower()
    if line:
        stop.add(line)

src = sys.argv[1]
print("# Korean word<TAB>English content words (space-separated), derived by scripts/build-lexicon.py")
print("# from ezcorean-6000 (Kengdic project, ezcorean.com word list compiled by Joe Speigle).")
print("# Mozilla Public License 2.0: see LICENSE-ezcorean.md beside this file.")
seen = {}
order = []
for i, line in enumerate(open(src, encoding="utf-8")):
    if i == 0:
        continue
    cols = line.rstrip("\n").split("\t")
    if len(cols) < 2:
        continue
    word, definition = cols[0].strip(), cols[1]
    if not word or " " in word:
        continue
    definition = re.sub(r"\([^)]*\)", " ", definition)  # drop parenthesised notes
    glosses = [g for g in re.split(r"[;,/]", definition) if g.strip()][:2]
    words = []
    for gloss in glosses:
        for w in re.findall(r"[A-Za-z][A-Za-z'-]*", gloss):
            w = w.lower().strip("'-")
            if len(w) < 2 or w in stop or w in words:
                continue
            words.append(w)
    if not words:
        continue
    if word not in seen:
        seen[word] = []
        order.append(word)
    for w in words[:6]:
        if w not in seen[word]:
            seen[word].append(w)
for word in order:
    print(word + "\t" + " ".join(seen[word]))
