#!/usr/bin/env bash
# Plays the sqllogictest suite (itests/src/test/resources/slt) against a private PostgreSQL 15 and
# reports drift: every expectation must still be what PostgreSQL returns. With --record, rewrites the
# expected results of the files with what PostgreSQL returned instead.
#
# usage: itests/slt/check-against-postgres.sh [--record] [FILE.slt...]
# environment: PG_BIN (default /usr/lib/postgresql/15/bin), SLT_PG_PORT (default 55441),
#              JAVA_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64)
set -euo pipefail

itests="$(cd "$(dirname "$0")/.." && pwd)"
pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
port="${SLT_PG_PORT:-55441}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

mode=()
files=()
for argument in "$@"; do
  case "$argument" in
    --record) mode=(--record) ;;
    *) files+=("$(realpath "$argument")") ;;
  esac
done
[ ${#files[@]} -gt 0 ] || files=("$itests/src/test/resources/slt")

# PostgreSQL refuses to run as root: run it as the postgres user then
as_pg_user=()
if [ "$(id -u)" = 0 ]; then
  as_pg_user=(runuser -u postgres --)
fi

work="$(mktemp -d /tmp/slt-pg.XXXXXX)"
[ ${#as_pg_user[@]} -eq 0 ] || chown postgres "$work"
stop_postgres() {
  "${as_pg_user[@]}" "$pg_bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop_postgres EXIT

"${as_pg_user[@]}" "$pg_bin/initdb" -D "$work/data" -A trust -U postgres >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log"; exit 1; }
"${as_pg_user[@]}" "$pg_bin/pg_ctl" -D "$work/data" -l "$work/postgres.log" -w \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1" start >/dev/null

classpath="$itests/target/slt-classpath.txt"
mvn -B -q -o -Dstyle.color=never -f "$itests/pom.xml" test-compile
mvn -B -q -o -Dstyle.color=never -f "$itests/pom.xml" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath" >/dev/null

"$JAVA_HOME/bin/java" -cp "$itests/target/test-classes:$(cat "$classpath")" org.modgres.itests.slt.SltRunner \
  --url "jdbc:postgresql://127.0.0.1:$port/postgres" --target postgres "${mode[@]}" "${files[@]}"
