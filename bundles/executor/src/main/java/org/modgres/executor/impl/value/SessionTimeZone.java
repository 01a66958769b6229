package org.modgres.executor.impl.value;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * The session's TimeZone for the statements the current thread runs: the zone a timestamp with
 * time zone written without an offset is in, and the one its date and time fields are taken in
 * (date_trunc, extract, casts to date, time and timestamp). Each backend runs on a thread of its
 * own, and each execution sets it from the session's settings before any row is computed.
 */
public final class SessionTimeZone {

    /** The setting a thread's statements last ran with, and the zone it names (null: the JVM's). */
    private record Setting(String name, ZoneId zone) {
    }

    private static final ThreadLocal<Setting> CURRENT = new ThreadLocal<>();

    private SessionTimeZone() {
    }

    /** Returns the zone of the statement running on this thread, or the JVM's when none set one. */
    public static ZoneId current() {
        Setting setting = CURRENT.get();
        return setting != null && setting.zone() != null ? setting.zone() : ZoneId.systemDefault();
    }

    /**
     * Uses the {@code timezone} of these session settings for this thread's statements from now on.
     * The name is looked up only when it differs from the last statement's, as it seldom does.
     */
    public static void use(Map<String, String> settings) {
        String name = settings.get("timezone");
        Setting last = CURRENT.get();
        if (last != null && Objects.equals(last.name(), name)) {
            return;
        }
        ZoneId zone = null;
        if (name != null) {
            try {
                zone = ZoneId.of(name);
            } catch (DateTimeException unknown) {
                // the session accepted it, so it is a zone the JVM spells otherwise: keep the JVM's
            }
        }
        CURRENT.set(new Setting(name, zone));
    }
}
