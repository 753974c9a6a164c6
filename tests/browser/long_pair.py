#!/usr/bin/env python3
"""Makes a long article pair from the sample by repeating its body paragraphs.

    long_pair.py EN_PAGE KO_PAGE COPIES OUT_DIR   -> OUT_DIR/en.html, OUT_DIR/ko.html

Each paragraph of the body is repeated COPIES times in both pages (25 copies of the sample
give about 300 sentences a side); markup lines (the picture) are left out of the repeat."""
import os
import re
import sys


def lengthen(page, start, end, copies):
    """Repeats the lines between the first line matching `start` and the one matching `end`."""
    lines = page.split("\n")
    first = next(k for k, line in enumerate(lines) if re.search(start, line)) + 1
    last = next(k for k in range(first, len(lines)) if re.search(end, lines[k]))
    body = [line for line in lines[first:last] if line.strip() and not line.lstrip().startswith("<")]
    repeated = body * copies
    return "\n".join(lines[:first] + repeated + lines[last:])


en_page, ko_page, copies, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
os.makedirs(out, exist_ok=True)
with open(en_page, encoding="utf-8") as f:
    en = lengthen(f.read(), r'class="article-contents"', r"<b>By ", copies)
with open(ko_page, encoding="utf-8") as f:
    ko = lengthen(f.read(), r'<div class="text">', r"선임기자|^\s*</div>\s*$", copies)
with open(os.path.join(out, "en.html"), "w", encoding="utf-8") as f:
    f.write(en)
with open(os.path.join(out, "ko.html"), "w", encoding="utf-8") as f:
    f.write(ko)
