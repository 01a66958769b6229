-- The SQL conformance script: every planner and executor combination must print exactly what
-- PostgreSQL 15 prints for it (queries.out, produced by psql -X -a against PostgreSQL 15).
drop table if exists conf_orders;
drop table if exists conf_customers;
drop table if exists conf_regions;
drop table if exists conf_items;
create table conf_regions (id int primary key, name text not null);
create table conf_customers (id int primary key, region_id int, name text, credit numeric(10,2));
create table conf_orders (id int primary key, customer_id int, amount int, note varchar(20));
create table conf_items (id bigint primary key, label text, price double precision, flag boolean);
insert into conf_regions values (1, 'north'), (2, 'south'), (3, 'east');
insert into conf_customers values (1, 1, 'ann', 100.50), (2, 1, 'bob', null), (3, 2, 'cid', 20.25),
  (4, null, 'dee', 0), (5, 3, 'eve', 75);
insert into conf_orders values (10, 1, 30, 'first'), (11, 1, 45, null), (12, 2, 5, 'small'),
  (13, 3, 120, 'big'), (14, 3, 60, null), (15, 9, 1, 'orphan'), (16, 5, 45, 'tie');
insert into conf_items values (1, 'pen', 1.5, true), (2, 'ink', 12.25, false), (3, null, null, null),
  (4, 'pad', 3, true);
-- joins
select c.name, o.amount from conf_customers c join conf_orders o on o.customer_id = c.id order by o.id;
select r.name as region, c.name, o.amount from conf_regions r join conf_customers c on c.region_id = r.id
  join conf_orders o on o.customer_id = c.id where r.id = 1 order by o.amount;
select c.name, count(o.id) as orders from conf_customers c left join conf_orders o on o.customer_id = c.id
  group by c.name order by c.name;
