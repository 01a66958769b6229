-- COPY FROM errors and the CONTEXT line PostgreSQL gives each: which line, and for a value its column refuses, which column
drop table if exists ct;
create table ct (a int primary key, b text not null, c numeric(3,1) check (c < 50));
copy ct from stdin;
1	x	1.5
2	y	abc
\.
copy ct from stdin;
1	x	1.5
2	\N	2
\.
copy ct from stdin;
1	x	1.5
1	y	2
\.
copy ct from stdin;
1	x
\.
copy ct from stdin;
1	x	1	4
\.
copy ct from stdin;
1	x	99
\.
copy ct from stdin (format csv, header);
a,b,c
1,x,1
zz,y,2
\.
copy ct from stdin;
1	x	1000
\.
copy ct (a, c) from stdin;
5	1
\.
drop table if exists cc; drop table if exists cp;
create table cp (id int primary key);
create table cc (a int references cp, b varchar(3), c text);
copy cc from stdin;
1	ab	x
\.
copy cc (b, c) from stdin;
abcd	x
\.
copy cc (b, c) from stdin;
ab	xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx	extra
\.
copy cc (b) from stdin (format csv);
"a
b"
\.
copy cc (c, b) from stdin (format csv);
1,"a
bcd"
\.
copy cc (a) from stdin;
99999999999
\.
-- a bad row in the middle of a batch of many: the line is still found, and nothing is kept
create table many (id int primary key, v varchar(2));
copy many from stdin;
1	a
2	b
3	c
4	d
5	e
6	f
7	g
8	h
9	i
10	j
11	k
12	l
13	m
14	n
15	o
16	p
17	q
18	r
19	s
20	t
21	u
22	v
23	w
24	x
25	y
26	z
27	aa
28	bb
29	cc
30	dd
31	ee
32	ff
33	gg
34	hh
35	ii
36	jj
37	kk
38	ll
39	mm
40	nn
41	oo
42	ppp
43	qq
44	rr
45	ss
\.
copy many from stdin;
1	a
2	b
3	c
4	d
5	e
6	f
7	g
8	h
9	i
10	j
11	k
12	l
13	m
14	n
15	o
16	p
17	q
18	r
19	s
20	t
21	u
22	v
23	w
24	x
25	y
26	z
27	aa
28	bb
29	cc
30	dd
31	ee
32	ff
33	gg
34	hh
35	ii
36	jj
37	kk
38	ll
39	mm
40	nn
41	oo
3	qq
43	rr
\.
select count(*) from many;
begin;
copy many from stdin;
1	ok
1	du
\.
rollback;
