#!/bin/sh
# Measures the worst cases within the documented input limits (docs/limits.md): wall time
# and peak memory of each request with /usr/bin/time -v, on the release binary.
#   swift build -c release --product ratecalc && scripts/limits-bench.sh
set -eu
cd "$(dirname "$0")/.."
R=${RATECALC:-.build/release/ratecalc}
repeat() { # text count separator
    i=0; out=""
    while [ "$i" -lt "$2" ]; do out="$out${out:+$3}$1"; i=$((i + 1)); done
    printf '%s' "$out"
}
measure() { # label, arguments…
    label=$1; shift
    /usr/bin/time -v "$R" "$@" >/tmp/ratecalc-limits.out 2>/tmp/ratecalc-limits.err || true
    seconds=$(grep 'Elapsed (wall clock)' /tmp/ratecalc-limits.err | sed 's/.*: //')
    kb=$(grep 'Maximum resident' /tmp/ratecalc-limits.err | sed 's/.*: //')
    status=$(grep 'Exit status' /tmp/ratecalc-limits.err | sed 's/.*: //')
    printf '| %s | %s | %s | %s MB |\n' "$label" "$status" "$seconds" "$((kb / 1024))"
}
echo "| worst case | exit | wall time | peak memory |"
echo "|---|---|---|---|"
huge20=$(repeat 1e9999 20 ,)
measure "20 entries 1e9999 (200,000 digits), all architectures, JSON" --smoothness "$huge20" --arch all --q 1/4096 --format json
ones=$(repeat 1 50000 ,)
measure "50,000 entries, all architectures, JSON" --smoothness "$ones" --arch all --q 1 --format json
fractions=$(i=1; s=""; while [ $i -le 10000 ]; do s="$s${s:+,}$((i + 1))/$i"; i=$((i + 1)); done; printf '%s' "$s")
measure "10,000 distinct fractions (k+1)/k, all architectures" --smoothness "$fractions" --arch all --q 1
big=$(repeat 9 10000 "")
measure "one 10,000-digit entry and 2, CNN q = 4095/4096" --smoothness "$big,2" --arch cnn --q 4095/4096
measure "poly(c=1,q=2) at 1e-150" --smoothness 'poly(c=1,q=2)' --gamma anisotropic --precision 1e-150
measure "poly(c=1,q=3/2) at 1e-150" --smoothness 'poly(c=1,q=3/2)' --gamma anisotropic --precision 1e-150
measure "poly(c=1,q=1000/999) at 1e-60" --smoothness 'poly(c=1,q=1000/999)' --gamma anisotropic --precision 1e-60
measure "poly(c=1,q=1000) at 1e-1000" --smoothness 'poly(c=1,q=1000)' --gamma anisotropic --precision 1e-1000
measure "poly(c=1,q=999/998) at 1e-500 (refused: work limit)" --smoothness 'poly(c=1,q=999/998)' --precision 1e-500
measure "19 ones + geom(c=1,r=1e9999), CNN q = 1" --smoothness "$(repeat 1 19 ,),geom(c=1,r=1e9999)" --arch cnn --q 1
measure "geom(c=1e9999,r=100001/100000), CNN q = 1" --smoothness 'geom(c=1e9999,r=100001/100000)' --arch cnn --q 1
measure "samples at ε = 1e-9999, LaTeX" samples --smoothness 1,2,4 --error 1e-9999 --arch all --format latex
measure "--n 1e9999 --log-exponent 3, all architectures" --smoothness 1,2,4 --arch all --n 1e9999 --log-exponent 3
measure "18,000 entries 1e9999 (refused: total digits)" --smoothness "$(repeat 1e9999 18000 ,)" --format json
rm -f /tmp/ratecalc-limits.out /tmp/ratecalc-limits.err
