#!/usr/bin/env bash
# Load run of the standalone server: start-to-ready time, then wrk against POST /webhooks/vca.
# Needs: a built launcher (./mvnw -B -q -DskipTests package) and wrk (apt-get install -y wrk).
# Usage: bench/webhook-load.sh [duration, default 20s]
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-20s}"
port="${BENCH_PORT:-18099}"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

start_ms=$(date +%s%3N)
CALLROUTE_PORT="$port" CALLROUTE_DATA_DIR="$work/data" CALLROUTE_RULES_DIR="$PWD/rules" \
  CALLROUTE_WEBHOOK_AUTH="Bearer bench" java -Xmx512m -jar launcher/target/callroute.jar > "$work/server.log" 2>&1 &
pid=$!
until curl -fs "localhost:$port/health/ready" > /dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.05
done
ready_ms=$(( $(date +%s%3N) - start_ms ))
echo "start-to-ready (process start to first 200 on /health/ready): ${ready_ms} ms"
grep -o "Callroute ready.*" "$work/server.log" || true

fixtures=server/src/test/resources/fixtures
echo
echo "| run | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors |"
echo "|---|---|---|---|---|---|---|---|"
export AUTH="Bearer bench"
# warm-up (JIT, Drools constraint compilation), not reported
FIXTURE="$fixtures/vca_inbound_ivr_call_received_sg.json" LABEL=warmup \
  wrk -t1 -c4 -d10s -s bench/post-fixture.lua "http://localhost:$port/webhooks/vca" > /dev/null
for spec in "1 1 ivr-sg-sequential vca_inbound_ivr_call_received_sg.json" \
            "1 1 menu-gb-sequential vca_inbound_ivr_action_completed_dtmf_2_gb_level2.json" \
            "2 16 ivr-sg-16-connections vca_inbound_ivr_call_received_sg.json" \
            "2 16 menu-gb-16-connections vca_inbound_ivr_action_completed_dtmf_2_gb_level2.json"; do
  read -r threads conns label fixture <<< "$spec"
  FIXTURE="$fixtures/$fixture" LABEL="$label" \
    wrk -t"$threads" -c"$conns" -d"$duration" -s bench/post-fixture.lua "http://localhost:$port/webhooks/vca" \
    | grep '^| '
done
echo
echo "fallbacks answered during the run (should be none):"
curl -s "localhost:$port/metrics" | grep '^callroute_fallbacks_total' || echo "  none"
curl -s "localhost:$port/metrics" | grep -E '^callroute_decision_seconds\{.*quantile' || true
