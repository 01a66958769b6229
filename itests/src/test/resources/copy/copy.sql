-- psql \copy both ways, text and CSV; copy.out is what psql prints against PostgreSQL 15,
-- the error of bad.tsv with its CONTEXT line.
create table items (id int primary key, name text, price numeric(8,2), seen date, tag char(3));
\copy items from '@DIR@/items.tsv'
\copy items from '@DIR@/items.csv' with (format csv, header)
select * from items order by id;
\copy (select id, name, price from items where id > 1 order by id) to stdout with csv header
\copy items to stdout
\copy items from '@DIR@/bad.tsv'
select count(*) from items;
