package org.modgres.api.sql;

import java.util.List;
import java.util.Objects;

/**
 * {@code GRANT privileges ON [TABLE] name [, ...] TO grantee [, ...] [WITH GRANT OPTION]} and
 * {@code REVOKE [GRANT OPTION FOR] privileges ON ... FROM grantee [, ...] [CASCADE | RESTRICT]},
 * on tables, sequences, schemas, databases or functions, or on
 * {@code ALL TABLES | SEQUENCES | FUNCTIONS IN SCHEMA schema}. Names
 * are as PostgreSQL resolves them: folded to lower case unless quoted.
 *
 * @param grant       true for GRANT, false for REVOKE
 * @param privileges  the privileges, in the order written; empty for ALL [PRIVILEGES]
 * @param tables      the tables as written, each one to three names ([[database,] schema,] name);
 *                    empty when {@code allInSchema} is set
 * @param allInSchema the schema of ALL TABLES IN SCHEMA, or null
 * @param grantees    the roles; {@link #PUBLIC} stands for every role, as PostgreSQL reads the name
 *                    {@code public} however it is written
 * @param grantOption WITH GRANT OPTION of a GRANT; GRANT OPTION FOR of a REVOKE
 * @param objectType  what the names are: {@link #TABLE} (also for ON TABLE, and a sequence named
 *                    so), {@link #SEQUENCE} (ON SEQUENCE, ALL SEQUENCES IN SCHEMA) or
 *                    {@link #SCHEMA} (ON SCHEMA, each name then one schema name) or
 *                    {@link #DATABASE} (ON DATABASE) or {@link #FUNCTION} (ON FUNCTION, ALL
 *                    FUNCTIONS IN SCHEMA; each name is then the function's one or two names,
 *                    followed when an argument list was written by {@link #ARGUMENTS} and the
 *                    argument types as written, in lower case)
 * @param cascade     CASCADE of a REVOKE: the grants made on with the revoked grant options go too;
 *                    without it (RESTRICT) their existence fails the REVOKE
 */
public record GrantStatement(String text, boolean grant, List<Privilege> privileges, List<List<String>> tables,
                             String allInSchema, List<String> grantees, boolean grantOption, String objectType,
                             boolean cascade)
        implements Statement {

    /** The object type of privileges on tables. */
    public static final String TABLE = "TABLE";

    /** The object type of privileges on sequences. */
    public static final String SEQUENCE = "SEQUENCE";

    /** The object type of privileges on schemas. */
    public static final String SCHEMA = "SCHEMA";

    /** The object type of privileges on databases: each name then one database name. */
    public static final String DATABASE = "DATABASE";

    /** The object type of privileges on functions. */
    public static final String FUNCTION = "FUNCTION";

    /** The object type of default privileges on types (ALTER DEFAULT PRIVILEGES ... ON TYPES). */
    public static final String TYPE = "TYPE";

    /** In a function's name, what stands before the argument types of its argument list. */
    public static final String ARGUMENTS = "(";

    /** The grantee name of PUBLIC. */
    public static final String PUBLIC = "public";

    /**
     * One privilege as written.
     *
     * @param name    its name in upper case: SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES,
     *                TRIGGER, USAGE, CREATE, or ALL for ALL [PRIVILEGES] with a column list
     * @param columns the columns of a column-level privilege; empty for the whole table
     */
    public record Privilege(String name, List<String> columns) {
        public Privilege {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
        }
    }

    public GrantStatement {
        Objects.requireNonNull(text, "text");
        privileges = List.copyOf(privileges);
        tables = tables.stream().map(List::copyOf).toList();
        grantees = List.copyOf(grantees);
        Objects.requireNonNull(objectType, "objectType");
        if (tables.isEmpty() == (allInSchema == null)) {
            throw new IllegalArgumentException("GRANT needs tables or a schema");
        }
    }

    /** A GRANT, or a REVOKE without CASCADE. */
    public GrantStatement(String text, boolean grant, List<Privilege> privileges, List<List<String>> tables,
                          String allInSchema, List<String> grantees, boolean grantOption, String objectType) {
        this(text, grant, privileges, tables, allInSchema, grantees, grantOption, objectType, false);
    }

    /** A GRANT or REVOKE on tables. */
    public GrantStatement(String text, boolean grant, List<Privilege> privileges, List<List<String>> tables,
                          String allInSchema, List<String> grantees, boolean grantOption) {
        this(text, grant, privileges, tables, allInSchema, grantees, grantOption, TABLE);
    }

    @Override
    public StatementKind kind() {
        return grant ? StatementKind.GRANT : StatementKind.REVOKE;
    }
}
