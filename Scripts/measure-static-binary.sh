#!/usr/bin/env bash
# Prints the size, start-up time and example-platform check time of the static binary
# (docs/install.md, BENCHMARKS.md).
#
#   Scripts/measure-static-binary.sh [BINARY]    default: .build/render-static/render
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-.build/render-static/render}"
[ -x "$binary" ] || binary=$(Scripts/build-release.sh | tail -1)

echo "size: $(wc -c < "$binary") bytes, $(gzip -c "$binary" | wc -c) gzipped"
median_ms() { # runs "$@" N times (N from $runs), prints the median wall time in ms
  local times=() i start end
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f ms median of %d (best %.1f ms)\n", a[int((NR+1)/2)]/1000, NR, a[1]/1000}'
}
runs=50 && echo "render --version: $(median_ms "$binary" --version)"
runs=7 && echo "render build --check (example platform): $(median_ms "$binary" build --check)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
