#!/usr/bin/env bash
# Times the git-facing commands on generated repositories:
#
#   render history SERVICE        on a repository with $COMMITS (default 1,000) commits
#                                 that move versions (target: under 2 s)
#   render diff --base HEAD~1     on a copy of the example platform (target: under 3 s)
#
# The history repository starts from `render init` and is made with `set-version
# --commit`. Everything happens in a temporary folder that is removed at the end.
#
# Usage: Benchmarks/workflow-benchmark.sh
#   COMMITS=200          fewer commits (quicker to generate)
#   SCRATCH_PATH=DIR     SwiftPM scratch folder for the release build (default: .build)
#   RUNS=5               timed runs per command; the best and the median are printed
#   RENDER_BINARY=PATH   time this binary instead of building one
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
COMMITS="${COMMITS:-1000}"
RUNS="${RUNS:-5}"
SCRATCH_PATH="${SCRATCH_PATH:-$ROOT/.build}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/render-workflow-benchmark.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

if [[ -n "${RENDER_BINARY:-}" ]]; then
  RENDER="$RENDER_BINARY"
else
  echo "== release build"
  swift build -c release --product render --package-path "$ROOT" --scratch-path "$SCRATCH_PATH" \
    >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
  RENDER="$(swift build -c release --package-path "$ROOT" --scratch-path "$SCRATCH_PATH" --show-bin-path)/render"
fi
echo "   $RENDER"

# Quiet, reproducible git: no global or system configuration, no signing, no hooks.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
git_in() { git -C "$1" "${@:2}"; }
init_repository() {
  git_in "$1" init --quiet --initial-branch=main
  git_in "$1" config user.name "Benchmark"
  git_in "$1" config user.email "benchmark@example.com"
  git_in "$1" config commit.gpgsign false
}

# Seconds taken by a command (its output discarded), with millisecond precision.
seconds() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }'
}

# Runs a command $RUNS times; prints "best median".
measure() {
  local times=()
  for _ in $(seq "$RUNS"); do times+=("$(seconds "$@")"); done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%s %s", a[1], a[int((NR + 1) / 2)] }'
}

verdict() { awk -v t="$1" -v limit="$2" 'BEGIN { print (t < limit) ? "ok" : "SLOWER THAN TARGET" }'; }

# ---------------------------------------------------------------------------------------
echo "== history: generating a repository with $COMMITS version commits"
# The skeleton `render init` writes (a web template, base -> dev, prod), with its one
# service copied to five.
HISTORY="$WORK/history"
"$RENDER" init "$HISTORY" >/dev/null
SERVICES=(checkout catalog payments search cart)
ENVIRONMENTS=(dev prod)
skeleton=$(ls "$HISTORY/services" | head -n 1)
for service in "${SERVICES[@]}"; do
  cp -R "$HISTORY/services/$skeleton" "$HISTORY/services/$service"
done
init_repository "$HISTORY"
"$RENDER" build --root "$HISTORY" >/dev/null 2>&1 || { "$RENDER" build --root "$HISTORY"; exit 1; }
git_in "$HISTORY" add -A
git_in "$HISTORY" commit --quiet -m "The platform"

# One commit per call, with Render-* trailers and rendered/ brought up to date.
generate_start=$(date +%s)
for i in $(seq "$COMMITS"); do
  service=${SERVICES[$((i % ${#SERVICES[@]}))]}
  environment=${ENVIRONMENTS[$(((i / ${#SERVICES[@]}) % ${#ENVIRONMENTS[@]}))]}
  version="1.$((i / 100)).$((i % 100))"
  "$RENDER" set-version "$service" "$version" --env "$environment" --commit --root "$HISTORY" \
    >/dev/null 2>"$WORK/set-version.err" || { cat "$WORK/set-version.err"; exit 1; }
  if ((i % 100 == 0)); then echo "   $i commits"; fi
done
echo "   generated in $(($(date +%s) - generate_start)) s;" \
  "$(git_in "$HISTORY" rev-list --count HEAD) commits," \
  "$(git_in "$HISTORY" rev-list --count HEAD -- rendered/versions.yaml) touch rendered/versions.yaml"

rows=$("$RENDER" history checkout --root "$HISTORY" | tail -n +2 | wc -l)
read -r history_best history_median <<<"$(measure "$RENDER" history checkout --root "$HISTORY")"
read -r history_env_best _ <<<"$(measure "$RENDER" history checkout --env prod --root "$HISTORY" --format json)"

# ---------------------------------------------------------------------------------------
echo "== diff --base: a copy of the example platform"
EXAMPLE="$WORK/example"
mkdir -p "$EXAMPLE"
for entry in render.yaml templates services environments crds rendered; do
  if [[ -e "$ROOT/$entry" ]]; then cp -R "$ROOT/$entry" "$EXAMPLE/"; fi
done
init_repository "$EXAMPLE"
git_in "$EXAMPLE" add -A
git_in "$EXAMPLE" commit --quiet -m "The example platform"
# One realistic change: a new catalog version in prod (prod-eu pins its own).
sed -i.bak 's/^    version: 2\.7\.0$/    version: 2.8.0/' "$EXAMPLE/environments/prod/environment.yaml"
rm -f "$EXAMPLE/environments/prod/environment.yaml.bak"
git_in "$EXAMPLE" commit --quiet -am "prod: catalog 2.8.0"
"$RENDER" diff --base HEAD~1 --root "$EXAMPLE" >"$WORK/diff.txt" 2>"$WORK/diff.err" || {
  cat "$WORK/diff.err"
  exit 1
}
diff_summary=$(tail -n 1 "$WORK/diff.txt")
read -r diff_best diff_median <<<"$(measure "$RENDER" diff --base HEAD~1 --root "$EXAMPLE")"
read -r plain_best _ <<<"$(measure "$RENDER" diff --root "$EXAMPLE")"
worktrees=$(git_in "$EXAMPLE" worktree list | wc -l)

# ---------------------------------------------------------------------------------------
echo
echo "== results (best / median of $RUNS runs, seconds)"
printf '%-44s %7s %7s  %s\n' "render history checkout ($COMMITS commits)" "$history_best" \
  "$history_median" "target < 2 s: $(verdict "$history_median" 2)"
printf '%-44s %7s %7s\n' "  ... --env prod --format json" "$history_env_best" ""
printf '%-44s %7s\n' "  rows listed" "$rows"
printf '%-44s %7s %7s  %s\n' "render diff --base HEAD~1 (example)" "$diff_best" "$diff_median" \
  "target < 3 s: $(verdict "$diff_median" 3)"
printf '%-44s %7s\n' "render diff (example, rendered/ on disk)" "$plain_best"
printf '%-44s %s\n' "  diff summary" "$diff_summary"
printf '%-44s %7s\n' "  worktrees left after the runs" "$worktrees"
