#!/bin/sh
# Fuzzes render's input readers beyond the bounded fuzz tests of `swift test`.
#
#   Scripts/fuzz.sh [SECONDS]           libFuzzer on the YAML reader and emitter, then
#                                       the random-input tests with many iterations
#
# 1. libFuzzer (needs a toolchain with -sanitize=fuzzer, as Swift 6 on Linux has):
#    Sources/YAML and Scripts/Fuzz/YAMLFuzzTarget.swift are compiled with swiftc into
#    .build/fuzz/yaml-fuzz, with AddressSanitizer, and run for SECONDS (default 60) on a
#    corpus in .build/fuzz/corpus. A crash leaves its input in .build/fuzz/crash-*;
#    replay it with `.build/fuzz/yaml-fuzz .build/fuzz/crash-…`.
#    (`swift build -Xswiftc -sanitize=fuzzer` builds the package's targets too, but a
#    fuzzing executable must not have a `main`, so the harness is built here instead.)
# 2. The bounded fuzz tests (Tests/RenderKitTests/Fuzz) for the YAML reader, the
#    expression parser and the patch engine, with RENDER_FUZZ_ITERATIONS (default
#    200000) and three seeds. RENDER_FUZZ_SEED=N reproduces one seed.
set -eu
cd "$(dirname "$0")/.."
seconds="${1:-60}"
iterations="${RENDER_FUZZ_ITERATIONS:-200000}"

mkdir -p .build/fuzz/corpus
printf 'a: 1\nb: [x, y]\n' > .build/fuzz/corpus/mapping
printf -- '- &x {k: v}\n- *x\n' > .build/fuzz/corpus/aliases
printf 'k: |\n  two\n  lines\n' > .build/fuzz/corpus/block
printf '\357\273\277mode: 0644\n' > .build/fuzz/corpus/bom

echo "fuzz: building the libFuzzer harness for the YAML reader"
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name YAMLFuzz \
  -I Sources/CYAML Sources/YAML/*.swift Scripts/Fuzz/YAMLFuzzTarget.swift -lyaml \
  -o .build/fuzz/yaml-fuzz 2>&1 | grep -v "Cannot export local symbol" || true
echo "fuzz: libFuzzer for ${seconds}s"
(cd .build/fuzz && ./yaml-fuzz -max_total_time="$seconds" -max_len=4096 corpus)

for seed in 101 202 303; do
  echo "fuzz: random-input tests, seed $seed, $iterations iterations"
  RENDER_FUZZ_SEED=$seed RENDER_FUZZ_ITERATIONS=$iterations \
    swift test --filter FuzzTests
done
