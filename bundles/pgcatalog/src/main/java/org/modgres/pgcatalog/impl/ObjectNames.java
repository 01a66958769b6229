package org.modgres.pgcatalog.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.RoleCatalog;

/**
 * The object identifier types' input and output: {@code 't'::regclass} finds a relation by a name
 * as SQL writes it (quoted or not, qualified or found through the search path) or by its OID in
 * digits; {@code oid::regclass} prints the name, qualified when the search path would not find it.
 */
final class ObjectNames {

    private ObjectNames() {
    }

    static long regclassIn(CatalogModel model, String text) {
        if (isOid(text)) {
            return Long.parseLong(text.strip());
        }
        List<String> names = parseNames(text);
        CatalogModel.Relation relation = names.size() == 1 ? model.visibleRelation(names.get(0))
                : names.size() == 2 ? model.relation(names.get(0), names.get(1)) : null;
        if (relation == null) {
            throw new PgException(SqlState.UNDEFINED_TABLE,
                    "relation \"" + String.join(".", names) + "\" does not exist");
        }
        return relation.oid();
    }

    static String regclassOut(CatalogModel model, long oid) {
        if (oid == 0) {
            return "-";
        }
        CatalogModel.Relation relation = model.relation(oid);
        if (relation == null) {
            return Long.toString(oid);
        }
        String name = Identifiers.quote(relation.name());
        return model.isVisible(relation) ? name : Identifiers.quote(relation.schema()) + "." + name;
    }

    static long regtypeIn(String text) {
        if (isOid(text)) {
            return Long.parseLong(text.strip());
        }
        String name = text.strip();
        if (name.startsWith("pg_catalog.")) {
            name = name.substring("pg_catalog.".length());
        }
        String lower = name.startsWith("\"") ? name.substring(1, name.length() - 1) : name.toLowerCase(Locale.ROOT);
        for (BuiltinTypes.Type type : BuiltinTypes.all()) {
            if (type.name().equals(lower) || TypeNames.format(type.oid(), -1, false).equals(lower)) {
                return type.oid();
            }
        }
        return switch (lower) {
            case "int", "integer" -> 23;
            case "smallint" -> 21;
            case "bigint" -> 20;
            case "character", "char" -> 1042;
            case "timestamptz" -> 1184;
            default -> throw new PgException(SqlState.UNDEFINED_OBJECT, "type \"" + name + "\" does not exist");
        };
    }

    static String regtypeOut(long oid) {
        return BuiltinTypes.byOid(oid) == null ? Long.toString(oid) : TypeNames.format(oid, -1, false);
    }

    static long regnamespaceIn(String text) {
        if (isOid(text)) {
            return Long.parseLong(text.strip());
        }
        List<String> names = parseNames(text);
        long oid = names.size() == 1 ? CatalogModel.namespaceOid(names.get(0)) : 0;
        if (oid == 0) {
            throw new PgException(SqlState.INVALID_SCHEMA_NAME,
                    "schema \"" + String.join(".", names) + "\" does not exist");
        }
        return oid;
    }

    static String regnamespaceOut(long oid) {
        String name = CatalogModel.namespaceName(oid);
        return name == null ? Long.toString(oid) : Identifiers.quote(name);
    }

    static long regroleIn(RoleCatalog roles, String text) {
        if (isOid(text)) {
            return Long.parseLong(text.strip());
        }
        List<String> names = parseNames(text);
        long oid = names.size() == 1 ? Roles.oid(roles, names.get(0)) : -1;
        if (oid < 0) {
            throw new PgException(SqlState.UNDEFINED_OBJECT, "role \"" + String.join(".", names) + "\" does not exist");
        }
        return oid;
    }

    static String regroleOut(RoleCatalog roles, long oid) {
        String name = Roles.name(roles, oid);
        return name == null ? Long.toString(oid) : Identifiers.quote(name);
    }

    /**
     * {@code 'name'::regproc}: the catalogs here keep a regproc as the function's name (pg_type's
     * typinput and the like), so this checks that the name stands for exactly one function and
     * returns the name. Besides the functions pg_proc lists, the type support functions pg_type
     * names count, which clients compare with ({@code typinput = 'array_in'::regproc}).
     */
    static String regprocIn(CatalogModel model, String text) {
        if (isOid(text)) {
            return regprocOut(model, Long.parseLong(text.strip()));
        }
        List<String> names = parseNames(text);
        String name = names.get(names.size() - 1);
        List<Long> found = functionOids(model, text, names);
        if (found.isEmpty() && inCatalog(names) && isTypeSupportFunction(name)) {
            return name;
        }
        return regprocOut(model, one(text, found));
    }

    /** {@code 'name'::regproc::oid}: the pg_proc OID of the one function with that name. */
    static long regprocOid(CatalogModel model, String text) {
        if (isOid(text)) {
            return Long.parseLong(text.strip());
        }
        return one(text, functionOids(model, text, parseNames(text)));
    }

    private static List<Long> functionOids(CatalogModel model, String text, List<String> names) {
        String name = names.get(names.size() - 1);
        return !inCatalog(names) ? List.of() : ProcRows.functions(model).stream()
                .filter(f -> f.name().equals(name)).map(BuiltinFunctions.Function::oid).toList();
    }

    /** Every function here is in pg_catalog, which every search path includes. */
    private static boolean inCatalog(List<String> names) {
        return names.size() == 1 || names.size() == 2 && names.get(0).equals("pg_catalog");
    }

    private static long one(String text, List<Long> found) {
        if (found.isEmpty()) {
            throw new PgException(SqlState.UNDEFINED_FUNCTION, "function \"" + text + "\" does not exist");
        }
        if (found.size() > 1) {
            throw new PgException(SqlState.AMBIGUOUS_FUNCTION, "more than one function named \"" + text + "\"");
        }
        return found.get(0);
    }

    private static boolean isTypeSupportFunction(String name) {
        return BuiltinTypes.all().stream().anyMatch(t -> List.of(t.input(), t.output(), t.receive(), t.send(),
                t.modifierInput(), t.modifierOutput(), t.subscript()).contains(name));
    }

    /** Prints a regproc: the name for an OID, or the name a regproc already is. */
    static String regprocOut(CatalogModel model, Object value) {
        return value instanceof Number oid ? regprocOut(model, oid.longValue()) : value.toString();
    }

    /** Returns a function's name for a regprocedure, which stands for the name in Modgres's catalogs. */
    static String regprocedureIn(String text) {
        List<String> names = parseNames(text);
        return names.get(names.size() - 1);
    }

    static String regprocOut(CatalogModel model, long oid) {
        if (oid == 0) {
            return "-";
        }
        for (BuiltinFunctions.Function function : ProcRows.functions(model)) {
            if (function.oid() == oid) {
                return function.name();
            }
        }
        return Long.toString(oid);
    }

    private static boolean isOid(String text) {
        String s = text.strip();
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    /** Splits {@code schema.name} at dots outside quotes; unquoted parts are folded to lower case. */
    static List<String> parseNames(String text) {
        List<String> names = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        String s = text.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    part.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == '.') {
                names.add(part.toString());
                part.setLength(0);
                wasQuoted = false;
            } else {
                part.append(wasQuoted ? c : Character.toLowerCase(c));
            }
        }
        if (quoted) {
            throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid name syntax");
        }
        names.add(part.toString());
        return names;
    }
}
