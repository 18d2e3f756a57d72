#!/usr/bin/env bash
# Fails when a file under the given tests/ folder (this lint excepted) calls a
# sleep: tests advance the simulated clock instead of waiting for real time.
set -uo pipefail
tests_dir=${1:?usage: no_sleep.sh <tests dir>}
pattern='sleep_for|sleep_until|usleep|nanosleep|(^|[^A-Za-z0-9_])sleep[[:space:]]*\(|SleepFor|DelayMilliseconds'
hits=$(grep -rnE --exclude-dir=lint "${pattern}" "${tests_dir}")
case $? in
  0) echo "Tests must not sleep (advance the simulated clock instead); found:"
     echo "${hits}"
     exit 1 ;;
  1) echo "no sleeping call under ${tests_dir}" ;;
  *) echo "grep failed on ${tests_dir}" >&2
     exit 2 ;;
esac
