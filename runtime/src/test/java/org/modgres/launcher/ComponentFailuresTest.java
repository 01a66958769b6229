package org.modgres.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ComponentFailuresTest {

    @Test
    void the_reason_is_the_deepest_cause_without_its_class_name() {
        String failure = """
                java.lang.reflect.InvocationTargetException
                \tat java.base/jdk.internal.reflect.DirectConstructorHandleAccessor.newInstance(DirectConstructorHandleAccessor.java:74)
                Caused by: org.modgres.shmem.impl.DataDirectoryLock$DataDirectoryInUseException: lock file "postmaster.pid" already exists: is another server (PID 7) running in data directory "/d"?
                \tat org.modgres.shmem.impl.DataDirectoryLock.inUse(DataDirectoryLock.java:83)
                """;
        assertEquals("lock file \"postmaster.pid\" already exists: is another server (PID 7) running in data"
                + " directory \"/d\"?", ComponentFailures.reason(failure));
    }

    @Test
    void a_failure_without_a_cause_gives_its_first_line() {
        assertEquals("Unable to get service for reference $000",
                ComponentFailures.reason("Unable to get service for reference $000\n\tat x.y(Z.java:1)"));
        assertEquals("boom", ComponentFailures.reason("java.lang.IllegalStateException: boom"));
        assertEquals("no reason given", ComponentFailures.reason(null));
    }
}
