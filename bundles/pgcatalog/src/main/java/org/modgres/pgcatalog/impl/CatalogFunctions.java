package org.modgres.pgcatalog.impl;

import static org.modgres.api.type.PgType.BOOL;
import static org.modgres.api.type.PgType.INT4;
import static org.modgres.api.type.PgType.INT8;
import static org.modgres.api.type.PgType.NAME;
import static org.modgres.api.type.PgType.NAME_ARRAY;
import static org.modgres.api.type.PgType.OID;
import static org.modgres.api.type.PgType.TEXT;
import static org.modgres.api.type.PgType.UNKNOWN;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.Catalog;
import org.modgres.api.type.PgType;

/**
 * The functions of the system catalogs that clients' metadata queries call: names and visibility
 * of objects, definitions of indexes and constraints, sizes, privileges (those on tables and
 * role membership as the storage keeps them, all others granted), comments (there are none) and
 * the session's database and schemas.
 */
final class CatalogFunctions {

    private final CatalogSource source;
    private final List<SystemFunction> functions = new ArrayList<>();

    private CatalogFunctions(CatalogSource source) {
        this.source = source;
    }

    static List<SystemFunction> all(CatalogSource source) {
        CatalogFunctions f = new CatalogFunctions(source);
        f.session();
        f.names();
        f.definitions();
        f.objectIdentifiers();
        f.privilegesAndComments();
        f.sizes();
        return List.copyOf(f.functions);
    }

    private void session() {
        add("current_database", List.of(), NAME, (call, a) -> call.context().databaseName());
        add("current_schemas", List.of(BOOL), NAME_ARRAY, (call, a) -> call.model().searchPath((Boolean) a[0]));
        add("pg_backend_pid", List.of(), INT4, (call, a) -> call.context().processId());
        add("current_setting", List.of(TEXT), TEXT, (call, a) -> setting(call, (String) a[0], false));
        add("current_setting", List.of(TEXT, BOOL), TEXT, (call, a) -> setting(call, (String) a[0], (Boolean) a[1]));
        add("pg_encoding_to_char", List.of(INT4), NAME, (call, a) -> switch ((Integer) a[0]) {
            case 0 -> "SQL_ASCII";
            case ObjectIds.UTF8 -> "UTF8";
            default -> "";
        });
        add("pg_is_in_recovery", List.of(), BOOL, (call, a) -> false);
        add("pg_tablespace_location", List.of(OID), TEXT, (call, a) -> "");
    }

    private void names() {
        addLenient("format_type", List.of(OID, INT4), TEXT, (call, a) -> a[0] == null ? null
                : TypeNames.format((Long) a[0], a[1] == null ? -1 : (Integer) a[1], a[1] != null));
        add("pg_get_userbyid", List.of(OID), NAME, (call, a) -> {
            String name = Roles.name(call.model().roles(), (Long) a[0]);
            return name != null ? name : "unknown (OID=" + a[0] + ")";
        });
        add("pg_table_is_visible", List.of(OID), BOOL, (call, a) -> {
            CatalogModel.Relation relation = call.model().relation((Long) a[0]);
            return relation == null ? null : call.model().isVisible(relation);
        });
        add("pg_type_is_visible", List.of(OID), BOOL, (call, a) -> BuiltinTypes.byOid((Long) a[0]) == null ? null : true);
        add("pg_function_is_visible", List.of(OID), BOOL, (call, a) -> true);
        add("quote_ident", List.of(TEXT), TEXT, (call, a) -> Identifiers.quote((String) a[0]));
        add("quote_literal", List.of(TEXT), TEXT, (call, a) -> Identifiers.literal((String) a[0]));
        addLenient("quote_nullable", List.of(TEXT), TEXT,
                (call, a) -> a[0] == null ? "NULL" : Identifiers.literal((String) a[0]));
    }

