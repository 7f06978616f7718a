#!/bin/sh
# Times `render validate` on hostile inputs added to a copy of the example platform:
# each should finish in well under 5 s and 1 GB, with findings (exit 1) or without.
#
#   Benchmarks/hostile-input-benchmark.sh [RENDER_BINARY]   (default .build/release/render)
#
# Prints one line per case: seconds, peak MB, exit status, lines of stderr.
set -eu
cd "$(dirname "$0")/.."
render="$(realpath "${1:-.build/release/render}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fresh() {
  rm -rf "$work/repo" && mkdir "$work/repo"
  git archive HEAD templates services environments crds render.yaml rendered | tar -x -C "$work/repo"
}

run() {
  name="$1"
  /usr/bin/time -f "%e %M" -o "$work/time" "$render" validate --root "$work/repo" \
    > /dev/null 2> "$work/stderr" && status=0 || status=$?
  read -r seconds kilobytes <<EOF2
$(tail -1 "$work/time")
EOF2
  printf '%-52s %6.2f s %6d MB  exit %d  %7d stderr lines\n' "$name" "$seconds" \
    $((kilobytes / 1024)) "$status" "$(wc -l < "$work/stderr")"
}

fresh
run "example platform (baseline)"

fresh
python3 -c "
print('version: 1.0.0')
for i in range(5000): print(f'unknown{i}: {i}')" > "$work/repo/environments/dev/checkout.yaml"
run "5,000 unknown keys in one file"

python3 -c "
print('version: 1.0.0')
for i in range(100000): print(f'unknown{i}: {i}')" > "$work/repo/environments/dev/checkout.yaml"
run "100,000 unknown keys in one file"

fresh
python3 -c "
print('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:')
for i in range(100000): print(f'  k{i}: v{i}')" > "$work/repo/environments/base/resources/big.yaml"
run "100,000-key ConfigMap"

fresh
python3 -c "
print('version: 1.0.0\nvalues:\n  config:')
for i in range(100000): print(f'    K{i}: v{i}')" > "$work/repo/environments/dev/checkout.yaml"
run "100,000-key values map merged over the service's"

fresh
add_vars() {  # inserts the lines of stdin under `vars:` in dev's environment.yaml
  python3 -c "
import sys
path = sys.argv[1]
text = open(path).read()
open(path, 'w').write(text.replace('vars:\\n', 'vars:\\n' + sys.stdin.read(), 1))" \
    "$work/repo/environments/dev/environment.yaml"
}
python3 -c "print('  big: ' + 'x' * 10_000_000)" | add_vars
mkdir -p "$work/repo/environments/dev/resources"
cat > "$work/repo/environments/dev/resources/replaced.yaml" <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata: {name: replaced}
data: {text: "${ env.vars.big | replace(\"x\", \"yz\") }"}
YAML
run "replace over a 10 MB value"

fresh
{
  echo "  l0: &l0 [$(python3 -c "print('x' * 160)")]"
  for level in $(seq 1 17); do echo "  l$level: &l$level [*l$((level - 1)), *l$((level - 1))]"; done
} | add_vars
mkdir -p "$work/repo/environments/dev/resources"
{
  echo 'apiVersion: v1'
  echo 'kind: ConfigMap'
  echo 'metadata: {name: amplified}'
  echo 'data:'
  for use in 1 2 3 4 5 6 7 8; do echo "  k$use: \"\${ env.vars.l17 | toJson }\""; done
} > "$work/repo/environments/dev/resources/amplified.yaml"
run "aliases (21 MB value) used 8 times through toJson"
