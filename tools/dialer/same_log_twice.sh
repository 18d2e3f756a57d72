#!/usr/bin/env bash
# Runs one scenario twice, in two processes, and fails unless the event logs
# are byte-identical: the simulator's determinism contract (docs/scenario.md)
# must hold across processes too, where hash-table seeds differ.
# Usage: same_log_twice.sh DIALER SCENARIO PACER SEED
set -euo pipefail
dialer=$1 scenario=$2 pacer=$3 seed=$4
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for run in 1 2; do
  "$dialer" sim --scenario "$scenario" --pacer "$pacer" --seed "$seed" --json \
    --events "$dir/events$run.log" > "$dir/report$run.json"
done
lines=$(wc -l < "$dir/events1.log")
if [ "$lines" -lt 100 ]; then
  echo "only $lines event-log lines: the scenario did not run" >&2
  exit 1
fi
if ! cmp -s "$dir/events1.log" "$dir/events2.log"; then
  echo "event logs differ between two runs of seed $seed with pacer $pacer:" >&2
  diff "$dir/events1.log" "$dir/events2.log" | head -5 >&2
  exit 1
fi
echo "identical event logs: $lines lines"
