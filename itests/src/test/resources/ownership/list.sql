-- owners and lists after a restart
select relname, pg_get_userbyid(relowner), relacl from pg_class where relname in ('ot', 'ot_id_seq', 'ov', 'os', 'answer', 'nested_answer') order by 1;
