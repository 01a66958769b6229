package org.modgres.pgcatalog.impl;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.modgres.api.catalog.FunctionCatalog;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.AclItem;
import org.modgres.api.role.PrivilegeTarget;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleGraph;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.TablePrivilege;

/**
 * The functions of pg_proc by OID and signature, for the privileges kept on them: the
 * {@link FunctionCatalog} GRANT resolves names with, {@code proacl}, and has_function_privilege.
 * Every function here is in pg_catalog and belongs to the bootstrap superuser.
 */
final class FunctionAcls implements FunctionCatalog {

    private final CatalogSource source;

    FunctionAcls(CatalogSource source) {
        this.source = source;
    }

    @Override
    public List<Function> functions() {
        return ProcRows.functions(source.model("postgres")).stream().map(FunctionAcls::entry).toList();
    }

    @Override
    public Function resolve(List<String> name, List<String> argumentTypes) {
        return entry(find(source.model("postgres"), name, argumentTypes, false));
    }

    private static Function entry(BuiltinFunctions.Function function) {
        return new Function(function.oid(), function.name(), function.argumentTypes(), signature(function));
    }

    /** Returns a function's name and argument types as PostgreSQL's format_procedure prints them. */
    static String signature(BuiltinFunctions.Function function) {
        return function.name() + "(" + String.join(",", function.argumentTypes().stream()
                .map(type -> TypeNames.format(type, -1, false)).toList()) + ")";
    }

    /**
     * Finds a function by name and argument types, as GRANT (LookupFuncWithArgs) or, with
     * {@code asRegprocedure}, a regprocedure's input names it, with their messages.
     */
    private static BuiltinFunctions.Function find(CatalogModel model, List<String> name, List<String> argumentTypes,
                                                  boolean asRegprocedure) {
        String simple = name.getLast();
        boolean inCatalog = name.size() == 1 || name.size() == 2 && name.getFirst().equals("pg_catalog");
        List<BuiltinFunctions.Function> named = !inCatalog ? List.of() : ProcRows.functions(model).stream()
                .filter(function -> function.name().equals(simple)).toList();
        String written = String.join(".", name);
        if (argumentTypes == null) {
            if (named.isEmpty()) {
                throw new PgException(SqlState.UNDEFINED_FUNCTION, "could not find a function named \"" + written
                        + "\"");
            }
            if (named.size() > 1) {
                throw new PgException(SqlState.AMBIGUOUS_FUNCTION, Severity.ERROR, "function name \"" + written
                        + "\" is not unique", null,
                        "Specify the argument list to select the function unambiguously.", 0, null);
            }
            return named.getFirst();
        }
        List<Long> types = new ArrayList<>();
        for (String type : argumentTypes) {
            types.add(ObjectNames.regtypeIn(type));
        }
        for (BuiltinFunctions.Function function : named) {
            if (function.argumentTypes().equals(types)) {
                return function;
            }
        }
        String signature = written + "(" + String.join(", ", types.stream()
                .map(type -> TypeNames.format(type, -1, false)).toList()) + ")";
        throw new PgException(SqlState.UNDEFINED_FUNCTION, asRegprocedure
                ? "function \"" + signature + "\" does not exist" : "function " + signature + " does not exist");
    }

    /** Returns the proacl of a function: null while its list was never changed. */
    static List<String> acl(CatalogModel model, long function) {
        RelationPrivileges kept = model.roles().functionPrivileges().get(function);
        return kept == null || kept.acl() == null ? null
                : kept.acl().stream().map(item -> item.text(role -> Roles.name(model.roles(), role))).toList();
    }

    /** {@code has_function_privilege([role,] function, privileges)}: the function by OID or as {@code name(types)}. */
    static Boolean hasFunctionPrivilege(CatalogModel model, String currentUser, Object role, Object function,
                                        String privileges) {
        RoleCatalog roles = model.roles();
        long roleOid = role == null ? TableAcls.roleOid(roles, currentUser) : TableAcls.roleOid(roles, role);
        Set<TablePrivilege> wanted = EnumSet.noneOf(TablePrivilege.class);
        Set<TablePrivilege> wantedWithOption = EnumSet.noneOf(TablePrivilege.class);
        TableAcls.parse(privileges, wanted, wantedWithOption, PrivilegeTarget.FUNCTION.privileges());
        long oid;
        if (function instanceof Number number) {
            oid = number.longValue();
            if (ProcRows.functions(model).stream().noneMatch(f -> f.oid() == oid)) {
                return null;
            }
        } else {
            oid = regprocedure(model, function.toString()).oid();
        }
        if (roles.role(roleOid).map(RoleInfo::superuser).orElse(false)) {
            return true;
        }
        RelationPrivileges kept = roles.functionPrivileges().get(oid);
        RelationPrivileges acl = RelationPrivileges.ofFunction(oid, kept == null ? null : kept.acl());
        Set<Long> holders = roleOid == AclItem.PUBLIC ? Set.of(roleOid) : RoleGraph.of(roles).privilegesOf(roleOid);
        Set<TablePrivilege> held = acl.privilegesOf(holders);
        Set<TablePrivilege> options = acl.grantOptionsOf(holders);
        return wanted.stream().anyMatch(held::contains) || wantedWithOption.stream().anyMatch(options::contains);
    }

    /** Reads {@code name(type, ...)} as regprocedure's input does. */
    private static BuiltinFunctions.Function regprocedure(CatalogModel model, String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0) {
            throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION, "expected a left parenthesis");
        }
        if (close < open) {
            throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION, "expected a right parenthesis");
        }
        List<String> types = new ArrayList<>();
        String inner = text.substring(open + 1, close).strip();
        if (!inner.isEmpty()) {
            int depth = 0;
            int from = 0;
            for (int i = 0; i <= inner.length(); i++) {
                char c = i < inner.length() ? inner.charAt(i) : ',';
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (c == ',' && depth == 0) {
                    types.add(inner.substring(from, i).strip().replaceAll("\\s+", " "));
                    from = i + 1;
                }
            }
        }
        return find(model, ObjectNames.parseNames(text.substring(0, open)), types, true);
    }
}
