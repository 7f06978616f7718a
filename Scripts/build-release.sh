#!/usr/bin/env bash
# Builds a self-contained render binary for Linux: fully static (the Swift runtime,
# Foundation's core, libyaml, libstdc++, libgcc and glibc all linked in), so it runs on
# a machine with no Swift toolchain, no libyaml and even no shared C library: `ldd`
# answers "not a dynamic executable".
#
#   Scripts/build-release.sh [OUTPUT]     default OUTPUT: .build/render-static/render
#
# Why fully static rather than "static except libc": glibc's pthread_exit loads
# libgcc_s.so.1 at run time (dlopen) to unwind a finishing thread, and Swift's
# concurrency threads finish that way; a binary linked with --static-swift-stdlib alone
# aborts with "libgcc_s.so.1 must be installed for pthread_exit to work" in a root with
# only libc. `-static-executable` links glibc's static archive, which carries the
# unwinder. The linker's warnings about getpwuid_r, getpwnam_r, getgrgid_r and dlopen
# in static programs concern Foundation code render never calls (user and group
# lookups); render opens no shared libraries.
#
# Needs libyaml-dev (libyaml.a), libc6-dev (libc.a) and libstdc++'s static archive
# (libstdc++-12-dev or newer); the official swift:*-bookworm and -noble images have the
# last two. A missing archive fails at the link with "cannot find -lyaml" and the like.
# On macOS (no static libc there, and the Swift runtime is part of the system) it builds
# an ordinary release binary; libyaml comes from Homebrew (see docs/install.md).
set -euo pipefail
cd "$(dirname "$0")/.."

output="${1:-.build/render-static/render}"
scratch=".build-static"

if [ "$(uname -s)" = Darwin ]; then
  swift build -c release --scratch-path "$scratch"
  mkdir -p "$(dirname "$output")"
  cp "$scratch/release/render" "$output"
  echo "$output"
  exit 0
fi

swift build -c release --scratch-path "$scratch" --product render \
  --static-swift-stdlib -Xswiftc -static-executable

mkdir -p "$(dirname "$output")"
cp "$scratch/release/render" "$output"
strip "$output" 2>/dev/null || true

# Refuse to hand out a binary that still needs a shared library.
# (ldd fails with "not a dynamic executable" on a static one.)
if ldd "$output" >/dev/null 2>&1; then
  echo "build-release: $output is not static:" >&2
  ldd "$output" >&2
  exit 1
fi
echo "$output"
