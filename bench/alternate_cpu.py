#!/usr/bin/env python3
"""CPU time of several commands run in alternation: the fastest, tenth-percentile and median
run of each, from the kernel's rusage of the child (user + system, microseconds).

    bench/alternate_cpu.py [--runs 100] [--clean DIR ...] -- COMMAND ... [';;' COMMAND ...]

Each round runs every command once, in turn forward and backward (so that none always follows
the same one), its output to /dev/null. With --clean, command k's files in the k-th DIR are
deleted before each of its runs, outside its time (outputs created rather than kept). Prints
one line a command, then each command's figures over the first command's, and the median of
the rounds' own ratios (the runs of one round are close in time, so the machine's other work
weighs on both).
On a machine whose timings swing between runs (docs/performance.md, issue 17), a single
comparison of two totals moves by a few percent; the low percentiles of many alternating runs
moved least.
"""
import argparse
import glob
import os
import subprocess
import sys


def cpu_ms(command, clean):
    if clean:
        for path in glob.glob(os.path.join(clean, "*")):
            os.unlink(path)
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        sys.exit(f"failed ({status}): {' '.join(command)}")
    return (usage.ru_utime + usage.ru_stime) * 1000


def percentile(values, share):
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--clean", nargs="*", default=[])
    parser.add_argument("commands", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    words = args.commands[1:] if args.commands[:1] == ["--"] else args.commands
    commands, current = [], []
    for word in words + [";;"]:
        if word == ";;":
            if current:
                commands.append(current)
            current = []
        else:
            current.append(word)
    if not commands:
        parser.error("no command")
    if args.clean and len(args.clean) != len(commands):
        parser.error("--clean takes one directory a command")
    times = [[] for _ in commands]
    for run in range(args.runs):
        order = range(len(commands)) if run % 2 == 0 else reversed(range(len(commands)))
        for k in order:
            times[k].append(cpu_ms(commands[k], args.clean[k] if args.clean else None))
    figures = [(min(t), percentile(t, 0.1), percentile(t, 0.5)) for t in times]
    for command, (fastest, tenth, median) in zip(commands, figures):
        print(f"{fastest:8.2f} {tenth:8.2f} {median:8.2f} ms (fastest, 10th percentile, median)  {' '.join(command)[:80]}")
    for k, (command, (fastest, tenth, median)) in enumerate(zip(commands[1:], figures[1:]), start=1):
        # Each round's own ratio, the two runs side by side in time: the machine's other work
        # moves both, so their ratio moves less than either.
        rounds = sorted(t / first for t, first in zip(times[k], times[0]))
        paired = rounds[len(rounds) // 2]
        print(f"{fastest / figures[0][0]:8.2f} {tenth / figures[0][1]:8.2f} {median / figures[0][2]:8.2f} {paired:8.2f}"
              f"    of the first (and the median of the rounds' ratios): {' '.join(command)[:60]}")


if __name__ == "__main__":
    main()
