#!/usr/bin/env bash
# Runs the cluster's failure tests again and again on a fresh cluster each time, and stops at the first failure.
#   tests/Cluster.Tests/loop.sh [RUNS] [FILTER]
#     RUNS    how many runs in a row must pass (default 20)
#     FILTER  a dotnet test filter (default: every failover test, FullyQualifiedName~Failover)
# Needs LIANXIN_TEST_POSTGRES (a PostgreSQL server the tests may create databases on) and a Release build of the
# solution. Each run's output is kept in $LOOP_LOGS (default: a fresh folder under /tmp); the last line says how
# many runs passed in a row.
set -uo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-20}
filter=${2:-FullyQualifiedName~Failover}
logs=${LOOP_LOGS:-$(mktemp -d /tmp/lianxin-cluster-loop.XXXXXX)}
mkdir -p "$logs"
: "${LIANXIN_TEST_POSTGRES:?set LIANXIN_TEST_POSTGRES to a PostgreSQL connection string}"
passed=0
for run in $(seq 1 "$runs"); do
  log="$logs/run-$run.log"
  if dotnet test tests/Cluster.Tests -c Release --no-build --nologo --filter "$filter" \
       --logger "console;verbosity=normal" >"$log" 2>&1; then
    passed=$((passed + 1))
    echo "run $run passed ($(grep -Eo 'Passed: +[0-9]+' "$log" | tail -n 1))"
  else
    echo "run $run FAILED: see $log"
    echo "$passed of $runs runs passed in a row"
    exit 1
  fi
done
echo "$passed of $runs runs passed in a row"
