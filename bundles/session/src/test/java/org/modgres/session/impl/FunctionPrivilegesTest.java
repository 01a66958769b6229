package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.catalog.FunctionCatalog;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.exec.Executor;
import org.modgres.api.plan.Planner;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.sql.SqlParser;
import org.modgres.api.storage.SharedStorage;
import org.modgres.shmem.impl.SharedStorageImpl;

/**
 * EXECUTE on functions through two backends, the superuser's and alice's, with PostgreSQL 15's
 * errors for the same statements. The functions are a few of pg_proc's, with its OIDs, as the
 * pg_catalog bundle would list them.
 */
class FunctionPrivilegesTest {

    /** A few functions of PostgreSQL 15's pg_proc. */
    private record SomeFunctions() implements FunctionCatalog {
        private static final List<Function> FUNCTIONS = List.of(
                new Function(1299, "now", List.of(), "now()"),
                new Function(871, "upper", List.of(25L), "upper(text)"),
                new Function(870, "lower", List.of(25L), "lower(text)"),
                new Function(1397, "abs", List.of(23L), "abs(integer)"),
                new Function(1395, "abs", List.of(701L), "abs(double precision)"),
                new Function(2803, "count", List.of(), "count()"));

        @Override
        public List<Function> functions() {
            return FUNCTIONS;
        }

        @Override
        public Function resolve(List<String> name, List<String> argumentTypes) {
            List<Long> types = argumentTypes == null ? null : argumentTypes.stream()
                    .map(type -> switch (type) {
                        case "text" -> 25L;
                        case "integer", "int4" -> 23L;
                        case "double precision", "float8" -> 701L;
                        default -> throw new PgException(SqlState.UNDEFINED_OBJECT,
                                "type \"" + type + "\" does not exist");
                    }).toList();
            return FUNCTIONS.stream().filter(f -> f.name().equals(name.getLast())
                    && (types == null || f.argumentTypes().equals(types))).findFirst()
                    .orElseThrow(() -> new PgException(SqlState.UNDEFINED_FUNCTION, "function "
                            + name.getLast() + " does not exist"));
        }
    }

    /** The fixture's services with the functions above. */
    private record ServicesWithFunctions(SqlParser parser, Planner planner, Executor executor, SharedStorage storage)
            implements Services {
        @Override
        public RoleCatalog roles() {
            return (RoleCatalog) storage;
        }

        @Override
        public FunctionCatalog functions() {
            return new SomeFunctions();
        }

        @Override
        public HbaConfiguration hba() {
            return HbaConfiguration.TRUST_ALL;
        }
    }

    private BackendFixture admin;
    private BackendFixture alice;

    @BeforeEach
    void connect() throws Exception {
        admin = BackendFixture.start(new ServicesWithFunctions(BackendFixture.PARSER, BackendFixture.PLANNER,
                BackendFixture.EXECUTOR, new SharedStorageImpl()));
        admin.client.query("create role alice login; create table t (a int, b text); insert into t values (-1, 'x'); "
                + "grant select on t to alice; create view v as select a, upper(b) as ub from t; "
                + "grant select on v to alice").expect("CCCCCCZ");
        alice = BackendFixture.startSharing(admin, "alice");
    }

    @AfterEach
    void disconnect() throws Exception {
        alice.close();
        admin.close();
    }

    private void denied(String sql, String function) {
        ServerMessage error = alice.client.query(sql).expect("EZ").get(0);
        assertEquals("42501", error.sqlState(), sql);
        assertEquals("permission denied for function " + function, error.field('M'), sql);
    }

    private List<String> row(BackendFixture backend, String sql) {
        return backend.client.query(sql).expect("TDCZ").get(1).texts();
    }

    private String acl(long function) {
        RoleCatalog roles = admin.services.roles();
        return roles.functionPrivileges().get(function).acl().stream()
                .map(item -> item.text(oid -> roles.role(oid).map(RoleInfo::name).orElse(null))).toList().toString();
    }

    @Test
    void public_may_execute_every_function_until_it_is_revoked() {
        RoleCatalog roles = admin.services.roles();
        assertSame(roles.functionPrivileges(), roles.functionPrivileges(), "no list: nothing to walk plans for");
        assertEquals(List.of("X"), row(alice, "select upper(b) from t"));
        admin.client.query("revoke execute on function now() from public; "
                + "revoke execute on function upper(text) from public").expect("CCZ");
        assertEquals("[postgres=X/postgres]", acl(871));
        denied("select now()", "now");
        denied("select upper('a')", "upper");
        denied("select a from t where upper(b) = 'X'", "upper");
        denied("select * from v", "upper");
        denied("select a from t where a in (select length(upper(b)) from t)", "upper");
        assertEquals(List.of("x"), row(alice, "select lower(b) from t"));
        assertEquals(List.of("X"), row(admin, "select upper(b) from t"));
        admin.client.query("grant execute on function now(), upper(text) to alice").expect("CZ");
        assertEquals(List.of("X"), row(alice, "select ub from v"));
        assertEquals("[postgres=X/postgres, alice=X/postgres]", acl(871));
        admin.client.query("revoke all on function upper(text) from alice").expect("CZ");
        denied("select * from v", "upper");
    }

    @Test
    void an_overload_is_told_apart_by_its_argument_types() {
        admin.client.query("revoke execute on function abs(integer) from public").expect("CZ");
        denied("select abs(a) from t", "abs");
        assertEquals(List.of("1.5"), row(alice, "select abs(cast(-1.5 as double precision))"));
    }

    @Test
    void aggregates_need_execute_too() {
        admin.client.query("revoke execute on function count() from public").expect("CZ");
        denied("select count(*) from t", "count");
    }

    @Test
    void a_revoke_is_transactional_and_names_the_role_for_drop_role() {
        admin.client.query("begin; revoke execute on function now() from public; rollback").expect("CCCZ");
        assertEquals(List.of("t"), row(alice, "select now() is not null"));
        admin.client.query("grant execute on function now() to alice").expect("CZ");
        ServerMessage error = admin.client.query("drop role alice").expect("EZ").get(0);
        assertEquals("2BP01", error.sqlState());
        assertEquals("privileges for function now()\nprivileges for table t\nprivileges for view v",
                error.field('D'));
    }
}
