#!/usr/bin/env bash
# Webhook load test (issue 9): the standalone server as its own process, loaded by wrk from another process, the
# webhook compared with the static anchor (bench/anchor) of the same server in the same run. Also start to ready,
# heap after load and RSS. Rewrites the section "Webhook under load (wrk)" of docs/PERFORMANCE.md.
#
#   bench/run-webhook.sh [--no-build] [--no-doc] [--sizes "100 1000 10000"] [--duration 10s] [--warmup 360]
#
# What runs: the production launcher (launcher/target/callroute.jar) serving, through CALLROUTE_WAR, the benchmark
# WAR (bench/anchor/target/callroute-bench.war: the production WAR plus the anchor's jar), a real H2 file database in
# a fresh folder, webhook authentication on, -Xmx512m. For each rule base size, the generated rules
# (io.callroute.bench.WebhookLoadFiles, the JMH benchmarks' generator) are imported on a first start, then 16,384
# generated CALL_ACTION bodies are posted with fresh eventIds (bench/webhook-events.lua) to POST /webhooks/vca and
# to POST /bench/anchor/vca, with 1 and with 16 connections, after a warm-up that lasts until the JIT has settled
# (at most --warmup seconds). Start to ready is also measured with the production WAR
# and the example rules (rules/), first start and restarts, without and with an AppCDS class archive written by
# `callroute.jar train`. About 15–30 minutes on 2 cores with the default sizes (the first start with 10,000 rules
# takes the most). To compare two builds under the same conditions, see bench/compare-webhook.sh.
# Environment: BENCH_PORT (default 18099), BENCH_MVN_FLAGS (e.g. -o), BENCH_KEEP (keep the work folder).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH_DIR=$ROOT/bench
source "$BENCH_DIR/webhook-lib.sh"

BUILD=1
WRITE_DOC=1
SIZES="100 1000 10000"
DURATION=10s
WARMUP=360
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --no-doc) WRITE_DOC=0 ;;
    --sizes) SIZES="$2"; shift ;;
    --duration) DURATION="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

PORT="${BENCH_PORT:-18099}"
BASE="http://localhost:$PORT"
AUTH="Bearer bench-$RANDOM$RANDOM"
WORK="$(mktemp -d /tmp/callroute-webhook-bench.XXXXXX)"
RESULTS="$WORK/results.txt"
SERVER_PID=""

stop_server() {
  [[ -n "$SERVER_PID" ]] && stop_pid "$SERVER_PID"
  SERVER_PID=""
}
cleanup() {
  stop_server
  if [[ -z "${BENCH_KEEP:-}" ]]; then rm -rf "$WORK"; else echo "work folder kept: $WORK"; fi
}
trap cleanup EXIT

ensure_wrk
for tool in java jcmd jar curl; do
  command -v "$tool" > /dev/null || { echo "$tool is needed" >&2; exit 1; }
done

# --- build -------------------------------------------------------------------------------------------------------
if (( BUILD )); then
  # One reactor build: the bench modules find the server's WAR and classes jar only while the reactor knows them.
  ./mvnw -B -q ${BENCH_MVN_FLAGS:-} -Pbench -pl launcher,bench,bench/anchor -am package -DskipTests
fi
PROD_WAR=launcher/target/callroute.war
BENCH_WAR=bench/anchor/target/callroute-bench.war
for file in launcher/target/callroute.jar "$PROD_WAR" "$BENCH_WAR" bench/target/classpath.txt; do
  [[ -f "$file" ]] || { echo "$file is missing: run without --no-build" >&2; exit 1; }
done
# The anchor must be in the benchmark WAR and nowhere in what ships (ProductionArtifactsIT checks it on every CI run).
if jar tf "$PROD_WAR" | grep -qE 'callroute-bench|io/callroute/bench/'; then
  echo "the production WAR contains the benchmark anchor" >&2; exit 1
