-- json keeps its text, jsonb normalises it
\set SHOW_CONTEXT never
select '{"b":1, "a" : [1,2], "b": 2}'::json as j, '{"b":1, "a" : [1,2], "b": 2}'::jsonb as jb;
select '{"aa": 1, "b": 2, "a": 3, "ab": {"y": null, "x": true}}'::jsonb;
select '[1, 2.50, -0.0, 1e2, 1.5E-3, "x\ty", "\u00e9\ud83d\ude00", false, null]'::jsonb;
select '"a\"b\\c\/d\u0001"'::jsonb, '"a\"b\\c\/d\u0001"'::json;
select '  {"a":1}  '::json, '  {"a":1}  '::jsonb, '123'::jsonb, 'null'::json, 'true'::jsonb;
select cast('{"a": [1, {"b": 2}]}' as jsonb), '{"a":1}'::jsonb::text, '{"a":1}'::json::jsonb, '{"b":1,"a":2}'::jsonb::json;
select '{}'::jsonb, '[]'::jsonb, '{}'::json, '[]'::json;
-- invalid input, read from a column so that no position is reported
select x::json from (values ('{"a":1')) v(x);
select x::jsonb from (values ('x')) v(x);
select x::jsonb from (values ('')) v(x);
select x::jsonb from (values ('{"a" 1}')) v(x);
select x::jsonb from (values ('[1,]')) v(x);
select x::jsonb from (values ('{1:2}')) v(x);
select x::jsonb from (values ('{"a":1,}')) v(x);
select x::jsonb from (values ('[1 2]')) v(x);
select x::jsonb from (values ('1 2')) v(x);
select x::jsonb from (values ('01')) v(x);
select x::jsonb from (values ('1.x')) v(x);
select x::jsonb from (values ('"abc')) v(x);
select x::jsonb from (values ('"\x"')) v(x);
select x::jsonb from (values ('"\u12"')) v(x);
select x::json from (values ('{"a": tru}')) v(x);
-- -> ->> #> #>>
select '{"a": {"b": [10, 20, 30]}}'::jsonb -> 'a' -> 'b' -> 1 as x, '{"a": {"b": [10, 20, 30]}}'::jsonb -> 'a' -> 'b' -> -1 as y;
select '{"a": {"b":  [10,20]}}'::json -> 'a', '{"a": {"b":  [10,20]}}'::json -> 'a' -> 'b' -> 0, '[1, "x", null]'::json -> 1;
select '{"a": "x", "n": null, "o": {"k": 1}}'::jsonb ->> 'a', '{"a": "x", "n": null}'::jsonb ->> 'n' is null, '{"o": {"k": 1}}'::jsonb ->> 'o';
select '{"a": "x\ny", "o": {"k":  1}}'::json ->> 'a', '{"a": "x", "o": {"k":  1}}'::json ->> 'o';
select '{"a": 1}'::jsonb -> 'b', '[1]'::jsonb -> 5, '{"a": 1}'::jsonb -> 0, '[1]'::jsonb -> 'a';
select '{"a": {"b": ["c", "d"]}}'::jsonb #> '{a,b,1}', '{"a": {"b": ["c", "d"]}}'::jsonb #>> '{a,b,1}', '{"a": {"b": ["c", "d"]}}'::jsonb #> '{a,x}';
select '{"a": {"b":  ["c", "d"]}}'::json #> '{a,b}', '{"a": {"b":  ["c", "d"]}}'::json #>> '{a,b,0}', '{"a": 1}'::jsonb #> '{}';
-- containment, keys, || and -
select '{"a":1, "b":{"c":[1,2,3]}}'::jsonb @> '{"b":{"c":[3,1]}}', '{"a":1}'::jsonb @> '{"a":2}', '[1,2,[3,4]]'::jsonb @> '[[3]]';
select '["foo", "bar"]'::jsonb @> '"foo"'::jsonb, '{"a":1}'::jsonb <@ '{"a":1, "b":2}', '[1,2]'::jsonb <@ '[2,1,3]', '{"a":1}'::jsonb @> '[]';
select '{"a":1, "b":2}'::jsonb ? 'a', '["a", "b"]'::jsonb ? 'b', '{"a":1}'::jsonb ? 'c', '{"a":{"b":1}}'::jsonb ? 'b';
select '{"a":1, "b":2}'::jsonb ?| '{b,c}', '{"a":1, "b":2}'::jsonb ?& '{a,b}', '{"a":1, "b":2}'::jsonb ?& '{a,c}';
select '{"a":1, "b":2}'::jsonb || '{"b":3, "c":4}', '[1,2]'::jsonb || '[3]'::jsonb, '[1]'::jsonb || '{"a":1}'::jsonb, '1'::jsonb || '2'::jsonb;
select '{"a":1, "b":2}'::jsonb - 'a', '["a", "b", "a"]'::jsonb - 'a', '[1, 2, 3]'::jsonb - 1, '[1, 2, 3]'::jsonb - -1;
select '{"a": {"b": 1, "c": 2}}'::jsonb #- '{a,b}', '[1, [2, 3]]'::jsonb #- '{1,0}';
-- equality and order of jsonb
select '{"a":1, "b":2}'::jsonb = '{"b":2, "a":1}'::jsonb, '[1,2]'::jsonb = '[2,1]'::jsonb, '1.0'::jsonb = '1'::jsonb;
select '{"a":1}'::jsonb > '[1,2,3]'::jsonb, '[1,2]'::jsonb > '[3]'::jsonb, 'true'::jsonb > '1'::jsonb, '1'::jsonb > '"a"'::jsonb, '"a"'::jsonb > 'null'::jsonb;
-- construction
select to_json('a "quoted"\ttext'::text), to_json(42), to_json(1.50), to_json(true), to_json(null::text), to_jsonb('x'::text), to_jsonb(-7);
select to_json(date '2024-02-29'), to_json(timestamp '2024-02-29 10:11:12.5'), to_json('{"a":1}'::json), to_jsonb('{"b":2, "a":1}'::jsonb);
select json_build_object('a', 1, 'b', 'two', 'c', null, 'd', true, 'e', '{"x":1}'::json), json_build_object();
select jsonb_build_object('b', 1, 'a', 'two', 'b', 3, 'c', '[1, 2]'::jsonb), jsonb_build_object(1, 2);
select json_build_array(1, 'two', null, false, json_build_array()), jsonb_build_array(1, 'two', null, '{"a":1}'::jsonb);
select json_build_object('a');
-- functions
select jsonb_typeof('{}'), jsonb_typeof('[]'), jsonb_typeof('"s"'), jsonb_typeof('1.5'), jsonb_typeof('false'), jsonb_typeof('null');
select json_typeof('{"a":1}'), json_typeof(' [1]'), json_typeof('-1'), json_typeof('null');
select jsonb_array_length('[1, [2, 3], {}]'), json_array_length('[1,2]'), jsonb_array_length('[]');
select jsonb_array_length('{"a":1}');
select jsonb_pretty('{"a": [1, {"b": null}], "c": {}, "d": []}');
select jsonb_pretty('[]'), jsonb_pretty('"s"');
select jsonb_set('{"a": {"b": 1}}', '{a,b}', '2'), jsonb_set('{"a": 1}', '{c}', '[true]'), jsonb_set('{"a": 1}', '{c}', '3', false);
select jsonb_set('[1, 2, 3]', '{1}', '"x"'), jsonb_set('[1, 2]', '{5}', '9'), jsonb_set('[1, 2]', '{-5}', '0');
select jsonb_strip_nulls('{"a": 1, "b": null, "c": [null, {"d": null}]}');
select jsonb_extract_path('{"a": {"b": [1, 2]}}', 'a', 'b', '1'), jsonb_extract_path_text('{"a": {"b": "x"}}', 'a', 'b');
select json_extract_path('{"a": {"b":  [1, 2]}}', 'a', 'b'), json_extract_path_text('{"a": {"b": "x"}}', 'a', 'b');
-- columns, stored and sorted
create table docs (id int primary key, doc jsonb, raw json);
insert into docs values (1, '{"name": "a", "tags": ["x", "y"], "n": 1}', '{"name":"a",  "n":1}'),
  (2, '{"name": "b", "n": 2, "n": 3}', '[1,  2]'),
  (3, '[1, 2]', '"s"'), (4, null, null), (5, '{"name": "a", "tags": ["x", "y"], "n": 1}', '{}');
