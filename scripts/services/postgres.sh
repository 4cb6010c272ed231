#!/usr/bin/env bash
# Throwaway PostgreSQL 15 for tests: a temporary folder, 127.0.0.1 only, a free port,
# no durability (fsync off). Never for real data.
#
#   eval "$(scripts/services/postgres.sh start)"   # sets KONTOR_PG_DIR and KONTOR_PG_URL
#   scripts/services/postgres.sh stop "$KONTOR_PG_DIR"
#
# `start` prints two shell-assignable lines on stdout (everything else goes to stderr)
# and also writes the URL to $KONTOR_PG_DIR/url. `stop` stops the server and deletes
# the folder. As root the server runs as the `postgres` user (it refuses to run as root).
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
DIR_PREFIX=kontor-pg.

log() { echo "postgres.sh: $*" >&2; }

as_pg() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

start() {
  for bin in initdb pg_ctl postgres; do
    [[ -x "$PG_BIN/$bin" ]] || { log "missing $PG_BIN/$bin (run scripts/ensure-system-packages.sh)"; exit 1; }
  done
  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/${DIR_PREFIX}XXXXXX")
  chmod 755 "$dir"
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir"; fi

  if ! as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
      --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    rm -rf -- "$dir"
    exit 1
  fi

  local port attempt
  for attempt in 1 2 3; do
    port=$(free_port)
    if as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        >/dev/null 2>&1; then
      local url="postgres://postgres@127.0.0.1:$port/postgres"
      echo "$url" >"$dir/url"
      log "started on port $port in $dir"
      echo "KONTOR_PG_DIR=$dir"
      echo "KONTOR_PG_URL=$url"
      return 0
    fi
    log "start attempt $attempt on port $port failed"
    tail -n 5 "$dir/server.log" >&2 || true
  done
  rm -rf -- "$dir"
  exit 1
}

stop() {
  local dir=${1:-${KONTOR_PG_DIR:-}}
  [[ -n "$dir" ]] || { log "usage: postgres.sh stop <dir>"; exit 2; }
  [[ -d "$dir" ]] || return 0
  # Refuse to delete anything that is not one of our temporary folders.
  case "$(basename -- "$dir")" in
    "$DIR_PREFIX"*) ;;
    *) log "refusing to remove $dir (not a $DIR_PREFIX* folder)"; exit 2 ;;
  esac
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    local pid
    pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -rf -- "$dir"
  log "stopped and removed $dir"
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start | stop <dir>" >&2; exit 2 ;;
esac
