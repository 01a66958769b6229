#!/usr/bin/env bash
# Prints the walking skeleton's figures for Modgres beside a private PostgreSQL 15 started for the
# run (start-up time to ready; prepared primary-key lookup latency from pgjdbc).
# Needs a built distribution (mvn install -DskipTests) and PostgreSQL 15 in /usr/lib/postgresql/15.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
pgbin=/usr/lib/postgresql/15/bin
port=55433
work="$(mktemp -d)"
chmod 777 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() { as_pg "$pgbin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
as_pg "$pgbin/initdb" -D "$work/data" -A trust -U postgres >/dev/null
as_pg "$pgbin/pg_ctl" -D "$work/data" -l "$work/log" -w \
    -o "-p $port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
mvn -q -B -pl itests test-compile exec:java -Dexec.mainClass=org.modgres.itests.SkeletonBenchmark \
    -Dexec.classpathScope=test -Dmodgres.distribution="$PWD/runtime/target/modgres" \
    -Dpg.url="jdbc:postgresql://127.0.0.1:$port/postgres"
