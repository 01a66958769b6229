-- information_schema.constraint_column_usage, routines and parameters,
-- has_any_column_privilege and regproc input, as PostgreSQL 15 answers them
create table isc_parent (id int primary key, name text unique, code int, region int, unique (code, region));
create table isc_child (id int primary key, parent_id int references isc_parent on delete cascade,
    q int unique, v int check (v > 0), constraint isc_child_vq check (v < 100 and v <> 7),
    foreign key (q) references isc_parent (id));
create table isc_pair (a int, b int, foreign key (a, b) references isc_parent (region, code));
create table isc_mixed ("Mixed" int, lo int, note text, constraint isc_mixed_check check ("Mixed" > lo and note <> 'lo'));
select table_name, column_name, constraint_name, table_schema, constraint_schema
  from information_schema.constraint_column_usage
 where constraint_schema = 'public' order by constraint_name, column_name;
select count(*) from information_schema.constraint_column_usage where table_name = 'isc_pair';
select routine_name, data_type from information_schema.routines where routine_name in ('lower','now') order by 1, 2;
select specific_schema, routine_schema, routine_name, routine_type, data_type, type_udt_name,
       dtd_identifier, routine_body, is_deterministic, is_null_call, external_language, parameter_style,
       security_type, sql_data_access, routine_definition
  from information_schema.routines
 where specific_name in ('now_1299', 'substr_877', 'count_2147', 'current_schemas_1403') order by 1, 3;
select specific_name, ordinal_position, parameter_mode, is_result, as_locator, parameter_name,
       data_type, udt_schema, udt_name, dtd_identifier, parameter_default
  from information_schema.parameters
 where specific_name in ('lower_870', 'substr_877', 'array_length_2176', 'concat_3058')
 order by specific_name, ordinal_position;
create role isc_reader;
grant select (name) on isc_parent to isc_reader;
select has_any_column_privilege('isc_reader', 'isc_parent', 'select') as sel,
       has_any_column_privilege('isc_reader', 'isc_parent', 'update') as upd,
       has_any_column_privilege('isc_reader', 'isc_child', 'select, insert') as other,
       has_any_column_privilege('isc_parent', 'insert') as mine,
       has_column_privilege('isc_reader', 'isc_parent', 'name', 'select') as col,
       has_table_privilege('isc_reader', 'isc_parent', 'select') as tbl;
select has_any_column_privilege('isc_parent', 'delete');
select 'now'::regproc, 'pg_catalog.now'::regproc::oid, '1299'::regproc;
select proname from pg_proc where oid = 'version'::regproc::oid;
select typname, typinput from pg_type where typinput = 'array_in'::regproc and typname = '_int4';
drop table isc_pair, isc_child, isc_parent, isc_mixed;
drop role isc_reader;
