#!/bin/sh
# End-to-end test of `ratecalc plan --scheduler slurm` on a private single-node Slurm cluster
# (docs/scale-out.md): installs slurmctld, slurmd, slurm-client and munge when missing, starts
# munged, slurmctld and slurmd on localhost with their own configuration, key, sockets, ports,
# state, spool and log directories under a temporary directory, submits the plan of a tiny
# sweep (4 array tasks and the dependent merge job), requeues one task midway and checks that
# it resumes (its finished runs are kept, not redone), waits for the merge job, and checks
# that the merged report equals the unsharded run's apart from timings. Every daemon it
# started is stopped by PID and the directory removed on exit, also on failure.
# Needs root (skipped otherwise).
set -eu
cd "$(dirname "$0")/.."
if [ "$(id -u)" -ne 0 ]; then
    echo "test-slurm.sh: skipped (needs root to install and run slurmctld, slurmd and munged)"
    exit 0
fi
. scripts/scale-out-common.sh
missing=""
for package in slurmctld slurmd slurm-client munge; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
if [ -n "$missing" ]; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $missing
fi
ensure_binary
work=$(mktemp -d /tmp/ratecalc-slurm.XXXXXX)
pids=""
cleanup() {
    for pid in $pids; do kill "$pid" 2>/dev/null || true; done
    for pid in $pids; do
        for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
started=$(now)
host=$(hostname -s)
base=$(( 20000 + $$ % 20000 ))
mkdir -p "$work/state" "$work/spool" "$work/log" "$work/munge"
chmod 700 "$work/munge"

# munge with its own key and socket.
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 2>/dev/null
chmod 400 "$work/munge/munge.key"
munged --foreground --force --socket="$work/munge/munge.socket" --key-file="$work/munge/munge.key" \
    --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed" \
    >"$work/log/munged.out" 2>&1 &
pids="$pids $!"

cat >"$work/slurm.conf" <<CONF
ClusterName=ratecalc-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$base
SlurmdPort=$(( base + 1 ))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/backfill
ReturnToService=2
JobRequeue=1
KillWait=5
MinJobAge=300
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=1000 State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
sleep 1
slurmctld -D -i -f "$SLURM_CONF" >"$work/log/slurmctld.out" 2>&1 &
pids="$pids $!"
slurmd -D -f "$SLURM_CONF" >"$work/log/slurmd.out" 2>&1 &
pids="$pids $!"
for _ in $(seq 1 60); do
    sinfo -h -o %T 2>/dev/null | grep -qE '^idle' && break
    sleep 1
done
sinfo -h -o %T | grep -qE '^idle' || { tail -20 "$work/log/slurmctld.log" "$work/log/slurmd.log" >&2; echo "FAIL: the node did not come up" >&2; exit 1; }

# shellcheck disable=SC2086
"$RATECALC" plan $SWEEP --shards 4 --scheduler slurm --out "$work/plan" >"$work/plan.txt"
cat "$work/plan.txt"
grep -q -- "--array=1-4" "$work/plan/check.sbatch"
grep -q -- "--dependency=afterok" "$work/plan/submit.sh"
sh "$work/plan/submit.sh" | tee "$work/submit.txt"
array=$(sed -n 's/^submitted job array \([0-9]*\) .*/\1/p' "$work/submit.txt")
merge=$(sed -n 's/.*merge job \([0-9]*\) .*/\1/p' "$work/submit.txt")
# shellcheck disable=SC2086
"$RATECALC" check $SWEEP --format json >"$work/unsharded.json" &
unsharded=$!

# Requeue task $k once it has finished a run but not all of them.
k=$(longest_shard "$work/plan.txt")
shard="$work/plan/runs/shard-$k-of-4.json"
requeued=""
deadline=$(( $(date +%s) + 300 ))
while [ -z "$requeued" ] && [ "$(date +%s)" -lt "$deadline" ]; do
    state=$(squeue -h -j "${array}_$k" -o %T 2>/dev/null || true)
    if [ -f "$shard" ] && [ "$state" = "RUNNING" ] && [ "$(runs_with_seconds "$shard" | wc -l)" -ge 1 ]; then
        runs_with_seconds "$shard" >"$work/before-kill.txt"
        scontrol requeue "${array}_$k"
        requeued=yes
    fi
    [ -z "$state" ] && [ -f "$shard" ] && break
    sleep 0.1
done
[ -n "$requeued" ] || { echo "FAIL: task $k finished before it could be requeued" >&2; exit 1; }
done_before=$(wc -l <"$work/before-kill.txt")
echo "requeued task ${array}_$k after $done_before finished runs"
# The requeued task may be held (requeue puts it back pending); release it.
scontrol release "${array}_$k" 2>/dev/null || true

# Wait for the merge job (at most 10 minutes).
deadline=$(( $(date +%s) + 600 ))
while [ "$(date +%s)" -lt "$deadline" ]; do
    state=$(scontrol show job "$merge" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | head -1)
    case "$state" in
        COMPLETED) break ;;
        FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY)
            cat "$work/plan/logs/"*.out >&2; echo "FAIL: merge job $state" >&2; exit 1 ;;
    esac
    sleep 2
done
[ "$state" = "COMPLETED" ] || { squeue >&2; cat "$work/plan/logs/"*.out >&2; echo "FAIL: timed out waiting for the merge job" >&2; exit 1; }
wait "$unsharded"

# The requeue signal can land after one more run finished (a loaded machine): the task must have
# kept at least the runs finished before the requeue.
resumed=$(sed -n 's/.*(\([0-9]*\) resumed from the file).*/\1/p' "$work/plan/logs/shard-$k-of-4.out" | head -1)
[ -n "$resumed" ] && [ "$resumed" -ge "$done_before" ] \
    || { cat "$work/plan/logs/shard-$k-of-4.out" >&2; echo "FAIL: task $k did not resume" >&2; exit 1; }
runs_with_seconds "$shard" >"$work/after.txt"
while read -r line; do
    grep -qxF "$line" "$work/after.txt" || { echo "FAIL: run '$line' was redone or lost" >&2; exit 1; }
done <"$work/before-kill.txt"
echo "resume: task $k kept its $done_before finished runs and redid only the missing ones"
compare_reports "$work/plan/report.json" "$work/unsharded.json" || { echo "FAIL: merged report differs from the unsharded run" >&2; exit 1; }
estimate_vs_actual "$work/plan.txt" "$work/plan/runs"
echo "test-slurm.sh: passed in $(python3 -c "print(round($(now) - $started, 1))") s (merged report equals the unsharded run apart from timings)"
