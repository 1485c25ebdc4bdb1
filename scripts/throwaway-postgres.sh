#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: nothing outside its folder is touched, and nothing it holds matters.
#   scripts/throwaway-postgres.sh start DIR   installs Debian's postgresql when initdb is missing, creates the cluster
#                                             in DIR (which must not exist), starts it on a free loopback port and
#                                             prints its connection string (for AUDITADMIN_TEST_POSTGRES)
#   scripts/throwaway-postgres.sh stop DIR    stops it and removes DIR
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
action=$1; dir=$2

bin_dir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$found" ] && command -v initdb >/dev/null; then found=$(dirname "$(readlink -f "$(command -v initdb)")"); fi
  echo "$found"
}

# As root the cluster belongs to the postgres user (PostgreSQL refuses to run as root); otherwise to the caller.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    pg=$(bin_dir)
    if [ -z "$pg" ]; then
      echo "Installing Debian's postgresql for the database tests..." >&2
      SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
      $SUDO apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
      pg=$(bin_dir)
      [ -n "$pg" ] || { echo "postgresql was installed but initdb was not found" >&2; exit 1; }
    fi
    [ ! -e "$dir" ] || { echo "$dir already exists" >&2; exit 1; }
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_owner "$pg/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      port=$((20000 + RANDOM % 40000))
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue # taken
      # Durability is pointless for a cluster that is deleted after the run: skip the fsyncs.
      if as_owner "$pg/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
          "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
          >/dev/null; then
        echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
        exit 0
      fi
    done
    cat "$dir/server.log" >&2 2>/dev/null || true
    echo "could not start PostgreSQL" >&2
    exit 1
    ;;
  stop)
    pg=$(bin_dir)
    if [ -f "$dir/data/postmaster.pid" ] && [ -n "$pg" ]; then
      as_owner "$pg/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2; exit 2
    ;;
esac
