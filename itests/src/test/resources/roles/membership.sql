CREATE ROLE crew NOLOGIN;
CREATE ROLE carol LOGIN IN ROLE crew;
CREATE ROLE dave LOGIN NOINHERIT;
GRANT crew TO dave WITH ADMIN OPTION;
CREATE ROLE leads ROLE carol;
GRANT crew TO dave;
GRANT crew TO crew;
GRANT dave TO crew;
GRANT crew TO nobody_here;
REVOKE leads FROM dave;
\du
SET ROLE carol;
SELECT current_user, session_user;
SHOW role;
SET ROLE dave;
RESET ROLE;
SELECT current_user, session_user;
SELECT pg_has_role('dave', 'crew', 'USAGE') AS dave_usage, pg_has_role('dave', 'crew', 'MEMBER') AS dave_member,
       pg_has_role('carol', 'crew', 'USAGE') AS carol_usage,
       pg_has_role('dave', 'crew', 'MEMBER WITH ADMIN OPTION') AS dave_admin;
SELECT r.rolname AS role, m.rolname AS member, a.admin_option
  FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
 WHERE r.rolname IN ('crew', 'leads') ORDER BY 1, 2;
REVOKE crew FROM carol;
DROP ROLE leads;
\du
DROP ROLE carol, dave, crew;
