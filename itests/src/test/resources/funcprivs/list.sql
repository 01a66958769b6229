SELECT proname, proacl FROM pg_proc WHERE proname IN ('now', 'upper', 'length') AND proacl IS NOT NULL ORDER BY 1;
\df+ now
SET ROLE fay;
SELECT upper(b), length(b) FROM ft ORDER BY a;
REVOKE EXECUTE ON FUNCTION length(text) FROM gus;
RESET ROLE;
REVOKE ALL ON FUNCTION now(), upper(text), length(text) FROM fay;
GRANT EXECUTE ON FUNCTION now(), upper(text), length(text) TO PUBLIC;
SELECT proname, proacl FROM pg_proc WHERE proname IN ('now', 'upper', 'length') AND proacl IS NOT NULL ORDER BY 1;
