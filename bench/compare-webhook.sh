#!/usr/bin/env bash
# Compares two builds of Callroute under the same conditions, for before/after tables on a machine other jobs share:
# both servers run side by side and the measurements alternate between them (A B, then B A, …), so a busy minute
# hits both. Prints medians over the rounds; writes nothing into docs/.
#
#   bench/compare-webhook.sh <checkout A> <checkout B> [--sizes "100 1000"] [--rounds 3] [--duration 10s]
#                            [--warmup 360] [--starts 3]
#
# Each checkout must be built (./mvnw -B -q -Pbench -pl launcher,bench,bench/anchor -am package -DskipTests): its
# launcher, production WAR and benchmark WAR are used. The rules and events come from this checkout's generator
# (io.callroute.bench.WebhookLoadFiles), the same for both. Starts: restarts of the production WAR with the example
# rules, alternating; a checkout whose launcher has `train` is also started with its class archive. Load: per size,
# each server imports the generated rules, is warmed up, then each round runs anchor and webhook with 1 and 16
# connections on A and on B.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH_DIR=$ROOT/bench
source "$BENCH_DIR/webhook-lib.sh"

[[ $# -ge 2 ]] || { sed -n 2,14p "$0" >&2; exit 2; }
declare -A CHECKOUT=([A]="$(cd "$1" && pwd)" [B]="$(cd "$2" && pwd)")
shift 2
SIZES="100 1000"
ROUNDS=3
DURATION=10s
WARMUP=360
STARTS=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) SIZES="$2"; shift ;;
    --rounds) ROUNDS="$2"; shift ;;
    --duration) DURATION="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    --starts) STARTS="$2"; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

ensure_wrk
for side in A B; do
  for file in launcher/target/callroute.jar launcher/target/callroute.war bench/anchor/target/callroute-bench.war; do
    [[ -f "${CHECKOUT[$side]}/$file" ]] || { echo "${CHECKOUT[$side]}/$file is missing: build it first" >&2; exit 1; }
  done
done
[[ -f bench/target/classpath.txt ]] || { echo "this checkout's bench module is not built" >&2; exit 1; }
BENCH_CP="bench/target/classes:$(cat bench/target/classpath.txt)"

AUTH="Bearer bench-$RANDOM$RANDOM"
declare -A PORT=([A]="${BENCH_PORT_A:-18095}" [B]="${BENCH_PORT_B:-18096}")
declare -A PID=()
WORK="$(mktemp -d /tmp/callroute-compare.XXXXXX)"
RESULTS="$WORK/results.txt"
mkdir -p "$WORK/no-plugins"
cleanup() {
  for side in "${!PID[@]}"; do stop_pid "${PID[$side]}"; done
  if [[ -z "${BENCH_KEEP:-}" ]]; then rm -rf "$WORK"; else echo "work folder kept: $WORK"; fi
}
trap cleanup EXIT
base() { echo "http://localhost:${PORT[$1]}"; }
order() { if (( $1 % 2 )); then echo A B; else echo B A; fi; }

# start_side <side> <war> <data dir> <rules dir> <label> [JVM options…]: starts and waits until ready
start_side() {
  local side=$1 war=$2 data=$3 rules=$4 label=$5 log="$WORK/$1-$5.log"
  shift 5
  launch "${CHECKOUT[$side]}" "$war" "${PORT[$side]}" "$data" "$rules" "$WORK/no-plugins" "$AUTH" "$log" "$@"
  PID[$side]=$LAUNCHED_PID
  await_ready "$(base "$side")" "$LAUNCHED_PID" "$LAUNCHED_MS" 1800 "$log"
}
stop_side() { stop_pid "${PID[$1]}"; unset "PID[$1]"; }

echo "A: ${CHECKOUT[A]} ($(git -C "${CHECKOUT[A]}" log -1 --format='%h %s' | cut -c1-70))"
echo "B: ${CHECKOUT[B]} ($(git -C "${CHECKOUT[B]}" log -1 --format='%h %s' | cut -c1-70))"
echo "work folder $WORK; load average $(cut -d' ' -f1-3 /proc/loadavg)"
SECONDS=0

# --- starts --------------------------------------------------------------------------------------------------------
declare -A CDS=()
for side in A B; do
  # A first start, not measured here: later starts are restarts of a store that has its version 1.
  start_side "$side" launcher/target/callroute.war "$WORK/data-examples-$side" "$ROOT/rules" first
  stop_side "$side"
  if unzip -l "${CHECKOUT[$side]}/launcher/target/callroute.jar" | grep -q ClassArchiveTraining; then
    CALLROUTE_WAR="${CHECKOUT[$side]}/launcher/target/callroute.war" CALLROUTE_RULES_DIR="$ROOT/rules" \
      java -Xmx512m -XX:ArchiveClassesAtExit="$WORK/$side.jsa" -Xlog:cds=error \
      -jar "${CHECKOUT[$side]}/launcher/target/callroute.jar" train > "$WORK/$side-train.log" 2>&1
    CDS[$side]=1
  fi
