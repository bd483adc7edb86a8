#!/usr/bin/env bash
# Runs every test of Lianxin on this machine, installing what is missing first.
#   ./test.sh            build, start a throwaway PostgreSQL, run all test assemblies, print "N passed, N failed"
#   ./test.sh --fast     build, run only the tests that need no PostgreSQL (Grains.Tests and WebHost.Tests without
#                        the trait Needs=PostgreSQL; no cluster, browser or benchmark runs), print the same line
# Needs: the .NET 10 SDK. Installs with apt when missing (as root): PostgreSQL, Chromium.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

log() { printf '==> %s\n' "$*" >&2; }

fast=""
case "${1:-}" in
  "") ;;
  --fast) fast=1 ;;
  -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
  *) log "unknown option '$1' (./test.sh [--fast])"; exit 2 ;;
esac

# dotnet test prints one summary line per assembly; sum them into the one line CI reads.
passed=0; failed=0; skipped=0; assemblies=0
count_results() { # count_results <file with dotnet test output>
  local line p f s
  while IFS= read -r line; do
    p=$(sed -nE 's/.*Passed: *([0-9]+).*/\1/p' <<<"$line"); f=$(sed -nE 's/.*Failed: *([0-9]+),.*/\1/p' <<<"$line")
    s=$(sed -nE 's/.*Skipped: *([0-9]+).*/\1/p' <<<"$line")
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0})); assemblies=$((assemblies + 1))
  done < <(grep -E '^(Passed|Failed)! +- ' "$1")
}

if [ -n "$fast" ]; then
  # No server: a test that needs PostgreSQL but lacks the trait fails here, saying so, rather than being skipped.
  unset LIANXIN_TEST_POSTGRES
  log "dotnet build"
  dotnet build Lianxin.slnx -c Release -nologo -v quiet -clp:ErrorsOnly
  results=$(mktemp)
  test_exit=0
  for project in tests/Grains.Tests tests/WebHost.Tests; do
    dotnet test "$project" -c Release --no-build --nologo --filter "Needs!=PostgreSQL" 2>&1 | tee -a "$results" || test_exit=1
  done
  count_results "$results"
  rm -f "$results"
  echo "$passed passed, $failed failed, $skipped skipped"
  if [ "$test_exit" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$assemblies" -eq 0 ]; then exit 1; fi
  exit 0
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; return 1; fi
}

apt_updated=""
ensure_package() { # ensure_package <command-or-path> <debian-package>
  if [ -e "$1" ] || command -v "$1" >/dev/null 2>&1; then return; fi
  if [ -z "$apt_updated" ]; then log "apt-get update"; as_root apt-get update -qq; apt_updated=1; fi
  log "installing $2"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

command -v dotnet >/dev/null || { log "the .NET 10 SDK is required: https://dotnet.microsoft.com/download"; exit 1; }
ensure_package /usr/lib/postgresql postgresql
ensure_package chromium chromium
ensure_package /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc fonts-noto-cjk # Chinese text in browser screenshots
ensure_package kubectl kubernetes-client

# --- a throwaway PostgreSQL server on a free port (fsync stays on: durability tests mean it) ---
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdata=$(mktemp -d /tmp/lianxin-pg.XXXXXX)
pg_user=$(id -un)
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" -eq 0 ]; then chown postgres "$pgdata"; fi
chmod 700 "$pgdata"
cleanup() {
  # Silo processes of the cluster tests die with their test; a test run that was itself killed leaves none behind.
  pkill -f "$root/tests/.*/Lianxin.Silo.dll" 2>/dev/null || true
  run_pg "$pgbin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$pgdata"
}
trap cleanup EXIT
run_pg "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 >/dev/null
port=""
for _ in $(seq 1 20); do
  candidate=$((20000 + RANDOM % 20000))
  if run_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/log" -w -o "-p $candidate -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null 2>&1; then
    port=$candidate; break
  fi
done
[ -n "$port" ] || { log "PostgreSQL did not start"; cat "$pgdata/log" >&2 || true; exit 1; }
log "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
export LIANXIN_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"

# --- build once, then every test assembly ---
log "dotnet build"
dotnet build Lianxin.slnx -c Release -nologo -v quiet -clp:ErrorsOnly
results=$(mktemp)
set +e
dotnet test Lianxin.slnx -c Release --no-build --nologo 2>&1 | tee "$results"
test_exit=${PIPESTATUS[0]}
set -e

count_results "$results"
# The names of failed tests, repeated beside the summary: the end of a long run is what a CI log shows first.
failed_tests=$(grep -E '^ +Failed [A-Za-z]' "$results" || true)
rm -f "$results"

# The benchmark harness in smoke mode (seconds, tiny sizes), so it never rots; its figures mean nothing here.
log "benchmark harness smoke run (bench/run.sh --smoke)"
bench_exit=0
dotnet bench/Lianxin.Bench/bin/Release/net10.0/Lianxin.Bench.dll --smoke --postgres "$LIANXIN_TEST_POSTGRES" >&2 || bench_exit=$?
[ "$bench_exit" -eq 0 ] || log "the benchmark harness failed (exit $bench_exit)"

[ -z "$failed_tests" ] || printf 'Failed tests:\n%s\n' "$failed_tests"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$test_exit" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$assemblies" -eq 0 ] || [ "$bench_exit" -ne 0 ]; then exit 1; fi
