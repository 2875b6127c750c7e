#!/usr/bin/env bash
# Runs kcsa's libFuzzer targets. Usage:
#   Fuzz/run.sh TARGET|"T1 T2 ..."|all SECONDS   fuzz each target for SECONDS of CPU time (JOBS at a time)
#   Fuzz/run.sh --list                 the targets
# Environment: JOBS (targets at once, default 2), NICE (default 19: the machine is shared),
# NO_BUILD=1 (use the last build), RSS_MB (libFuzzer's -rss_limit_mb, default 2048).
# Each target's corpus grows in Fuzz/corpus/<target>/ (seeded from ../shared's conformance
# files and the course content by Fuzz/seeds.py), crashes land in Fuzz/artifacts/<target>/,
# and the log in Fuzz/logs/<target>.log; the last line of each is printed at the end
# (execs, cov, ft, and the CPU and wall seconds used). SECONDS is CPU time, counted over
# the target's whole process tree by cpu_budget.py (fork mode runs the fuzzing in child
# processes), so a run at nice 19 on a busy machine still does the work asked for. A crashing input belongs in Tests/FuzzRegressions/<target>/ once fixed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
targets="json jq-compile jq-eval policy lab question scenario pss rbac netpol"

if [[ "${1:-}" == "--list" ]]; then echo "$targets" | tr ' ' '\n'; exit 0; fi
if [[ $# -ne 2 ]]; then sed -n '2,4p' "$0" | sed 's/^# //' >&2; exit 2; fi
which="$1" seconds="$2"
[[ "$which" == all ]] && which="$targets"
for t in $which; do
    [[ " $targets " == *" $t "* ]] || { echo "run.sh: no target $t (try --list)" >&2; exit 2; }
done

if [[ "${NO_BUILD:-0}" != 1 ]]; then
    # The cached build plan can miss a source file added to the root package since the
    # last build (seen with a new file in ContentFormat): drop it so it is planned afresh.
    rm -f "$here/.build/release.yaml"
    (cd "$here" && nice -n "${NICE:-19}" swift build -c release --sanitize=fuzzer)
fi
binary="$here/.build/release/kcsa-fuzz"
python3 "$here/seeds.py" "$root" $which

run_one() {
    local t="$1"
    mkdir -p "$here/artifacts/$t" "$here/logs"
    rm -f "$here/logs/$t.log"
    KCSA_FUZZ_TARGET="$t" nice -n "${NICE:-19}" python3 "$here/cpu_budget.py" "$seconds" "$here/logs/$t.log.cpu" -- \
        "$binary" -fork=1 -ignore_crashes=1 -ignore_ooms=1 \
        -ignore_timeouts=1 -timeout=10 -rss_limit_mb="${RSS_MB:-2048}" -max_total_time="$((seconds * 100))" \
        -artifact_prefix="$here/artifacts/$t/" "$here/corpus/$t" >"$here/logs/$t.log" 2>&1 || true
    cat "$here/logs/$t.log.cpu" >>"$here/logs/$t.log" && rm -f "$here/logs/$t.log.cpu"
}

jobs_at_once="${JOBS:-2}"
for t in $which; do
    while (( $(jobs -rp | wc -l) >= jobs_at_once )); do wait -n || true; done
    run_one "$t" &
done
wait

for t in $which; do
    last="$(grep -E '^#[0-9]+' "$here/logs/$t.log" | tail -1 || true)"
    crashes="$(find "$here/artifacts/$t" -type f | wc -l)"
    cpu="$(grep -E '^cpu-seconds' "$here/logs/$t.log" | tail -1 || true)"
    printf '%-11s %s  %s  artifacts: %s\n' "$t" "${last:-no stats (see Fuzz/logs/$t.log)}" "$cpu" "$crashes"
done