done
for round in $(seq 1 "$STARTS"); do
  for side in $(order "$round"); do
    variants=(plain)
    [[ -n "${CDS[$side]:-}" ]] && variants+=(cds)
    for variant in "${variants[@]}"; do
      options=()
      [[ $variant == cds ]] && options=(-XX:SharedArchiveFile="$WORK/$side.jsa" -Xlog:cds=error)
      start_side "$side" launcher/target/callroute.war "$WORK/data-examples-$side" "$ROOT/rules" "restart-$round" \
        "${options[@]}"
      echo "start $side $variant $round $READY_WALL_MS $READY_CPU_MS $(cut -d' ' -f1 /proc/loadavg)" >> "$RESULTS"
      echo "  restart $round, $side $variant: ready after $READY_WALL_MS ms, CPU $READY_CPU_MS ms"
      stop_side "$side"
    done
  done
done

# --- load ----------------------------------------------------------------------------------------------------------
for rules in $SIZES; do
  gen="$WORK/gen-$rules"
  java -cp "$BENCH_CP" io.callroute.bench.WebhookLoadFiles "$rules" "$gen/rules" "$gen/events.jsonl" > /dev/null
  for side in A B; do
    start_side "$side" bench/anchor/target/callroute-bench.war "$WORK/data-$rules-$side" "$gen/rules" "load-$rules"
    echo "  $rules rules, $side ready after $READY_WALL_MS ms"
  done
  for side in A B; do
    warm_up "${PID[$side]}" "$gen/events.jsonl" "$AUTH" "$(base "$side")" "$WARMUP"
    echo "  $rules rules, $side warmed up for $WARMED_S s (JIT compiles in the last 15 s: $WARM_COMPILES)"
  done
  for round in $(seq 1 "$ROUNDS"); do
    for conns in 1 16; do
      for target in anchor webhook; do
        path=/bench/anchor/vca
        [[ $target == webhook ]] && path=/webhooks/vca
        for side in $(order "$round"); do
          await_recorded "$(base "$side")"
          before=$(cpu_ticks "${PID[$side]}")
          line=$(wrk_run "$gen/events.jsonl" "$AUTH" "$target" "$conns" "$DURATION" "$(base "$side")$path")
          after=$(cpu_ticks "${PID[$side]}")
          read -r _ _ requests _ <<< "$line"
          cpu=$(( (after - before) * TICK_US / (requests > 0 ? requests : 1) ))
          echo "load $side $rules $conns $target $round ${line#RESULT * } $cpu $(cut -d' ' -f1 /proc/loadavg)" \
            >> "$RESULTS"
          echo "  $rules rules, round $round, $conns conn., $target, $side: ${line#RESULT * } | CPU $cpu µs/req"
        done
      done
    done
  done
  for side in A B; do
    echo "heap $side $rules $(heap_after_gc "${PID[$side]}") $(metric "$(base "$side")" callroute_fallbacks_total)" \
      >> "$RESULTS"
    stop_side "$side"
  done
done

# --- medians -------------------------------------------------------------------------------------------------------
# median <numbers…>
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
# field <awk filter> <field number>: the values of one field of the matching records
field() { awk "$1 {print \$$2}" "$RESULTS"; }

echo
echo "Medians over $ROUNDS rounds ($DURATION each), $(machine); load average now $(cut -d' ' -f1-3 /proc/loadavg), $(( SECONDS / 60 )) min."
echo
echo "| rules | conn. | side | anchor req/s | webhook req/s | webhook ÷ anchor | webhook p50 / p99 ms | server CPU µs/request, anchor / webhook |"
echo "|---|---|---|---|---|---|---|---|"
for rules in $SIZES; do
  for conns in 1 16; do
    for side in A B; do
      sel="\$1 == \"load\" && \$2 == \"$side\" && \$3 == $rules && \$4 == $conns"
      ratios=()
      for round in $(seq 1 "$ROUNDS"); do
        a=$(field "$sel && \$5 == \"anchor\" && \$6 == $round" 9)
        w=$(field "$sel && \$5 == \"webhook\" && \$6 == $round" 9)
        ratios+=("$(awk -v a="$a" -v w="$w" 'BEGIN {printf "%.3f", w / a}')")
      done
      printf '| %s | %s | %s | %.0f | %.0f | %.0f %% | %.2f / %.2f | %.0f / %.0f |\n' "$rules" "$conns" "$side" \
        "$(median $(field "$sel && \$5 == \"anchor\"" 9))" "$(median $(field "$sel && \$5 == \"webhook\"" 9))" \
        "$(awk -v r="$(median "${ratios[@]}")" 'BEGIN {print 100 * r}')" \
        "$(median $(field "$sel && \$5 == \"webhook\"" 10))" "$(median $(field "$sel && \$5 == \"webhook\"" 11))" \
        "$(median $(field "$sel && \$5 == \"anchor\"" 15))" "$(median $(field "$sel && \$5 == \"webhook\"" 15))"
    done
  done
done
echo
echo "| start (example rules, restart) | side | ready after (median) | CPU until ready (median) | each (wall ms) |"
echo "|---|---|---|---|---|"
for side in A B; do
  for variant in plain cds; do
    sel="\$1 == \"start\" && \$2 == \"$side\" && \$3 == \"$variant\""
    walls=$(field "$sel" 5 | tr '\n' ' ')
    [[ -z "$walls" ]] && continue
    printf '| %s | %s | %.1f s | %.1f s | %s |\n' "$variant" "$side" "$(awk -v m="$(median $walls)" 'BEGIN {print m / 1000}')" \
      "$(awk -v m="$(median $(field "$sel" 6))" 'BEGIN {print m / 1000}')" "$walls"
  done
done
echo
grep '^heap' "$RESULTS" | awk '{printf "heap after full GC, %s rules, %s: %d MB; fallbacks %s\n", $3, $2, $4 / 1024, $5}'
