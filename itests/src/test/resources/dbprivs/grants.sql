CREATE ROLE erin LOGIN;
CREATE ROLE frank LOGIN;
GRANT CREATE, TEMP ON DATABASE postgres TO erin WITH GRANT OPTION;
GRANT ALL ON DATABASE template1 TO frank;
REVOKE TEMPORARY ON DATABASE postgres FROM PUBLIC;
REVOKE GRANT OPTION FOR CREATE ON DATABASE postgres FROM erin;
GRANT USAGE ON DATABASE postgres TO erin;
GRANT CONNECT ON DATABASE nosuch TO erin;
SELECT datname, datacl FROM pg_database ORDER BY oid;
SELECT has_database_privilege('erin', 'postgres', 'CREATE') AS erin_create,
       has_database_privilege('frank', 'postgres', 'temp') AS frank_temp,
       has_database_privilege('frank', 'template1', 'create') AS frank_create;
\l
