-- literals and casts
select interval '1 day';
select interval '2 hours 30 minutes', '1 year 2 mons 3 days 04:05:06.789'::interval, cast('-1 day +02:00' as interval);
select '@ 1 hour ago'::interval, 'P1Y2M3DT4H5M6S'::interval, '1:30'::interval, '10 seconds'::interval;
select '1.5 days'::interval, '1.5 months'::interval, '1.5 years'::interval, '3 weeks'::interval, '2 decades'::interval;
select '-00:00:01'::interval, '0'::interval, '1 day -01:00:00'::interval, '-1 year -2 mons +3 days -04:05:06'::interval;
select '1-2'::interval, '1 2:03:04'::interval, '1:30.5'::interval, '500 ms'::interval, '250 microseconds'::interval;
select 'PT1H30M'::interval, 'P1W'::interval, 'P0.5D'::interval, '1day'::interval, '1 hr 2 mins 3 secs'::interval;
select interval '1' day, interval '36' hour, interval '2' year, interval '90' minute;
select '5.123456789 seconds'::interval, '-0.000001 seconds'::interval, '100000000:00:00'::interval;
select '2147483647 days'::interval, '178956970 years'::interval;
select pg_typeof(interval '1 day'), pg_typeof('1 day'::interval - '1 hour'::interval);
-- input errors
select s::interval from (values ('abc')) as v(s);
select s::interval from (values ('1 day 1 day')) as v(s);
select s::interval from (values ('1:60')) as v(s);
select s::interval from (values ('2147483648 days')) as v(s);
select s::interval from (values ('178956971 years')) as v(s);
\set VERBOSITY sqlstate
select ''::interval;
select '1 ago'::interval;
select '99999999999 hours'::interval;
select '178956971 years'::interval;
\set VERBOSITY default
-- interval arithmetic
select interval '1 day' + interval '2 hours', interval '1 day' - interval '2 hours', - interval '1 day 02:00';
select interval '1 mon' * 1.5, interval '1 day' * 1.5, 2 * interval '1 hour', interval '1 hour' * 0.5;
select interval '1 year 1 day' / 3, interval '1 hour' / 7, interval '1 mon' / -2, interval '-1 days +02:00:00' * -1;
select interval '1 day' / 0;
select interval '2147483647 days' + interval '1 day';
select interval '178956970 years' * 2;
-- timestamps, dates and times with intervals
select '2020-01-31 10:00'::timestamp + interval '1 month', '2020-01-31 10:00'::timestamp - interval '1 day 2 hours';
select '2020-02-29'::timestamp + interval '1 year', '2020-03-31'::timestamp - interval '1 mon', interval '3 days' + '2020-01-01'::timestamp;
select date '2020-01-31' + interval '1 month', date '2020-03-01' - interval '1 hour', interval '1 day' + date '2020-12-31';
select '23:00'::time + interval '2 hours', '01:00'::time - interval '3 hours', '12:00'::time + interval '1 day 1 minute';
select '2020-03-01 00:00:00'::timestamp - '2020-01-01 00:00:00'::timestamp;
select '2020-01-01 00:00:00'::timestamp - '2020-03-01 12:30:00'::timestamp;
select '2020-01-02 10:00:00'::timestamp - '2020-01-01 12:00:00'::timestamp;
select '294276-12-31 00:00:00'::timestamp + interval '1 day';
set timezone = 'America/New_York';
select '2020-03-07 12:00:00-05'::timestamptz + interval '1 day', '2020-03-07 12:00:00-05'::timestamptz + interval '24 hours';
select '2020-01-31 12:00:00-05'::timestamptz + interval '1 month', '2020-11-01 00:30:00-04'::timestamptz + interval '1 day';
select '2020-03-09 12:00:00-04'::timestamptz - '2020-03-07 12:00:00-05'::timestamptz;
set timezone = 'Europe/Berlin';
select '2020-03-28 12:00:00+01'::timestamptz + interval '1 day', '2020-03-28 12:00:00+01'::timestamptz + interval '24 hours';
select '2020-01-31 12:00:00+01'::timestamptz + interval '1 mon 1 day 01:00';
reset timezone;
select '2020-03-07 12:00:00-05'::timestamptz + interval '1 day';
select now() - interval '1 hour' < now(), current_date + interval '1 day' > now(), now() + interval '1 day' > now();
-- comparisons and ordering
select interval '1 mon' = interval '30 days', interval '1 day' = interval '24 hours', interval '1 day' < interval '25 hours';
select interval '1 year' > interval '360 days', interval '1 year' < interval '361 days', interval '-1 day' < interval '0';
select interval '1 mon' <> interval '29 days', interval '1 day' >= interval '86400 seconds';
create table durations (id int, d interval);
insert into durations values (1, '1 day'), (2, interval '2 hours'), (3, '1 mon'), (4, null), (5, '-1 day'), (6, '30 days 1 second'), (7, '25:00');
select * from durations order by d, id;
select * from durations order by d desc nulls last, id;
select id from durations where d > interval '1 day' order by id;
\d durations
-- aggregates
select sum(d), avg(d), min(d), max(d), count(d) from durations;
select sum(d) from durations where id > 100;
select id, sum(d) over (order by id) from durations order by id;
-- functions
select justify_days(interval '35 days'), justify_hours(interval '50 hours'), justify_interval(interval '1 mon -1 hour');
select justify_days(interval '-35 days 27:00:00'), justify_hours(interval '-35 days 27:00:00'), justify_interval(interval '-35 days 27:00:00');
select age('2020-03-01 00:00:00'::timestamp, '2019-01-15 12:00:00'::timestamp), age('2019-01-15'::timestamp, '2020-03-01'::timestamp);
select age('2020-03-31'::timestamp, '2020-02-29 23:00:00'::timestamp), age('2021-01-01 00:00:00+00'::timestamptz, '2020-01-01 00:00:00+00'::timestamptz);
select age(now()) < interval '1 day', age(current_date::timestamp) = interval '0';
select extract(second from interval '1 minute 30.5 seconds'), extract(minute from interval '1 minute 30.5 seconds'), extract(epoch from interval '1 day');
select extract(year from interval '14 months'), extract(month from interval '14 months'), extract(quarter from interval '8 months'), extract(day from interval '40 days');
select extract(hour from interval '-5 hours 3 minutes'), extract(millisecond from interval '1.5 seconds'), extract(microsecond from interval '1.5 seconds');
select extract(epoch from interval '1 year 2 mons 3 days 04:05:06.789'), extract(decade from interval '25 years'), extract(century from interval '250 years');
select date_part('epoch', interval '1 year 1 day'), date_part('hour', interval '5 hours 3 min'), date_part('second', interval '3.25 seconds');
select extract(dow from interval '1 day');
select extract(fortnight from interval '1 day');
select date_trunc('hour', interval '1 day 05:43:21'), date_trunc('year', interval '3 years 5 mons'), date_trunc('quarter', interval '1 year 5 mons 3 days');
select date_trunc('minute', interval '-1 day -05:43:21.5'), date_trunc('millisecond', interval '1.234567 seconds'), date_trunc('decade', interval '25 years 3 mons');
select date_trunc('week', interval '1 day');
select make_interval(1, 2, 3, 4, 5, 6, 7.5), make_interval(days => 10), make_interval(), make_interval(hours => 2, secs => 1.5);
select make_interval(days => null), make_interval(years => 178956970);
-- casts to and from text
select (interval '1 day 02:03')::text, '1 day'::interval::text || '!', cast(interval '-1 mon' as varchar);
select count(*) from (values (interval '1 mon'), (interval '30 days'), (interval '1 day'), (interval '24 hours')) as v(d) group by d order by 1;
