-- one-dimensional arrays as column types, literals, casts, operators and functions
create table arr (id int primary key, tags text[], ids int[], f float8[], r real[], n numeric(5,2)[],
    v varchar(3)[], c char(2)[], b bool[], s int2[], l int8[], d date[], tm time[], ts timestamp[],
    tz timestamptz[], i interval[], u uuid[], by bytea[]);
create table arr2 (a integer array, b varchar(10)[], c numeric[], d text array);
\d arr
\d arr2
select attname, format_type(atttypid, atttypmod) from pg_attribute
 where attrelid = 'arr'::regclass and attnum > 0 order by attnum;
select column_name, data_type, udt_name from information_schema.columns
 where table_name = 'arr2' order by ordinal_position;
set timezone = 'UTC';
insert into arr values (1, '{a,"b c",NULL,"x\"y","",NULL}', '{1,2,3}', '{1.5,-2,1e100}', '{1.5,NaN}',
    '{1.234,5}', '{ab,cd}', '{a,bc}', '{t,f,NULL}', '{1,-2}', '{9000000000}', '{2024-01-02,1999-12-31}',
    '{10:00,23:59:59.5}', '{"2024-01-02 03:04:05"}', '{"2024-01-02 03:04:05+02"}', '{"1 day","-2 hours"}',
    '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}', '{"\\x01ff",NULL}');
insert into arr (id, ids, tags) values (2, ARRAY[4,5], ARRAY['x','y']), (3, '{}', '{}'), (4, null, null);
insert into arr (id, ids) values (5, ARRAY[1,2,4]), (6, ARRAY[1,NULL]), (7, '{ 3 , 1 }');
select * from arr order by id;
select id, ids, tags from arr order by id;
insert into arr (id, v) values (8, '{abcd}');
insert into arr (id, v) values (8, '{"ab  "}');
select v from arr where id = 8;
-- literals and casts
select '{1,2,3}'::int[], '{}'::text[], ARRAY[1,2], ARRAY['a','b']::varchar[];
select '{"a b",NULL,"x\"y",null,"NULL"}'::text[];
select s::int[] from (values ('{1,2,3')) as v(s);
select s::int[] from (values ('1,2')) as v(s);
select s::int[] from (values ('{1,2} x')) as v(s);
select s::int[] from (values ('{1,,2}')) as v(s);
select s::int[] from (values ('{a}')) as v(s);
select s::text[] from (values ('{"a}')) as v(s);
select '{1,2}'::text[]::int[], ARRAY[1,2]::text[], ARRAY[1.5,2]::numeric[], '{1.5,2.25}'::float8[]::int[];
select '{abcd,ef}'::varchar(2)[], '{a}'::char(3)[];
select '{t,f}'::bool[], '{"2024-01-02 03:04:05"}'::timestamp[], '{"1 day"}'::interval[];
-- subscripts
select ids[1], ids[3], ids[0], ids[4], tags[2] from arr where id = 1;
select (ARRAY[10,20,30])[2], ('{a,b}'::text[])[1];
-- comparison, ordering, grouping
select ARRAY[1,2] = ARRAY[1,2], ARRAY[1,2] <> ARRAY[1,3], ARRAY[1,2] < ARRAY[1,3], ARRAY[1,2] < ARRAY[1,2,0];
select id, ids from arr where ids is not null order by ids, id;
select id, ids from arr where ids is not null order by ids desc, id;
select distinct ids from arr where ids is not null order by ids;
select ids, count(*) from arr where ids is not null group by ids order by ids;
select id from arr where ids = '{1,2,4}';
-- ANY and ALL
select id from arr where 2 = any(ids) order by id;
select id from arr where 4 <> all(ids) order by id;
select 'b c' = any(tags), 'z' = any(tags) from arr where id = 1;
select 3 = any('{1,2,3}'::int[]), 3 = any(ARRAY[1,NULL]), 3 <> all(ARRAY[1,2]);
-- containment and overlap
select ARRAY[1,2,3] @> ARRAY[1,3], ARRAY[1,2] <@ ARRAY[1,2,3], ARRAY[1,2] && ARRAY[2,5], ARRAY[1,2] && ARRAY[3];
select ARRAY[1,NULL] @> ARRAY[NULL::int], ARRAY[1] @> '{}', '{a,b}'::text[] @> '{a}', ARRAY['x'] <@ '{x,y}';
select id from arr where ids @> '{1}' order by id;
select id from arr where ids && ARRAY[5,3] order by id;
select id from arr where tags <@ ARRAY['x','y','z'] order by id;
-- concatenation
select ids || 6, 0 || ids, ids || ARRAY[7,8] from arr where id in (1, 2, 3) order by id;
select ARRAY['a'] || 'b'::text, ARRAY[1,2] || ARRAY[3];
-- functions
select array_length(ids, 1), array_lower(ids, 1), array_upper(ids, 1), cardinality(ids) from arr order by id;
select array_append(ARRAY[1,2], 3), array_prepend(0, ARRAY[1,2]), array_cat(ARRAY[1,2], ARRAY[3]);
select array_remove(ARRAY[1,2,1], 1), array_replace(ARRAY[1,2,1], 1, 9), array_remove(ARRAY[1,NULL], NULL);
select array_position(ARRAY['a','b','a'], 'a'), array_positions(ARRAY['a','b','a'], 'a'),
       array_position(ARRAY[1,2], 3);
select array_to_string(ARRAY[1,NULL,3], ','), array_to_string(ARRAY[1,NULL,3], ',', '*');
select string_to_array('a,b,,c', ','), string_to_array('a b', ' ', 'b');
-- array_agg
select array_agg(id order by id) from arr;
select array_agg(id order by id desc) filter (where id < 4) from arr;
select array_agg(tags[1] order by id) from arr where id < 3;
select id % 2 as odd, array_agg(id order by id) from arr group by id % 2 order by odd;
select array_agg(x) from (values (1.5::float8), (null)) v(x);
-- unnest
select * from unnest(ARRAY[1,2,3]);
select * from unnest('{a,"b c",NULL}'::text[]) as t(x);
select * from unnest('{1.5,2}'::numeric[]);
-- updates keep arrays
update arr set ids = ids || 99 where id = 2;
update arr set tags = array_replace(tags, 'x', 'z') where id = 2;
select id, ids, tags from arr where id = 2;
drop table arr;
drop table arr2;