fi
jar tf "$BENCH_WAR" | grep -q 'WEB-INF/lib/callroute-bench-anchor' || { echo "no anchor in $BENCH_WAR" >&2; exit 1; }
BENCH_CP="bench/target/classes:$(cat bench/target/classpath.txt)"

# start_server <war> <data dir> <rules dir> <log> [JVM options…]: sets SERVER_PID and START_MS
start_server() {
  local war=$1 data=$2 rules=$3 log=$4
  shift 4
  launch "$ROOT" "$war" "$PORT" "$data" "$rules" "$WORK/no-plugins" "$AUTH" "$log" "$@"
  SERVER_PID=$LAUNCHED_PID
  START_MS=$LAUNCHED_MS
}

# load <rules> <connections> <target> <path> <duration> [profile]: one wrk run, one line in RESULTS
load() {
  local rules=$1 conns=$2 target=$3 path=$4 duration=$5 profile=${6:-}
  local before after line recorded_before requests
  await_recorded "$BASE"
  [[ -n "$profile" ]] && thread_cpu "$SERVER_PID" > "$WORK/threads-before"
  recorded_before=$(metric "$BASE" callroute_events_recorded_total)
  before=$(cpu_ticks "$SERVER_PID")
  line=$(wrk_run "$EVENTS" "$AUTH" "$target" "$conns" "$duration" "$BASE$path")
  after=$(cpu_ticks "$SERVER_PID")
  read -r _ _ requests _ <<< "$line"
  local cpu_us_per_request=$(( (after - before) * TICK_US / (requests > 0 ? requests : 1) ))
  echo "load $rules $conns $target ${line#RESULT * } $cpu_us_per_request" >> "$RESULTS"
  echo "  $rules rules, $conns connection(s), $target: ${line#RESULT } | server CPU ${cpu_us_per_request} µs/request"
  if [[ -n "$profile" ]]; then
    await_recorded "$BASE"
    thread_cpu "$SERVER_PID" > "$WORK/threads-after"
    local recorded=$(( $(metric "$BASE" callroute_events_recorded_total) - recorded_before ))
    # Where the server's CPU went during this run, by thread (names as the kernel keeps them, 15 characters).
    awk -v rules="$rules" -v requests="$requests" -v recorded="$recorded" -v tick="$TICK_US" '
      NR == FNR {before[$1] = $2; next}
      {d = $2 - before[$1]; if (d > 0) {cpu[$1] = d; total += d}}
      END {for (n in cpu) printf "threads %s %s %d %.1f %d %d\n", rules, n, cpu[n] * tick / 1000, 100 * cpu[n] / total,
           requests, recorded}' "$WORK/threads-before" "$WORK/threads-after" | sort -k5 -nr | head -10 >> "$RESULTS"
  fi
}

# after_load <rules>: heap after full GCs, RSS, counters
after_load() {
  await_recorded "$BASE"
  local used rss
  used=$(heap_after_gc "$SERVER_PID")
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status")
  echo "heap $1 $used $rss $(metric "$BASE" callroute_webhook_requests_total) $(metric "$BASE" callroute_fallbacks_total)" \
    "$(metric "$BASE" callroute_events_recorded_total) $(metric "$BASE" callroute_events_dropped_total)" >> "$RESULTS"
  echo "  after load: heap used after full GC ${used} KB, RSS ${rss} KB"
}

# examples_start <label> <data dir> [JVM options…]: one start of the production WAR with the example rules
examples_start() {
  local label=$1 data=$2 log="$WORK/start-$1.log"
  shift 2
  start_server "$PROD_WAR" "$data" "$ROOT/rules" "$log" "$@"
  await_ready "$BASE" "$SERVER_PID" "$START_MS" 300 "$log"
  local compiled jvm
  compiled=$(log_ms "$log" 'compiled in [0-9]+ ms')
  jvm=$(log_ms "$log" 'in [0-9]+ ms since JVM start')
  echo "start examples-$label $READY_WALL_MS $READY_CPU_MS $jvm $compiled $(cut -d' ' -f1 /proc/loadavg)" >> "$RESULTS"
  echo "  $label: ready after $READY_WALL_MS ms (server CPU $READY_CPU_MS ms; rules compiled in $compiled ms)"
  stop_server
}

