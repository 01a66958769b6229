-- psql's list commands the issue names beyond \d: \l, \dt+, \ds, \di
create table tl_items (id serial primary key, name text not null);
create sequence tl_seq;
create index tl_items_name on tl_items (name);
\l
\dt+ tl_*
\ds tl_*
\di tl_*
drop table tl_items;
drop sequence tl_seq;
