create table r (id int primary key, code text);
insert into r values (1, 'a'), (2, 'b');
create table t (a int, b int, c text);
insert into t values (1, 1, 'x'), (2, 2, 'y'), (3, null, null);
alter table t add constraint t_b_fkey foreign key (b) references r;
\d t
insert into t values (4, 9, 'z');
alter table t add check (a > 0);
alter table t add constraint positive_b check (b > 1);
insert into t values (0, 1, 'q');
alter table t add unique (a);
insert into t values (1, 1, 'dup');
alter table t add unique (b);
insert into t values (5, 1, 'w');
alter table t add unique (b);
alter table t add constraint t_a_key unique (c);
alter table t add constraint t_a_check check (a < 100);
\d t
alter table t alter column c set not null;
update t set c = 'n' where c is null;
alter table t alter column c set not null;
\d t
alter table t alter c drop not null;
insert into t values (6, 2, null);
alter table t drop constraint t_a_check;
alter table t drop constraint nope;
alter table t drop constraint if exists nope;
alter table if exists nothere add unique (a);
alter table nothere add unique (a);
alter table t add constraint bad check (zz > 1);
alter table t add check (a);
alter table r drop constraint r_pkey;
alter table r drop constraint r_pkey cascade;
\d t
\d r
alter table r alter id drop not null;
alter table r add primary key (id);
alter table r alter id drop not null;
begin;
alter table t add constraint t_c_key unique (c);
rollback;
\d t
create table p (k int primary key, parent int);
insert into p values (1, null), (2, 1), (3, 2);
alter table p add foreign key (parent) references p (k) on delete cascade;
delete from p where k = 1;
select * from p;
alter table t add constraint t2 unique (a), add constraint t3 foreign key (a) references t (a);
\d t
select conname, contype, pg_get_constraintdef(oid) from pg_constraint
 where conrelid = 't'::regclass order by conname;
create table pair (x int, y int, note text);
insert into pair values (1, 1, 'a'), (1, 2, 'b'), (null, 2, 'c'), (null, 2, 'd');
alter table only pair add constraint pair_xy unique (x, y);
alter table pair add unique (y);
alter table pair add constraint pair_note check (length(note) = 1), alter column note set not null;
\d pair
alter table pair add constraint pair_note_len check (note <> 'b') , add unique (note);
\d pair
alter table pair add primary key (x);
alter table pair drop constraint pair_xy, drop constraint pair_note;
alter table pair alter column x set default 7, alter column y drop not null;
\d pair
drop table p, t, r, pair;
