# psycopg2's named (server-side) cursors: DECLARE ... CURSOR WITHOUT HOLD FOR, FETCH FORWARD n,
# CLOSE, as the driver sends them; the output must match what PostgreSQL 15 gives.
import sys

import psycopg2

conn = psycopg2.connect(host="127.0.0.1", port=int(sys.argv[1]), user="postgres", dbname="postgres")
cur = conn.cursor()
cur.execute("drop table if exists named_rows")
cur.execute("create table named_rows (id int primary key, label text)")
cur.executemany("insert into named_rows values (%s, %s)", [(i, "row %d" % i) for i in range(1, 1001)])
conn.commit()

with conn.cursor(name="big_cur") as big:
    big.itersize = 300
    big.execute("select id, label from named_rows where id <= 1000 order by id")
    rows = list(big)
    print("iterated", len(rows), rows[0], rows[-1])
conn.commit()

with conn.cursor(name="fetch_cur") as named:
    named.execute("select id from named_rows where id <= 50 order by id")
    print("fetchmany", [r[0] for r in named.fetchmany(20)][:3], "...")
    print("fetchone", named.fetchone())
    print("fetchall", len(named.fetchall()))
    print("after end", named.fetchone())
conn.rollback()

with conn.cursor(name="held", withhold=True) as held:
    held.execute("select count(*), sum(id) from named_rows")
    conn.commit()
    print("held past commit", held.fetchone())
conn.commit()

try:
    with conn.cursor(name="bad_cur") as bad:
        bad.execute("select no_such_column from named_rows")
        bad.fetchall()
except psycopg2.Error as e:
    print("error", e.pgcode, e.pgerror.splitlines()[0])
conn.rollback()

cur.execute("drop table named_rows")
conn.commit()
conn.close()
