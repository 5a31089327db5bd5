#!/usr/bin/env bash
# Webhook load test (issue 9): the standalone server as its own process, loaded by wrk from another process, the
# webhook compared with the static anchor (bench/anchor) of the same server in the same run. Also start to ready,
# heap after load and RSS. Rewrites the section "Webhook under load (wrk)" of docs/PERFORMANCE.md.
#
#   bench/run-webhook.sh [--no-build] [--no-doc] [--sizes "100 1000 10000"] [--duration 10s] [--warmup 60s]
#
# What runs: the production launcher (launcher/target/callroute.jar) serving, through CALLROUTE_WAR, the benchmark
# WAR (bench/anchor/target/callroute-bench.war: the production WAR plus the anchor's jar), a real H2 file database in
# a fresh folder, webhook authentication on, -Xmx512m. For each rule base size, the generated rules
# (io.callroute.bench.WebhookLoadFiles, the JMH benchmarks' generator) are imported on a first start, then 16,384
# generated CALL_ACTION bodies are posted with fresh eventIds (bench/webhook-events.lua) to POST /webhooks/vca and
# to POST /bench/anchor/vca, with 1 and with 16 connections. Start to ready is also measured with the production WAR
# and the example rules (rules/), first start and restarts, without and with an AppCDS class archive written by
# `callroute.jar train`. About 30 minutes on 2 cores with the default sizes (the first start with 10,000 rules takes
# most of it).
# Environment: BENCH_PORT (default 18099), BENCH_MVN_FLAGS (e.g. -o), BENCH_KEEP (keep the work folder).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

BUILD=1
WRITE_DOC=1
SIZES="100 1000 10000"
DURATION=10s
WARMUP=60s
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
HEAP=-Xmx512m          # the heap of every earlier measurement in docs/PERFORMANCE.md
TICK_US=$(( 1000000 / $(getconf CLK_TCK) ))
WORK="$(mktemp -d /tmp/callroute-webhook-bench.XXXXXX)"
RESULTS="$WORK/results.txt"
SERVER_PID=""

stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    local deadline=$((SECONDS + 30))
    while kill -0 "$SERVER_PID" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.2; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
cleanup() {
  stop_server
  if [[ -z "${BENCH_KEEP:-}" ]]; then rm -rf "$WORK"; else echo "work folder kept: $WORK"; fi
}
trap cleanup EXIT

# --- tools -------------------------------------------------------------------------------------------------------
if ! command -v wrk > /dev/null; then
  echo "wrk not found; installing Debian's package"
  if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && apt-get install -y -qq wrk
  else sudo apt-get update -qq && sudo apt-get install -y -qq wrk; fi
fi
for tool in java jcmd curl; do
  command -v "$tool" > /dev/null || { echo "$tool is needed" >&2; exit 1; }
done

# --- build -------------------------------------------------------------------------------------------------------
if (( BUILD )); then
  # One reactor build: the bench modules find the server's WAR and classes jar only while the reactor knows them.
  ./mvnw -B -q ${BENCH_MVN_FLAGS:-} -Pbench -pl launcher,bench,bench/anchor -am package -DskipTests
fi
PROD_WAR=launcher/target/callroute.war
BENCH_WAR=bench/anchor/target/callroute-bench.war
LAUNCHER=launcher/target/callroute.jar
for file in "$LAUNCHER" "$PROD_WAR" "$BENCH_WAR" bench/target/classpath.txt; do
  [[ -f "$file" ]] || { echo "$file is missing: run without --no-build" >&2; exit 1; }
done
# The anchor must be in the benchmark WAR and nowhere in what ships (ProductionArtifactsIT checks it on every CI run).
if jar tf "$PROD_WAR" | grep -qE 'callroute-bench|io/callroute/bench/'; then
  echo "the production WAR contains the benchmark anchor" >&2; exit 1
fi
jar tf "$BENCH_WAR" | grep -q 'WEB-INF/lib/callroute-bench-anchor' || { echo "no anchor in $BENCH_WAR" >&2; exit 1; }
BENCH_CP="bench/target/classes:$(cat bench/target/classpath.txt)"

