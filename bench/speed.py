#!/usr/bin/env python3
"""Speed of `artalign align-text --presplit` on the benchmark's documents.

1. Throughput: aligns every `news` document (seed 7) and reports sentences (source + target)
   per second of wall time, process start included.
2. Growth: documents of 100, 1,000 and 10,000 source sentences, made by concatenating
   `news` documents of seeds 7, 8, ... in order, each timed on its own with its peak memory.

  bench/speed.py [--binary build/artalign] [--sizes 100,1000,10000]
Exits 77 when ../shared/bench/alignbench.py is not there.
"""
import argparse, glob, os, resource, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--binary", default=os.path.join(root, "build", "artalign"))
ap.add_argument("--sizes", default="100,1000,10000")
args = ap.parse_args()
bench = os.path.join(os.environ.get("SHARED_DIR", os.path.join(root, "..", "shared")), "bench", "alignbench.py")
if not os.path.exists(bench):
    print("skipped: %s not found" % bench, file=sys.stderr)
    sys.exit(77)


def lines(path):
    return open(path, encoding="utf-8").read().splitlines()


def align(ko, en, out):
    start = time.perf_counter()
    subprocess.run([args.binary, "align-text", "--presplit", "-q", "--source", ko, "--target", en, "-o", out], check=True)
    return time.perf_counter() - start


with tempfile.TemporaryDirectory() as work:
    docs = os.path.join(work, "news")
    subprocess.run([sys.executable, bench, "make", docs, "--profile", "news"], check=True, stdout=subprocess.DEVNULL)
    total_time, total_sentences = 0.0, 0
    for ko in sorted(glob.glob(os.path.join(docs, "doc*.ko"))):
        en = ko[:-3] + ".en"
        total_time += align(ko, en, os.path.join(work, "out.jsonl"))
        total_sentences += len(lines(ko)) + len(lines(en))
    print('{"test": "throughput", "documents": %d, "sentences": %d, "seconds": %.3f, "sentences_per_second": %.0f}'
          % (len(glob.glob(os.path.join(docs, "doc*.ko"))), total_sentences, total_time, total_sentences / total_time))

    pool_ko, pool_en, seed = [], [], 7
    sizes = [int(s) for s in args.sizes.split(",")]
    while sum(len(x) for x in pool_ko) < max(sizes):
        d = os.path.join(work, "seed%d" % seed)
        subprocess.run([sys.executable, bench, "make", d, "--profile", "news", "--seed", str(seed)], check=True,
                       stdout=subprocess.DEVNULL)
        for ko in sorted(glob.glob(os.path.join(d, "doc*.ko"))):
            pool_ko.append(lines(ko))
            pool_en.append(lines(ko[:-3] + ".en"))
        seed += 1
    for size in sizes:
        ko_lines, en_lines = [], []
        for k, e in zip(pool_ko, pool_en):
            if len(ko_lines) >= size:
                break
            ko_lines += k
            en_lines += e
        ko_path, en_path = os.path.join(work, "big.ko"), os.path.join(work, "big.en")
        open(ko_path, "w", encoding="utf-8").write("\n".join(ko_lines) + "\n")
        open(en_path, "w", encoding="utf-8").write("\n".join(en_lines) + "\n")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        seconds = align(ko_path, en_path, os.path.join(work, "big.jsonl"))
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        n = len(ko_lines) + len(en_lines)
        print('{"test": "growth", "source_sentences": %d, "target_sentences": %d, "seconds": %.3f, '
              '"sentences_per_second": %.0f, "peak_rss_mb_so_far": %.1f}'
              % (len(ko_lines), len(en_lines), seconds, n / seconds, max(peak, before) / 1024.0))
