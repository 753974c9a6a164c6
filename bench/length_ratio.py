#!/usr/bin/env python3
"""Length model of Korean-English translation: mean and standard deviation of
ln((target + 1) / (source + 1)) over line-aligned pairs, for several length units.

  bench/length_ratio.py SOURCE.ko TARGET.en
  e.g. bench/length_ratio.py ../shared/corpora/news-ko-en-dev/dev.ko ../shared/corpora/news-ko-en-dev/dev.en

The aligner's defaults (src/align/aligner.hpp) are the 'chars' row.
"""
import math
import statistics
import sys

UNITS = {
    "chars": len,
    "non-space chars": lambda s: len(s.replace(" ", "")),
    "utf-8 bytes": lambda s: len(s.encode("utf-8")),
}


def main(source_file, target_file):
    with open(source_file, encoding="utf-8") as f:
        source = f.read().split("\n")
    with open(target_file, encoding="utf-8") as f:
        target = f.read().split("\n")
    pairs = [(s.strip(), t.strip()) for s, t in zip(source, target) if s.strip() and t.strip()]
    print(f"{len(pairs)} pairs")
    for name, length in UNITS.items():
        ratios = [math.log((length(t) + 1) / (length(s) + 1)) for s, t in pairs]
        print(f"{name:>16}: mean {statistics.mean(ratios):.3f}  sd {statistics.stdev(ratios):.3f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
