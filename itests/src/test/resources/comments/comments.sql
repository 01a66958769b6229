-- COMMENT ON tables, views, sequences, columns and schemas: kept with the transaction, shown by psql
create role c1 login;
create table ct(a int, b text);
create view cv as select 1 as x;
create sequence cs;
create schema csch;
comment on table ct is 'the table';
comment on column ct.b is 'column b';
comment on view cv is 'the view';
comment on column cv.x is 'view column';
comment on sequence cs is 'the sequence';
comment on schema csch is 'the schema';
comment on table cv is 'wrong';
comment on view ct is 'wrong';
comment on sequence ct is 'wrong';
comment on table nothere is 'x';
comment on column ct.zz is 'x';
comment on column nothere.zz is 'x';
comment on schema nothere is 'x';
comment on column ct is 'x';
select objoid::regclass::text, objsubid, description from pg_description where objoid in ('ct'::regclass, 'cv'::regclass, 'cs'::regclass) order by 1, 2;
select obj_description('ct'::regclass), obj_description('ct'::regclass, 'pg_class'), col_description('ct'::regclass, 2), col_description('ct'::regclass, 1);
select obj_description(oid, 'pg_namespace') from pg_namespace where nspname in ('csch', 'public') order by nspname;
\d+ ct
\dt+ ct
\dn+ csch
\c - c1
comment on table ct is 'not mine';
comment on column ct.a is 'not mine';
comment on schema csch is 'not mine';
\c - postgres
comment on table ct is '';
comment on column ct.b is null;
select obj_description('ct'::regclass), col_description('ct'::regclass, 2);
begin;
comment on table ct is 'rolled back';
rollback;
select obj_description('ct'::regclass);
comment on table ct is 'kept';
