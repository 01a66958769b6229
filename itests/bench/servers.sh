# Sourced by the benchmark scripts: starts a private PostgreSQL 15 on $pg_port and a copy of the
# Modgres distribution (${DISTRIBUTION:-runtime/target/modgres}) on $mg_port, both in a temporary
# directory $work removed at exit. Extra arguments go to bin/modgres.
pgbin=/usr/lib/postgresql/15/bin
work="$(mktemp -d)"
chmod 777 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mg_pid=""
cleanup() {
    as_pg "$pgbin/pg_ctl" -D "$work/pgdata" -m fast stop >/dev/null 2>&1 || true
    if [ -n "$mg_pid" ]; then kill "$mg_pid" 2>/dev/null || true; wait "$mg_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

start_servers() { # extra bin/modgres arguments...
    as_pg "$pgbin/initdb" -D "$work/pgdata" -A trust -U postgres >/dev/null
    as_pg "$pgbin/pg_ctl" -D "$work/pgdata" -l "$work/pg.log" -w \
        -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
    cp -r "${DISTRIBUTION:-runtime/target/modgres}" "$work/modgres"
    rm -rf "$work/modgres/deploy"/* "$work/modgres/data"
    "$work/modgres/bin/modgres" -p "$mg_port" -D "$work/mgdata" -k "$work" "$@" >"$work/modgres.log" 2>&1 &
    mg_pid=$!
    for _ in $(seq 1 120); do
        grep -q "ready to accept connections" "$work/modgres.log" && break
        sleep 0.5
    done
    grep -q "ready to accept connections" "$work/modgres.log" || { cat "$work/modgres.log"; exit 1; }
}
