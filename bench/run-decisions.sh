#!/usr/bin/env bash
# Decisions and publishing benchmarks (issue 9): builds the bench module (-Pbench), runs the JMH decision
# benchmarks, the publish timer and the heap probe, and rewrites the section "Decisions and publishing (JMH)" of
# docs/PERFORMANCE.md. About 15 minutes on 2 cores. Usage: bench/run-decisions.sh [--no-build]
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

# Forks 1; 3 warm-up and 5 measured iterations. 10,000 rules: sample mode only (a fork spends minutes compiling the
# rules and a decision takes milliseconds), 2 s iterations so p99 rests on a few hundred samples.
JMH=(java "${JAVA_OPTS[@]}" -cp "$CP" org.openjdk.jmh.Main -f 1 -wi 3 -i 5 -t 1 -jvmArgs "-Xmx512m")
"${JMH[@]}" 'DecisionBenchmark' -p rules=10,100,1000 -bm thrpt,sample -w 1s -r 1s \
  -rf json -rff "$OUT/jmh-small.json" | tee "$OUT/jmh-small.txt"
"${JMH[@]}" 'DecisionBenchmark' -p rules=10000 -bm sample -w 2s -r 2s \
  -rf json -rff "$OUT/jmh-10000.json" | tee "$OUT/jmh-10000.txt"

java "${JAVA_OPTS[@]}" -cp "$CP" io.callroute.bench.PublishTimes "$OUT/publish.json"
java "${JAVA_OPTS[@]}" -cp "$CP" io.callroute.bench.HeapAfterLoad 1000 "$OUT/heap.json"

MINUTES=$(( (SECONDS + 59) / 60 ))
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
JAVA=$(java -version 2>&1 | head -1)
ABOUT="Run $START by \`bench/run-decisions.sh\` in $MINUTES min: $(nproc) vCPUs ($CPU), $(free -g | awk '/Mem:/{print $2}') GB RAM, $JAVA, \`-Xmx512m\`, JMH 1.37, forks 1, 3 warm-up and 5 measured iterations (1 s; 2 s at 10,000 rules). Load average before the run: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg) — other jobs shared the two cores, so absolute figures are a floor; the ratios to the anchor hold better."
java -cp "$CP" io.callroute.bench.ResultsReport "$OUT/jmh-small.json" "$OUT/jmh-10000.json" \
  --publish "$OUT/publish.json" --heap "$OUT/heap.json" --doc "$ROOT/docs/PERFORMANCE.md" --about "$ABOUT"
