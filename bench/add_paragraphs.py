#!/usr/bin/env python3
"""Gives alignbench documents paragraphs, so that the paragraph stage can be measured.

    bench/add_paragraphs.py IN_DIR OUT_DIR [--seed N]

IN_DIR holds alignbench.py documents (docNNN.ko, docNNN.en: one segment a line; docNNN.gold.json).
OUT_DIR gets the same documents with blank lines between paragraphs (segment indices, which
count the non-empty lines, and the gold files are unchanged). The paragraph model, stated
here rather than fitted to anything: the Korean original ends a paragraph after a gold bead
with probability 0.35 (paragraphs of about three sentences, as in Korean news copy); the
translation ends one at the same place with probability 0.75 (an edited translation joins
some short paragraphs) and, where the original does not, with probability 0.05 (it splits a
few). A paragraph break after an untranslated sentence falls, on the English side, after the
last English line so far. These documents test whether paragraph structure helps; they are
not evidence of how often real translations merge paragraphs.
"""
import glob
import json
import os
import random
import sys


def add_paragraphs(in_dir, out_dir, seed):
    rnd = random.Random(seed)
    os.makedirs(out_dir, exist_ok=True)
    for gold_file in sorted(glob.glob(os.path.join(in_dir, "*.gold.json"))):
        name = os.path.basename(gold_file)[: -len(".gold.json")]
        ko = open(os.path.join(in_dir, name + ".ko"), encoding="utf-8").read().split("\n")
        en = open(os.path.join(in_dir, name + ".en"), encoding="utf-8").read().split("\n")
        gold = json.load(open(gold_file, encoding="utf-8"))
        ko_breaks, en_breaks = set(), set()  # line indices after which a paragraph ends
        last_ko, last_en = -1, -1
        for bead in gold:
            last_ko = max(bead["ko"], default=last_ko)
            last_en = max(bead["en"], default=last_en)
            korean_break = rnd.random() < 0.35
            english_break = rnd.random() < (0.75 if korean_break else 0.05)
            if korean_break and last_ko >= 0:
                ko_breaks.add(last_ko)
            if english_break and last_en >= 0:
                en_breaks.add(last_en)
        for lines, breaks, ext in ((ko, ko_breaks, ".ko"), (en, en_breaks, ".en")):
            out = []
            for k, line in enumerate(lines):
                if not line.strip():
                    continue
                out.append(line)
                if k in breaks:
                    out.append("")
            open(os.path.join(out_dir, name + ext), "w", encoding="utf-8").write("\n".join(out) + "\n")
        with open(os.path.join(out_dir, name + ".gold.json"), "w", encoding="utf-8") as f:
            json.dump(gold, f)


if __name__ == "__main__":
    args = sys.argv[1:]
    seed = 1
    if "--seed" in args:
        seed = int(args[args.index("--seed") + 1])
        del args[args.index("--seed") : args.index("--seed") + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    add_paragraphs(args[0], args[1], seed)
