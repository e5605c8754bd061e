# Shared by scripts/test-slurm.sh and scripts/test-parallel.sh (sourced, not run): the tiny
# sweep, the release binary, the unsharded reference run and the comparison of reports
# apart from timings (docs/scale-out.md, "Tested on a real scheduler").

# The tiny sweep: the oracle and a small SSM, n = 64 … 256, 2 seeds, small step caps.
# --no-floor: the noiseless floor run trains to its step cap and would dominate one shard; the
# floor's own plumbing (plan, shards, merge) is tested in the Swift tests.
SWEEP="--smoothness 1,2 --arch ssm,oracle --n-min 64 --n-max 256 --points 3 --seeds 2 --length 16 --width 8 --min-steps 4000 --epochs 40 --test-sequences 64 --oracle-below 2 --max-terms 400 --no-floor"

# The release binary (built when missing); sets RATECALC.
ensure_binary() {
    RATECALC=${RATECALC:-$(pwd)/.build/release/ratecalc}
    if [ ! -x "$RATECALC" ]; then
        swift build -c release --product ratecalc
    fi
}

# Seconds since the epoch, fractional.
now() { date +%s.%N; }

# compare_reports A.json B.json: equal apart from wall-clock seconds and thread counts.
compare_reports() {
    python3 - "$1" "$2" <<'PY'
import json, sys
def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k not in ("seconds", "mean_seconds", "threads")}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v
a, b = (strip(json.load(open(p))) for p in sys.argv[1:3])
if a != b:
    print("reports differ", file=sys.stderr)
    sys.exit(1)
PY
}

# runs_with_seconds SHARD.json: one line per finished run, "estimator n seed seconds" (a redone
# run would have different seconds).
runs_with_seconds() {
    python3 -c 'import json,sys; [print(r["estimator"], r["n"], r.get("replicate", r.get("seed")), repr(r["seconds"])) for r in json.load(open(sys.argv[1]))["runs"]]' "$1"
}

# estimate_vs_actual PLAN_OUTPUT RUNS_DIR: the plan's per-shard estimate beside each shard's
# measured seconds (sum of its runs' fitting seconds).
estimate_vs_actual() {
    python3 - "$1" "$2" <<'PY'
import json, re, sys, glob
plan = open(sys.argv[1]).read()
line = [l for l in plan.splitlines() if l.startswith("per shard")][0]
est = {int(i): float(s) for i, s in re.findall(r"(\d+): ([0-9.e+-]+) s", line)}
for path in sorted(glob.glob(sys.argv[2] + "/shard-*.json")):
    shard = json.load(open(path))
    actual = sum(r["seconds"] for r in shard["runs"])
    i = shard["shard_index"]
    print(f"shard {i}: estimated {est[i]:.1f} s, measured {actual:.1f} s of fitting ({len(shard['runs'])} runs)")
PY
}

# longest_shard PLAN_OUTPUT: the index of the shard with the largest estimate (its runs are the
# long network runs, so it can be interrupted between two of them).
longest_shard() {
    python3 - "$1" <<'PY'
import re, sys
line = [l for l in open(sys.argv[1]).read().splitlines() if l.startswith("per shard")][0]
est = [(float(s), -int(i)) for i, s in re.findall(r"(\d+): ([0-9.e+-]+) s", line)]
print(-max(est)[1])
PY
}