    private void definitions() {
        add("pg_get_indexdef", List.of(OID), TEXT, (call, a) -> indexDefinition(call, (Long) a[0], 0, false));
        add("pg_get_indexdef", List.of(OID, INT4, BOOL), TEXT,
                (call, a) -> indexDefinition(call, (Long) a[0], (Integer) a[1], (Boolean) a[2]));
        add("pg_get_constraintdef", List.of(OID), TEXT,
                (call, a) -> ConstraintCatalog.definition(call.model(), (Long) a[0], false));
        add("pg_get_constraintdef", List.of(OID, BOOL), TEXT,
                (call, a) -> ConstraintCatalog.definition(call.model(), (Long) a[0], (Boolean) a[1]));
        // the only expressions kept are column defaults, whose pg_attrdef.adbin is the text itself
        add("pg_get_expr", List.of(TEXT, OID), TEXT, (call, a) -> a[0]);
        add("pg_get_expr", List.of(TEXT, OID, BOOL), TEXT, (call, a) -> a[0]);
        add("pg_get_triggerdef", List.of(OID, BOOL), TEXT, (call, a) -> null);
        add("pg_get_ruledef", List.of(OID), TEXT, (call, a) -> null);
        add("pg_get_ruledef", List.of(OID, BOOL), TEXT, (call, a) -> null);
        // no table is a partition, so none has ancestors; PostgreSQL returns no rows, this a NULL
        add("pg_partition_ancestors", List.of(OID), OID, (call, a) -> null);
        add("pg_get_viewdef", List.of(OID), TEXT,
                (call, a) -> ViewDefinitionText.of(call.model().relation((Long) a[0]), false));
        add("pg_get_viewdef", List.of(OID, BOOL), TEXT,
                (call, a) -> ViewDefinitionText.of(call.model().relation((Long) a[0]), (Boolean) a[1]));
        add("pg_get_viewdef", List.of(OID, INT4), TEXT,
                (call, a) -> ViewDefinitionText.of(call.model().relation((Long) a[0]), true));
        add("pg_get_statisticsobjdef_columns", List.of(OID), TEXT, (call, a) -> null);
        add("pg_relation_is_publishable", List.of(OID), BOOL, (call, a) -> {
            CatalogModel.Relation relation = call.model().relation((Long) a[0]);
            return relation != null && relation.table() != null && !relation.isIndex();
        });
        add("pg_get_function_result", List.of(OID), TEXT, (call, a) -> {
            BuiltinFunctions.Function function = function(call, (Long) a[0]);
            return function == null ? null
                    : (function.returnsSet() ? "SETOF " : "") + TypeNames.format(function.resultType(), -1, false);
        });
        // no function here has a SQL-standard body, which is all this prints
        add("pg_get_function_sqlbody", List.of(OID), TEXT, (call, a) -> null);
        add("pg_get_function_arguments", List.of(OID), TEXT, (call, a) -> {
            BuiltinFunctions.Function function = function(call, (Long) a[0]);
            return function == null ? null : String.join(", ",
                    function.argumentTypes().stream().map(t -> TypeNames.format(t, -1, false)).toList());
        });
    }

    private void objectIdentifiers() {
        add("regclassin", List.of(TEXT), OID, (call, a) -> ObjectNames.regclassIn(call.model(), (String) a[0]));
        add("regclassout", List.of(OID), TEXT, (call, a) -> ObjectNames.regclassOut(call.model(), (Long) a[0]));
        add("to_regclass", List.of(TEXT), OID, (call, a) -> {
            try {
                return ObjectNames.regclassIn(call.model(), (String) a[0]);
            } catch (org.modgres.api.error.PgException e) {
                return null;
            }
        });
        add("regtypein", List.of(TEXT), OID, (call, a) -> ObjectNames.regtypeIn((String) a[0]));
        add("regtypeout", List.of(OID), TEXT, (call, a) -> ObjectNames.regtypeOut((Long) a[0]));
        add("regnamespacein", List.of(TEXT), OID, (call, a) -> ObjectNames.regnamespaceIn((String) a[0]));
        add("regnamespaceout", List.of(OID), TEXT, (call, a) -> ObjectNames.regnamespaceOut((Long) a[0]));
        add("regrolein", List.of(TEXT), OID, (call, a) -> ObjectNames.regroleIn(call.model().roles(), (String) a[0]));
        add("regroleout", List.of(OID), TEXT, (call, a) -> ObjectNames.regroleOut(call.model().roles(), (Long) a[0]));
        add("regprocin", List.of(TEXT), NAME, (call, a) -> ObjectNames.regprocIn(call.model(), (String) a[0]));
        // the planner reads 'f'::regproc::oid as regprocoid('f')
        add("regprocoid", List.of(TEXT), OID, (call, a) -> ObjectNames.regprocOid(call.model(), (String) a[0]));
        add("regprocout", List.of(UNKNOWN), TEXT, (call, a) -> ObjectNames.regprocOut(call.model(), a[0]));
        add("regprocedurein", List.of(TEXT), NAME, (call, a) -> ObjectNames.regprocedureIn((String) a[0]));
        add("regprocedureout", List.of(OID), TEXT, (call, a) -> ObjectNames.regprocOut(call.model(), (Long) a[0]));
    }

