#!/usr/bin/env bash
# Every benchmark of docs/PERFORMANCE.md in one run (issue 9): the decision and publishing benchmarks (JMH, the
# publish timer, the heap probe: bench/run-decisions.sh), then the webhook under load against the static anchor, start
# to ready and heap after load (wrk against the standalone server: bench/run-webhook.sh). Each rewrites its own
# section of docs/PERFORMANCE.md, including its rows of the targets table. About 50–60 minutes on 2 cores.
#
#   bench/run.sh [--no-build]
#
# Run it on a quiet machine: the server, the load generator and JMH share the cores, and other jobs running at the
# same time lower every figure (each section states the load average before and after its run).
# Environment: as bench/run-webhook.sh (BENCH_PORT, BENCH_MVN_FLAGS, BENCH_KEEP).
set -euo pipefail
cd "$(dirname "$0")/.."

NO_BUILD=()
if [[ "${1:-}" == "--no-build" ]]; then NO_BUILD=(--no-build); fi
if (( ${#NO_BUILD[@]} == 0 )); then
  # One reactor build for both: the bench modules find the server's WAR and classes jar only while the reactor
  # knows them.
  ./mvnw -B -q ${BENCH_MVN_FLAGS:-} -Pbench -pl launcher,bench,bench/anchor -am package -DskipTests
fi
bench/run-decisions.sh --no-build
bench/run-webhook.sh --no-build