# --- run ---------------------------------------------------------------------------------------------------------
mkdir -p "$WORK/no-plugins"
STARTED=$(date -u +%Y-%m-%dT%H:%MZ)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
SECONDS=0
echo "work folder $WORK; load average $LOAD_BEFORE"

echo "Start to ready, production WAR, example rules (rules/):"
for round in first restart-1 restart-2 restart-3; do
  examples_start "$round" "$WORK/data-examples"
done
echo "Class archive: java -XX:ArchiveClassesAtExit=… -jar callroute.jar train, then the same starts with it:"
CALLROUTE_WAR="$ROOT/$PROD_WAR" CALLROUTE_RULES_DIR="$ROOT/rules" CALLROUTE_WEBHOOK_AUTH="$AUTH" \
  java -Xmx512m -XX:ArchiveClassesAtExit="$WORK/callroute.jsa" -Xlog:cds=error -jar launcher/target/callroute.jar \
  train > "$WORK/train.log" 2>&1 || { tail -30 "$WORK/train.log" >&2; exit 1; }
for round in first restart-1 restart-2 restart-3; do
  examples_start "cds-$round" "$WORK/data-examples-cds" -XX:SharedArchiveFile="$WORK/callroute.jsa" -Xlog:cds=error
done

for rules in $SIZES; do
  echo "$rules rules:"
  gen="$WORK/gen-$rules"
  java -cp "$BENCH_CP" io.callroute.bench.WebhookLoadFiles "$rules" "$gen/rules" "$gen/events.jsonl" > /dev/null
  EVENTS="$gen/events.jsonl"
  log="$WORK/server-$rules.log"
  echo "loadavg $rules $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS"
  start_server "$BENCH_WAR" "$WORK/data-$rules" "$gen/rules" "$log"
  await_ready "$BASE" "$SERVER_PID" "$START_MS" 1800 "$log"
  echo "start generated-$rules $READY_WALL_MS $READY_CPU_MS $(log_ms "$log" 'in [0-9]+ ms since JVM start')" \
    "$(log_ms "$log" 'compiled in [0-9]+ ms') $(cut -d' ' -f1 /proc/loadavg)" >> "$RESULTS"
  echo "  first start (import and publish of $rules rules): ready after $READY_WALL_MS ms (server CPU $READY_CPU_MS ms)"
  # Warm-up, not reported: until the JIT has settled (Drools' constraint compilation and H2's caches come with it).
  warm_up "$SERVER_PID" "$EVENTS" "$AUTH" "$BASE" "$WARMUP"
  echo "warmup $rules $WARMED_S $WARM_COMPILES" >> "$RESULTS"
  echo "  warmed up for $WARMED_S s (JIT compiles in the last 15 s: $WARM_COMPILES)"
  load "$rules" 1 anchor /bench/anchor/vca "$DURATION"
  load "$rules" 1 webhook /webhooks/vca "$DURATION"
  load "$rules" 16 anchor /bench/anchor/vca "$DURATION"
  load "$rules" 16 webhook /webhooks/vca "$DURATION" profile
  after_load "$rules"
  echo "loadavg-after $rules $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS"
  stop_server
done

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
MINUTES=$(( (SECONDS + 59) / 60 ))
echo
cat "$RESULTS"
if (( WRITE_DOC )); then
  ABOUT="Run $STARTED by \`bench/run-webhook.sh --sizes \"$SIZES\" --duration $DURATION --warmup $WARMUP\` in $MINUTES min: $(machine), \`-Xmx512m\`, wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}' || true). Load average before the run: $LOAD_BEFORE, after: $LOAD_AFTER."
  java -cp "$BENCH_CP" io.callroute.bench.WebhookLoadReport "$RESULTS" "$ROOT/docs/PERFORMANCE.md" "$ABOUT"
fi
