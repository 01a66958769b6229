-- UPDATE ... FROM, DELETE ... USING, WITH before INSERT/UPDATE/DELETE, WITH RECURSIVE
create table items (id int primary key, name text, price numeric(8,2), qty int);
create table prices (name text primary key, price numeric(8,2));
insert into items values (1, 'apple', 1.00, 10), (2, 'pear', 2.00, 5), (3, 'plum', 3.00, 0), (4, 'fig', 4.00, 7);
insert into prices values ('apple', 1.50), ('pear', 2.50), ('kiwi', 9.99);
update items set price = p.price from prices p where p.name = items.name;
select * from items order by id;
update items as i set price = p.price * 2, qty = i.qty + 1 from prices p where p.name = i.name and i.id = 1
  returning i.id, i.price, i.qty, p.name, p.price;
update items i set qty = i.qty from prices p where p.name = i.name and i.id = 2 returning *;
-- several rows of FROM join one target row: the row is updated once
create table bumps (item_id int, amount int);
insert into bumps values (2, 1), (2, 1), (4, 3);
update items set qty = qty + b.amount from bumps b where b.item_id = items.id;
select id, qty from items order by id;
-- the target table in FROM again, under another name
update items set qty = other.qty from items other where other.id = 4 and items.id = 3;
select id, qty from items order by id;
-- a join in FROM
create table discounts (name text, pct int);
insert into discounts values ('pear', 10);
update items set price = p.price * (100 - d.pct) / 100 from prices p join discounts d on d.name = p.name
  where items.name = p.name returning items.id, items.price, d.pct;
update items set qty = 0 from prices p where p.name = 'nothing' and p.name = items.name;
update items set qty = 1 from (select 3 as id) s where s.id = items.id returning items.id, items.qty, s.id;
-- errors
update items set nosuch = 1 from prices p where p.name = items.name;
update items set qty = 1 from nosuch n where n.id = items.id;
update items set qty = 1 from prices p where nosuch = items.name;
update items set qty = p.name from prices p where p.name = items.name;
update items set name = p.price, qty = '1' from prices p where p.name = 'nothing' and p.name = items.name;
-- DELETE ... USING
create table archive (id int primary key, name text);
insert into archive values (1, 'apple'), (2, 'pear'), (3, 'plum'), (4, 'fig');
delete from archive a using items i where a.id = i.id and i.qty = 1 returning a.id, a.name, i.qty;
delete from archive using prices where archive.name = prices.name and prices.price > 2 returning archive.*;
delete from archive a using prices p where a.name = p.name and p.price > 100;
select * from archive order by id;
-- WITH before UPDATE, DELETE and INSERT
with cheap as (select name from prices where price < 2) update items set qty = qty * 10 where name in (select name from cheap);
select id, qty from items order by id;
with p as (select * from prices) update items set price = p.price from p where p.name = items.name and items.id = 2
  returning items.id, items.price;
with many as (select id from items where qty > 50) delete from archive where id in (select id from many) returning *;
with new_rows(id, name) as (values (10, 'lime'), (11, 'date')) insert into archive select id, name from new_rows;
with recursive n(i) as (select 20 union all select i + 1 from n where i < 22)
  insert into archive select i, 'gen' || i from n returning id, name;
select * from archive order by id;
-- WITH RECURSIVE
with recursive t(n) as (select 1 union all select n + 1 from t where n < 100) select count(*), sum(n), min(n), max(n) from t;
with recursive t(n) as (select 1 union select n % 3 + 1 from t) select n from t order by n;
create table tree (id int primary key, parent int, name text);
insert into tree values (1, null, 'root'), (2, 1, 'a'), (3, 1, 'b'), (4, 2, 'a1'), (5, 2, 'a2'), (6, 4, 'a1x');
with recursive sub(id, name, depth) as (
  select id, name, 0 from tree where id = 2
  union all
  select t.id, t.name, s.depth + 1 from tree t join sub s on t.parent = s.id
) select name, depth from sub order by depth, name;
with recursive path(id, path) as (
  select id, name from tree where parent is null
  union all
  select t.id, p.path || '/' || t.name from tree t, path p where t.parent = p.id
) select * from path order by path;
with recursive fib(i, a, b) as (
  select 1, 0::bigint, 1::bigint
  union all
  select i + 1, b, a + b from fib where i < 90
) select i, a from fib where i in (1, 2, 10, 50, 90) order by i;
with recursive t(n) as (select 1 union all select n + 1 from t where n < 3), u as (select n * 10 as m from t)
  select * from u order by m;
-- badly formed recursive queries
with recursive t(n) as (select 1 union all select n::bigint + 1 from t where n < 5) select * from t;
with recursive t(n) as (select n from t) select * from t;
with recursive t(n) as (select 1 union all select n + 1 from t where n < 5 union all select 5 from t) select * from t;
with recursive t(n) as (select 1 union all select count(*) from t) select * from t;
with recursive t(n) as (select 1 union all select n from t where n in (select n from t)) select * from t;