select o.id, c.name from conf_orders o left join conf_customers c on c.id = o.customer_id where c.id is null;
select r.name, c.name from conf_regions r full join conf_customers c on c.region_id = r.id order by 1, 2;
select a.name, b.name from conf_regions a cross join conf_regions b where a.id < b.id order by 1, 2;
-- sub-queries
select name from conf_customers where id in (select customer_id from conf_orders where amount > 40) order by name;
select name from conf_customers c where not exists (select 1 from conf_orders o where o.customer_id = c.id) order by 1;
select name, (select max(amount) from conf_orders o where o.customer_id = c.id) as top from conf_customers c order by id;
select * from (select customer_id, sum(amount) as total from conf_orders group by customer_id) t where total > 50 order by 1;
-- aggregates
select count(*), count(note), sum(amount), min(amount), max(amount), avg(amount) from conf_orders;
select customer_id, count(*), sum(amount) from conf_orders group by customer_id having count(*) > 1 order by 1;
select region_id, sum(credit), avg(credit) from conf_customers group by region_id order by region_id nulls first;
select count(distinct customer_id) from conf_orders;
select bool_and(flag), bool_or(flag), string_agg(label, ',' order by id) from conf_items;
-- ordering and limits
select id, amount from conf_orders order by amount desc, id limit 3;
select id from conf_orders order by id offset 4;
select distinct amount from conf_orders order by amount;
select distinct on (customer_id) customer_id, amount from conf_orders order by customer_id, amount desc;
select label from conf_items order by label nulls first;
-- window functions
select id, amount, rank() over (order by amount desc) from conf_orders order by id;
select customer_id, id, sum(amount) over (partition by customer_id order by id) from conf_orders order by customer_id, id;
select id, row_number() over (order by id), lag(amount) over (order by id) from conf_orders order by id;
-- set operations and CTEs
select customer_id from conf_orders union select id from conf_customers order by 1;
select customer_id from conf_orders intersect select id from conf_customers order by 1;
select id from conf_customers except select customer_id from conf_orders order by 1;
with big as (select * from conf_orders where amount >= 45) select count(*), sum(amount) from big;
-- expressions, NULLs and types
select id, case when amount > 50 then 'high' when amount > 10 then 'mid' else 'low' end from conf_orders order by id;
select coalesce(note, '-') as coalesce, nullif(amount, 45) as nullif, upper(note), length(note) from conf_orders order by id;
select 7 / 2, 7 % 3, -7 / 2, 7.0 / 2, 2 ^ 10, abs(-4), round(2.567, 2), trunc(2.567, 1);
select price * 2, price / 4, flag, not flag from conf_items order by id;
select credit * 2, credit + 0.005, round(credit, 1) from conf_customers order by id;
select 'a' || 'b', substr('modgres', 2, 3), position('g' in 'modgres'), replace('aXbX', 'X', '-'), trim('  x  ');
select cast('42' as int) + 1, '3.5'::numeric * 2, 10::text || '!', cast(1 as boolean);
select null = null, null is null, 1 in (1, null), 2 in (1, null), 2 not in (1, null);
select id, label like 'p%', label ilike 'P%' from conf_items order by id;
-- data changes
update conf_orders set amount = amount + 1 where customer_id = 1 returning id, amount;
delete from conf_orders where note is null and customer_id = 3 returning id;
insert into conf_orders values (17, 4, 8, 'new') returning *;
insert into conf_regions values (1, 'dup') on conflict (id) do update set name = excluded.name || '!' returning *;
insert into conf_regions values (1, 'dup') on conflict do nothing;
select * from conf_regions order by id;
begin;
update conf_customers set credit = credit - 10 where id = 1;
select credit from conf_customers where id = 1;
rollback;
select credit from conf_customers where id = 1;
-- errors
select * from conf_nothing;
select no_such_column from conf_orders;
insert into conf_regions values (2, 'again');
select 1 / 0;
-- prepared statements and cursors
prepare conf_ins (int, text, double precision, boolean) as insert into conf_items values ($1, $2, $3, $4);
execute conf_ins(5, 'cap', 2 * 1.25, true);
execute conf_ins (6, 'it''s', '0.5', null);
prepare conf_sel as select id, label, price from conf_items where id >= $1 order by id;
execute conf_sel(4);
execute conf_sel;
execute conf_missing(1);
prepare conf_sel as select 1;
deallocate conf_sel;
deallocate all;
execute conf_ins(7, 'x', 1, false);
prepare conf_bad as select * from conf_nothing;
begin;
declare conf_cur cursor for select id, label from conf_items order by id;
fetch 2 from conf_cur;
move 1 in conf_cur;
fetch forward all from conf_cur;
fetch next from conf_cur;
close conf_cur;
fetch conf_cur;
rollback;
explain (costs off) select * from conf_nothing;
-- character types: a quoted literal is text, character(n) drops its trailing spaces
create table conf_chars (c char(4), v varchar(5), t text);
insert into conf_chars values ('ab', 'ab ', 'ab ');
select '[' || c || ']', '[' || v || ']', '[' || t || ']', 'x ' || c, c || ' y', c = 'ab  ', c = 'ab', v = 'ab' from conf_chars;
select 'a ' = 'a', 'a '::char(3) = 'a', length('a '), length('a '::char(3));
select 'row ' || id as label from conf_regions order by id;
drop table conf_chars;
-- bytea encodings and concat
select encode('\x00ff5c41'::bytea, 'hex'), encode('\x00ff5c41'::bytea, 'escape'), encode('\x00ff5c41'::bytea, 'base64');
select decode('00ff5c41', 'hex'), decode('AP9cQQ==', 'base64'), encode(decode('68656c6c6f', 'hex'), 'escape');
select concat('a', 1, null, 2.5, true), concat(label, '-', id) from conf_items order by id;
select decode('zz', 'hex');
-- more rows than one batch: filters, projections, aggregates and joins across batch boundaries
create table conf_big (id int primary key, g int, v bigint, s text, n numeric(10,2));
insert into conf_big select i, i % 7, (i * 37) % 1000 - 500, case when i % 5 = 0 then null else 'r' || i end, i / 8.0 from generate_series(1, 5000) as x(i);
select count(*), sum(v), min(v), max(v), avg(n), count(s) from conf_big;
select count(*) from conf_big where v > 100 and g <> 3;
select count(*) from conf_big where 250 < v and v <= 400 and id <> 17;
select count(*), sum(id) from conf_big where s is null and g >= 2;
select id, v * 2 + g, upper(s), n * 3 from conf_big where v < -495 and id > 4000 order by id;
select g, count(*), sum(v), count(s), min(s), max(n) from conf_big group by g order by g;
select g, count(distinct v % 10) from conf_big group by g having count(*) > 714 order by g;
select a.g, count(*), sum(b.v) from conf_big a join conf_big b on b.id = a.id * 2 where b.v > 0 group by a.g order by a.g;
select a.id, b.id from conf_big a join conf_big b on b.id = a.id + 1000 and b.g < a.g where a.id between 2000 and 2020 order by a.id;
select count(*) from conf_big a left join conf_big b on b.id = a.id + 4990;
select id, v from conf_big where v = 1000000000000 or v > 9223372036854775806;
select count(*) from conf_big where g < 2147483647 and g > -2147483648;
select id from conf_big where id > 4990 order by v desc, id limit 5;
select 10 / (g - 3) from conf_big where id > 4990 order by id;
drop table conf_big;
-- CREATE INDEX and DROP INDEX: default names, unique indexes checked on creation and kept, ON CONFLICT on them
create table conf_idx (id int primary key, a int, b text, c int);
insert into conf_idx values (1, 10, 'x', 1), (2, 20, 'y', 1), (3, 30, 'x', 2);
create index on conf_idx (a);
create index on conf_idx (a);
create unique index conf_idx_b_key on conf_idx (b);
create unique index if not exists conf_idx_b_key on conf_idx (b);
create unique index conf_idx_c_uq on conf_idx using btree (c desc nulls last);
create unique index conf_idx_ac on conf_idx (a, c);
insert into conf_idx values (4, 10, 'z', 1);
insert into conf_idx values (5, 40, 'w', 9), (6, 40, 'v', 9);
create index conf_idx_pkey on conf_idx (a);
create index conf_bad on conf_idx (nosuch);
drop index conf_idx_pkey;
drop index conf_nosuch;
drop index if exists conf_nosuch;
drop index conf_idx_a_idx, conf_idx_a_idx1;
begin;
drop index conf_idx_ac;
insert into conf_idx values (7, 10, 'q', 1);
rollback;
insert into conf_idx values (7, 10, 'q', 1);
insert into conf_idx values (8, 99, 'r', 3) on conflict (a, c) do nothing;
insert into conf_idx values (8, 10, 'r', 1) on conflict (a, c) do nothing;
insert into conf_idx values (8, 10, 'x', 1) on conflict do nothing;
select * from conf_idx order by id;
create index "Conf Mixed" on conf_idx (b, a);
\d conf_idx
select c.relname, i.indisunique, i.indisprimary, i.indkey, pg_get_indexdef(i.indexrelid)
  from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = 'conf_idx'::regclass order by 1;
