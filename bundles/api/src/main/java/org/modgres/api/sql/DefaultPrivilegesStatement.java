package org.modgres.api.sql;

import java.util.List;
import java.util.Objects;

/**
 * {@code ALTER DEFAULT PRIVILEGES [FOR ROLE role [, ...]] [IN SCHEMA schema [, ...]]} followed by
 * a GRANT or REVOKE of privileges {@code ON TABLES | SEQUENCES | FUNCTIONS | ROUTINES | TYPES | SCHEMAS}. Names are as PostgreSQL resolves
 * them: folded to lower case unless quoted.
 *
 * @param roles       the roles of FOR ROLE; empty for the current role
 * @param schemas     the schemas of IN SCHEMA; empty for all schemas
 * @param grant       true for GRANT, false for REVOKE
 * @param privileges  the privileges, in the order written; empty for ALL [PRIVILEGES]
 * @param objectType  {@link GrantStatement#TABLE} for ON TABLES, {@link GrantStatement#SEQUENCE}
 *                    for ON SEQUENCES, {@link GrantStatement#FUNCTION} for ON FUNCTIONS and ON
 *                    ROUTINES, {@link GrantStatement#TYPE} for ON TYPES, {@link GrantStatement#SCHEMA}
 *                    for ON SCHEMAS
 * @param grantees    the roles; {@link GrantStatement#PUBLIC} stands for every role
 * @param grantOption WITH GRANT OPTION of a GRANT; GRANT OPTION FOR of a REVOKE
 */
public record DefaultPrivilegesStatement(String text, List<String> roles, List<String> schemas, boolean grant,
                                         List<GrantStatement.Privilege> privileges, String objectType,
                                         List<String> grantees, boolean grantOption) implements Statement {

    public DefaultPrivilegesStatement {
        Objects.requireNonNull(text, "text");
        roles = List.copyOf(roles);
        schemas = List.copyOf(schemas);
        privileges = List.copyOf(privileges);
        Objects.requireNonNull(objectType, "objectType");
        grantees = List.copyOf(grantees);
    }

    @Override
    public StatementKind kind() {
        return StatementKind.ALTER_DEFAULT_PRIVILEGES;
    }
}
