-- UNIQUE, CHECK and FOREIGN KEY constraints in CREATE TABLE: names, catalogs, \d, CHECK enforcement, errors
create table p1 (id int primary key, name text unique, code int, region int, unique (code, region));
create table c1 (id int primary key, p_id int references p1 on delete cascade, q int unique,
    v int check (v > 0), w text, constraint c1_vq check (v < 100 and v <> 7),
    foreign key (q) references p1 (id) on update set null);
create table c2 (a int, b int, foreign key (a, b) references p1 (region, code) on delete set null on update restrict);
\d c1
\d c2
\d p1
select conname, contype, conkey, confkey, confupdtype, confdeltype, confmatchtype,
       conrelid::regclass, confrelid::regclass, pg_get_constraintdef(oid, true)
  from pg_constraint where connamespace = 'public'::regnamespace order by conname;
select conname, pg_get_constraintdef(oid) from pg_constraint where conname in ('c1_v_check', 'c1_q_key', 'c1_p_id_fkey')
  order by conname;
select relname, relkind, relhasindex, relhastriggers, relchecks from pg_class
  where relnamespace = 'public'::regnamespace order by relname;
select c.relname, i.indisunique, i.indisprimary, i.indkey, pg_get_indexdef(i.indexrelid)
  from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname like 'c_%' or c.relname like 'p1%' order by 1;
select constraint_schema, constraint_name, table_schema, table_name, constraint_type, is_deferrable,
       initially_deferred, enforced, nulls_distinct
  from information_schema.table_constraints where table_schema = 'public' and constraint_name not like '%not_null'
  order by table_name, constraint_name;
select table_name, count(*) from information_schema.table_constraints
  where table_schema = 'public' and constraint_name like '2200\_%\_not_null' group by table_name order by 1;
select constraint_schema, constraint_name, table_schema, table_name, column_name, ordinal_position,
       position_in_unique_constraint
  from information_schema.key_column_usage where table_schema = 'public' order by table_name, constraint_name, 6;
select constraint_schema, constraint_name, unique_constraint_schema, unique_constraint_name, match_option,
       update_rule, delete_rule
  from information_schema.referential_constraints where constraint_schema = 'public' order by constraint_name;
select constraint_name = 'c1_v_check' as named, check_clause from information_schema.check_constraints
  where constraint_schema = 'public' and (constraint_name = 'c1_v_check' or constraint_name like '%not_null')
  order by check_clause;
-- default names, as PostgreSQL chooses them
create table n1 (a int unique, b int check (a > 0), c int check (1 > 0), d int, check (d > c), check (2 > 1),
    constraint named check (a < 5), unique (a, b), unique (a), constraint n1_c_key unique (c), unique (c),
    e int references n1 (a), foreign key (d, c) references n1 (a, b));
select conname, contype, pg_get_constraintdef(oid, true) from pg_constraint where conrelid = 'n1'::regclass order by conname;
create table n2 (a int, unique (a), constraint n2_a_key check (a > 0));
select conname, contype from pg_constraint where conrelid = 'n2'::regclass order by conname;
create table t234567890123456789012345678901234567890123456789012345678901 (a int check (a > 0),
    bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb int unique);
select conname from pg_constraint where conrelid = 't234567890123456789012345678901234567890123456789012345678901'::regclass
  order by conname;
create table self (id int primary key, parent int references self, x int constraint self_x_ok check (x >= 0 or x is null));
\d self
-- conditions as pg_get_constraintdef prints them
create table d (a int, t text, v varchar(10), c char(3), dt date, n numeric(6,2), b bool,
  check (t <> ''), check ('x' < t), check (t != 'y'), check (v <> 'z'), check (c <> 'q'), check (dt > '2020-01-01'),
  check (a in (1, 2)), check (t in ('a', 'b')), check (a not in (3, 4)), check (a between 1 and 10),
  check (t = 'it''s'), check (t is not null and a is null), check (a > 0 or t <> 'n'), check (not (a > 5)),
  check (a + 1 > 0), check (a * 2 + 1 < 100), check ((a + 1) * 2 < 100), check (n > 0), check (n > 0.5),
  check (length(t) > 2), check (a > 0 and (t <> 'a' or t <> 'b')), check (b), check (t <> 'x'::text),
  check (a is null or a > 0 and a < 5), check (not (a > 1 and a < 3)));
