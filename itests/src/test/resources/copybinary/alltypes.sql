drop table if exists allt;
create table allt (b bool, i2 int2, i4 int4, i8 int8, f4 float4, f8 float8, n numeric, t text, vc varchar(10), c char(5), by bytea, d date, tm time, ts timestamp, tstz timestamptz, iv interval, u uuid, j json, jb jsonb, ia int4[], ta text[], na numeric[]);
insert into allt values (true, -2, 40000, 9000000000, 1.5, -2.25, 12345.678, 'héllo', 'vc', 'ab', '\x00ff10', '2024-02-29', '13:45:01.5', '2024-01-02 03:04:05.123456', '2024-01-02 03:04:05+02', '1 year 2 mons 3 days 04:05:06.7', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": [1, 2]}', '{"b": 1, "a": [true, null]}', '{1,NULL,3}', '{"x y",NULL,z}', '{1.5,-0.001,100000}');
insert into allt values (false, null, null, null, 'NaN', '-Infinity', -0.00012, '', '', '', '', '1999-12-31', '00:00', '2000-01-01 00:00', '1970-01-01 00:00+00', '-3 hours', '00000000-0000-0000-0000-000000000000', '[]', '"s"', '{}', '{}', '{}');
insert into allt (b) values (null);