    private void privilegesAndComments() {
        add("has_table_privilege", List.of(UNKNOWN, TEXT), BOOL, (call, a) -> TableAcls.hasTablePrivilege(
                call.model(), call.context().currentUser(), null, a[0], (String) a[1]));
        add("has_table_privilege", List.of(UNKNOWN, UNKNOWN, TEXT), BOOL, (call, a) -> TableAcls.hasTablePrivilege(
                call.model(), call.context().currentUser(), a[0], a[1], (String) a[2]));
        add("has_schema_privilege", List.of(UNKNOWN, TEXT), BOOL, (call, a) -> TableAcls.hasSchemaPrivilege(
                call.model(), call.context().currentUser(), null, a[0], (String) a[1]));
        add("has_schema_privilege", List.of(UNKNOWN, UNKNOWN, TEXT), BOOL, (call, a) -> TableAcls.hasSchemaPrivilege(
                call.model(), call.context().currentUser(), a[0], a[1], (String) a[2]));
        add("has_sequence_privilege", List.of(UNKNOWN, TEXT), BOOL, (call, a) -> TableAcls.hasSequencePrivilege(
                call.model(), call.context().currentUser(), null, a[0], (String) a[1]));
        add("has_sequence_privilege", List.of(UNKNOWN, UNKNOWN, TEXT), BOOL, (call, a) ->
                TableAcls.hasSequencePrivilege(call.model(), call.context().currentUser(), a[0], a[1], (String) a[2]));
        add("has_database_privilege", List.of(UNKNOWN, TEXT), BOOL, (call, a) -> TableAcls.hasDatabasePrivilege(
                call.model(), call.context().currentUser(), null, a[0], (String) a[1]));
        add("has_database_privilege", List.of(UNKNOWN, UNKNOWN, TEXT), BOOL, (call, a) ->
                TableAcls.hasDatabasePrivilege(call.model(), call.context().currentUser(), a[0], a[1], (String) a[2]));
        add("has_function_privilege", List.of(UNKNOWN, TEXT), BOOL, (call, a) -> FunctionAcls.hasFunctionPrivilege(
                call.model(), call.context().currentUser(), null, a[0], (String) a[1]));
        add("has_function_privilege", List.of(UNKNOWN, UNKNOWN, TEXT), BOOL, (call, a) ->
                FunctionAcls.hasFunctionPrivilege(call.model(), call.context().currentUser(), a[0], a[1],
                        (String) a[2]));
        add("has_tablespace_privilege", List.of(UNKNOWN, UNKNOWN), BOOL, (call, a) -> true);
        add("has_tablespace_privilege", List.of(UNKNOWN, UNKNOWN, UNKNOWN), BOOL, (call, a) -> true);
        add("has_column_privilege", List.of(UNKNOWN, UNKNOWN, TEXT), BOOL, (call, a) -> TableAcls.hasColumnPrivilege(
                call.model(), call.context().currentUser(), null, a[0], a[1], (String) a[2]));
        add("has_column_privilege", List.of(UNKNOWN, UNKNOWN, UNKNOWN, TEXT), BOOL, (call, a) ->
                TableAcls.hasColumnPrivilege(call.model(), call.context().currentUser(), a[0], a[1], a[2], (String) a[3]));
        add("has_any_column_privilege", List.of(UNKNOWN, TEXT), BOOL, (call, a) -> TableAcls.hasAnyColumnPrivilege(
                call.model(), call.context().currentUser(), null, a[0], (String) a[1]));
        add("has_any_column_privilege", List.of(UNKNOWN, UNKNOWN, TEXT), BOOL, (call, a) ->
                TableAcls.hasAnyColumnPrivilege(call.model(), call.context().currentUser(), a[0], a[1], (String) a[2]));
        add("pg_has_role", List.of(UNKNOWN, TEXT), BOOL, (call, a) -> RoleMemberships.hasRole(
                call.model().roles(), call.context().currentUser(), a[0], (String) a[1]));
        add("pg_has_role", List.of(UNKNOWN, UNKNOWN, TEXT), BOOL, (call, a) -> RoleMemberships.hasRole(
                call.model().roles(), a[0], a[1], (String) a[2]));
        add("obj_description", List.of(OID), TEXT,
                (call, a) -> Descriptions.of(call.model(), (Long) a[0], null, 0));
        add("obj_description", List.of(OID, NAME), TEXT,
                (call, a) -> Descriptions.of(call.model(), (Long) a[0], (String) a[1], 0));
        add("col_description", List.of(OID, INT4), TEXT,
                (call, a) -> (Integer) a[1] > 0 ? Descriptions.of(call.model(), (Long) a[0], "pg_class", (Integer) a[1]) : null);
        add("shobj_description", List.of(OID, NAME), TEXT, (call, a) -> null);
    }

