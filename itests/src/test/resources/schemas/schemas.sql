-- CREATE SCHEMA and DROP SCHEMA, search_path, CREATE VIEW and DROP VIEW, the catalogs and psql's
-- \dn, \dv, \d and \dt for them, their errors and SQLSTATEs, and their rollback
create schema sales;
create schema sales;
\echo :SQLSTATE
create schema if not exists sales;
create schema pg_mine;
\echo :SQLSTATE
create role schema_owner;
create schema authorization schema_owner;
create schema reports authorization schema_owner;
\dn
select nspname, pg_get_userbyid(nspowner), nspacl from pg_namespace
  where nspname in ('sales', 'reports', 'schema_owner', 'public') order by nspname;
select schema_name, schema_owner from information_schema.schemata
  where schema_name in ('sales', 'reports', 'schema_owner') order by 1;
create table sales.orders (id int primary key, customer text not null, amount int);
create sequence sales.order_ids;
create index orders_customer on sales.orders (customer);
insert into sales.orders values (1, 'ann', 10), (2, 'bob', 20), (3, 'ann', 30);
update sales.orders set amount = amount + 1 where id = 2;
delete from sales.orders where id = 3;
select * from sales.orders order by id;
select nextval('sales.order_ids');
copy sales.orders from stdin;
4	cid	40
\.
select count(*) from sales.orders;
select * from orders;
\echo :SQLSTATE
create table nowhere.t (a int);
\echo :SQLSTATE
\dt sales.*
\di sales.*
-- search_path
show search_path;
select current_schema(), current_schemas(false), current_schemas(true);
set search_path to sales, public;
show search_path;
select current_schema, current_schemas(false), current_schemas(true);
select * from orders order by id;
select nextval('order_ids');
create table customers (name text primary key, city text);
insert into customers values ('ann', 'Oslo'), ('bob', 'Rome'), ('cid', 'Lima');
\dt
select schemaname, tablename from pg_tables where tablename in ('orders', 'customers') order by 1, 2;
set search_path to nowhere;
select current_schema(), current_schemas(false);
create table lost (a int);
\echo :SQLSTATE
set search_path to public, sales;
select count(*) from customers;
reset search_path;
-- views
create view sales.big_orders as select id, customer, amount from sales.orders where amount > 15;
create view sales.order_cities (order_id, city) as
  select o.id, c.city from sales.orders o join sales.customers c on c.name = o.customer;
create view sales.totals as select customer, sum(amount) as total from sales.orders group by customer;
create view ann_orders as select * from sales.orders where customer = 'ann';
select * from sales.big_orders order by id;
select * from sales.order_cities order by order_id;
select * from sales.totals order by customer;
select * from ann_orders;
select b.id, c.city from sales.big_orders b join sales.customers c on c.name = b.customer order by b.id;
select count(*) from sales.big_orders where customer = 'cid';
select name from sales.customers where name in (select customer from sales.big_orders) order by name;
select (select max(amount) from sales.big_orders) as most;
create view sales.big_ann as select id, amount from sales.big_orders where customer = 'ann' or amount > 30;
select * from sales.big_ann order by id;
\dv
\dv sales.*
\d sales.big_orders
\d+ sales.big_orders
\d+ ann_orders
select schemaname, viewname, viewowner, definition from pg_views where schemaname = 'sales' and viewname = 'big_orders';
select pg_get_viewdef('sales.big_orders'::regclass);
select pg_get_viewdef('sales.big_orders'::regclass, true);
select relname, relkind, relnamespace::regnamespace from pg_class where relname in ('big_orders', 'orders', 'ann_orders') order by 1;
select table_schema, table_name, table_type from information_schema.tables
  where table_schema = 'sales' order by table_name;
select table_schema, table_name, view_definition, check_option from information_schema.views
  where table_name = 'big_orders';
-- CREATE OR REPLACE VIEW and its rules
create view sales.big_orders as select id from sales.orders;
\echo :SQLSTATE
create or replace view sales.big_orders as select id, customer from sales.orders;
\echo :SQLSTATE
create or replace view sales.big_orders as select customer, id, amount from sales.orders;
\echo :SQLSTATE
create or replace view sales.big_orders as select id, customer, amount, amount * 2 as doubled from sales.orders where amount > 15;
select * from sales.big_orders order by id;
create view sales.wrong (a, b, c) as select id, customer from sales.orders;
\echo :SQLSTATE
create view sales.orders as select 1 as one;
\echo :SQLSTATE
create or replace view sales.orders as select 1 as one;
\echo :SQLSTATE
-- DML on a view that is not automatically updatable
insert into sales.totals values ('dan', 1);
\echo :SQLSTATE
update sales.totals set total = 0;
\echo :SQLSTATE
delete from sales.order_cities;
\echo :SQLSTATE
-- dependencies
drop table sales.orders;
\echo :SQLSTATE
drop view sales.big_orders;
\echo :SQLSTATE
drop view sales.customers;
\echo :SQLSTATE
drop view sales.nothing;
\echo :SQLSTATE
drop view if exists sales.nothing;
begin;
drop view sales.big_orders cascade;
\dv sales.*
rollback;
\dv sales.*
drop schema sales;
\echo :SQLSTATE
drop schema nothing;
\echo :SQLSTATE
drop schema if exists nothing, nothing_else;
-- CREATE SCHEMA and CREATE VIEW are undone by ROLLBACK
begin;
create schema scratch;
create table scratch.t (a int);
create view scratch.v as select a from scratch.t;
create view sales.recent as select id from sales.orders;
\dn
rollback;
\dn
select * from scratch.v;
\echo :SQLSTATE
select * from sales.recent;
\echo :SQLSTATE
begin;
drop schema reports;
rollback;
\dn
-- DROP SCHEMA ... CASCADE and DROP VIEW
drop view ann_orders, sales.big_ann;
drop schema sales cascade;
drop schema reports, schema_owner;
\dn
drop role schema_owner;
