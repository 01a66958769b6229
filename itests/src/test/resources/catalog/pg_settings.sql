select name, unit, category, short_desc, context, vartype, min_val, max_val, enumvals
from pg_catalog.pg_settings
where name in ('DateStyle', 'statement_timeout', 'transaction_isolation', 'extra_float_digits', 'search_path')
order by name;
select current_user, session_user, current_database(), current_setting('search_path'), current_setting('nosuch', true);
