#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for tests and benchmarks, and prints its
# DATABASE_URL on the last line of stdout. Installs Debian's `postgresql` first when no server is
# installed. Everything else it says goes to stderr, so `URL=$(start-postgres.sh | tail -n 1)` works.
#
#   PORT=54329 packages/postgres/scripts/start-postgres.sh
#   STOP_SCRIPT=/tmp/stop-pg.sh packages/postgres/scripts/start-postgres.sh  # also writes a script that stops it
#
# The cluster lives in a temp folder, listens on 127.0.0.1 only, trusts local connections and runs
# with fsync off: it is for tests, never for data anyone wants to keep.
set -euo pipefail

log() { echo "start-postgres: $*" >&2; }

find_bindir() {
  local dir
  # Highest installed major version first.
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

BINDIR="$(find_bindir || true)"
if [ -z "$BINDIR" ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    log "no PostgreSQL server under /usr/lib/postgresql/*/bin and no apt-get to install one"
    exit 1
  fi
  log "installing Debian's postgresql"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
  BINDIR="$(find_bindir)"
fi
log "using $BINDIR"

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
PORT="${PORT:-54329}"
for _ in $(seq 1 50); do
  if port_in_use "$PORT"; then PORT=$((PORT + 1)); else break; fi
done
if port_in_use "$PORT"; then
  log "no free port found"
  exit 1
fi

ROOT="$(mktemp -d "${TMPDIR:-/tmp}/staffroom-pg.XXXXXX")"
DATA="$ROOT/data"

# initdb refuses to run as root: run the server as the `postgres` user Debian's package creates.
RUN=()
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi
  chown postgres "$ROOT"
  if command -v runuser >/dev/null 2>&1; then RUN=(runuser -u postgres --); else RUN=(su postgres -s /bin/sh -c); fi
fi

run() {
  if [ "${#RUN[@]}" -eq 0 ]; then
    "$@"
  elif [ "${RUN[0]}" = "runuser" ]; then
    "${RUN[@]}" "$@"
  else
    "${RUN[@]}" "$(printf '%q ' "$@")"
  fi
}

log "initdb in $DATA"
run "$BINDIR/initdb" -D "$DATA" -U staffroom --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 ||
  run "$BINDIR/initdb" -D "$DATA" -U staffroom --auth=trust -E UTF8 --locale=C >&2

log "starting on 127.0.0.1:$PORT"
run "$BINDIR/pg_ctl" -D "$DATA" -l "$ROOT/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $ROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB" \
  start >&2

run "$BINDIR/createdb" -h 127.0.0.1 -p "$PORT" -U staffroom staffroom
STOP_COMMAND="${RUN[*]} $BINDIR/pg_ctl -D $DATA stop -m fast"
log "stop it with: $STOP_COMMAND"
if [ -n "${STOP_SCRIPT:-}" ]; then
  printf '#!/usr/bin/env bash\n%s >/dev/null 2>&1 || true\nrm -rf %q\n' "$STOP_COMMAND" "$ROOT" >"$STOP_SCRIPT"
fi
echo "postgres://staffroom@127.0.0.1:$PORT/staffroom"
