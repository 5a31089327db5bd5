# Shell functions shared by bench/run-webhook.sh and bench/compare-webhook.sh (sourced, not run).
# Each takes what it works on as arguments: the compare script drives two servers at once.

TICK_US=$(( 1000000 / $(getconf CLK_TCK) ))

now_ms() { date +%s%3N; }

# cpu_ticks <pid>: user + system time of the process so far, in clock ticks
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# ensure_wrk: installs Debian's wrk when missing (with sudo when not root)
ensure_wrk() {
  command -v wrk > /dev/null && return
  echo "wrk not found; installing Debian's package"
  if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && apt-get install -y -qq wrk
  else sudo apt-get update -qq && sudo apt-get install -y -qq wrk; fi
}

# launch <checkout> <war, relative to it> <port> <data dir> <rules dir> <plugins dir> <auth> <log> [JVM options…]:
# starts <checkout>/launcher/target/callroute.jar with -Xmx512m; sets LAUNCHED_PID and LAUNCHED_MS
launch() {
  local root=$1 war=$2 port=$3 data=$4 rules=$5 plugins=$6 auth=$7 log=$8
  shift 8
  LAUNCHED_MS=$(now_ms)
  CALLROUTE_WAR="$root/$war" CALLROUTE_PORT="$port" CALLROUTE_DATA_DIR="$data" CALLROUTE_RULES_DIR="$rules" \
    CALLROUTE_PLUGINS_DIR="$plugins" CALLROUTE_WEBHOOK_AUTH="$auth" \
    java -Xmx512m "$@" -jar "$root/launcher/target/callroute.jar" > "$log" 2>&1 &
  LAUNCHED_PID=$!
}

# await_ready <base URL> <pid> <started at, ms> <deadline seconds> <log>: sets READY_WALL_MS and READY_CPU_MS at the
# first 200 of /health/ready (wall clock from <started at>, the process's CPU time); exits if the server stops
await_ready() {
  local base=$1 pid=$2 started=$3 deadline=$((SECONDS + $4)) log=$5
  until curl -fs -o /dev/null "$base/health/ready"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the server stopped:" >&2; tail -50 "$log" >&2; exit 1; fi
    if (( SECONDS > deadline )); then echo "not ready after $4 s:" >&2; tail -50 "$log" >&2; exit 1; fi
    sleep 0.05
  done
  READY_WALL_MS=$(( $(now_ms) - started ))
  READY_CPU_MS=$(( $(cpu_ticks "$pid") * TICK_US / 1000 ))
}

# stop_pid <pid>: SIGTERM, then SIGKILL after 30 s
stop_pid() {
  local pid=$1 deadline=$((SECONDS + 30))
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# log_ms <log> <pattern with one number>: the number in the server's own log line, or "-"
log_ms() { grep -oE "$2" "$1" | grep -oE '[0-9]+' | tail -1 || echo "-"; }

# metric <base URL> <name>: a Prometheus counter of the server, summed over its labels
metric() {
  curl -s "$1/metrics" | awk -v name="$2" '$1 == name || index($1, name "{") == 1 {sum += $2} END {printf "%d", sum}'
}

# await_recorded <base URL>: until the call log writer has written everything queued, so that it does not run into
# the next measurement
await_recorded() {
  local deadline=$((SECONDS + 120)) backlog
  while :; do
    backlog=$(curl -s "$1/health/ready" | grep -oE '"recorderBacklog":[0-9]+' | cut -d: -f2)
    [[ "${backlog:-0}" == 0 ]] && return
    (( SECONDS > deadline )) && { echo "recorder backlog still $backlog" >&2; return; }
    sleep 0.2
  done
}

# thread_cpu <pid>: "<name> <ticks>" per thread, digits in names folded (exec-12 → exec-#)
thread_cpu() {
  local task comm stat
  for task in /proc/"$1"/task/*; do
    { comm=$(tr ' ' '_' < "$task/comm") && stat=$(< "$task/stat"); } 2> /dev/null || continue   # thread ended
    stat=${stat##*) }
    echo "$(sed -E 's/[0-9]+/#/g' <<< "$comm") $(awk '{print $12 + $13}' <<< "$stat")"
  done | awk '{sum[$1] += $2} END {for (n in sum) print n, sum[n]}'
}

# wrk_run <events file> <auth> <label> <connections> <duration> <URL>: one wrk run (1 thread for 1 connection, else
# 2), fresh eventIds (bench/webhook-events.lua); prints its RESULT line
wrk_run() {
  local threads=$(( $4 > 1 ? 2 : 1 ))
  EVENTS="$1" AUTH="$2" LABEL="$3" wrk -t"$threads" -c"$4" -d"$5" --latency -s "$BENCH_DIR/webhook-events.lua" "$6" \
    | grep '^RESULT '
}

# compiles <pid>: how many methods the JIT has compiled so far
compiles() { jcmd "$1" PerfCounter.print | awk -F= '$1 == "sun.ci.totalCompiles" {print $2}'; }

# warm_up <pid> <events file> <auth> <base URL> <most seconds>: loads the webhook (8 connections, 15 s at a time)
# until the JIT has settled — fewer than 100 methods compiled in the last 15 s, after at least 60 s — or the time is
# up, then the anchor for 10 s; sets WARMED_S and WARM_COMPILES (compiles in the last 15 s). The server's code path
# is large (Tomcat, Jersey, HK2, Jackson, Drools, H2): on two shared cores the JIT compiles for minutes, and a run
# measured meanwhile pays for it (several times the CPU per request).
warm_up() {
  local pid=$1 events=$2 auth=$3 base=$4 most=$5 started=$SECONDS before
  while :; do
    before=$(compiles "$pid")
    wrk_run "$events" "$auth" warmup 8 15s "$base/webhooks/vca" > /dev/null
    WARM_COMPILES=$(( $(compiles "$pid") - before ))
    WARMED_S=$(( SECONDS - started ))
    (( (WARMED_S >= 60 && WARM_COMPILES < 100) || WARMED_S >= most )) && break
  done
  wrk_run "$events" "$auth" warmup 8 10s "$base/bench/anchor/vca" > /dev/null
}

# heap_after_gc <pid>: used heap in KB after two full GCs
heap_after_gc() {
  jcmd "$1" GC.run > /dev/null
  jcmd "$1" GC.run > /dev/null
  jcmd "$1" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+'
}

machine() {
  echo "$(nproc) vCPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GB RAM, $(java -version 2>&1 | head -1)"
}
