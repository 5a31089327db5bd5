#!/usr/bin/env bash
# Decisions and publishing benchmarks (issue 9): builds the bench module (-Pbench), runs the JMH decision
# benchmarks, the publish timer and the heap probe, and rewrites the section "Decisions and publishing (JMH)" of
# docs/PERFORMANCE.md. About 25 minutes on 2 cores. Usage: bench/run-decisions.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=bench/target/results
JAVA_OPTS=(-Xmx512m)   # the server's heap setting in docs/PERFORMANCE.md

if [[ "${1:-}" != "--no-build" ]]; then
  # One reactor build: the server's classes jar is found only while the reactor knows where it is.
  ./mvnw -B -q -Pbench -pl bench -am package -DskipTests
fi
mkdir -p "$OUT"
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
START=$(date -u +%Y-%m-%dT%H:%MZ)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
SECONDS=0

# Forks 1, one thread, sample-time mode (ops/s = 1 / mean, p50/p99 from the samples). Long warm-ups: Drools compiles
# each partition's constraints to bytecode after some evaluations, then the JIT compiles those classes; a decision
# at 100 rules went from 3k/s after 3 s to 60-70k/s after 16 s.
JMH=(java "${JAVA_OPTS[@]}" -cp "$CP" org.openjdk.jmh.Main -f 1 -t 1 -jvmArgs "-Xmx512m" -bm sample)
"${JMH[@]}" 'DecisionBenchmark' -p rules=10,100,1000 -wi 12 -w 2s -i 4 -r 2s \
  -rf json -rff "$OUT/jmh-small.json" | tee "$OUT/jmh-small.txt"
"${JMH[@]}" 'DecisionBenchmark' -p rules=10000 -wi 12 -w 2s -i 4 -r 3s \
  -rf json -rff "$OUT/jmh-10000.json" | tee "$OUT/jmh-10000.txt"

java "${JAVA_OPTS[@]}" -cp "$CP" io.callroute.bench.PublishTimes "$OUT/publish.json"
java "${JAVA_OPTS[@]}" -cp "$CP" io.callroute.bench.HeapAfterLoad 1000 "$OUT/heap.json"

MINUTES=$(( (SECONDS + 59) / 60 ))
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
JAVA=$(java -version 2>&1 | head -1)
ABOUT="Run $START by \`bench/run-decisions.sh\` in $MINUTES min: $(nproc) vCPUs ($CPU), $(free -g | awk '/Mem:/{print $2}') GB RAM, $JAVA, \`-Xmx512m\`, JMH 1.37, sample-time mode, forks 1, 12 warm-up iterations of 2 s and 4 measured iterations of 2 s (3 s at 10,000 rules). Load average before the run: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg) (JMH's own fork keeps one core busy; more than that means other jobs shared the cores)."
java -cp "$CP" io.callroute.bench.ResultsReport "$OUT/jmh-small.json" "$OUT/jmh-10000.json" \
  --publish "$OUT/publish.json" --heap "$OUT/heap.json" --doc "$ROOT/docs/PERFORMANCE.md" --about "$ABOUT"
