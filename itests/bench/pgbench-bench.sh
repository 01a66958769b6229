#!/usr/bin/env bash
# OLTP figures for Modgres beside a private PostgreSQL 15 started for the run, on this machine:
# pgbench workloads run alternately on each server for the same duration, 200 sequential new
# connections, and Modgres's resident memory with 10,000 idle connections.
#
#   itests/bench/pgbench-bench.sh              # scale 10, 30 s per workload
#   SCALE=1 DURATION=10 itests/bench/pgbench-bench.sh
#   IDLE_CONNECTIONS=0 itests/bench/pgbench-bench.sh   # skip the idle-connection measurement
#   WARMUP=0 itests/bench/pgbench-bench.sh             # no unmeasured run first
#
# Each workload first runs WARMUP seconds (default 5) on each server unmeasured, so that both are
# measured in their steady state (for Modgres: after the JIT compiler has seen the workload).
#
# Needs a built distribution (mvn install -DskipTests), PostgreSQL 15 in /usr/lib/postgresql/15,
# pgbench, psql and python3. fsync is on for both servers.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
scale="${SCALE:-10}"
duration="${DURATION:-30}"
warmup="${WARMUP:-5}"
idle="${IDLE_CONNECTIONS:-10000}"
pg_port=55434
mg_port=55435
. itests/bench/servers.sh
start_servers -c max_connections=$((idle + 100))
mg_java_pid() { pgrep -f "$work/modgres/lib" | head -1; }

bench() { # port, pgbench arguments...
    local port=$1; shift
    pgbench -h 127.0.0.1 -p "$port" -U postgres "$@" postgres 2>&1
}
field() { # name, pgbench output
    case "$1" in
        tps) sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$2" ;;
        latency) sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$2" ;;
        failed) sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<<"$2" ;;
    esac
}

# first, on the freshly started server: later the heap the benchmark filled would hide their cost
if [ "$idle" -gt 0 ]; then
    rss() { awk '/VmRSS/ {print $2}' "/proc/$(mg_java_pid)/status"; }
    before=$(rss)
    ulimit -n $((idle + 1024)) 2>/dev/null || true
    python3 itests/bench/idle_connections.py 127.0.0.1 "$mg_port" "$idle" "$work/idle.ready" &
    holder=$!
    for _ in $(seq 1 600); do [ -f "$work/idle.ready" ] && break; sleep 1; done
    held=$(cat "$work/idle.ready" 2>/dev/null || echo 0)
    sleep 2
    after=$(rss)
    kill "$holder" 2>/dev/null || true
    wait "$holder" 2>/dev/null || true
    echo "Modgres resident memory: $((before / 1024)) MiB before, $((after / 1024)) MiB with $held idle connections" \
        "(+$(((after - before) / 1024)) MiB)"
fi

echo "initialising both servers at scale $scale ..."
for port in $pg_port $mg_port; do
    out=$(bench $port -i -s "$scale" -q) || { echo "$out"; exit 1; }
    echo "  port $port: $(grep 'done in' <<<"$out")"
done

printf '\n%-34s %12s %12s %9s %10s %10s\n' "workload (${duration} s each)" "PG tps" "Modgres tps" "ratio" "PG ms" "Modgres ms"
while IFS='|' read -r name args; do
    if [ "$warmup" -gt 0 ]; then
        # shellcheck disable=SC2086
        bench $pg_port $args -T "$warmup" >/dev/null
        # shellcheck disable=SC2086
        bench $mg_port $args -T "$warmup" >/dev/null
    fi
    # shellcheck disable=SC2086
    pg=$(bench $pg_port $args -T "$duration")
    # shellcheck disable=SC2086
    mg=$(bench $mg_port $args -T "$duration")
    pt=$(field tps "$pg"); mt=$(field tps "$mg")
    ratio=$(python3 -c "print(f'{float(\"${mt:-0}\") / float(\"${pt:-1}\"):.2f}')")
    printf '%-34s %12s %12s %9s %10s %10s' "$name" "$pt" "$mt" "$ratio" "$(field latency "$pg")" "$(field latency "$mg")"
    [ "$(field failed "$mg")" = "0" ] || printf '  (Modgres failed transactions: %s)' "$(field failed "$mg")"
    echo
done <<'WORKLOADS'
select-only prepared -c8 -j2|-S -M prepared -c 8 -j 2
select-only simple -c8 -j2|-S -M simple -c 8 -j 2
tpcb-like prepared -c8 -j2|-M prepared -c 8 -j 2
tpcb-like prepared -c1|-M prepared -c 1
simple-update prepared -c8 -j2|-N -M prepared -c 8 -j 2
WORKLOADS

connections() { # port: seconds for 200 sequential psql connections
    local start end
    start=$(date +%s.%N)
    for _ in $(seq 1 200); do psql -h 127.0.0.1 -p "$1" -U postgres -Atqc 'select 1' postgres >/dev/null; done
    end=$(date +%s.%N)
    python3 -c "print(f'{$end - $start:.2f}')"
}
echo
echo "200 sequential connections (psql -c 'select 1'): PostgreSQL $(connections $pg_port) s, Modgres $(connections $mg_port) s"