# --- helpers -----------------------------------------------------------------------------------------------------
now_ms() { date +%s%3N; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# start_server <war> <data dir> <rules dir> <log> [JVM options…]: sets SERVER_PID and START_MS
start_server() {
  local war=$1 data=$2 rules=$3 log=$4
  shift 4
  START_MS=$(now_ms)
  CALLROUTE_WAR="$ROOT/$war" CALLROUTE_PORT="$PORT" CALLROUTE_DATA_DIR="$data" CALLROUTE_RULES_DIR="$rules" \
    CALLROUTE_PLUGINS_DIR="$WORK/no-plugins" CALLROUTE_WEBHOOK_AUTH="$AUTH" \
    java "$HEAP" "$@" -jar "$LAUNCHER" > "$log" 2>&1 &
  SERVER_PID=$!
}

# await_ready <deadline seconds> <log>: sets READY_WALL_MS and READY_CPU_MS at the first 200 of /health/ready
await_ready() {
  local deadline=$((SECONDS + $1))
  until curl -fs -o /dev/null "$BASE/health/ready"; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "the server stopped:" >&2; tail -50 "$2" >&2; exit 1; fi
    if (( SECONDS > deadline )); then echo "not ready after $1 s:" >&2; tail -50 "$2" >&2; exit 1; fi
    sleep 0.05
  done
  READY_WALL_MS=$(( $(now_ms) - START_MS ))
  READY_CPU_MS=$(( $(cpu_ticks "$SERVER_PID") * TICK_US / 1000 ))
}

# log_ms <log> <pattern with one number>: the number in the server's own log line, or "-"
log_ms() { grep -oE "$2" "$1" | grep -oE '[0-9]+' | tail -1 || echo "-"; }

# await_recorded: until the call log writer has written everything queued (so it does not run into the next run)
await_recorded() {
  local deadline=$((SECONDS + 120)) backlog
  while :; do
    backlog=$(curl -s "$BASE/health/ready" | grep -oE '"recorderBacklog":[0-9]+' | cut -d: -f2)
    [[ "${backlog:-0}" == 0 ]] && return
    (( SECONDS > deadline )) && { echo "recorder backlog still $backlog" >&2; return; }
    sleep 0.2
  done
}

# thread_cpu <pid>: "<name> <ticks>" per thread, digits in names folded (exec-12 → exec-#)
thread_cpu() {
  for task in /proc/"$1"/task/*; do
    local comm stat
    comm=$(tr ' ' '_' < "$task/comm" 2>/dev/null) || continue
    stat=$(cat "$task/stat" 2>/dev/null) || continue
    stat=${stat##*) }
    echo "$(sed -E 's/[0-9]+/#/g' <<< "$comm") $(awk '{print $12 + $13}' <<< "$stat")"
  done | awk '{sum[$1] += $2} END {for (n in sum) print n, sum[n]}'
}

# metric <name>: a Prometheus counter of the server, summed over its labels
metric() {
  curl -s "$BASE/metrics" | awk -v name="$1" '$1 == name || index($1, name "{") == 1 {sum += $2} END {printf "%d", sum}'
}

# load <rules> <connections> <target> <path> <duration> [profile]: one wrk run, one line in RESULTS
load() {
  local rules=$1 conns=$2 target=$3 path=$4 duration=$5 profile=${6:-}
  local threads=$(( conns > 1 ? 2 : 1 )) before after line recorded_before
  await_recorded
  [[ -n "$profile" ]] && thread_cpu "$SERVER_PID" > "$WORK/threads-before"
  recorded_before=$(metric callroute_events_recorded_total)
  before=$(cpu_ticks "$SERVER_PID")
  line=$(EVENTS="$EVENTS" AUTH="$AUTH" LABEL="$target" \
    wrk -t"$threads" -c"$conns" -d"$duration" --latency -s bench/webhook-events.lua "$BASE$path" | grep '^RESULT ')
  after=$(cpu_ticks "$SERVER_PID")
  read -r _ _ requests _ _ _ _ _ _ _ <<< "$line"
  local cpu_us_per_request=$(( (after - before) * TICK_US / (requests > 0 ? requests : 1) ))
  echo "load $rules $conns $target ${line#RESULT * } $cpu_us_per_request" >> "$RESULTS"
  echo "  $rules rules, $conns connection(s), $target: ${line#RESULT } | server CPU ${cpu_us_per_request} µs/request"
  if [[ -n "$profile" ]]; then
    await_recorded
    thread_cpu "$SERVER_PID" > "$WORK/threads-after"
    local recorded=$(( $(metric callroute_events_recorded_total) - recorded_before ))
    # Where the server's CPU went during this run, by thread (names as the kernel keeps them, 15 characters).
    awk -v rules="$rules" -v requests="$requests" -v recorded="$recorded" -v tick="$TICK_US" '
      NR == FNR {before[$1] = $2; next}
      {d = $2 - before[$1]; if (d > 0) {cpu[$1] = d; total += d}}
      END {for (n in cpu) printf "threads %s %s %d %.1f %d %d\n", rules, n, cpu[n] * tick / 1000, 100 * cpu[n] / total,
           requests, recorded}' "$WORK/threads-before" "$WORK/threads-after" | sort -k5 -nr | head -10 >> "$RESULTS"
  fi
}

# after_load <rules> <log>: heap after full GCs, RSS, counters
after_load() {
  await_recorded
  jcmd "$SERVER_PID" GC.run > /dev/null
  jcmd "$SERVER_PID" GC.run > /dev/null
  local used rss
  used=$(jcmd "$SERVER_PID" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status")
  echo "heap $1 $used $rss $(metric callroute_webhook_requests_total) $(metric callroute_fallbacks_total)" \
    "$(metric callroute_events_recorded_total) $(metric callroute_events_dropped_total)" >> "$RESULTS"
  echo "  after load: heap used after full GC ${used} KB, RSS ${rss} KB"
}

machine() {
  echo "$(nproc) vCPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GB RAM, $(java -version 2>&1 | head -1)"
}

# --- run ---------------------------------------------------------------------------------------------------------
mkdir -p "$WORK/no-plugins"
STARTED=$(date -u +%Y-%m-%dT%H:%MZ)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
SECONDS=0
echo "work folder $WORK; load average $LOAD_BEFORE"

echo "Start to ready, production WAR, example rules (rules/):"
# examples_start <label> <data dir> [JVM options…]: one start of the production WAR with the example rules
examples_start() {
  local label=$1 data=$2 log="$WORK/start-$1.log"
  shift 2
  start_server "$PROD_WAR" "$data" "$ROOT/rules" "$log" "$@"
  await_ready 300 "$log"
  wall=$READY_WALL_MS cpu=$READY_CPU_MS
  compiled=$(log_ms "$log" 'compiled in [0-9]+ ms')
  jvm=$(log_ms "$log" 'in [0-9]+ ms since JVM start')
  echo "start examples-$label $wall $cpu $jvm $compiled $(cut -d' ' -f1 /proc/loadavg)" >> "$RESULTS"
  echo "  $label: ready after $wall ms (server CPU $cpu ms; rules compiled in $compiled ms)"
  stop_server
}
for round in first restart-1 restart-2 restart-3; do
  examples_start "$round" "$WORK/data-examples"
done
echo "Class archive: java -XX:ArchiveClassesAtExit=… -jar callroute.jar train, then the same starts with it:"
CALLROUTE_WAR="$ROOT/$PROD_WAR" CALLROUTE_RULES_DIR="$ROOT/rules" CALLROUTE_WEBHOOK_AUTH="$AUTH" \
  java "$HEAP" -XX:ArchiveClassesAtExit="$WORK/callroute.jsa" -Xlog:cds=error -jar "$LAUNCHER" train \
  > "$WORK/train.log" 2>&1 || { tail -30 "$WORK/train.log" >&2; exit 1; }
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
  await_ready 1800 "$log"
  wall=$READY_WALL_MS cpu=$READY_CPU_MS
  compiled=$(log_ms "$log" 'compiled in [0-9]+ ms')
  jvm=$(log_ms "$log" 'in [0-9]+ ms since JVM start')
  echo "start generated-$rules $wall $cpu $jvm $compiled $(cut -d' ' -f1 /proc/loadavg)" >> "$RESULTS"
  echo "  first start (import and publish of $rules rules): ready after $wall ms (server CPU $cpu ms)"
  # Warm-up, not reported: JIT, Drools' constraint compilation, H2's caches.
  EVENTS="$EVENTS" AUTH="$AUTH" LABEL=warmup wrk -t2 -c8 -d"$WARMUP" -s bench/webhook-events.lua \
    "$BASE/webhooks/vca" > /dev/null
  EVENTS="$EVENTS" AUTH="$AUTH" LABEL=warmup wrk -t2 -c8 -d10s -s bench/webhook-events.lua \
    "$BASE/bench/anchor/vca" > /dev/null
  load "$rules" 1 anchor /bench/anchor/vca "$DURATION"
  load "$rules" 1 webhook /webhooks/vca "$DURATION"
  load "$rules" 16 anchor /bench/anchor/vca "$DURATION"
  load "$rules" 16 webhook /webhooks/vca "$DURATION" profile
  after_load "$rules" "$log"
  echo "loadavg-after $rules $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS"
  stop_server
done

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
MINUTES=$(( (SECONDS + 59) / 60 ))
echo
cat "$RESULTS"
if (( WRITE_DOC )); then
  ABOUT="Run $STARTED by \`bench/run-webhook.sh --sizes \"$SIZES\" --duration $DURATION --warmup $WARMUP\` in $MINUTES min: $(machine), \`$HEAP\`, wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'). Load average before the run: $LOAD_BEFORE, after: $LOAD_AFTER."
  java -cp "$BENCH_CP" io.callroute.bench.WebhookLoadReport "$RESULTS" "$ROOT/docs/PERFORMANCE.md" "$ABOUT"
fi
