create table pgbench_history(tid int,bid int,aid    int,delta int,mtime timestamp,filler char(22));
create table pgbench_tellers(tid int primary key,bid int,tbalance int,filler char(84));
create table pgbench_accounts(aid int primary key,bid int,abalance int,filler char(84));
create table pgbench_branches(bid int primary key,bbalance int,filler char(88));
create table catalog_types(id bigint primary key, name varchar(20) not null, price numeric(10,2), note text, created timestamp, flag boolean, code smallint, ratio double precision);