\d d
select conname, pg_get_constraintdef(oid) from pg_constraint where conrelid = 'd'::regclass order by conname;
insert into d (a, t, v, c, dt, n, b) values (1, 'abc', 'v', 'c', '2021-01-01', 1, true);
insert into d (a, t, v, c, dt, n, b) values (1, 'abc', 'v', 'c', '2021-01-01', 1, false);
insert into d (a, t, v, c, dt, n, b) values (1, 'abc', 'z', 'c', '2021-01-01', 1, true);
insert into d (a, t, v, c, dt, n, b) values (1, 'x', 'v', 'c', '2021-01-01', 1, true);
insert into d (a, t, v, c, dt, n, b) values (2, 'abc', 'v', 'c', '2019-01-01', 0.25, true);
drop table d;
-- CHECK enforcement: INSERT, UPDATE, COPY, ON CONFLICT; constraints are checked in name order
insert into p1 values (1, 'one', 10, 1), (2, 'two', 20, 2), (3, 'three', 30, 3);
insert into c1 values (1, 1, 1, 5, 'a');
insert into c1 values (2, 1, 2, 0, 'b');
insert into c1 values (2, 1, 2, 500, null);
insert into c1 values (2, 1, 2, 7, 'b');
insert into c1 values (2, null, null, null, null), (3, 2, 3, 6, 'c');
insert into c1 (id, v) values (4, -1);
update c1 set v = v - 5 where id = 1;
update c1 set v = 100 where id = 3;
update c1 set v = 29, w = 'changed' where id = 3;
insert into c1 values (1, 1, 1, 5, 'x') on conflict (id) do update set v = -1;
insert into c1 values (1, 1, 1, -5, 'x') on conflict (id) do nothing;
insert into c1 values (1, 1, 1, 5, 'x') on conflict (id) do update set v = 8, w = excluded.w;
copy c1 from stdin;
10	1	\N	1	ok
11	\N	\N	3	fine
\.
copy c1 (id, v, w) from stdin;
12	3	fine
\.
select * from c1 order by id;
begin;
insert into self values (1, null, 1), (2, 1, 0);
update self set x = -1 where id = 2;
rollback;
select * from self;
-- UNIQUE and FOREIGN KEY enforced: duplicates, NULLs, missing and still-referenced keys, actions
create table u1 (id int primary key, e text unique, a int, b int, unique (a, b));
insert into u1 values (1, 'x', 1, 1);
insert into u1 values (2, 'x', 1, 2);
insert into u1 values (3, 'y', 1, 1);
insert into u1 values (4, null, null, 1), (5, null, null, 1);
update u1 set e = 'x' where id = 4;
insert into u1 values (6, 'x', 6, 6) on conflict (e) do nothing;
insert into u1 values (6, 'x', 6, 6) on conflict do nothing;
insert into u1 values (6, 'x', 6, 6) on conflict (e) do update set a = excluded.a returning id, e, a;
create table f1 (id int primary key, u_id int references u1, e text references u1 (e) on delete set null on update cascade, w int references u1 on delete cascade);
insert into f1 values (1, 1, 'x', 5);
insert into f1 values (2, 9, null, null);
insert into f1 values (3, null, 'zz', null);
insert into f1 values (4, null, null, 5), (5, null, 'x', null);
delete from u1 where id = 1;
update u1 set e = 'xx' where id = 1;
select * from f1 order by id;
delete from u1 where id = 5;
select * from f1 order by id;
update f1 set u_id = 7 where id = 1;
begin;
delete from f1 where u_id = 1;
delete from u1 where id = 1;
select * from f1 order by id;
rollback;
drop table f1;
drop table u1;
-- errors as PostgreSQL reports them
create table e1 (x int references nothere);
create table e1 (x int references p1 (zz));
create table e1 (x int, foreign key (zz) references p1);
create table e1 (x int references p1 (code));
create table e1 (x text references p1);
create table e1 (x numeric references p1);
create table e1 (x int, y int, foreign key (x, y) references p1);
create table e1 (x int, y int, foreign key (x, y) references p1 (code, code));
create table e1 (x int references e1);
create table e1 (x int, unique (x, x));
create table e1 (x int check (x > (select 1)));
create table e1 (x int check (x + 1));
create table e1 (x int, constraint k check (x > 0), constraint k check (x > 1));
create table e1 (x int, constraint k check (x > 0), constraint k unique (x));
create table e1 (x int references p1 match partial);
create table e1 (x bigint references p1, y smallint references p1, z int references p1 match simple not deferrable);
\d e1
drop table e1;
drop table c1;
drop table c2;
drop table n1;
drop table n2;
drop table self;
drop table t234567890123456789012345678901234567890123456789012345678901;
drop table p1;
