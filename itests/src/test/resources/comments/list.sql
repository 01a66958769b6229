-- the comments after a restart
select objoid::regclass::text, objsubid, description from pg_description where objoid in ('ct'::regclass, 'cv'::regclass, 'cs'::regclass) order by 1, 2;
select obj_description(oid, 'pg_namespace') from pg_namespace where nspname = 'csch';
