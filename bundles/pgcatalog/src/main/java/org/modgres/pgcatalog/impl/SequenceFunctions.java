package org.modgres.pgcatalog.impl;

import static org.modgres.api.type.PgType.BOOL;
import static org.modgres.api.type.PgType.INT8;
import static org.modgres.api.type.PgType.TEXT;
import static org.modgres.api.type.PgType.UNKNOWN;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiPredicate;

import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.PrivilegeTarget;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleGraph;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.type.PgType;

/**
 * nextval, currval, setval and lastval, which take a sequence by name ({@code 'public.s'}) or by
 * OID ({@code 's'::regclass}), and pg_get_serial_sequence. The values a session was given are kept
 * by the session ({@link SystemRelationContext#sequenceValues()}), as PostgreSQL keeps them per
 * backend. Each checks the current role's privileges on the sequence as PostgreSQL does.
 */
final class SequenceFunctions {

    /** A function of this file: a signature and a body. */
    private record Function(String name, List<PgType> parameterTypes, PgType returnType, Body body)
            implements SystemFunction {

        @Override
        public Object apply(SystemRelationContext context, Object[] arguments) {
            return body.apply(context, arguments);
        }
    }

    @FunctionalInterface
    private interface Body {
        Object apply(SystemRelationContext context, Object[] arguments);
    }

    private final Catalog catalog;
    private final RoleCatalog roles;

    private SequenceFunctions(Catalog catalog, RoleCatalog roles) {
        this.catalog = catalog;
        this.roles = roles;
    }

    static List<SystemFunction> all(Catalog catalog, RoleCatalog roles) {
        SequenceFunctions f = new SequenceFunctions(catalog, roles);
        return List.of(
                new Function("nextval", List.of(UNKNOWN), INT8, f::nextval),
                new Function("currval", List.of(UNKNOWN), INT8, f::currval),
                new Function("lastval", List.of(), INT8, f::lastval),
                new Function("setval", List.of(UNKNOWN, INT8), INT8,
                        (context, a) -> f.setval(context, a[0], (Long) a[1], true)),
                new Function("setval", List.of(UNKNOWN, INT8, BOOL), INT8,
                        (context, a) -> f.setval(context, a[0], (Long) a[1], (Boolean) a[2])),
                new Function("pg_get_serial_sequence", List.of(TEXT, TEXT), TEXT,
                        (context, a) -> f.serialSequence(context, (String) a[0], (String) a[1])));
    }

    private Object nextval(SystemRelationContext context, Object[] arguments) {
        SequenceInfo sequence = sequence(context, arguments[0]);
        require(context, sequence, TablePrivilege.USAGE, TablePrivilege.UPDATE);
        long value = context.transaction().nextval(sequence.oid());
        context.sequenceValues().remember(sequence.oid(), value, true);
        return value;
    }

