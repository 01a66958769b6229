create table ja (a jsonb[], b json[]);
insert into ja values ('{"{\"a\":1}",null}', '{"[1,2]","{\"k\" : 1}"}');
insert into ja values ('{"{\"x\": \"y z\"}","\"s\"",[]}', '{3}');
insert into ja values ('{}', null);
