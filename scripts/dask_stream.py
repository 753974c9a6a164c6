#!/usr/bin/env python3
"""Runs `artalign stream` over pair records on a Dask cluster and writes the outcome lines, for
`artalign merge`. Each partition of the records goes, as one stdin, to one `artalign stream`
process on a Dask worker; every outcome line is written with its newline, in partition order.

usage: dask_stream.py RECORDS.jsonl OUTCOMES.jsonl [--partitions N] [--scheduler ADDRESS]
                      [--workers N] [--artalign PATH] [-- STREAM_OPTION...]

Without --scheduler a LocalCluster of --workers processes (one thread each) is started and
stopped; with it, the running cluster at ADDRESS (e.g. tcp://10.0.0.1:8786, started with
dask-scheduler and dask-worker) is used, and artalign and the pages must be reachable by every
worker at the same paths. Prints one line on stderr: partitions, records and the workers that ran them.
"""
import argparse
import subprocess
import sys


def stream_partition(lines, artalign, options):
    """Pipes one partition's records through one artalign stream process."""
    from dask.distributed import get_worker

    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    done = subprocess.run([artalign, "stream", *options], input=text, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError("artalign stream exited %d: %s" % (done.returncode, done.stderr.strip()))
    return [(get_worker().address, line) for line in done.stdout.splitlines()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("records")
    parser.add_argument("outcomes")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--scheduler")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--artalign", default="artalign")
    parser.add_argument("stream_options", nargs="*")
    args = parser.parse_args()

    import dask.bag
    from dask.distributed import Client, LocalCluster

    with open(args.records, encoding="utf-8") as records:
        lines = [line for line in records if line.strip()]
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        bag = dask.bag.from_sequence(lines, npartitions=max(1, min(args.partitions, len(lines))))
        results = bag.map_partitions(stream_partition, args.artalign, args.stream_options).compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    with open(args.outcomes, "w", encoding="utf-8") as out:
        for _, line in results:
            out.write(line + "\n")
    workers = sorted({address for address, _ in results})
    print("dask_stream: %d records in %d partitions on %d workers: %s"
          % (len(lines), bag.npartitions, len(workers), " ".join(workers)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
