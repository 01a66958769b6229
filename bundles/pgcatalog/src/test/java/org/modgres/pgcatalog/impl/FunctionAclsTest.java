package org.modgres.pgcatalog.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.modgres.api.catalog.FunctionCatalog;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.AclItem;
import org.modgres.api.role.PrivilegeTarget;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.storage.Transaction;

/**
 * Functions found by signature as GRANT and regprocedure find them, with PostgreSQL 15's errors;
 * proacl and has_function_privilege show what the storage keeps, PUBLIC's EXECUTE by default.
 */
class FunctionAclsTest {

    private final CatalogHarness harness = new CatalogHarness();
    private final RoleCatalog roles = (RoleCatalog) harness.storage;
    private final FunctionCatalog functions = new FunctionAcls(harness.source);

    @Test
    void functions_are_found_by_name_and_argument_types() {
        assertEquals(new FunctionCatalog.Function(1299, "now", List.of(), "now()"),
                functions.resolve(List.of("now"), List.of()));
        assertEquals(871, functions.resolve(List.of("pg_catalog", "upper"), List.of("text")).oid());
        assertEquals("abs(integer)", functions.resolve(List.of("abs"), List.of("integer")).signature());
        assertEquals(1299, functions.resolve(List.of("now"), null).oid());
        PgException ambiguous = assertThrows(PgException.class, () -> functions.resolve(List.of("abs"), null));
        assertEquals(SqlState.AMBIGUOUS_FUNCTION, ambiguous.sqlState());
        assertEquals("function name \"abs\" is not unique", ambiguous.getMessage());
        assertEquals("Specify the argument list to select the function unambiguously.", ambiguous.hint());
        PgException missing = assertThrows(PgException.class, () -> functions.resolve(List.of("upper"),
                List.of("integer")));
        assertEquals(SqlState.UNDEFINED_FUNCTION, missing.sqlState());
        assertEquals("function upper(integer) does not exist", missing.getMessage());
        assertEquals("could not find a function named \"nosuch\"", assertThrows(PgException.class,
                () -> functions.resolve(List.of("nosuch"), null)).getMessage());
        assertEquals("type \"nosuchtype\" does not exist", assertThrows(PgException.class,
                () -> functions.resolve(List.of("upper"), List.of("nosuchtype"))).getMessage());
    }

    @Test
    void proacl_and_has_function_privilege_show_the_kept_list() {
        Transaction t = harness.storage.begin();
        RoleInfo alice = roles.create(t, RoleInfo.named("alice"));
        t.commit();
        assertEquals(List.of("now|"), harness.lines("select proname, proacl from pg_proc where proname = 'now'"));
        assertEquals(List.of("t|t"), harness.lines("select has_function_privilege('alice', 'now()', 'execute'), "
                + "has_function_privilege(1299, 'EXECUTE')"));
        t = harness.storage.begin();
        roles.setPrivileges(t, RelationPrivileges.ofFunction(1299, List.of(
                new AclItem(RoleCatalog.BOOTSTRAP_SUPERUSER_OID, RoleCatalog.BOOTSTRAP_SUPERUSER_OID,
                        PrivilegeTarget.FUNCTION.privileges(), Set.of()),
                new AclItem(alice.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID, EnumSet.of(TablePrivilege.EXECUTE),
                        EnumSet.of(TablePrivilege.EXECUTE)))));
        t.commit();
        assertEquals(List.of("now|{postgres=X/postgres,alice=X*/postgres}"),
                harness.lines("select proname, proacl from pg_proc where proname = 'now'"));
        assertEquals(List.of("t|t|f"), harness.lines("select has_function_privilege('alice', 'now()', "
                + "'execute with grant option'), has_function_privilege('postgres', 'pg_catalog.now()', 'execute'), "
                + "has_function_privilege('public', 'now()', 'execute')"));
        assertNull(FunctionAcls.acl(harness.source.model("postgres"), 871));
        assertEquals("expected a left parenthesis", assertThrows(PgException.class,
                () -> harness.lines("select has_function_privilege('now', 'execute')")).getMessage());
        assertEquals("function \"nosuch()\" does not exist", assertThrows(PgException.class,
                () -> harness.lines("select has_function_privilege('nosuch()', 'execute')")).getMessage());
        assertEquals("unrecognized privilege type: \"select\"", assertThrows(PgException.class,
                () -> harness.lines("select has_function_privilege('now()', 'select')")).getMessage());
    }
}
