#!/usr/bin/env python3
"""Measures what the `apiserver` rule costs a full build.

Generates the platform of Benchmarks/scale-benchmark.py (N services x M environments,
a Deployment and a Service each) twice: as is, and with `policy: {rules: {apiserver:
off}}` in the abstract base environment every environment inherits. Then times
`render build` into an empty rendered/ on both, alternating, and prints the best and
median of --runs runs each and the difference. Everything else (parsing, rendering,
the schema check, the other rules, writing) is the same in both runs, so the
difference is the rule's cost.

  swift build -c release
  Scripts/apiserver-cost.py                    # 1000x5, 7 runs each
  Scripts/apiserver-cost.py --size 200x3 --runs 3

Timings belong here and in BENCHMARKS.md, never in unit tests.
"""
import argparse
import importlib.util
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def scale_benchmark():
    path = os.path.join(ROOT, "Benchmarks", "scale-benchmark.py")
    spec = importlib.util.spec_from_file_location("scale_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed_build(binary, root):
    """Wall time of a full build into an empty rendered/, and its "patch and validate"
    stage as `--profile` reports it."""
    shutil.rmtree(os.path.join(root, "rendered"), ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([binary, "build", "--profile", "--root", root], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        sys.exit(f"render build failed in {root}:\n{result.stdout}{result.stderr}")
    stage = None
    for line in (result.stdout + result.stderr).splitlines():
        if "profile: patch and validate:" in line:
            stage = float(line.rsplit(":", 1)[1].strip().removesuffix(" ms")) / 1000
    return elapsed, stage, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="1000x5", help="SERVICESxENVIRONMENTS (default 1000x5)")
    parser.add_argument("--runs", type=int, default=7, help="runs per variant (default 7)")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "render"))
    parser.add_argument(
        "--work-dir", default="/dev/shm" if os.path.isdir("/dev/shm") else None,
        help="where to generate (default /dev/shm: on ext4, deleting and re-creating 10,000 files "
        "costs more than the whole build, see FACTS.md)")
    args = parser.parse_args()
    services, environments = (int(part) for part in args.size.split("x"))
    if not os.path.exists(args.binary):
        sys.exit(f"no binary at {args.binary}: run swift build -c release")
    bench = scale_benchmark()
    work = tempfile.mkdtemp(prefix="apiserver-cost-", dir=args.work_dir)
    try:
        on, off = os.path.join(work, "on"), os.path.join(work, "off")
        for root in (on, off):
            bench.generate_render(root, services, environments)
        base = os.path.join(off, "environments", "base", "environment.yaml")
        with open(base, "a") as handle:
            handle.write("policy:\n  rules: {apiserver: off}\n")
        times = {"on": [], "off": []}
        stages = {"on": [], "off": []}
        cpus = {"on": [], "off": []}
        timed_build(args.binary, on)  # warm the file cache
        timed_build(args.binary, off)
        for _ in range(args.runs):
            for name, root in (("off", off), ("on", on)):
                elapsed, stage, cpu = timed_build(args.binary, root)
                times[name].append(elapsed)
                cpus[name].append(cpu)
                stages[name].append(stage or 0)
        print(f"{services} services x {environments} environments, {args.runs} runs each, {args.binary}, in {work}")
        print("| apiserver rule | build, best | build, median | CPU time, best | CPU, median | patch and validate, best | median |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for name in ("off", "on"):
            print(
                f"| {name} | {min(times[name]):.3f} s | {statistics.median(times[name]):.3f} s "
                f"| {min(cpus[name]):.3f} s | {statistics.median(cpus[name]):.3f} s "
                f"| {min(stages[name]):.3f} s | {statistics.median(stages[name]):.3f} s |")
        best = min(times["on"]) / min(times["off"]) - 1
        median = statistics.median(times["on"]) / statistics.median(times["off"]) - 1
        cpu = statistics.median(cpus["on"]) / statistics.median(cpus["off"]) - 1
        print(f"cost of the rule on the build: {best * 100:+.1f}% (best wall), {median * 100:+.1f}% (median wall), {cpu * 100:+.1f}% (median CPU time)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
