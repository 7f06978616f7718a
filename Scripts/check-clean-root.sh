#!/usr/bin/env bash
# Proves that the self-contained binary runs on a machine with no Swift toolchain and no
# libyaml: it builds a root folder holding only the binary (and, for a binary that links
# the C library dynamically, libc, libm and the loader), chroots into it and runs render.
#
#   Scripts/check-clean-root.sh [BINARY]    default: builds one with build-release.sh
#
# Needs root (chroot, and mounting /proc inside a private mount namespace) on Linux.
# Checks, in the clean root:
#   1. without /proc, where the Swift runtime cannot read the command line, render
#      does not run (it must never take an empty command line for `render build`);
#   2. with /proc, `render --version`, `render init` of a new repository and
#      `render build --check` on it succeed, and `render validate` finds nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(uname -s)" != Linux ]; then
  echo "check-clean-root: Linux only" >&2
  exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "check-clean-root: needs root for chroot (try sudo)" >&2
  exit 2
fi

binary="${1:-}"
if [ -z "$binary" ]; then
  binary=$(Scripts/build-release.sh | tail -1)
fi

root=$(mktemp -d "${TMPDIR:-/tmp}/render-clean-root.XXXXXX")
cleanup() {
  umount "$root/proc" 2>/dev/null || true
  rm -rf "$root"
}
trap cleanup EXIT

mkdir -p "$root/bin" "$root/tmp" "$root/proc"
cp "$binary" "$root/bin/render"
# The binary's shared libraries, at the paths the loader looks for them.
for library in $(ldd "$binary" 2>/dev/null | grep -o '/[^ ]*'); do
  mkdir -p "$root$(dirname "$library")"
  cp -L "$library" "$root$library"
done
echo "check-clean-root: the root holds only:"
(cd "$root" && find . -type f | sort | sed 's/^/  /')
failed=0
if find "$root" -name 'libswift*' -o -name 'libyaml*' -o -name 'libstdc++*' | grep -q .; then
  echo "check-clean-root: FAIL: the root holds Swift, libyaml or libstdc++ libraries" >&2
  exit 1
fi

check() {
  local description="$1" expected="$2"
  shift 2
  local status=0
  output=$("$@" 2>&1) || status=$?
  if [ "$status" -eq "$expected" ]; then
    echo "ok   $description (exit $status)"
  else
    echo "FAIL $description: exit $status, expected $expected" >&2
    echo "$output" | sed 's/^/     /' >&2
    failed=1
  fi
}

# 1. No /proc: the command line cannot be read, and render must not guess (it once ran
#    `render build` in / instead). A fully static binary stops before main: the Swift
#    runtime aborts ("Unable to obtain Swift runtime path"). A binary with a shared libc
#    gets to main, which refuses with exit 64 and says why. Either way: nothing written.
status=0
output=$(chroot "$root" /bin/render --version 2>&1) || status=$?
if [ "$status" -eq 64 ] && echo "$output" | grep -q "cannot read the command line"; then
  echo "ok   without /proc, render refuses to run (exit 64: $output)"
elif [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
  echo "ok   without /proc, render does not start (exit $status: $output)"
else
  echo "FAIL without /proc: exit $status: $output" >&2
  failed=1
fi
if [ -e "$root/rendered" ] || [ -e "$root/render.yaml" ]; then
  echo "FAIL without /proc: render wrote into /" >&2
  failed=1
fi

# 2. With /proc, in a private mount namespace so nothing leaks into the host.
in_root() {
  unshare --mount --fork sh -c 'mount -t proc proc "$0/proc" && exec chroot "$0" "$@"' "$root" "$@"
}
check "render --version" 0 in_root /bin/render --version
echo "     $output"
check "render init /platform" 0 in_root /bin/render init /platform
check "render build --check" 0 in_root /bin/render build --check --root /platform
check "render validate --strict" 0 in_root /bin/render validate --strict --root /platform
check "render preview prod hello" 0 in_root /bin/render preview prod hello --root /platform

if [ "$failed" -ne 0 ]; then
  echo "check-clean-root: FAILED" >&2
  exit 1
fi
echo "check-clean-root: render runs in a root that holds nothing but it (and its C library, if it links one)"
