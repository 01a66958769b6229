package org.modgres.api.role;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of object an access control list may belong to, each with the privileges it may
 * have: those ALL PRIVILEGES grants, and the owner holds while the object has no list
 * (acldefault).
 */
public enum PrivilegeTarget {
    TABLE(EnumSet.range(TablePrivilege.INSERT, TablePrivilege.TRIGGER)),
    SEQUENCE(EnumSet.of(TablePrivilege.SELECT, TablePrivilege.UPDATE, TablePrivilege.USAGE)),
    SCHEMA(EnumSet.of(TablePrivilege.USAGE, TablePrivilege.CREATE)),
    DATABASE(EnumSet.of(TablePrivilege.CREATE, TablePrivilege.TEMPORARY, TablePrivilege.CONNECT)),
    FUNCTION(EnumSet.of(TablePrivilege.EXECUTE)),
    /** Types, of which only default privileges are kept: Modgres has no CREATE TYPE for them to apply to. */
    TYPE(EnumSet.of(TablePrivilege.USAGE));

    private final Set<TablePrivilege> privileges;

    PrivilegeTarget(Set<TablePrivilege> privileges) {
        this.privileges = Set.copyOf(privileges);
    }

    /** Returns every privilege an object of this kind may have. */
    public Set<TablePrivilege> privileges() {
        return privileges;
    }

    /** Returns the kind's name as PostgreSQL's messages write it: table, sequence, schema, database, function, type. */
    public String sqlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