select * from docs order by id;
\d docs
select id, doc ->> 'name' as name, doc -> 'tags' -> 0 as first_tag, raw -> 'n' as raw_n from docs order by id;
select id from docs where doc @> '{"tags": ["y"]}' order by id;
select id from docs where doc ? 'tags' and doc ->> 'name' = 'a' order by id;
select doc, count(*) from docs group by doc order by doc;
select distinct doc from docs order by doc desc;
select id, doc from docs order by doc, id;
update docs set doc = jsonb_set(doc, '{n}', '10') where id = 1 returning doc;
update docs set doc = doc || '{"extra": true}' where id = 2 returning doc;
select json_agg(id), jsonb_agg(doc) filter (where id < 3) from (select * from docs order by id limit 10) d;
select json_agg(raw), json_object_agg(id, doc ->> 'name') from (select * from docs order by id limit 10) d;
select jsonb_object_agg(doc ->> 'name', id) from (select * from docs where doc ->> 'name' is not null order by id limit 10) d;
select json_agg(id) from docs where false;
select pg_typeof('{}'::json), pg_typeof('{}'::jsonb), pg_typeof('{}'::jsonb -> 'a'), pg_typeof('{}'::jsonb ->> 'a');
select format_type('json'::regtype, null), format_type('jsonb'::regtype, null), typname, typlen, typarray from pg_type where oid in (114, 3802) order by oid;
drop table docs;
-- set-returning functions in FROM
select * from jsonb_each('{"b": 1, "a": [1, 2], "c": null}');
select * from json_each('{"b": 1, "a":  [1,2], "b": "x"}');
select e.key, e.value from jsonb_each_text('{"a": "x", "b": null, "c": {"d": 1}}') e order by e.key;
select * from json_each_text('{"a": "x", "b": null, "c": [1,2]}');
select * from jsonb_array_elements('[1, "two", null, {"a": 1}]');
select * from json_array_elements('[1,  "two", null]');
select e.value from jsonb_array_elements_text('["a", 1, null, [2]]') e;
select * from json_array_elements_text('["a", 1, null]');
select * from jsonb_object_keys('{"b": 1, "a": 2, "aa": 3}');
select * from json_object_keys('{"b": 1, "a": 2, "b": 3}');
select count(*) from jsonb_array_elements('[1, 2, 3]');
select * from jsonb_each('[1]');
select * from jsonb_array_elements('{"a": 1}');
select * from json_array_elements('1');
select * from jsonb_object_keys('[]');
