#!/usr/bin/env bash
# Runs Lianxin's benchmarks: this machine's ceilings and the product's figures, side by side (see BENCHMARKS.md).
#   bench/run.sh            the full set (about 20-30 minutes on 2 cores); results in bench/results/<date>-<commit>.{json,md}
#   bench/run.sh --smoke    seconds and tiny sizes: proves the harness works (./test.sh runs this)
#   bench/run.sh --help     every option (--postgres, --only, --out, --telemetry on|off, ...)
#   bench/run.sh --only telemetry   telemetry on and off, two hosts at once (its cost on durable ingest)
#   bench/run.sh actor-mobilization "<server>" 50000 500 2048 [--cold|--inbound]   one-key mobilization at the actor level
# Without --postgres (or LIANXIN_BENCH_POSTGRES) the harness starts its own throwaway PostgreSQL (fsync on).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${LIANXIN_BENCH_NO_BUILD:-}" ]; then
  dotnet build bench/Lianxin.Bench/Lianxin.Bench.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2
fi
exec dotnet bench/Lianxin.Bench/bin/Release/net10.0/Lianxin.Bench.dll "$@"
