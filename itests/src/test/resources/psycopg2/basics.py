"""psycopg2 against a server given by port: parameters, executemany, transactions, errors.

Prints what it reads; the integration test compares that with what the same script prints
against PostgreSQL 15 (basics.out).
"""
import datetime
import decimal
import sys

import psycopg2

conn = psycopg2.connect(host='127.0.0.1', port=int(sys.argv[1]), user='postgres', dbname='postgres')
cur = conn.cursor()
cur.execute("drop table if exists pytab")
cur.execute("create table pytab (id int primary key, name text, amount numeric(10,2), "
            "stamp timestamp, born date, ok boolean)")
cur.execute("insert into pytab values (%s, %s, %s, %s, %s, %s)",
            (1, "O'Reilly", decimal.Decimal('12.50'), datetime.datetime(2024, 1, 2, 3, 4, 5, 123456),
             datetime.date(2024, 2, 29), True))
cur.executemany("insert into pytab(id, name, amount) values (%s, %s, %s)",
                [(i, 'n%d' % i, decimal.Decimal(i) / 4) for i in range(2, 7)])
print(cur.rowcount)
conn.commit()
cur.execute("insert into pytab(id, name) values (%s, %s)", (99, 'rolled back'))
conn.rollback()
cur.execute("select id, name, amount, stamp, born, ok from pytab order by id")
for row in cur.fetchall():
    print(repr(row))
cur.execute("select count(*), sum(amount) from pytab where name is distinct from %s", (None,))
print(cur.fetchone())
cur.execute("update pytab set ok = %s where amount < %s", (False, 1))
print(cur.rowcount)
conn.commit()
try:
    cur.execute("select 1/0")
except psycopg2.Error as e:
    print(e.pgcode, e.pgerror.splitlines()[0])
conn.rollback()
try:
    cur.execute("insert into pytab(id) values (1)")
except psycopg2.IntegrityError as e:
    print(e.pgcode, e.diag.message_primary, e.diag.message_detail)
conn.rollback()
conn.autocommit = True
cur.execute("drop table pytab")
print(cur.statusmessage, conn.server_version // 10000)
conn.close()
