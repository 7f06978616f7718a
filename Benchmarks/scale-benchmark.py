#!/usr/bin/env python3
"""Times render on synthetic platforms, side by side with kustomize.

Generates N services x M environments in render's format and the same platform as a
kustomize base/overlay tree (one base per service, one overlay per environment setting
namespace, labels, replicas and some image tags), then times, for each size:

  render build          a full build into an empty rendered/ (validation included)
  render build --check  the no-op check of a current tree
  kubectl kustomize     every overlay, one after the other (as a CI job would), for the
                        sizes given to --kustomize
  debug render          the same build with the debug binary `swift run` makes (--debug)
  warm cache            (--cache) `render build --check` with a current .render-cache/,
                        side by side with its floor: listing and reading every file of
                        rendered/ (find | xargs cat), and `render versions`; the plain
                        --check column clears the cache before each run (a cold compile)
  incremental           (--incremental) `render build` with nothing to change,
                        `render build` right after one service's version changed (one
                        file per environment), and right after one environment's pin
                        changed (one file of env-1), on a current tree
  bars                  (--bars, implies --cache and --incremental) issue 12's bars,
                        each beside its floor from the same run: warm `versions`,
                        `explain ENV SERVICE [FIELD]`, `preview ENV SERVICE`, `validate`
                        and `diff` (each run once first, which fills its cache entry);
                        with --debug, the debug binary's `build --check` against
                        release's, warm and cold (.render-cache/ cleared); with --history-commits N, history-benchmark.py's
                        `render history` against its `git log` at N commits. A second
                        table lists every bar, its figure, its floor and whether it is met

and prints one table: wall time, files per second, peak memory, ratios. Every figure is
the best of --runs runs, kustomize's included.

  Benchmarks/scale-benchmark.py                          # 250 500 1000 2000 services x 5 envs
  Benchmarks/scale-benchmark.py --kustomize 200x3 --debug --work-dir /dev/shm  # everything
  Benchmarks/scale-benchmark.py --sizes 200x3 --kustomize 200x3
  Benchmarks/scale-benchmark.py --static-swift-stdlib    # the binary as a CI image ships it
  Benchmarks/scale-benchmark.py --sizes 1000x5 --bars --debug --history-commits 10000

Timings belong here, never in unit tests.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

WEB_TEMPLATE = """\
description: HTTP service
parameters:
  replicas: {type: integer, default: 1, minimum: 0}
  port: {type: integer, default: 8080}
  cpu: {type: string, default: 100m}
  memory: {type: string, default: 128Mi}
  env: {type: object, additionalProperties: {type: string}, default: {}}
"""

DEPLOYMENT = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${ service.name }
  labels:
    app.kubernetes.io/name: ${ service.name }
spec:
  replicas: ${ values.replicas }
  selector:
    matchLabels:
      app.kubernetes.io/name: ${ service.name }
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${ service.name }
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
      - name: app
        image: ${ service.imageRef }
        ports:
        - name: http
          containerPort: ${ values.port }
        env: ${ values.env | envList }
        readinessProbe:
          httpGet: {path: /readyz, port: http}
        livenessProbe:
          httpGet: {path: /healthz, port: http}
        resources:
          requests: {cpu: "${ values.cpu }", memory: "${ values.memory }"}
          limits: {memory: "${ values.memory }"}
        securityContext:
          allowPrivilegeEscalation: false
"""

SERVICE = """\
apiVersion: v1
kind: Service
metadata:
  name: ${ service.name }
  labels:
    app.kubernetes.io/name: ${ service.name }
spec:
  selector:
    app.kubernetes.io/name: ${ service.name }
  ports:
  - name: http
    port: 80
    targetPort: http
"""

