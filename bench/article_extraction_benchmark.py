#!/usr/bin/env python3
"""Runs `artalign extract` on every page of the ScrapingHub article-extraction-benchmark and
prints the benchmark's own evaluate.py table, artalign's row beside the stored peers' rows.

The benchmark is read from a checkout you give (github.com/scrapinghub/article-extraction-benchmark,
MIT); nothing is fetched and none of its pages are kept in this repository. evaluate.py runs in a
scratch copy of the checkout, so the checkout itself is never written to.

usage: bench/article_extraction_benchmark.py BENCHMARK_DIR [--artalign PATH] [--pages]
"""
import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def extract(artalign: Path, page: Path) -> tuple[str, str]:
    """The article body as the benchmark wants it (paragraphs joined by newlines), and an error."""
    run = subprocess.run([str(artalign), "extract", "--offline", str(page)],
                         capture_output=True, text=True)
    if run.returncode != 0:
        return "", run.stderr.strip().splitlines()[-1] if run.stderr.strip() else f"exit {run.returncode}"
    article = json.loads(run.stdout)
    return "\n".join(article["paragraphs"]), ""


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benchmark", type=Path)
    parser.add_argument("--artalign", type=Path, default=Path(__file__).resolve().parent.parent / "build" / "artalign")
    parser.add_argument("--pages", action="store_true", help="also list the pages scoring under 0.8 F1")
    parser.add_argument("--n-bootstrap", type=int, default=1000)
    args = parser.parse_args()
    if not (args.benchmark / "evaluate.py").is_file() or not (args.benchmark / "ground-truth.json").is_file():
        sys.exit(f"{args.benchmark}: not a checkout of the article-extraction-benchmark (no evaluate.py)")

    with tempfile.TemporaryDirectory(prefix="artalign-aeb-") as scratch_name:
        scratch = Path(scratch_name)
        shutil.copy(args.benchmark / "evaluate.py", scratch)
        shutil.copy(args.benchmark / "ground-truth.json", scratch)
        shutil.copytree(args.benchmark / "output", scratch / "output")
        pages_dir = scratch / "pages"
        pages_dir.mkdir()
        pages = sorted((args.benchmark / "html").glob("*.html.gz"))
        for page in pages:
            (pages_dir / page.name.removesuffix(".gz")).write_bytes(gzip.decompress(page.read_bytes()))

        output, errors = {}, {}
        cpu_before, wall_before = children_cpu_seconds(), time.monotonic()
        for page in sorted(pages_dir.iterdir()):
            item_id = page.name.split(".")[0]
            body, error = extract(args.artalign, page)
            output[item_id] = {"articleBody": body}
            if error:
                errors[item_id] = error
        cpu = children_cpu_seconds() - cpu_before
        wall = time.monotonic() - wall_before

        version = subprocess.run([str(args.artalign), "--version"], capture_output=True, text=True).stdout.split()
        (scratch / "output" / "artalign.json").write_text(
            json.dumps({"version": version[-1] if version else "", "output": output}, ensure_ascii=False))
        table = subprocess.run([sys.executable, "evaluate.py", "--n-bootstrap", str(args.n_bootstrap)],
                               cwd=scratch, capture_output=True, text=True, check=True).stdout
        print(table, end="")
        print(f"\nartalign: {len(pages)} pages, {len(errors)} errors, "
              f"{len(pages) / wall:.1f} pages/s wall, {len(pages) / cpu:.1f} pages/s CPU "
              f"(one process a page, start-up included)")
        for item_id, error in sorted(errors.items()):
            print(f"error: {item_id}: {error}")

        if args.pages:
            sys.path.insert(0, str(scratch))
            import evaluate  # the benchmark's own scoring, from the scratch copy
            truth = json.loads((scratch / "ground-truth.json").read_text())
            rows = []
            for item_id, item in truth.items():
                tp, fp, fn = evaluate.string_shingle_matching(true=item.get("articleBody", ""),
                                                              pred=output[item_id]["articleBody"])
                precision = evaluate.precision_score(tp, fp, fn)
                recall = evaluate.recall_score(tp, fp, fn)
                f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
                rows.append((f1, precision, recall, item.get("url", item_id)))
            print("\npages under 0.8 F1 (F1 precision recall url):")
            for f1, precision, recall, url in sorted(rows):
                if f1 < 0.8:
                    print(f"{f1:.3f} {precision:.3f} {recall:.3f} {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