    /** The size functions take a regclass: an OID, or a name as {@code 'tbl'::regclass} reads it. */
    private void sizes() {
        add("pg_relation_size", List.of(UNKNOWN), INT8, (call, a) -> size(call, relation(call, a[0]), true, false));
        add("pg_relation_size", List.of(UNKNOWN, TEXT), INT8, (call, a) -> "main".equals(a[1])
                ? size(call, relation(call, a[0]), true, false) : (Object) 0L);
        add("pg_table_size", List.of(UNKNOWN), INT8, (call, a) -> size(call, relation(call, a[0]), true, false));
        add("pg_indexes_size", List.of(UNKNOWN), INT8, (call, a) -> size(call, relation(call, a[0]), false, true));
        add("pg_total_relation_size", List.of(UNKNOWN), INT8,
                (call, a) -> size(call, relation(call, a[0]), true, true));
        add("pg_size_pretty", List.of(INT8), TEXT, (call, a) -> Sizes.pretty((Long) a[0]));
    }

    /** Returns a run-time parameter of the session, as SHOW shows it. */
    private static String setting(CatalogFunction.Call call, String name, boolean missingOk) {
        String value = call.context().settings().get(name.toLowerCase(Locale.ROOT));
        if (value == null && !missingOk) {
            throw new PgException(SqlState.UNDEFINED_OBJECT,
                    "unrecognized configuration parameter \"" + name + "\"");
        }
        return value;
    }

    /** Returns the OID a regclass argument stands for: a number, or a relation's name. */
    private static long relation(CatalogFunction.Call call, Object argument) {
        return argument instanceof Number number ? number.longValue()
                : ObjectNames.regclassIn(call.model(), argument.toString());
    }

    private static Object indexDefinition(CatalogFunction.Call call, long oid, int column, boolean pretty) {
        CatalogModel.Relation index = call.model().relation(oid);
        if (index == null || !index.isIndex()) {
            return null;
        }
        return column == 0 ? Definitions.indexDefinition(call.model(), index, pretty)
                : Definitions.indexColumn(index, column);
    }

    /** Returns the size of a relation's heap, its indexes or both; an index's own size for an index. */
    private static Object size(CatalogFunction.Call call, long oid, boolean heap, boolean indexes) {
        CatalogModel.Relation relation = call.model().relation(oid);
        if (relation == null) {
            return null;
        }
        if (relation.table() == null) {
            return 0L;
        }
        if (relation.isIndex()) {
            return Sizes.index(relation.table(), call.context());
        }
        return (heap ? Sizes.table(relation.table(), call.context()) : 0)
                + (indexes ? Sizes.index(relation.table(), call.context()) : 0);
    }

    private static BuiltinFunctions.Function function(CatalogFunction.Call call, long oid) {
        for (BuiltinFunctions.Function function : ProcRows.functions(call.model())) {
            if (function.oid() == oid) {
                return function;
            }
        }
        return null;
    }

    private void add(String name, List<PgType> parameters, PgType result, CatalogFunction.Body body) {
        functions.add(new CatalogFunction(source, name, parameters, result, true, body));
    }

    /** Adds a function that is called with NULL arguments too. */
    private void addLenient(String name, List<PgType> parameters, PgType result, CatalogFunction.Body body) {
        functions.add(new CatalogFunction(source, name, parameters, result, false, body));
    }
}
