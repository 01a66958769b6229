package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.type.PgType;
import org.modgres.planner.calcite.impl.CalcitePlanner;
import org.modgres.shmem.impl.SharedStorageImpl;

/**
 * What statements see of their backend through the execution context: the connected user, the
 * database and the process id that BackendKeyData announced.
 */
class ExecutionContextIdentityTest {

    /** A system function that shows what the executor passes on from the execution context. */
    private static final class BackendIdentityFunction implements SystemFunction {

        @Override
        public String name() {
            return "backend_identity";
        }

        @Override
        public List<PgType> parameterTypes() {
            return List.of();
        }

        @Override
        public PgType returnType() {
            return PgType.TEXT;
        }

        @Override
        public Object apply(SystemRelationContext context, Object[] arguments) {
            return context.processId() + " " + context.databaseName() + " " + context.currentUser() + " "
                    + context.sessionUser();
        }
    }

    @Test
    void session_functions_name_the_connected_user_and_database() throws Exception {
        try (BackendFixture fixture = BackendFixture.start()) {
            var m = fixture.client.query("select current_user, session_user, current_catalog, user").expect("TDCZ");
            assertEquals(List.of("postgres", "postgres", "postgres", "postgres"), m.get(1).texts());
        }
    }

    @Test
    void system_functions_see_the_backends_process_id_user_and_database() throws Exception {
        CalcitePlanner planner = new CalcitePlanner();
        planner.addSystemFunction(new BackendIdentityFunction());
        BackendFixture.TestServices services = new BackendFixture.TestServices(BackendFixture.PARSER, planner,
                BackendFixture.EXECUTOR, new SharedStorageImpl());
        try (BackendFixture fixture = BackendFixture.start(services)) {
            var m = fixture.client.query("select backend_identity()").expect("TDCZ");
            assertEquals(List.of(fixture.backend.processId + " postgres postgres postgres"), m.get(1).texts());
        }
    }

    @Test
    void copy_to_stdout_runs_with_the_same_identity() throws Exception {
        CalcitePlanner planner = new CalcitePlanner();
        planner.addSystemFunction(new BackendIdentityFunction());
        BackendFixture.TestServices services = new BackendFixture.TestServices(BackendFixture.PARSER, planner,
                BackendFixture.EXECUTOR, new SharedStorageImpl());
        try (BackendFixture fixture = BackendFixture.start(services)) {
            var m = fixture.client.query("copy (select backend_identity()) to stdout").expect("HdcCZ");
            assertEquals(fixture.backend.processId + " postgres postgres postgres\n",
                    new String(m.get(1).body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
