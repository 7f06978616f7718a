#!/usr/bin/env python3
"""Times `render history` against the `git log` it runs, on long histories.

Generates a SERVICES x ENVIRONMENTS platform (the one scale-benchmark.py makes; default
1,000 x 5), builds and commits it, then adds version commits with `git fast-import`
(fast: no render run per commit), each pinning one service in one environment the way
`render set-version --commit` does: the environment's input file, the rendered
versions.yaml (the service's line and the checksum line) and Render-* trailers. For
each length in --commits (default 1,000 and 10,000) it prints, side by side:

  git log        the exact `git log` call render history makes, output discarded
  history        render history SERVICE (table), end to end
  history json   render history SERVICE --env ENV --format json
  ratio          history / git log (the bar: <= 2)

plus the machine's load average before and after, since other work changes every
figure. Every figure is the best of --runs runs.

  Benchmarks/history-benchmark.py
  Benchmarks/history-benchmark.py --size 200x3 --commits 100 1000 --runs 5
  Benchmarks/history-benchmark.py --binary .build/release/render --work-dir /dev/shm

Timings belong here, never in unit tests.
"""
import argparse
import hashlib
import importlib.util
import os
import shutil
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# The arguments of GitLog.arguments(path:) (Sources/RenderKit/Workflows/History/GitLog.swift).
GIT_LOG = [
    "-c", "log.showSignature=false", "-c", "core.quotePath=false", "log", "--first-parent",
    "--diff-merges=first-parent", "--follow", "-p", "-U0", "--no-color", "--no-ext-diff",
    "--no-textconv",
    "--format=%x00%H%x00%h%x00%ct%x00%an%x00%ae%x00%s%x00%(trailers:only,unfold)%x00",
    "--", "rendered/versions.yaml",
]

GIT_ENVIRONMENT = dict(
    os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null", LC_ALL="C",
    GIT_PAGER="cat",
)


def scale_benchmark():
    spec = importlib.util.spec_from_file_location("scale_benchmark", f"{HERE}/scale-benchmark.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def git(root, *arguments, **options):
    return subprocess.run(
        ["git", "-C", root, *arguments], env=GIT_ENVIRONMENT, check=True, **options
    )


def size(text):
    services, _, environments = text.partition("x")
    return int(services), int(environments)


def add_commits(root, scale, services, environments, count, marks):
    """`count` version commits on top of HEAD through one `git fast-import` stream; the
    commit after each length in `marks` gets a branch `at-LENGTH`."""
    with open(f"{root}/rendered/versions.yaml") as handle:
        lines = handle.read().split("\n")
    position = {}
    environment = None
    for index, line in enumerate(lines):
        if line and not line.startswith((" ", "#")):
            environment = line.rstrip(":")
        elif line.startswith("  ") and environment:
            position[(environment, line.split(":", 1)[0].strip())] = index
    checksum = next(i for i, line in enumerate(lines) if line.startswith("# Checksum:"))
    head = git(root, "rev-parse", "HEAD", capture_output=True, text=True).stdout.strip()

    stream = subprocess.Popen(
        ["git", "-C", root, "fast-import", "--quiet", "--force"],
        stdin=subprocess.PIPE, env=GIT_ENVIRONMENT,
    )
    out = stream.stdin
    start = 1_700_000_000
    for number in range(1, count + 1):
        # Services pinned in environment.yaml (every tenth) are left alone: a per-service
        # file for them would be a second pin.
        service = scale.service_name(1 + (number * 7) % (services - 1))
        if service.endswith("0"):
            service = scale.service_name(1)
        env = f"env-{number % environments}"
        version = f"2.{number // 1000}.{number % 1000}"
        lines[position[(env, service)]] = f"  {service}: ghcr.io/acme/{service}:{version}"
        lines[checksum] = "# Checksum: sha256:" + hashlib.sha256(str(number).encode()).hexdigest()[:16]
        versions = "\n".join(lines).encode()
        pin = f"version: {version}\n".encode()
        message = (
            f"{env}: {service} {version}\n\nRender-Environment: {env}\n"
            f"Render-Service: {service}\nRender-Version: {version}\n"
        ).encode()
        when = start + number * 60
        out.write(b"commit refs/heads/main\n")
        out.write(f"committer Benchmark <benchmark@example.com> {when} +0000\n".encode())
        out.write(b"data %d\n" % len(message) + message)
        if number == 1:
            out.write(f"from {head}\n".encode())
        out.write(f"M 100644 inline environments/{env}/{service}.yaml\n".encode())
        out.write(b"data %d\n" % len(pin) + pin)
        out.write(b"M 100644 inline rendered/versions.yaml\n")
        out.write(b"data %d\n" % len(versions) + versions + b"\n")
        if number in marks:
            out.write(f"reset refs/heads/at-{number}\nfrom refs/heads/main\n\n".encode())
    out.close()
    if stream.wait() != 0:
        raise SystemExit("git fast-import failed")


def best(command, cwd, runs):
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=GIT_ENVIRONMENT, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - begin)
    return min(times)


def load():
    with open("/proc/loadavg") as handle:
        return " ".join(handle.read().split()[:3])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=size, default=(1000, 5), help="SERVICESxENVIRONMENTS (1000x5)")
    parser.add_argument("--commits", type=int, nargs="+", default=[1000, 10000],
                        help="history lengths to time (default: 1000 10000)")
    parser.add_argument("--binary", help="render binary (default: build release)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (best is kept)")
    parser.add_argument("--work-dir", help="where to generate the repository (default: temp)")
    arguments = parser.parse_args()

    scale = scale_benchmark()
    package = os.path.dirname(HERE)
    binary = os.path.abspath(arguments.binary or scale.build_binary(package, "release", False))
    services, environments = arguments.size
    work = tempfile.mkdtemp(prefix="render-history-", dir=arguments.work_dir)
    try:
        root = f"{work}/platform"
        scale.generate_render(root, services, environments)
        git(root, "init", "--quiet", "--initial-branch=main")
        subprocess.run([binary, "build"], cwd=root, check=True, stdout=subprocess.DEVNULL)
        git(root, "add", "-A")
        git(root, "-c", "user.name=Benchmark", "-c", "user.email=benchmark@example.com",
            "commit", "--quiet", "-m", "The platform")
        lengths = sorted(set(arguments.commits))
        begin = time.perf_counter()
        add_commits(root, scale, services, environments, lengths[-1], set(lengths))
        print(f"generated {lengths[-1]} commits on {services} x {environments} "
              f"in {time.perf_counter() - begin:.1f} s; load before timing: {load()}")

        service = scale.service_name(1)
        print(f"{'commits':>8} {'git log':>9} {'history':>9} {'json --env':>11} {'ratio':>6}  rows")
        for length in lengths:
            git(root, "checkout", "--quiet", "--force", f"at-{length}")
            log = best(["git", *GIT_LOG], root, arguments.runs)
            history = best([binary, "history", service], root, arguments.runs)
            json = best([binary, "history", service, "--env", "env-1", "--format", "json"], root,
                        arguments.runs)
            rows = subprocess.run([binary, "history", service], cwd=root, env=GIT_ENVIRONMENT,
                                  capture_output=True, text=True, check=True).stdout.count("\n") - 1
            print(f"{length:>8} {log:>8.3f}s {history:>8.3f}s {json:>10.3f}s {history / log:>6.2f}  {rows}")
        print(f"load after: {load()} ({os.cpu_count()} cores)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
