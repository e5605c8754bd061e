#!/bin/sh
# End-to-end test of `ratecalc plan --scheduler parallel` with GNU parallel (docs/scale-out.md):
# plans a tiny sweep in 4 shards, runs the plan, kills one shard midway (SIGKILL, as a
# preemption would), reruns the plan (--resume-failed redoes only the failed shard, which
# keeps its finished runs), merges, and checks that the merged report equals the unsharded
# run's apart from timings. Installs GNU parallel when missing (needs root; skipped otherwise).
# Everything lives in a temporary directory that is removed on exit, also on failure.
set -eu
cd "$(dirname "$0")/.."
if [ "$(id -u)" -ne 0 ]; then
    echo "test-parallel.sh: skipped (needs root to install GNU parallel)"
    exit 0
fi
. scripts/scale-out-common.sh
if ! command -v parallel >/dev/null 2>&1; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y parallel
fi
ensure_binary
work=$(mktemp -d /tmp/ratecalc-parallel.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
started=$(now)

# shellcheck disable=SC2086
"$RATECALC" plan $SWEEP --shards 4 --scheduler parallel --out "$work/plan" >"$work/plan.txt"
cat "$work/plan.txt"
# shellcheck disable=SC2086
"$RATECALC" check $SWEEP --format json >"$work/unsharded.json"

# First attempt, in the background: kill shard $k once it has finished a run but not all.
sh "$work/plan/run-parallel.sh" >"$work/first.out" 2>&1 &
runner=$!
k=$(longest_shard "$work/plan.txt")
shard="$work/plan/runs/shard-$k-of-4.json"
killed=""
deadline=$(( $(date +%s) + 300 ))
# The shard's second run takes well under a second, so the poll is cheap (grep, not Python),
# and a shard that exits between `ps` and `kill` is not an error: the loop goes on (and fails
# below if the shard always finished first). The runs on disk are read after the kill: the
# file is replaced atomically, so it holds exactly what the resumed shard will find.
while [ -z "$killed" ] && [ "$(date +%s)" -lt "$deadline" ] && kill -0 "$runner" 2>/dev/null; do
    if [ -f "$shard" ] && [ "$(grep -c '"seconds"' "$shard")" -ge 1 ]; then
        pid=$(ps -eo pid=,args= | grep -F -- "--shard $k/4 --out $work/plan/runs" | grep -v grep | awk '{print $1}' | head -1)
        if [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; then
            killed=$pid
            i=0; while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 500 ]; do sleep 0.01; i=$((i + 1)); done
            runs_with_seconds "$shard" >"$work/before-kill.txt"
        fi
    fi
    sleep 0.02
done
status=0
wait "$runner" || status=$?
[ -n "$killed" ] || { cat "$work/first.out" >&2; echo "FAIL: shard $k finished before it could be killed" >&2; exit 1; }
[ "$status" -ne 0 ] || { echo "FAIL: the plan succeeded although shard $k was killed" >&2; exit 1; }
done_before=$(wc -l <"$work/before-kill.txt")
echo "killed shard $k (pid $killed) after $done_before finished runs"
# Merging now names the incomplete shard.
if "$RATECALC" merge "$work/plan/runs" >/dev/null 2>"$work/merge-incomplete.err"; then
    echo "FAIL: merge accepted incomplete shards" >&2; exit 1
fi
grep -q "shard $k/4" "$work/merge-incomplete.err" || { cat "$work/merge-incomplete.err" >&2; echo "FAIL: merge did not name shard $k" >&2; exit 1; }

# Second attempt: --resume-failed reruns only shard $k, which resumes.
sh "$work/plan/run-parallel.sh" >"$work/second.out" 2>&1 || { cat "$work/second.out" >&2; echo "FAIL: resumed plan failed" >&2; exit 1; }
grep -q "($done_before resumed from the file)" "$work/plan/logs/shard-$k-of-4.out" \
    || { cat "$work/plan/logs/shard-$k-of-4.out" >&2; echo "FAIL: shard $k did not resume" >&2; exit 1; }
runs_with_seconds "$shard" >"$work/after.txt"
# The runs finished before the kill are in the file unchanged (same seconds: not redone).
while read -r line; do
    grep -qxF "$line" "$work/after.txt" || { echo "FAIL: run '$line' was redone or lost" >&2; exit 1; }
done <"$work/before-kill.txt"
# The job log: 4 shards in the first attempt, only shard $k again in the second.
attempts=$(( $(wc -l <"$work/plan/logs/parallel.joblog") - 1 ))
tail -1 "$work/plan/logs/parallel.joblog" | grep -q "shard.sh $k " && [ "$attempts" -eq 5 ] \
    || { cat "$work/plan/logs/parallel.joblog" >&2; echo "FAIL: --resume-failed did not rerun only shard $k" >&2; exit 1; }
echo "resume: only shard $k was rerun; it kept its $done_before finished runs and redid only the missing ones"

compare_reports "$work/plan/report.json" "$work/unsharded.json" || { echo "FAIL: merged report differs from the unsharded run" >&2; exit 1; }
estimate_vs_actual "$work/plan.txt" "$work/plan/runs"
awk -F'\t' 'NR > 1 {printf "joblog: %s exit %s, %.1f s wall\n", $NF, $7, $4}' "$work/plan/logs/parallel.joblog"
echo "test-parallel.sh: passed in $(python3 -c "print(round($(now) - $started, 1))") s (merged report equals the unsharded run apart from timings)"
