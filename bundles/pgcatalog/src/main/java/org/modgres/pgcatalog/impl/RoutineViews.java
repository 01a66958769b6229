package org.modgres.pgcatalog.impl;

import java.util.List;

import org.modgres.api.catalog.SystemRelation;

/**
 * information_schema.routines and information_schema.parameters: a row per function pg_proc
 * lists and a row per argument of each. All are built-in functions of pg_catalog written in
 * internal code, so the columns about SQL bodies, casts and locators stay NULL as PostgreSQL
 * leaves them for such functions.
 */
final class RoutineViews {

    private static final String SCHEMA = "information_schema";

    private RoutineViews() {
    }

    static List<SystemRelation> all(CatalogSource source) {
        return List.of(
                new CatalogRelation(source, SCHEMA, "routines", 13377, true, "specific_catalog sql_identifier, "
                        + "specific_schema sql_identifier, specific_name sql_identifier, "
                        + "routine_catalog sql_identifier, routine_schema sql_identifier, "
                        + "routine_name sql_identifier, routine_type character_data, module_catalog sql_identifier, "
                        + "module_schema sql_identifier, module_name sql_identifier, udt_catalog sql_identifier, "
                        + "udt_schema sql_identifier, udt_name sql_identifier, data_type character_data, "
                        + "character_maximum_length cardinal_number, character_octet_length cardinal_number, "
                        + "character_set_catalog sql_identifier, character_set_schema sql_identifier, "
                        + "character_set_name sql_identifier, collation_catalog sql_identifier, "
                        + "collation_schema sql_identifier, collation_name sql_identifier, "
                        + "numeric_precision cardinal_number, numeric_precision_radix cardinal_number, "
                        + "numeric_scale cardinal_number, datetime_precision cardinal_number, "
                        + "interval_type character_data, interval_precision cardinal_number, "
                        + "type_udt_catalog sql_identifier, type_udt_schema sql_identifier, "
                        + "type_udt_name sql_identifier, scope_catalog sql_identifier, scope_schema sql_identifier, "
                        + "scope_name sql_identifier, maximum_cardinality cardinal_number, "
                        + "dtd_identifier sql_identifier, routine_body character_data, "
                        + "routine_definition character_data, external_name character_data, "
                        + "external_language character_data, parameter_style character_data, "
                        + "is_deterministic yes_or_no, sql_data_access character_data, is_null_call yes_or_no, "
                        + "sql_path character_data, schema_level_routine yes_or_no, "
                        + "max_dynamic_result_sets cardinal_number, is_user_defined_cast yes_or_no, "
                        + "is_implicitly_invocable yes_or_no, security_type character_data, "
                        + "to_sql_specific_catalog sql_identifier, to_sql_specific_schema sql_identifier, "
                        + "to_sql_specific_name sql_identifier, as_locator yes_or_no, created time_stamp, "
                        + "last_altered time_stamp, new_savepoint_level yes_or_no, is_udt_dependent yes_or_no, "
                        + "result_cast_from_data_type character_data, result_cast_as_locator yes_or_no, "
                        + "result_cast_char_max_length cardinal_number, result_cast_char_octet_length cardinal_number, "
                        + "result_cast_char_set_catalog sql_identifier, result_cast_char_set_schema sql_identifier, "
                        + "result_cast_char_set_name sql_identifier, result_cast_collation_catalog sql_identifier, "
                        + "result_cast_collation_schema sql_identifier, result_cast_collation_name sql_identifier, "
                        + "result_cast_numeric_precision cardinal_number, "
                        + "result_cast_numeric_precision_radix cardinal_number, "
                        + "result_cast_numeric_scale cardinal_number, result_cast_datetime_precision cardinal_number, "
                        + "result_cast_interval_type character_data, result_cast_interval_precision cardinal_number, "
                        + "result_cast_type_udt_catalog sql_identifier, result_cast_type_udt_schema sql_identifier, "
                        + "result_cast_type_udt_name sql_identifier, result_cast_scope_catalog sql_identifier, "
                        + "result_cast_scope_schema sql_identifier, result_cast_scope_name sql_identifier, "
                        + "result_cast_maximum_cardinality cardinal_number, result_cast_dtd_identifier sql_identifier",
                        (model, context, rows) -> {
                            for (BuiltinFunctions.Function function : ProcRows.functions(model)) {
                                rows.add().set("specific_catalog", model.database())
                                        .set("specific_schema", "pg_catalog").set("specific_name", specificName(function))
                                        .set("routine_catalog", model.database()).set("routine_schema", "pg_catalog")
                                        .set("routine_name", function.name())
                                        .set("routine_type", function.kind().equals("f") ? "FUNCTION" : null)
                                        .set("data_type", dataType(function.resultType()))
                                        .set("type_udt_catalog", model.database()).set("type_udt_schema", "pg_catalog")
                                        .set("type_udt_name", udtName(function.resultType()))
                                        .set("dtd_identifier", "0").set("routine_body", "EXTERNAL")
                                        .set("routine_definition", function.source())
                                        .set("external_language", "INTERNAL").set("parameter_style", "GENERAL")
                                        .set("is_deterministic", function.volatility().equals("i") ? "YES" : "NO")
                                        .set("sql_data_access", "MODIFIES")
                                        .set("is_null_call", function.strict() ? "YES" : "NO")
                                        .set("schema_level_routine", "YES").set("max_dynamic_result_sets", 0)
                                        .set("security_type", "INVOKER").set("as_locator", "NO")
                                        .set("is_udt_dependent", "NO");
                            }
                        }),
                new CatalogRelation(source, SCHEMA, "parameters", 13334, true, "specific_catalog sql_identifier, "
                        + "specific_schema sql_identifier, specific_name sql_identifier, "
                        + "ordinal_position cardinal_number, parameter_mode character_data, is_result yes_or_no, "
                        + "as_locator yes_or_no, parameter_name sql_identifier, data_type character_data, "
                        + "character_maximum_length cardinal_number, character_octet_length cardinal_number, "
                        + "character_set_catalog sql_identifier, character_set_schema sql_identifier, "
                        + "character_set_name sql_identifier, collation_catalog sql_identifier, "
                        + "collation_schema sql_identifier, collation_name sql_identifier, "
                        + "numeric_precision cardinal_number, numeric_precision_radix cardinal_number, "
                        + "numeric_scale cardinal_number, datetime_precision cardinal_number, "
                        + "interval_type character_data, interval_precision cardinal_number, "
                        + "udt_catalog sql_identifier, udt_schema sql_identifier, udt_name sql_identifier, "
                        + "scope_catalog sql_identifier, scope_schema sql_identifier, scope_name sql_identifier, "
                        + "maximum_cardinality cardinal_number, dtd_identifier sql_identifier, "
                        + "parameter_default character_data", (model, context, rows) -> {
                            for (BuiltinFunctions.Function function : ProcRows.functions(model)) {
                                List<Long> arguments = function.argumentTypes();
                                for (int i = 0; i < arguments.size(); i++) {
                                    rows.add().set("specific_catalog", model.database())
                                            .set("specific_schema", "pg_catalog")
                                            .set("specific_name", specificName(function)).set("ordinal_position", i + 1)
                                            .set("parameter_mode", "IN").set("is_result", "NO").set("as_locator", "NO")
                                            .set("data_type", dataType(arguments.get(i)))
                                            .set("udt_catalog", model.database()).set("udt_schema", "pg_catalog")
                                            .set("udt_name", udtName(arguments.get(i)))
                                            .set("dtd_identifier", Integer.toString(i + 1));
                                }
                            }
                        }));
    }

    /** PostgreSQL's specific name of a function: its name and OID, which tell overloads apart. */
    private static String specificName(BuiltinFunctions.Function function) {
        return function.name() + "_" + function.oid();
    }

    /** information_schema's data_type: ARRAY for an array type, format_type's name for the others. */
    static String dataType(long typeOid) {
        BuiltinTypes.Type type = BuiltinTypes.byOid(typeOid);
        if (type != null && type.isArray()) {
            return "ARRAY";
        }
        return TypeNames.format(typeOid, -1, false);
    }

    private static String udtName(long typeOid) {
        BuiltinTypes.Type type = BuiltinTypes.byOid(typeOid);
        if (type != null) {
            return type.name();
        }
        String name = TypeNames.format(typeOid, -1, false);
        return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }
}