drop table conf_idx;
-- the session TimeZone: timestamptz input without an offset, date parts and casts are in it
set timezone = 'America/New_York';
select '2024-01-01 12:00:00+00'::timestamptz, '2024-01-01 12:00:00'::timestamptz;
select date_trunc('day', '2024-01-01 03:00:00+00'::timestamptz), extract(hour from '2024-01-01 12:00:00+00'::timestamptz);
select to_char('2024-01-01 12:00:00+00'::timestamptz, 'YYYY-MM-DD HH24:MI'), '2024-07-01 12:00:00+00'::timestamptz::date, '2024-01-01 01:00:00+00'::timestamptz::date;
select '2024-01-01 12:00:00+00'::timestamptz::timestamp, '2024-01-01 12:00:00'::timestamp::timestamptz;
create table conf_tz (t timestamptz);
insert into conf_tz values ('2024-03-10 12:00:00'), ('2024-03-10 12:00:00+02');
select t, t::timestamp, extract(hour from t) from conf_tz order by 1;
select count(*) from conf_tz where t = '2024-03-10 12:00:00';
drop table conf_tz;
reset timezone;
select '2024-01-01 12:00:00'::timestamptz;
drop table conf_orders;
drop table conf_customers;
drop table conf_regions;
drop table conf_items;
