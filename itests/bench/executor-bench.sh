#!/usr/bin/env bash
# Analytic query times of Modgres's two executors beside a private PostgreSQL 15 started for the
# run: the same table on both servers, each query run RUNS times after one unmeasured run, the
# median wall time printed for PostgreSQL, the default (interpreter) executor and the batch
# executor, which is switched in by copying its bundle into deploy/ of the running server.
#
#   itests/bench/executor-bench.sh                 # 1,000,000 rows, 3 warm-up passes, 5 runs per query
#   ROWS=200000 RUNS=3 itests/bench/executor-bench.sh
#   DISTRIBUTION=/path/to/modgres itests/bench/executor-bench.sh   # another copy of the distribution
#
# Needs a built distribution (mvn install -DskipTests), PostgreSQL 15 in /usr/lib/postgresql/15,
# psql and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
rows="${ROWS:-1000000}"
runs="${RUNS:-5}"
pg_port=55436
mg_port=55437
. itests/bench/servers.sh
start_servers

sql() { psql -X -q -t -A -h 127.0.0.1 -p "$1" -U postgres -d postgres -c "$2"; }

load="create table bench (id int primary key, g int, v bigint, s text, n numeric(12,2));
insert into bench select i, i % 100, (i * 37) % 10000 - 5000, case when i % 5 = 0 then null else 'r' || i end,
  i / 8.0 from generate_series(1, $rows) as x(i)"
echo "loading $rows rows into each server ..."
sql "$pg_port" "$load" >/dev/null
sql "$pg_port" "vacuum analyze bench" >/dev/null
sql "$mg_port" "$load" >/dev/null

queries=(
    "select count(*) from bench where v > 1000"
    "select count(*), sum(v) from bench where v between -100 and 100 and s is not null"
    "select g, count(*), sum(v), min(n), max(n) from bench group by g order by g limit 3"
    "select sum(v * 2 + g), avg(n) from bench where g <> 7"
    "select count(*), sum(b.v) from bench a join bench b on b.id = a.id / 2 where a.g = 3"
)

# every query WARMUP times (default 3), unmeasured: a newly deployed executor's classes start cold
warm() { # port
    for _ in $(seq 1 "${WARMUP:-3}"); do
        for q in "${queries[@]}"; do sql "$1" "$q" >/dev/null; done
    done
}

# median wall time in ms of $runs runs after a warm-up run, checking each run prints the same
timed() { # port, query
    python3 - "$1" "$2" "$runs" <<'PY'
import statistics, subprocess, sys, time
port, query, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
cmd = ["psql", "-X", "-q", "-t", "-A", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", "postgres", "-c", query]
first = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
times = []
for _ in range(runs):
    start = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    times.append((time.perf_counter() - start) * 1000)
    if out != first:
        sys.exit("different result: " + query)
print(f"{statistics.median(times):.0f}\t{first.strip().splitlines()[0] if first.strip() else ''}")
PY
}

declare -A interpreter pg
warm "$pg_port"
warm "$mg_port"
for q in "${queries[@]}"; do
    pg["$q"]=$(timed "$pg_port" "$q")
    interpreter["$q"]=$(timed "$mg_port" "$q")
done

cp "$work"/modgres/system/org/modgres/executor-batch/*/executor-batch-*.jar "$work/modgres/deploy/"
for _ in $(seq 1 60); do
    [ "$(sql "$mg_port" "show modgres.executor")" = batch ] && break
    sleep 0.5
done
[ "$(sql "$mg_port" "show modgres.executor")" = batch ] || { echo "batch executor did not take over"; exit 1; }
warm "$mg_port"

printf '%-90s %10s %12s %10s %s\n' "query ($rows rows; median ms of $runs runs)" "PG 15" "interpreter" "batch" "interp/batch"
for q in "${queries[@]}"; do
    batch=$(timed "$mg_port" "$q")
    [ "${batch#*	}" = "${interpreter[$q]#*	}" ] || { echo "executors disagree on: $q"; exit 1; }
    [ "${batch#*	}" = "${pg[$q]#*	}" ] || echo "  (differs from PostgreSQL: ${batch#*	} vs ${pg[$q]#*	})"
    b=${batch%%	*}; i=${interpreter[$q]%%	*}; p=${pg[$q]%%	*}
    printf '%-90s %10s %12s %10s %s\n' "$q" "$p" "$i" "$b" "$(python3 -c "print(f'{$i/$b:.2f}x')")"
done
