#!/usr/bin/env python3
"""Times render on synthetic platforms, side by side with kustomize.

Generates N services x M environments in render's format and the same platform as a
kustomize base/overlay tree (one base per service, one overlay per environment setting
namespace, labels, replicas and some image tags), then times, for each size:

  render build          a full build into an empty rendered/ (validation included)
  render build --check  the no-op check of a current tree
  kubectl kustomize     every overlay, one after the other (as a CI job would)

and prints one table: wall time, files per second, peak memory, ratio to kustomize.
Every figure is the best of --runs runs, kustomize's included.

  Benchmarks/scale-benchmark.py                       # 250 500 1000 2000 services x 5 envs
  Benchmarks/scale-benchmark.py --services 200 --environments 3 --kustomize
  Benchmarks/scale-benchmark.py --binary .build/debug/render --services 1000
  Benchmarks/scale-benchmark.py --static-swift-stdlib # the binary as a CI image ships it

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
        pins = "".join(
            f"  {service_name(index)}: {{version: 1.0.{env + 1}}}\n"
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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", type=int, nargs="+", default=[250, 500, 1000, 2000])
    parser.add_argument("--environments", type=int, default=5)
    parser.add_argument("--kustomize", action="store_true", help="also time kubectl kustomize")
    parser.add_argument("--binary", help="render binary (default: build release)")
    parser.add_argument(
        "--static-swift-stdlib",
        action="store_true",
        help="build release with the Swift runtime linked in (swift build --static-swift-stdlib),"
        " as a binary is shipped: it starts in 5 ms instead of 10",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (best is kept)")
    parser.add_argument(
        "--work-dir",
        help="where to generate the platforms (default: the system temp folder); "
        "a tmpfs such as /dev/shm separates render's cost from the file system's",
    )
    arguments = parser.parse_args()

    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = arguments.binary
    if binary is None:
        command = ["swift", "build", "-c", "release", "--product", "render"]
        if arguments.static_swift_stdlib:
            # A build folder of its own, so the usual release build is not relinked.
            command += ["--static-swift-stdlib", "--scratch-path", ".build-static"]
        subprocess.run(command, cwd=package, check=True)
        folder = ".build-static" if arguments.static_swift_stdlib else ".build"
        binary = os.path.join(package, folder, "release", "render")
    binary = os.path.abspath(binary)

    rows = []
    for services in arguments.services:
        work = tempfile.mkdtemp(prefix="render-bench-", dir=arguments.work_dir)
        try:
            generate_render(f"{work}/render", services, arguments.environments)
            builds = []
            for _ in range(arguments.runs):
                shutil.rmtree(f"{work}/render/rendered", ignore_errors=True)
                builds.append(run([binary, "build"], f"{work}/render"))
            build = min(builds, key=lambda r: r[0])
            checks = [run([binary, "build", "--check"], f"{work}/render") for _ in range(arguments.runs)]
            check = min(checks, key=lambda r: r[0])
            files = count_files(f"{work}/render/rendered")
            row = {
                "size": f"{services} x {arguments.environments}",
                "files": files,
                "build": build,
                "check": check,
            }
            if arguments.kustomize:
                generate_kustomize(f"{work}/kustomize", services, arguments.environments)
                totals = []
                for _ in range(arguments.runs):
                    total = 0.0
                    peak = 0.0
                    for env in range(arguments.environments):
                        elapsed, memory = run(
                            ["kubectl", "kustomize", f"overlays/env-{env}"], f"{work}/kustomize"
                        )
                        total += elapsed
                        peak = max(peak, memory)
                    totals.append((total, peak))
                row["kustomize"] = min(totals, key=lambda r: r[0])
            rows.append(row)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    header = "| services x envs | files | build | files/s | peak MB | --check (no-op) | peak MB |"
    if arguments.kustomize:
        header += " kubectl kustomize | peak MB | build vs kustomize | --check vs kustomize |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for row in rows:
        build_time, build_memory = row["build"]
        check_time, check_memory = row["check"]
        line = (
            f"| {row['size']} | {row['files']} | {seconds(build_time)} | {row['files'] / build_time:,.0f} |"
            f" {build_memory:.0f} | {seconds(check_time)} | {check_memory:.0f} |"
        )
        if "kustomize" in row:
            kustomize_time, kustomize_memory = row["kustomize"]
            line += (
                f" {seconds(kustomize_time)} | {kustomize_memory:.0f} |"
                f" {kustomize_time / build_time:.0f}x faster | {kustomize_time / check_time:.0f}x faster |"
            )
        print(line)


if __name__ == "__main__":
    main()
