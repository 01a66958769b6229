#!/usr/bin/env bash
# Storage figures for Modgres beside a private PostgreSQL 15 started for the run: both servers are
# initialised by pgbench at the same scale, then the size on disk of each is printed with Modgres's
# resident memory; then Modgres runs pgbench's simple-update workload (-N) for DURATION seconds
# while its resident memory and data directory are sampled every SAMPLE seconds, to show whether
# they stay flat.
#
#   itests/bench/storage-bench.sh                          # scale 100 (10 million accounts), 600 s of -N
#   SCALE=10 DURATION=60 SAMPLE=10 itests/bench/storage-bench.sh
#   JAVA_OPTS=-Xmx2g itests/bench/storage-bench.sh -c shared_buffers=256MB   # arguments go to bin/modgres
#
# Needs a built distribution (mvn install -DskipTests), PostgreSQL 15 in /usr/lib/postgresql/15,
# pgbench and psql.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
scale="${SCALE:-100}"
duration="${DURATION:-600}"
sample="${SAMPLE:-60}"
pg_port=55438
mg_port=55439
. itests/bench/servers.sh
start_servers "$@"

mg_java_pid() { pgrep -f "$work/modgres/lib" | head -1; }
rss_mib() { echo $(($(awk '/VmRSS/ {print $2}' "/proc/$(mg_java_pid)/status") / 1024)); }
size_mib() { echo $(($(du -sb "$1" | cut -f1) / 1024 / 1024)); }
sql() { psql -X -q -t -A -h 127.0.0.1 -p "$1" -U postgres -d postgres -c "$2"; }

echo "initialising both servers at scale $scale (client-side COPY) ..."
for port in $pg_port $mg_port; do
    out=$(pgbench -h 127.0.0.1 -p "$port" -U postgres -i -s "$scale" -q postgres 2>&1) || { echo "$out"; exit 1; }
    echo "  port $port: $(grep 'done in' <<<"$out")"
done
sql $pg_port "checkpoint" >/dev/null
sql $mg_port "checkpoint" >/dev/null

pg_db=$(( $(sql $pg_port "select pg_database_size('postgres')") / 1024 / 1024 ))
printf '\n%-44s %12s %12s %9s\n' "after pgbench -i -s $scale" "PostgreSQL" "Modgres" "ratio"
row() { printf '%-44s %12s %12s %9s\n' "$1" "$2" "$3" "$(python3 -c "print(f'{$3 / max($2, 1):.2f}')")"; }
row "data directory, MiB" "$(size_mib "$work/pgdata")" "$(size_mib "$work/mgdata")"
row "data directory without the WAL, MiB" "$(( $(size_mib "$work/pgdata") - $(size_mib "$work/pgdata/pg_wal") ))" \
    "$(( $(size_mib "$work/mgdata") - $(size_mib "$work/mgdata/pg_wal") ))"
echo "PostgreSQL pg_database_size('postgres'): $pg_db MiB"
echo "Modgres resident memory: $(rss_mib) MiB"

echo
echo "Modgres under pgbench -N -M prepared -c 8 -j 2 for $duration s:"
printf '%8s %14s %14s\n' "seconds" "resident MiB" "data MiB"
pgbench -h 127.0.0.1 -p "$mg_port" -U postgres -N -M prepared -c 8 -j 2 -T "$duration" postgres \
    >"$work/pgbench-N.out" 2>&1 &
bench_pid=$!
elapsed=0
printf '%8s %14s %14s\n' 0 "$(rss_mib)" "$(size_mib "$work/mgdata")"
while kill -0 "$bench_pid" 2>/dev/null; do
    sleep "$sample"
    elapsed=$((elapsed + sample))
    kill -0 "$bench_pid" 2>/dev/null || break
    printf '%8s %14s %14s\n' "$elapsed" "$(rss_mib)" "$(size_mib "$work/mgdata")"
done
wait "$bench_pid" || { cat "$work/pgbench-N.out"; exit 1; }
grep -E '^(tps|number of failed)' "$work/pgbench-N.out"
sql $mg_port "vacuum" >/dev/null
sql $mg_port "checkpoint" >/dev/null
echo "after VACUUM and CHECKPOINT: resident $(rss_mib) MiB, data directory $(size_mib "$work/mgdata") MiB"
