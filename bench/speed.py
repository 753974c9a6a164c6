#!/usr/bin/env python3
"""Speed of `artalign align-text --presplit` on the benchmark's documents.

1. Start-up: a one-line pair, aligned --repeat times, one process each; the median CPU time
   (user + system) of the whole process.
2. Throughput: aligns every `news` document (seed 7), one process each, and reports sentences
   (source + target) per second, process start included.
3. Growth: documents of 100, 1,000 and 10,000 source sentences, made by concatenating
   `news` documents of seeds 7, 8, ... in order, each timed on its own with its peak memory.

Seconds are both wall clock and CPU time (user + system of the child process); on a shared,
loaded machine CPU time is the steadier figure, and sentences/s are given by CPU time.

  bench/speed.py [--binary build/artalign] [--sizes 100,1000,10000] [--repeat 9] [--keep DIR]
--keep DIR writes every output there (news/docNNN.jsonl, big-SIZE.jsonl) and the long documents
(big-SIZE.ko, big-SIZE.en), so that two builds can be compared byte for byte (diff -r).
Exits 77 when ../shared/bench/alignbench.py is not there.
"""
import argparse, glob, os, resource, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--binary", default=os.path.join(root, "build", "artalign"))
ap.add_argument("--sizes", default="100,1000,10000")
ap.add_argument("--repeat", type=int, default=9, help="runs of the start-up test")
ap.add_argument("--keep", help="directory to keep the outputs in")
args = ap.parse_args()
bench = os.path.join(os.environ.get("SHARED_DIR", os.path.join(root, "..", "shared")), "bench", "alignbench.py")
if not os.path.exists(bench):
    print("skipped: %s not found" % bench, file=sys.stderr)
    sys.exit(77)


def lines(path):
    return open(path, encoding="utf-8").read().splitlines()


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def align(ko, en, out):
    """Wall and CPU seconds of one align-text process."""
    cpu = children_cpu()
    start = time.perf_counter()
    subprocess.run([args.binary, "align-text", "--presplit", "-q", "--source", ko, "--target", en, "-o", out], check=True)
    return time.perf_counter() - start, children_cpu() - cpu


with tempfile.TemporaryDirectory() as work:
    keep = args.keep or work
    os.makedirs(os.path.join(keep, "news"), exist_ok=True)

    one_ko, one_en = os.path.join(work, "one.ko"), os.path.join(work, "one.en")
    open(one_ko, "w", encoding="utf-8").write("트럼프 대통령은 2월 10일 백악관에서 기자회견을 열었다.\n")
    open(one_en, "w", encoding="utf-8").write("President Trump held a press conference at the White House on Feb. 10.\n")
    runs = [align(one_ko, one_en, os.path.join(work, "one.jsonl")) for _ in range(args.repeat)]
    print('{"test": "start-up", "runs": %d, "median_cpu_seconds": %.4f, "median_wall_seconds": %.4f}'
          % (len(runs), statistics.median(r[1] for r in runs), statistics.median(r[0] for r in runs)))

    docs = os.path.join(work, "news")
    subprocess.run([sys.executable, bench, "make", docs, "--profile", "news"], check=True, stdout=subprocess.DEVNULL)
    total_wall, total_cpu, total_sentences = 0.0, 0.0, 0
    for ko in sorted(glob.glob(os.path.join(docs, "doc*.ko"))):
        en = ko[:-3] + ".en"
        wall, cpu = align(ko, en, os.path.join(keep, "news", os.path.basename(ko)[:-3] + ".jsonl"))
        total_wall += wall
        total_cpu += cpu
        total_sentences += len(lines(ko)) + len(lines(en))
    print('{"test": "throughput", "documents": %d, "sentences": %d, "seconds": %.3f, "cpu_seconds": %.3f, '
          '"sentences_per_cpu_second": %.0f}'
          % (len(glob.glob(os.path.join(docs, "doc*.ko"))), total_sentences, total_wall, total_cpu,
             total_sentences / total_cpu))

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
        ko_path, en_path = os.path.join(keep, "big-%d.ko" % size), os.path.join(keep, "big-%d.en" % size)
        open(ko_path, "w", encoding="utf-8").write("\n".join(ko_lines) + "\n")
        open(en_path, "w", encoding="utf-8").write("\n".join(en_lines) + "\n")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        wall, cpu = align(ko_path, en_path, os.path.join(keep, "big-%d.jsonl" % size))
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        n = len(ko_lines) + len(en_lines)
        print('{"test": "growth", "source_sentences": %d, "target_sentences": %d, "seconds": %.3f, '
              '"cpu_seconds": %.3f, "sentences_per_cpu_second": %.0f, "peak_rss_mb_so_far": %.1f}'
              % (len(ko_lines), len(en_lines), wall, cpu, n / cpu, max(peak, before) / 1024.0))
