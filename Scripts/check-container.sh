#!/usr/bin/env bash
# Builds and smoke-tests the container image of the Dockerfile.
#
#   Scripts/check-container.sh
#
# With a working container runtime (docker or podman): builds the image, then runs
# `render --version` and, on a repository made by `render init`, `render build --check`
# in it, with the repository mounted at /repo as CI would.
#
# Without one (as on the machine render is developed on, which has no container
# daemon), it checks what it can without running a container:
#   1. a dry parse of the Dockerfile: every instruction known, two stages, every COPY
#      source exists and is not excluded by .dockerignore, COPY --from names an earlier
#      stage, the final stage installs git, the entrypoint is render in exec form;
#   2. hadolint, if installed;
#   3. the build stage's step itself (Scripts/build-release.sh, the same command with
#      the same output path shape), then the final stage's smoke test on that binary.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke_test() { # $@: how to run render with a repository folder as $repo
  local repo
  repo=$(mktemp -d "${TMPDIR:-/tmp}/render-container-check.XXXXXX")
  trap 'rm -rf "$repo"' RETURN
  "$@" "$repo" --version
  "$@" "$repo" init . >/dev/null
  "$@" "$repo" build --check
  echo "check-container: render --version, render init and render build --check pass"
}

runtime=""
for candidate in docker podman; do
  if command -v "$candidate" >/dev/null && "$candidate" info >/dev/null 2>&1; then
    runtime="$candidate"
    break
  fi
done

if [ -n "$runtime" ]; then
  "$runtime" build -t render:check .
  in_image() { local repo="$1"; shift; "$runtime" run --rm -v "$repo:/repo" render:check "$@"; }
  smoke_test in_image
  size=$("$runtime" image inspect render:check --format '{{.Size}}')
  echo "check-container: image size $((size / 1000000)) MB"
  exit 0
fi

echo "check-container: no container runtime answers here; checking the Dockerfile's steps"

python3 - <<'PY'
import fnmatch, json, os, sys

problems = []
lines, current = [], ""
for raw in open("Dockerfile", encoding="utf-8"):
    line = raw.rstrip("\n")
    if not current and (not line.strip() or line.lstrip().startswith("#")):
        continue
    if line.endswith("\\"):
        current += line[:-1] + " "
        continue
    lines.append(current + line)
    current = ""

ignore = [l.strip() for l in open(".dockerignore", encoding="utf-8")
          if l.strip() and not l.startswith("#")]

def ignored(path):
    result = False
    for pattern in ignore:
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!").rstrip("/")
        if fnmatch.fnmatch(path, pattern) or path.startswith(pattern + "/"):
            result = not negate
    return result

known = {"FROM", "RUN", "COPY", "WORKDIR", "ENTRYPOINT", "CMD", "ENV", "ARG", "LABEL", "USER"}
stages, final_runs, entrypoint = [], [], None
for line in lines:
    instruction, _, rest = line.strip().partition(" ")
    instruction = instruction.upper()
    if instruction not in known:
        problems.append(f"unknown instruction {instruction}")
    if instruction == "FROM":
        words = rest.split()
        stages.append(words[2] if len(words) == 3 and words[1].upper() == "AS" else None)
        final_runs = []
    elif instruction == "RUN":
        final_runs.append(rest)
    elif instruction == "COPY":
        words = rest.split()
        flags = [w for w in words if w.startswith("--")]
        sources = [w for w in words if not w.startswith("--")][:-1]
        source_stage = next((f.split("=", 1)[1] for f in flags if f.startswith("--from=")), None)
        if source_stage is not None:
            if source_stage not in stages[:-1]:
                problems.append(f"COPY --from={source_stage}: no earlier stage of that name")
            continue
        for source in sources:
            if not os.path.exists(source):
                problems.append(f"COPY {source}: not in the build context")
            elif ignored(source.rstrip("/")):
                problems.append(f"COPY {source}: excluded by .dockerignore")
    elif instruction == "ENTRYPOINT":
        try:
            entrypoint = json.loads(rest)
        except ValueError:
            problems.append("ENTRYPOINT is not in exec (JSON) form: signals would not reach render")

if len(stages) < 2:
    problems.append("expected a multi-stage build")
if entrypoint != ["render"]:
    problems.append(f"the entrypoint is {entrypoint}, not [\"render\"]")
if not any("git" in run.split() for run in final_runs):
    problems.append("the final stage does not install git")
for problem in problems:
    print(f"Dockerfile: {problem}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"check-container: Dockerfile parses: {len(lines)} instructions, stages {stages}")
PY

if command -v hadolint >/dev/null; then
  hadolint Dockerfile
  echo "check-container: hadolint passes"
else
  echo "check-container: hadolint not installed; skipped"
fi

# The build stage's RUN step, as the Dockerfile has it.
grep -q '^RUN Scripts/build-release.sh /out/render' Dockerfile
binary=$(Scripts/build-release.sh .build/container/render | tail -1)
echo "check-container: built $binary as the build stage does ($(du -h "$binary" | cut -f1))"
in_binary() { local repo="$1"; shift; (cd "$repo" && git init -q . 2>/dev/null; "$OLDPWD/$binary" "$@"); }
smoke_test in_binary
