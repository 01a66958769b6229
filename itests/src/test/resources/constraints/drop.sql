create table r (id int primary key);
create table t (r int references r);
create view v as select * from r;
drop table r;
drop table r cascade;
\d t
drop table t;
create table a (id int primary key, b_id int);
create table b (id int primary key, a_id int references a);
alter table a add foreign key (b_id) references b;
drop table a;
drop table a, b;
create table p (id int primary key);
create table c1 (p int references p);
create table c2 (p int references p);
create view pv as select id from p;
create view pv2 as select * from pv;
drop table p restrict;
drop table p cascade;
\d c1
drop table c1, c2;
drop table if exists nothing, also_nothing cascade;
