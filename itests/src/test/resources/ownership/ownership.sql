-- ALTER TABLE | VIEW | SEQUENCE ... OWNER TO, and views that read no table
create role o1 login;
create role o2 login;
create role o3 login;
create table ot(id serial, a int);
create view ov as select 1 as x;
create sequence os;
grant select on ot to o3;
grant select (a) on ot to o3;
alter table ot owner to o1;
\dp ot
select relname, pg_get_userbyid(relowner) from pg_class where relname in ('ot', 'ot_id_seq', 'ov', 'os') order by 1;
alter view ot owner to o2;
alter sequence ot owner to o2;
alter table ov owner to o2;
alter table os owner to o2;
alter view ov owner to o1;
alter sequence os owner to o1;
alter table nothere owner to o1;
alter table if exists nothere owner to o1;
alter view if exists nothere owner to o1;
alter table ot owner to nobody;
alter table ot owner to current_user;
alter table ot owner to o1;
\c - o2
alter table ot owner to o2;
\c - o1
alter table ot owner to o2;
\c - postgres
grant o2 to o1;
\c - o1
alter table ot owner to o2;
\c - postgres
grant create on schema public to o2;
\c - o1
alter table ot owner to o2;
\dp ot
alter table ot owner to o1;
begin read only;
alter table ot owner to o2;
rollback;
begin;
alter table ot owner to o2;
rollback;
select relname, pg_get_userbyid(relowner) from pg_class where relname in ('ot', 'ot_id_seq', 'ov', 'os') order by 1;
\c - postgres
drop role o1;
-- a view that reads no table needs SELECT on it all the same
create view answer as select 42 as answer;
create view nested_answer as select * from answer;
\c - o3
select * from answer;
select * from nested_answer;
\c - postgres
grant select on nested_answer to o3;
\c - o3
select * from nested_answer;
select * from answer;
\c - postgres
alter view nested_answer owner to o2;
\c - o3
select * from nested_answer;
\c - postgres
grant select on answer to o2;
\c - o3
select * from nested_answer;
\c - postgres
create schema hidden;
create view hidden.one as select 1 as one;
grant select on hidden.one to o3;
\c - o3
select * from hidden.one;
