#!/bin/sh
# Builds and runs one libFuzzer target (fuzz/targets) for SECONDS seconds:
#   scripts/fuzz.sh smoothness|options|shard|theorems SECONDS [libFuzzer options…]
# The targets are compiled with swiftc -sanitize=fuzzer against the library sources, so
# they are not part of `swift build` / `swift test`. New corpus entries go to
# .build/fuzz/corpus-TARGET (the seed corpus in fuzz/corpus/TARGET is only read); a
# crash, timeout or out-of-memory input is written to .build/fuzz/ and the exit status
# is non-zero. Every finding becomes a regression test (docs/limits.md).
set -eu
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh smoothness|options|shard|theorems SECONDS}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
shift 2
case "$target" in
    smoothness|options|shard|theorems) ;;
    *) echo "fuzz.sh: unknown target '$target' (smoothness, options, shard or theorems)" >&2; exit 2 ;;
esac
out=.build/fuzz
mkdir -p "$out/corpus-$target"
flags="-swift-version 6 -sanitize=fuzzer -parse-as-library -O -g -I $out -Xcc -fmodule-map-file=Sources/CGMP/module.modulemap -Xcc -fmodule-map-file=Sources/CKernels/include/module.modulemap"
blas="-Xcc -fmodule-map-file=Sources/CBLAS/module.modulemap $(pkg-config --cflags openblas | sed 's/-I/-Xcc -I/g')"
# The libraries, instrumented for coverage, rebuilt when a source is newer.
build_library() { # name, sources…
    name=$1; shift
    if [ ! -f "$out/lib$name.a" ] || [ -n "$(find "$@" -newer "$out/lib$name.a" 2>/dev/null | head -1)" ]; then
        # shellcheck disable=SC2086
        swiftc $flags $blas -module-name "$name" -emit-module -emit-module-path "$out/$name.swiftmodule" \
            -emit-library -static -o "$out/lib$name.a" $(find "$@" -name '*.swift' | sort)
    fi
}
# The engine's C kernels (Sources/CKernels), a static library of their own.
if [ ! -f "$out/libCKernels.a" ] || [ -n "$(find Sources/CKernels -newer "$out/libCKernels.a" 2>/dev/null | head -1)" ]; then
    for source in Sources/CKernels/*.c; do
        clang -O2 -g -I Sources/CKernels/include -c "$source" -o "$out/CKernels-$(basename "$source" .c).o"
    done
    rm -f "$out/libCKernels.a"
    ar rcs "$out/libCKernels.a" "$out"/CKernels-*.o
fi
build_library Bounds Sources/Bounds
build_library ProcessIO Sources/ProcessIO
build_library Numeric Sources/Numeric
# shellcheck disable=SC2086
swiftc $flags $blas -module-name "Fuzz_$target" fuzz/targets/FuzzSupport.swift "fuzz/targets/$target.swift" \
    -L "$out" -lNumeric -lProcessIO -lBounds -lCKernels -lgmp -lopenblas -llapacke -lm -o "$out/fuzz-$target"
# libFuzzer's own handler reports a trap (it writes the crashing input); Swift's backtracer would take it first.
export SWIFT_BACKTRACE=enable=no
exec "$out/fuzz-$target" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=1024 -max_len=8192 \
    -artifact_prefix="$out/$target-" -print_final_stats=1 "$@" "$out/corpus-$target" "fuzz/corpus/$target"