    private Object currval(SystemRelationContext context, Object[] arguments) {
        SequenceInfo sequence = sequence(context, arguments[0]);
        require(context, sequence, TablePrivilege.USAGE, TablePrivilege.SELECT);
        OptionalLong value = context.sequenceValues().current(sequence.oid());
        if (value.isEmpty()) {
            throw new PgException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "currval of sequence \"" + sequence.name() + "\" is not yet defined in this session");
        }
        return value.getAsLong();
    }

    private Object lastval(SystemRelationContext context, Object[] arguments) {
        OptionalLong last = context.sequenceValues().lastUsed();
        OptionalLong value = last.isEmpty() || catalog.sequence(last.getAsLong()).isEmpty() ? OptionalLong.empty()
                : context.sequenceValues().current(last.getAsLong());
        if (value.isEmpty()) {
            throw new PgException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "lastval is not yet defined in this session");
        }
        require(context, catalog.sequence(last.getAsLong()).orElseThrow(), TablePrivilege.USAGE, TablePrivilege.SELECT);
        return value.getAsLong();
    }

    private Object setval(SystemRelationContext context, Object name, long value, boolean isCalled) {
        SequenceInfo sequence = sequence(context, name);
        require(context, sequence, TablePrivilege.UPDATE);
        context.transaction().setval(sequence.oid(), value, isCalled);
        if (isCalled) {
            context.sequenceValues().remember(sequence.oid(), value, false);
        }
        return value;
    }

    private Object serialSequence(SystemRelationContext context, String table, String column) {
        List<String> names = ObjectNames.parseNames(table);
        String schema = names.size() > 1 ? names.get(names.size() - 2)
                : schemaOf(context, names.getLast(), (path, name) -> catalog.table(path, name).isPresent());
        String tableName = names.getLast();
        Optional<TableInfo> found = catalog.table(schema, tableName);
        if (found.isEmpty()) {
            throw new PgException(SqlState.UNDEFINED_TABLE, "relation \"" + String.join(".", names) + "\" does not exist");
        }
        if (found.get().columnIndex(column) < 0) {
            throw new PgException(SqlState.UNDEFINED_COLUMN,
                    "column \"" + column + "\" of relation \"" + tableName + "\" does not exist");
        }
        for (SequenceInfo sequence : catalog.sequences(schema)) {
            if (sequence.owner() != null && sequence.owner().isOf(schema, tableName)
                    && sequence.owner().column().equals(column)) {
                return Identifiers.quote(schema) + "." + Identifiers.quote(sequence.name());
            }
        }
        return null;
    }

    /** Returns the first schema of the session's search path that has the relation; public when none has. */
    private String schemaOf(SystemRelationContext context, String name, BiPredicate<String, String> has) {
        for (String schema : SearchPaths.existing(context, catalog)) {
            if (has.test(schema, name)) {
                return schema;
            }
        }
        return Catalog.DEFAULT_SCHEMA;
    }

    /**
     * Throws 42501 unless the current role holds one of the privileges on the sequence, as
     * PostgreSQL's sequence functions check them: nextval USAGE or UPDATE, currval and lastval
     * USAGE or SELECT, setval UPDATE. Superusers hold all; a member holds what its roles hold.
     */
    private void require(SystemRelationContext context, SequenceInfo sequence, TablePrivilege... anyOf) {
        RoleInfo role = roles.role(context.currentUser()).orElse(null);
        if (role != null && role.superuser()) {
            return;
        }
        Set<Long> holders = role == null ? Set.of() : RoleGraph.of(roles).privilegesOf(role.oid());
        Set<TablePrivilege> held = roles.privileges(sequence.oid()).as(PrivilegeTarget.SEQUENCE).privilegesOf(holders);
        for (TablePrivilege privilege : anyOf) {
            if (held.contains(privilege)) {
                return;
            }
        }
        throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for sequence " + sequence.name());
    }

    /**
     * Throws 42501 unless the current role may use a schema it named a sequence in: superusers,
     * and roles holding USAGE on it, as PostgreSQL's LookupExplicitNamespace checks.
     */
    private void requireUsage(SystemRelationContext context, String schema) {
        RoleInfo role = roles.role(context.currentUser()).orElse(null);
        Optional<SchemaInfo> info = catalog.schema(schema);
        if (role != null && role.superuser() || info.isEmpty()) {
            return;
        }
        Set<Long> holders = RoleGraph.of(roles).privilegesOf(role == null ? 0 : role.oid());
        if (!RelationPrivileges.ofSchema(info.get(), roles.privileges(info.get().oid()).acl()).privilegesOf(holders)
                .contains(TablePrivilege.USAGE)) {
            throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for schema " + schema);
        }
    }

    /** Finds the sequence an argument names: a name as text, or an OID from a regclass cast. */
    private SequenceInfo sequence(SystemRelationContext context, Object argument) {
        if (argument instanceof Number oid) {
            Optional<SequenceInfo> byOid = catalog.sequence(oid.longValue());
            if (byOid.isPresent()) {
                return byOid.get();
            }
            throw new PgException(SqlState.UNDEFINED_TABLE, "could not open relation with OID " + oid);
        }
        List<String> names = ObjectNames.parseNames(argument.toString());
        if (names.size() > 3) {
            throw new PgException(SqlState.SYNTAX_ERROR,
                    "improper relation name (too many dotted names): " + String.join(".", names));
        }
        String schema = names.size() > 1 ? names.get(names.size() - 2)
                : schemaOf(context, names.getLast(), (path, name) -> catalog.sequence(path, name).isPresent());
        String name = names.getLast();
        if (names.size() > 1) {
            requireUsage(context, schema);
        }
        Optional<SequenceInfo> sequence = catalog.sequence(schema, name);
        if (sequence.isPresent()) {
            return sequence.get();
        }
        if (catalog.table(schema, name).isPresent()) {
            throw new PgException(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a sequence");
        }
        throw new PgException(SqlState.UNDEFINED_TABLE, "relation \"" + String.join(".", names) + "\" does not exist");
    }
}
