#!/usr/bin/env bash
# A real cluster on one machine: 3 silos and 2 web hosts (clients of the silos) on one PostgreSQL.
#   scripts/local-cluster.sh                 starts a throwaway PostgreSQL too (removed on exit)
#   LIANXIN_DB="Host=...;..." scripts/local-cluster.sh   uses that database instead
# Web hosts: http://localhost:5081 (loads the demo district) and http://localhost:5082. Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '==> %s\n' "$*" >&2; }
pids=()
pgdata=""
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$pgdata" ]; then
    run_pg "$pgbin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$pgdata"
  fi
}
trap cleanup EXIT INT TERM
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ -z "${LIANXIN_DB:-}" ]; then
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$pgbin" ] || { log "PostgreSQL is not installed (apt-get install postgresql), or set LIANXIN_DB"; exit 1; }
  pgdata=$(mktemp -d /tmp/lianxin-cluster-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$pgdata"; fi
  chmod 700 "$pgdata"
  run_pg "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 >/dev/null
  run_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/log" -w -o "-p 55999 -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null
  LIANXIN_DB="Host=127.0.0.1;Port=55999;Username=postgres;Database=postgres;No Reset On Close=true"
  log "PostgreSQL on 127.0.0.1:55999 (throwaway)"
fi

log "building"
dotnet build Lianxin.slnx -c Release -nologo -v quiet -clp:ErrorsOnly
silo_dll=Silo/bin/Release/net10.0/Lianxin.Silo.dll
web_dll=WebHost/bin/Release/net10.0/Lianxin.WebHost.dll

export ConnectionStrings__Lianxin="$LIANXIN_DB"
export Cluster__Clustering=AdoNet Cluster__ClusterId=local Cluster__ServiceId=lianxin
export Auth__SigningKey="local-cluster-signing-key-shared-by-both-web-hosts"
export ASPNETCORE_ENVIRONMENT=Development

log "applying the schema"
dotnet "$silo_dll" migrate
export Database__MigrateOnStart=false

for i in 0 1 2; do
  Cluster__SiloPort=$((11111 + i)) Cluster__GatewayPort=$((30000 + i)) ASPNETCORE_URLS="http://127.0.0.1:$((8081 + i))" \
    dotnet "$silo_dll" &
  pids+=($!)
done
for i in 0 1 2; do
  until curl -sf "http://127.0.0.1:$((8081 + i))/health/ready" >/dev/null; do sleep 1; done
done
log "3 silos ready (health on :8081-8083)"

for i in 1 2; do
  demo=false; [ "$i" -eq 1 ] && demo=true
  Cluster__Mode=Client Demo__Enabled=$demo ASPNETCORE_URLS="http://127.0.0.1:$((5080 + i))" \
    dotnet "$web_dll" --contentRoot "$PWD/WebHost" &
  pids+=($!)
done
log "web hosts on http://localhost:5081 (demo district) and http://localhost:5082; Ctrl+C stops the cluster"
wait
