#!/usr/bin/env bash
# Prints what failed tests failed of, from the Surefire and Failsafe reports under the current directory: the
# failing tests, then each distinct "Caused by" line in the order first seen. A CI log keeps only its tail; a
# Spring context that failed to load shows its cause in the first test that tried, and every later test only says
# "failure threshold exceeded", so without this the cause scrolls away.
set -uo pipefail
reports=$(find . -path '*/target/*-reports*/*.txt' ! -name '*-output.txt' 2>/dev/null | sort)
[ -n "$reports" ] || exit 0
failed=$(grep -h "<<< \(FAILURE\|ERROR\)!" $reports | grep -v "^Tests run" | head -20)
[ -n "$failed" ] || exit 0
echo "=== Failed tests (first 20) ==="
echo "$failed"
echo "=== Their causes, each once, in the order first seen (first 40) ==="
grep -h -A6 "<<< \(FAILURE\|ERROR\)!\|^Caused by:" $reports \
  | grep -v "^--$\|<<< \(FAILURE\|ERROR\)!\|^[[:space:]]at " | cut -c1-300 | awk '!seen[$0]++' | head -40
