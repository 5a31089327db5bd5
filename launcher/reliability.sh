#!/usr/bin/env bash
# The long variants of the reliability checks of issue 9 (docs/RELIABILITY.md), against the standalone server
# started as its own process. CI runs the same tests short (`.ci/run`); this runs them at full length:
#
#   launcher/reliability.sh storm    publish storm: 5 minutes of 100 webhooks/s with a publish every second
#   launcher/reliability.sh crash    crash safety: 10 rounds of kill -9 during a publish of 3 x 500 generated rules,
#                                    then a normal stop and start
#   launcher/reliability.sh soak     soak: 10 minutes at 200 webhooks/s, heap sampled after a full GC every 10 s
#   launcher/reliability.sh multinode  issue 10: two nodes on one PostgreSQL behind nginx (needs nginx-light), the
#                                    kill phase 5 minutes at 200 webhooks/s with node b killed in the middle
#   launcher/reliability.sh all      the four, one after the other
#
# Extra arguments go to Maven, e.g. -Dcallroute.soak.rate=300, -Dcallroute.crash.seed=7 or
# -Dcallroute.cluster.retryPost=false (nginx without non_idempotent, to see what the retry of POSTs saves). Numbers are written to
# launcher/target/reliability/<check>.txt (and the server's log next to them). The build and the tests take both
# cores of a small machine: run it alone for numbers worth recording.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
shift || true
case "$what" in
  storm) tests=PublishStormIT; props=(-Dcallroute.storm.duration=PT5M) ;;
  crash) tests=CrashSafetyIT; props=(-Dcallroute.crash.rounds=10 -Dcallroute.crash.sets=3 -Dcallroute.crash.rules=500
                                     -Dcallroute.crash.graceful=true) ;;
  soak)  tests=SoakIT; props=(-Dcallroute.soak.duration=PT10M) ;;
  multinode) tests=MultiNodeIT; props=(-Dcallroute.cluster.duration=PT5M -Dcallroute.cluster.rate=200) ;;
  all)   tests=PublishStormIT,CrashSafetyIT,SoakIT,MultiNodeIT
         props=(-Dcallroute.storm.duration=PT5M -Dcallroute.crash.rounds=10 -Dcallroute.crash.sets=3
                -Dcallroute.crash.rules=500 -Dcallroute.crash.graceful=true -Dcallroute.soak.duration=PT10M
                -Dcallroute.cluster.duration=PT5M -Dcallroute.cluster.rate=200) ;;
  *) echo "usage: $0 storm|crash|soak|multinode|all [maven arguments]" >&2; exit 2 ;;
esac
# -am builds the WAR and the plugin jars the launcher module needs; only the named ITs run (no unit tests).
./mvnw -B verify -pl launcher -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test="$tests" -Dfailsafe.failIfNoSpecifiedTests=false "${props[@]}" "$@"
cat launcher/target/reliability/*.txt