K_DEPLOYMENT = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  labels:
    app.kubernetes.io/name: {name}
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: {name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: {name}
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
      - name: app
        image: ghcr.io/acme/{name}:1.0.0
        ports:
        - name: http
          containerPort: 8080
        env:
        - name: LOG_LEVEL
          value: info
        - name: SERVICE
          value: {name}
        readinessProbe:
          httpGet: {{path: /readyz, port: http}}
        livenessProbe:
          httpGet: {{path: /healthz, port: http}}
        resources:
          requests: {{cpu: 100m, memory: 128Mi}}
          limits: {{memory: 128Mi}}
        securityContext:
          allowPrivilegeEscalation: false
"""

K_SERVICE = """\
apiVersion: v1
kind: Service
metadata:
  name: {name}
  labels:
    app.kubernetes.io/name: {name}
spec:
  selector:
    app.kubernetes.io/name: {name}
  ports:
  - name: http
    port: 80
    targetPort: http
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        handle.write(text)


def service_name(index):
    return "svc-%04d" % index


def generate_render(root, services, environments):
    write(f"{root}/templates/web/template.yaml", WEB_TEMPLATE)
    write(f"{root}/templates/web/deployment.yaml", DEPLOYMENT)
    write(f"{root}/templates/web/service.yaml", SERVICE)
    for index in range(services):
        name = service_name(index)
        write(
            f"{root}/services/{name}/service.yaml",
            f"template: web\nimage: ghcr.io/acme/{name}\nversion: 1.0.0\n"
            f"values:\n  env: {{LOG_LEVEL: info, SERVICE: {name}}}\n",
        )
    write(
        f"{root}/environments/base/environment.yaml",
        "abstract: true\nlabels: {team: platform}\ndefaults:\n  values: {replicas: 1}\n",
    )
    for env in range(environments):
        write_environment(root, services, env)


def write_environment(root, services, env, first_pin=None):
    """env-N's environment.yaml: every tenth service pinned to 1.0.<N+1>, the first of
    them (svc-0000) to `first_pin` when given."""
    pins = "".join(
        f"  {service_name(index)}: {{version: {first_pin if index == 0 and first_pin else f'1.0.{env + 1}'}}}\n"
        for index in range(0, services, 10)
    )
    write(
        f"{root}/environments/env-{env}/environment.yaml",
        f"inherits: base\nnamespace: env-{env}\nlabels: {{environment: env-{env}}}\n"
        f"defaults:\n  values: {{replicas: {env + 1}}}\nservices:\n{pins}",
    )


def generate_kustomize(root, services, environments):
    for index in range(services):
        name = service_name(index)
        write(f"{root}/base/{name}/deployment.yaml", K_DEPLOYMENT.format(name=name))
        write(f"{root}/base/{name}/service.yaml", K_SERVICE.format(name=name))
        write(
            f"{root}/base/{name}/kustomization.yaml",
            "resources:\n- deployment.yaml\n- service.yaml\n",
        )
    for env in range(environments):
        resources = "".join(f"- ../../base/{service_name(i)}\n" for i in range(services))
        images = "".join(
            f"- name: ghcr.io/acme/{service_name(i)}\n  newTag: 1.0.{env + 1}\n"
            for i in range(0, services, 10)
        )
        replicas = "".join(
            f"- name: {service_name(i)}\n  count: {env + 1}\n" for i in range(services)
        )
        write(
            f"{root}/overlays/env-{env}/kustomization.yaml",
            f"namespace: env-{env}\nlabels:\n- pairs: {{environment: env-{env}, team: platform}}\n"
            f"  includeTemplates: true\nresources:\n{resources}images:\n{images}replicas:\n{replicas}",
        )


def run(command, cwd):
    """Wall time and peak RSS (MB) of one command; fails loudly on a non-zero exit."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed in {cwd}:\n{stderr[:2000]}")
    return elapsed, usage.ru_maxrss / 1024


def seconds(value):
    """Three significant places for short times: 0.061 s, not 0.06 s."""
    return f"{value:.3f} s" if value < 1 else f"{value:.2f} s"


def count_files(folder):
    return sum(len(files) for _, _, files in os.walk(folder))


def size(text):
    """`200x3` -> (200, 3)."""
    try:
        services, environments = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"a size is SERVICESxENVIRONMENTS, like 200x3, not {text!r}")
    return services, environments


def build_binary(package, configuration, static):
    command = ["swift", "build", "-c", configuration, "--product", "render"]
    folder = ".build"
    if static:
        # A build folder of its own, so the usual build is not relinked.
        command += ["--static-swift-stdlib", "--scratch-path", ".build-static"]
        folder = ".build-static"
    subprocess.run(command, cwd=package, check=True)
    return os.path.join(package, folder, configuration, "render")


def best(command, cwd, runs, before=None):
    """The fastest of `runs` runs (wall time, peak MB); `before` runs ahead of each."""
    results = []
    for _ in range(runs):
        if before:
            before()
        results.append(run(command, cwd))
    return min(results, key=lambda result: result[0])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--sizes", type=size, nargs="+", default=[(250, 5), (500, 5), (1000, 5), (2000, 5)],
        help="the series, as SERVICESxENVIRONMENTS (default: 250x5 500x5 1000x5 2000x5)",
    )
    parser.add_argument(
        "--kustomize", type=size, nargs="*", default=[], metavar="SIZE",
        help="sizes to time kubectl kustomize on too (added to the series if missing)",
    )
    parser.add_argument("--debug", action="store_true", help="also time the debug build (swift build)")
    parser.add_argument("--binary", help="render binary (default: build release)")
    parser.add_argument("--debug-binary", help="debug render binary for --debug (default: swift build)")
    parser.add_argument(
        "--static-swift-stdlib",
        action="store_true",
        help="build release with the Swift runtime linked in (swift build --static-swift-stdlib),"
        " as a binary is shipped: it starts in 5 ms instead of 10",
    )
    parser.add_argument(
        "--incremental", action="store_true",
        help="also time a no-op build and a build after one service's version changed",
    )
    parser.add_argument(
        "--cache", action="store_true",
        help="also time --check on a warm .render-cache/, its list-and-read floor, and versions",
    )
    parser.add_argument(
        "--bars", action="store_true",
        help="time every bar of issue 12 beside its floor (implies --cache and --incremental)",
    )
    parser.add_argument(
        "--history-commits", type=int, metavar="N",
        help="with --bars: time render history against git log at N commits (history-benchmark.py)",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (best is kept)")
    parser.add_argument(
        "--work-dir",
        help="where to generate the platforms (default: the system temp folder); "
        "a tmpfs such as /dev/shm separates render's cost from the file system's",
    )
    arguments = parser.parse_args()
    if arguments.bars:
        arguments.cache = arguments.incremental = True

    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = arguments.binary or build_binary(package, "release", arguments.static_swift_stdlib)
    binary = os.path.abspath(binary)
    debug_binary = (
        (os.path.abspath(arguments.debug_binary) if arguments.debug_binary else build_binary(package, "debug", False))
        if arguments.debug else None
    )
    sizes = sorted(set(arguments.sizes) | set(arguments.kustomize))

    rows = []
    for services, environments in sizes:
        work = tempfile.mkdtemp(prefix="render-bench-", dir=arguments.work_dir)
        try:
            folder = f"{work}/render"
            generate_render(folder, services, environments)

            def clear():
                shutil.rmtree(f"{folder}/rendered", ignore_errors=True)

            row = {"size": f"{services} x {environments}"}
            if debug_binary:
                row["debug"] = best([debug_binary, "build"], folder, arguments.runs, before=clear)
            row["build"] = best([binary, "build"], folder, arguments.runs, before=clear)
            def clear_cache():
                shutil.rmtree(f"{folder}/.render-cache", ignore_errors=True)

            row["check"] = best([binary, "build", "--check"], folder, arguments.runs, before=clear_cache)
            if arguments.cache:
                run([binary, "build"], folder)  # a build fills the cache; --check only reads it
                row["warm"] = best([binary, "build", "--check"], folder, arguments.runs)
                row["floor"] = best(
                    ["sh", "-c", "find rendered -type f -print0 | xargs -0 cat > /dev/null"],
                    folder, arguments.runs,
                )
                row["versions"] = best([binary, "versions"], folder, arguments.runs)
            if arguments.bars:
                # Each command's first run fills its cache entry; the best of the next
                # runs is the warm figure.
                interactive = {
                    "explain": ["explain", "env-1", service_name(1)],
                    "explain field": [
                        "explain", "env-1", service_name(1),
                        f"Deployment/{service_name(1)}:spec.template.spec.containers[0].image",
                    ],
                    "preview": ["preview", "env-1", service_name(1)],
                    "validate": ["validate"],
                    "diff": ["diff"],
                }
                for name, command in interactive.items():
                    run([binary] + command, folder)
                    row[name] = best([binary] + command, folder, arguments.runs)
                row["start"] = best([binary, "--version"], folder, arguments.runs)
                if debug_binary:
                    run([debug_binary, "build"], folder)  # the debug binary's own cache entry
                    row["debug check"] = best([debug_binary, "build", "--check"], folder, arguments.runs)
                    row["release check"] = best([binary, "build", "--check"], folder, arguments.runs)
                    row["debug cold check"] = best(
                        [debug_binary, "build", "--check"], folder, arguments.runs, before=clear_cache)
            row["files"] = count_files(f"{folder}/rendered")
            if arguments.incremental:
                row["noop"] = best([binary, "build"], folder, arguments.runs)
                # svc-0001 is pinned in no environment: its version reaches one file per
                # environment (its Deployment). Each run flips it, so each run writes.
                flips = iter(range(1, 10_000))

                def change_version():
                    write(
                        f"{folder}/services/{service_name(1)}/service.yaml",
                        f"template: web\nimage: ghcr.io/acme/{service_name(1)}\n"
                        f"version: 2.0.{next(flips)}\n"
                        f"values:\n  env: {{LOG_LEVEL: info, SERVICE: {service_name(1)}}}\n",
                    )

                row["changed"] = best([binary, "build"], folder, arguments.runs, before=change_version)

                # One environment's pin of svc-0000 flips: one file of env-1 changes.
                def change_environment():
                    write_environment(folder, services, 1, first_pin=f"3.0.{next(flips)}")

                row["env changed"] = best(
                    [binary, "build"], folder, arguments.runs, before=change_environment)
            if (services, environments) in arguments.kustomize:
                generate_kustomize(f"{work}/kustomize", services, environments)
                totals = []
                for _ in range(arguments.runs):
                    total = 0.0
                    peak = 0.0
                    for env in range(environments):
                        elapsed, memory = run(
                            ["kubectl", "kustomize", f"overlays/env-{env}"], f"{work}/kustomize"
                        )
                        total += elapsed
                        peak = max(peak, memory)
                    totals.append((total, peak))
                row["kustomize"] = min(totals, key=lambda r: r[0])
            if arguments.bars and arguments.history_commits:
                row["history"] = history(binary, services, environments, arguments)
            rows.append(row)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    header = "| services x envs | files | build | files/s | peak MB | --check (no-op) | peak MB |"
    if arguments.kustomize:
        header += " kubectl kustomize | peak MB | build vs kustomize | --check vs kustomize |"
    if debug_binary:
        header += " debug build | debug vs release |"
    if arguments.cache:
        header += " warm --check | list+read floor | warm vs floor | versions |"
    if arguments.incremental:
        header += " no-op build | one-version build | vs no-op | one-env build | vs no-op |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for row in rows:
        build_time, build_memory = row["build"]
        check_time, check_memory = row["check"]
        line = (
            f"| {row['size']} | {row['files']} | {seconds(build_time)} | {row['files'] / build_time:,.0f} |"
            f" {build_memory:.0f} | {seconds(check_time)} | {check_memory:.0f} |"
        )
        if arguments.kustomize:
            if "kustomize" in row:
                kustomize_time, kustomize_memory = row["kustomize"]
                line += (
                    f" {seconds(kustomize_time)} | {kustomize_memory:.0f} | {kustomize_time / build_time:.0f}x faster |"
                    f" {kustomize_time / check_time:.0f}x faster |"
                )
            else:
                line += " | | | |"
        if debug_binary:
            debug_time, _ = row["debug"]
            line += f" {seconds(debug_time)} | {debug_time / build_time:.1f}x |"
        if arguments.cache:
            warm_time, _ = row["warm"]
            floor_time, _ = row["floor"]
            versions_time, _ = row["versions"]
            line += (
                f" {seconds(warm_time)} | {seconds(floor_time)} | {warm_time / floor_time:.1f}x |"
                f" {seconds(versions_time)} |"
            )
        if arguments.incremental:
            noop_time, _ = row["noop"]
            changed_time, _ = row["changed"]
            env_time, _ = row["env changed"]
            line += (
                f" {seconds(noop_time)} | {seconds(changed_time)} | {changed_time / noop_time:.2f}x |"
                f" {seconds(env_time)} | {env_time / noop_time:.2f}x |"
            )
        print(line)
    if arguments.bars:
        for row in rows:
            print()
            print_bars(row)


def history(binary, services, environments, arguments):
    """(git log, render history) seconds at --history-commits, from history-benchmark.py."""
    output = subprocess.run(
        [
            sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "history-benchmark.py"),
            "--binary", binary, "--size", f"{services}x{environments}",
            "--commits", str(arguments.history_commits), "--runs", str(arguments.runs),
        ] + (["--work-dir", arguments.work_dir] if arguments.work_dir else []),
        check=True, capture_output=True, text=True,
    ).stdout
    for line in output.splitlines():
        fields = line.split()
        if fields and fields[0] == str(arguments.history_commits):
            return float(fields[1].rstrip("s")), float(fields[2].rstrip("s"))
    sys.exit(f"history-benchmark.py printed no row for {arguments.history_commits} commits:\n{output}")


def print_bars(row):
    """Issue 12's bars for one size: figure, floor (same run), ratio, met or not."""
    print(f"Bars, {row['size']} (best of the runs; floors from the same run):")
    print("| bar | measured | floor | ratio | required | met |")
    print("|---|---|---|---|---|---|")

    def bar(name, measured, floor, limit, required):
        ratio = measured / floor if floor else None
        met = "" if limit is None else "yes" if (ratio if floor else measured) <= limit else "no"
        ratio_text = f"{ratio:.2f}x" if ratio is not None else ""
        floor_text = seconds(floor) if floor else ""
        print(f"| {name} | {seconds(measured)} | {floor_text} | {ratio_text} | {required} | {met} |")

    bar("one-service change, then build (floor: no-op build)", row["changed"][0], row["noop"][0], 1.2, "<= 1.2x")
    bar("one-environment change (a pin in env-1), then build (floor: no-op build)",
        row["env changed"][0], row["noop"][0], None, "(none)")
    bar("warm build --check (floor: find + cat of rendered/)", row["warm"][0], row["floor"][0], 2.0, "<= 2x")
    for name in ["versions", "explain", "explain field", "preview"]:
        bar(f"warm {name}", row[name][0], None, 0.050, "<= 50 ms")
    for name in ["validate", "diff"]:
        bar(f"warm {name} (floor: find + cat of rendered/)", row[name][0], row["floor"][0], 2.0, "<= 2x")
    if "history" in row:
        log, history_time = row["history"]
        bar("history at the commits given (floor: its git log)", history_time, log, 2.0, "<= 2x")
    if "debug check" in row:
        bar("debug warm build --check (floor: release's)", row["debug check"][0], row["release check"][0], 4.0, "<= 4x")
        bar("debug cold build --check (floor: release's)", row["debug cold check"][0], row["check"][0], 4.0, "<= 4x")
    print(f"(process start, `render --version`: {seconds(row['start'][0])})")


if __name__ == "__main__":
    main()
