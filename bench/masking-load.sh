#!/usr/bin/env bash
# Number masking at scale: 100,000 live sessions created through the API (bulk), then wrk compares a masked call
# (looked up among them, bridged) with an IVR call (the lookup says "not a masking number").
# Needs: a built launcher (./mvnw -B -q -DskipTests package), wrk and python3.
# Usage: bench/masking-load.sh [sessions, default 100000] [duration, default 10s]
set -euo pipefail
cd "$(dirname "$0")/.."
sessions="${1:-100000}"
duration="${2:-10s}"
port="${BENCH_PORT:-18095}"
password="bench-admin-password"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

CALLROUTE_PORT="$port" CALLROUTE_DATA_DIR="$work/data" CALLROUTE_RULES_DIR="$PWD/rules" \
  CALLROUTE_ADMIN_PASSWORD="$password" java -Xmx1g -jar launcher/target/callroute.jar > "$work/server.log" 2>&1 &
pid=$!
until curl -fs "localhost:$port/health/ready" > /dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.2
done
token=$(curl -fs -u "admin:$password" -H 'Content-Type: application/json' -d '{"name":"bench"}' \
  "localhost:$port/api/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

# Sessions: 200 virtual numbers +6531600000.., parties +6580000000.. (A) and +6590000000.. (B), all distinct.
start=$(date +%s)
python3 - "$sessions" "$work" <<'PY'
import json, sys
total, work = int(sys.argv[1]), sys.argv[2]
for batch in range(0, total, 1000):
    items = [{"virtualNumber": "+65316%05d" % (i % 200), "partyA": "+6580%06d" % i, "partyB": "+6590%06d" % i,
              "reference": "booking-%d" % i} for i in range(batch, min(batch + 1000, total))]
    with open("%s/batch-%06d.json" % (work, batch), "w") as f:
        json.dump({"sessions": items}, f)
PY
for file in "$work"/batch-*.json; do
  curl -fs -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary @"$file" "localhost:$port/api/masking/sessions/bulk"
done
echo "created $sessions live sessions through the bulk API in $(( $(date +%s) - start )) s"
curl -fs -H "Authorization: Bearer $token" "localhost:$port/api/masking/sessions?limit=1" > /dev/null

# A masked call: party A of session 4242 calls its virtual number.
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
event = json.load(open("server/src/test/resources/fixtures/vca_number_masking_call_received_sg_docs_style.json"))
event["payload"].update({"source": "+6580004242", "destination": "+65316%05d" % (4242 % 200)})
json.dump(event, open(work + "/masked.json", "w"))
PY
answer=$(curl -fs -H 'Content-Type: application/json' --data-binary @"$work/masked.json" "localhost:$port/webhooks/vca")
echo "masked call answer: $answer"
echo "$answer" | grep -q '"destination":"+6590004242"' || { echo "the masked call was not bridged"; exit 1; }

ivr="server/src/test/resources/fixtures/vca_inbound_ivr_call_received_sg.json"
FIXTURE="$ivr" LABEL=warmup wrk -t1 -c4 -d10s -s bench/post-fixture.lua "http://localhost:$port/webhooks/vca" > /dev/null
FIXTURE="$work/masked.json" LABEL=warmup wrk -t1 -c4 -d10s -s bench/post-fixture.lua "http://localhost:$port/webhooks/vca" > /dev/null
echo
echo "| run | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors |"
echo "|---|---|---|---|---|---|---|---|"
for round in 1 2; do
  FIXTURE="$ivr" LABEL="ivr-call-no-masking-$round" \
    wrk -t1 -c1 -d"$duration" -s bench/post-fixture.lua "http://localhost:$port/webhooks/vca" | grep '^| '
  FIXTURE="$work/masked.json" LABEL="masked-call-among-$sessions-$round" \
    wrk -t1 -c1 -d"$duration" -s bench/post-fixture.lua "http://localhost:$port/webhooks/vca" | grep '^| '
done
FIXTURE="$ivr" LABEL="ivr-call-16-connections" \
  wrk -t2 -c16 -d"$duration" -s bench/post-fixture.lua "http://localhost:$port/webhooks/vca" | grep '^| '
FIXTURE="$work/masked.json" LABEL="masked-call-16-connections" \
  wrk -t2 -c16 -d"$duration" -s bench/post-fixture.lua "http://localhost:$port/webhooks/vca" | grep '^| '
grep -o "Masking sessions loaded.*" "$work/server.log" | head -1 || true
