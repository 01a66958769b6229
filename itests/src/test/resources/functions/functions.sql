-- strings
select repeat('ab', 3), repeat('x', 0), repeat('x', -1), repeat(null, 2);
select lpad('hi', 5), lpad('hi', 5, 'xy'), lpad('hello', 2), lpad('hi', 5, ''), lpad('hi', -1);
select rpad('hi', 5), rpad('hi', 5, 'xy'), rpad('hello', 2), rpad('hi', 5, '');
select left('hello', 2), left('hello', -2), left('hello', 0), right('hello', 2), right('hello', -2), right('hé', 1);
select reverse('abc'), reverse('');
select strpos('hello', 'l'), strpos('hello', 'z'), strpos('hello', '');
select split_part('a,b,c', ',', 2), split_part('a,b,c', ',', 4), split_part('a,b,c', ',', -1), split_part('a,b,c', ',', -4), split_part('abc', '', 1), split_part('a--b--c', '--', 3);
select split_part('a,b', ',', 0);
select md5('abc'), md5('');
select ltrim('  x  ') || '|', rtrim('  x  ') || '|', btrim('  x  ') || '|';
select ltrim('xxaxx', 'x'), rtrim('xxaxx', 'x'), btrim('xyaxy', 'yx');
select chr(65), chr(233), ascii('A'), ascii('é'), ascii('');
select chr(0);
select chr(-1);
select translate('hello', 'el', 'ip'), translate('hello', 'lo', 'x'), translate('12345', '143', 'ax');
select starts_with('hello', 'he'), starts_with('hello', 'lo'), starts_with('hello', '');
select initcap('hello wORLD foo_bar 1st');
select format('%s and %s', 'a', 'b'), format('%I', 'B c'), format('%I', 'abc'), format('%L', 'it''s'), format('%L', null);
select format('%s|%s', 'a', null), format('100%%'), format('%2$s %1$s', 'a', 'b'), format('%1$s %1$s', 'x');
select format('[%5s][%-5s]', 'ab', 'cd'), format('%s', 12), format(null);
select format('%s %s', 'a');
select format('%z', 'a');
select string_to_array('a,b,c', ','), string_to_array('a,,c', ',', ''), string_to_array('abc', null), string_to_array('abc', ''), string_to_array('', ',');
select array_length(string_to_array('1 2 3', ' '), 1);
select regexp_replace('hello', 'l', 'L'), regexp_replace('hello', 'l', 'L', 'g'), regexp_replace('Hello', 'h', 'J', 'i'), regexp_replace('abc', '(b)', '[\1]'), regexp_replace('abc', 'b', '\&\&');
select regexp_match('foo123bar45', '\d+'), regexp_match('foo', '\d+'), regexp_match('ab12', '([a-z]+)(\d+)');
select quote_literal('a''b'), quote_ident('A b'), quote_ident('abc'), quote_literal(42);
select concat_ws(',', 'a', null, 'b');
-- math
select greatest(1, 2, null), least(1.5, 2), greatest('a', 'b'), least(null::int, null), greatest(1, 2.5);
select random() between 0 and 1 as in_range, pg_typeof(random());
select abs(-3), abs(-3.5), abs(-3.5::float8), abs(-2::smallint);
select round(2.5), round(-2.5), round(2.5::float8), round(3.5::float8), round(1.2345, 2), round(1234.5, -2), round(2.5::numeric, 0);
select ceil(2.1), ceil(-2.1), ceil(2.1::float8), floor(-2.1), floor(2.9::float8), floor(5);
select power(2, 10), power(2.0, 3), power(2::float8, 0.5), pg_typeof(power(2, 10)), pg_typeof(power(2.0, 3));
select sqrt(2), sqrt(16.0), sqrt(2::float8), pg_typeof(sqrt(2));
select mod(7, 3), mod(-7, 3), mod(7.5, 2), mod(7::bigint, 3::bigint);
select trunc(2.7), trunc(-2.7), trunc(2.789, 2), trunc(2.7::float8), trunc(1234.5, -2);
select sign(-2), sign(0), sign(3.5), sign(-2.5::float8), pg_typeof(sign(-2));
select exp(1), exp(1.0), exp(0::float8), ln(10), ln(10.0), log(100), log(100.0), log(2, 8), log(2.0, 8.0);
select pi(), div(7, 2), div(-7, 2), div(7.5, 2), pg_typeof(div(7, 2));
select degrees(pi()), radians(180), sin(0), cos(0);
select sqrt(-1);
select ln(0);
select ln(-1);
select log(0);
select div(1, 0);
-- uuid
select length(gen_random_uuid()::text), pg_typeof(gen_random_uuid());
-- date/time
select date_trunc('month', '2024-05-17 10:11:12.345'::timestamp), date_trunc('hour', '2024-05-17 10:11:12'::timestamp), date_trunc('year', '2024-05-17 10:11:12'::timestamp);
select date_trunc('week', '2024-05-17 10:11:12'::timestamp), date_trunc('quarter', '2024-05-17 10:11:12'::timestamp), date_trunc('day', '2024-05-17'::date), date_trunc('minute', '2024-05-17 10:11:12+00'::timestamptz);
select date_trunc('second', '2024-05-17 10:11:12.5'::timestamp), date_trunc('milliseconds', '2024-05-17 10:11:12.34567'::timestamp), date_trunc('decade', '2024-05-17'::timestamp), date_trunc('century', '2024-05-17'::timestamp), date_trunc('millennium', '2024-05-17'::timestamp);
select date_trunc('fortnight', '2024-05-17'::timestamp);
select extract(year from '2024-05-17 10:11:12.5'::timestamp), extract(month from '2024-05-17 10:11:12.5'::timestamp), extract(day from '2024-05-17 10:11:12.5'::timestamp), extract(hour from '2024-05-17 10:11:12.5'::timestamp), extract(minute from '2024-05-17 10:11:12.5'::timestamp), extract(second from '2024-05-17 10:11:12.5'::timestamp);
select extract(milliseconds from '2024-05-17 10:11:12.5'::timestamp), extract(microseconds from '2024-05-17 10:11:12.5'::timestamp), extract(dow from '2024-05-19'::timestamp), extract(isodow from '2024-05-19'::timestamp), extract(doy from '2024-05-17'::timestamp), extract(week from '2024-05-17'::timestamp);
select extract(quarter from '2024-05-17'::timestamp), extract(epoch from '2024-05-17 10:11:12.5'::timestamp), extract(century from '2024-05-17'::timestamp), extract(decade from '2024-05-17'::timestamp), extract(millennium from '2024-05-17'::timestamp), extract(isoyear from '2021-01-01'::date);
select extract(year from '2024-05-17'::date), extract(epoch from '2024-05-17'::date), extract(epoch from '2024-05-17 10:11:12+02'::timestamptz), extract(julian from '2024-05-17'::date), extract(hour from '2024-05-17 10:11:12+02'::timestamptz);
select extract(hour from '2024-05-17'::date);
select date_part('year', '2024-05-17 10:11:12.5'::timestamp), date_part('second', '2024-05-17 10:11:12.5'::timestamp), date_part('epoch', '2024-05-17 10:11:12.5'::timestamp), date_part('dow', '2024-05-17'::date), pg_typeof(date_part('year', '2024-05-17'::date));
select date_part('bogus', '2024-05-17'::timestamp);
select extract(year from null::timestamp), date_part('year', null::date);
select to_char('2024-05-07 14:05:09.1234'::timestamp, 'YYYY-MM-DD HH24:MI:SS'), to_char('2024-05-07 14:05:09.1234'::timestamp, 'YY MM DD HH HH12 MS US');
select to_char('2024-05-07 14:05:09'::timestamp, 'HH:MI AM pm a.m. P.M.'), to_char('2024-05-07 04:05:09'::timestamp, 'HH12 AM');
select to_char('2024-05-07 14:05:09'::timestamp, 'Mon MON mon Month MONTH Day DAY Dy dy D DDD IW'), to_char('2024-05-07'::timestamp, 'FMMonth FMDay FMDD');
select to_char('2024-05-07 14:05:09'::timestamp, '"Year:" YYYY "Q"Q WW J'), to_char('2024-05-07 14:05:09+00'::timestamptz, 'YYYY-MM-DD HH24:MI:SS TZ OF');
select to_char('2024-05-07'::date, 'DD/MM/YYYY'), to_char('2024-05-07 00:00:00'::timestamp, 'HH12:MI AM'), to_char('2024-05-07 12:30:00'::timestamp, 'HH12:MI PM');
select to_char(123.45, '999.99'), to_char(123.45, '9999.9'), to_char(-123.45, '999.99'), to_char(0.5, '0.99'), to_char(0.5, '9.99'), to_char(1234567, '9,999,999');
select to_char(12, '000'), to_char(12, 'FM999'), to_char(-12, 'S999'), to_char(12, 'S999'), to_char(-12, '999PR'), to_char(12345, '999'), to_char(3.14159::float8, '9.99');
select to_char(1234.5, 'FM9,999.00'), to_char(42, '99'), to_char(-5.5, 'FM990.0'), to_char(null::numeric, '999');
select to_timestamp(0), to_timestamp(1700000000.5), pg_typeof(to_timestamp(0));
select to_timestamp('2024-05-17 10:11:12', 'YYYY-MM-DD HH24:MI:SS'), to_timestamp('17/05/2024', 'DD/MM/YYYY'), to_timestamp('2024 May 17 02:30 PM', 'YYYY Mon DD HH12:MI AM');
select to_date('2024-05-17', 'YYYY-MM-DD'), to_date('17 May 2024', 'DD Mon YYYY'), to_date('20240517', 'YYYYMMDD'), pg_typeof(to_date('2024-05-17', 'YYYY-MM-DD'));
select to_date('2024-13-01', 'YYYY-MM-DD');
select make_date(2024, 5, 17), make_timestamp(2024, 5, 17, 10, 11, 12.5);
select make_date(2024, 2, 30);
-- types
select pg_typeof(1), pg_typeof('a'), pg_typeof('a'::text), pg_typeof(1.5), pg_typeof(now()), pg_typeof(null), pg_typeof(1::bigint), pg_typeof(true);
select pg_typeof(current_date), pg_typeof('2024-01-01'::timestamp), pg_typeof(1::float8), pg_typeof(1::real), pg_typeof('a'::varchar(3)), pg_typeof(array[1,2]);
-- on table columns, with NULLs
create table fn_items (id int primary key, name text, code varchar(10), price numeric(10,2), ratio float8, created timestamp, sold date);
insert into fn_items values (1, 'apple pie', 'AB-12', 12.50, 0.25, '2024-01-15 08:30:00', '2024-01-15'), (2, null, null, null, null, null, null), (3, 'Banana', 'CD-7', 3.99, 2.5, '2023-12-31 23:59:59.999', '2023-12-31');
select id, repeat(name, 2), lpad(code, 8, '*'), rpad(name, 12, '.'), split_part(code, '-', 2), upper(left(name, 3)), md5(name) is null as no_md5 from fn_items order by id;
select id, format('%s costs %s', name, price), concat_ws('/', name, code, price), starts_with(name, 'B'), strpos(name, 'a') from fn_items order by id;
select id, round(price, 1), trunc(price), ceil(ratio), floor(price), power(ratio, 2), sqrt(price), exp(ratio), ln(price), greatest(price, 5), least(ratio, 1) from fn_items order by id;
select id, date_trunc('month', created), extract(year from created), extract(doy from sold), date_part('hour', created), to_char(created, 'DD Mon YYYY HH12:MI:SS AM'), to_char(price, 'FM999.00') from fn_items order by id;
select id from fn_items where extract(month from created) = 12 or date_trunc('year', created) = '2024-01-01';
select pg_typeof(name), pg_typeof(code), pg_typeof(price), pg_typeof(ratio), pg_typeof(created), pg_typeof(sold), pg_typeof(id) from fn_items where id = 1;
select string_agg(split_part(name, ' ', 1), ',' order by id), max(length(regexp_replace(name, '[aeiou]', '', 'g'))) from fn_items;
-- NULL arguments of strict functions
select repeat('a', null) is null, lpad(null, 3) is null, split_part('a,b', null, 1) is null, chr(null) is null, ascii(null) is null, translate('a', null, 'b') is null;
select exp(null::float8) is null, ln(null::numeric) is null, log(null::numeric, 2) is null, div(null, 2) is null, date_trunc(null, '2024-01-01'::timestamp) is null, to_char(null::timestamp, 'YYYY') is null, make_date(2024, null, 1) is null;
select regexp_replace('abc', null, 'x') is null, regexp_match(null, 'a') is null, string_to_array(null, ',') is null, format('%s', null) is null, concat_ws(null, 'a') is null;
-- error codes
\set VERBOSITY sqlstate
select chr(0);
select chr(-1);
select split_part('a', ',', 0);
select format('%s %s', 'a');
select format('%z', 'a');
select format('%I', null);
select sqrt(-1);
select sqrt(-1.0);
select ln(0);
select ln(-1.0);
select log(0);
select power(0, -1);
select power(-8.0, 0.5);
select div(1, 0);
select date_trunc('fortnight', '2024-05-17'::timestamp);
select extract(hour from '2024-05-17'::date);
select date_part('bogus', '2024-05-17'::timestamp);
select to_date('2024-13-01', 'YYYY-MM-DD');
select to_timestamp('abc', 'YYYY');
select make_date(2024, 2, 30);
select regexp_replace('a', 'a', 'x', 'z');
select regexp_match('a', 'a', 'g');
\set VERBOSITY default
drop table fn_items;
-- the catalog
\df repeat
\df lpad
\df split_part
\df to_date
\df gen_random_uuid
\df pg_typeof
