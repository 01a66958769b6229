package org.modgres.session.impl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class HbaFileTest {

    private static final Path FILE = Path.of("pg_hba.conf");

    private static HbaRule rule(String line) throws Exception {
        return HbaFile.parse(FILE, 1, line);
    }

    @Test
    void comments_and_blank_lines_are_no_rules() throws Exception {
        assertNull(rule("   # local all all trust"));
        assertNull(rule(""));
    }

    @Test
    void host_rules_match_by_type_database_user_and_address() throws Exception {
        HbaRule rule = rule("hostnossl  postgres,\"All\"  alice,+admins  10.1.0.0/16  scram-sha-256  # note");
        InetAddress inside = InetAddress.getByName("10.1.2.3");
        assertEquals(HbaRule.Method.SCRAM_SHA_256, rule.method());
        assertTrue(rule.matches(false, false, inside, "postgres", "alice"));
        assertTrue(rule.matches(false, false, inside, "All", "admins"));
        assertFalse(rule.matches(false, false, inside, "all", "alice"), "a quoted keyword is a name");
        assertFalse(rule.matches(false, true, inside, "postgres", "alice"), "hostnossl: not over SSL");
        assertFalse(rule.matches(true, false, null, "postgres", "alice"), "host: not local");
        assertFalse(rule.matches(false, false, InetAddress.getByName("10.2.0.1"), "postgres", "alice"));
        assertTrue(rule.matches(false, false, InetAddress.getByName("::ffff:10.1.9.9"), "postgres", "alice"));
    }

    @Test
    void address_with_a_mask_all_and_ipv6() throws Exception {
        assertTrue(rule("host all all 127.0.0.1 255.255.255.255 md5").matches(false, false,
                InetAddress.getByName("127.0.0.1"), "db", "u"));
        assertTrue(rule("host all all all trust").matches(false, true, InetAddress.getByName("8.8.8.8"), "d", "u"));
        assertTrue(rule("host all all ::1/128 trust").matches(false, false, InetAddress.getByName("::1"), "d", "u"));
        assertTrue(rule("local sameuser all password").matches(true, false, null, "bob", "bob"));
        assertFalse(rule("local sameuser all password").matches(true, false, null, "postgres", "bob"));
    }

    @Test
    void invalid_lines_name_the_problem() {
        assertThrows(HbaFile.InvalidHbaFileException.class, () -> rule("host all all 127.0.0.1/32 peer"));
        assertThrows(HbaFile.InvalidHbaFileException.class, () -> rule("hots all all 127.0.0.1/32 trust"));
        assertThrows(HbaFile.InvalidHbaFileException.class, () -> rule("host all all 127.0.0.1/40 trust"));
        assertThrows(HbaFile.InvalidHbaFileException.class, () -> rule("host all all"));
        HbaFile.InvalidHbaFileException e = assertThrows(HbaFile.InvalidHbaFileException.class,
                () -> rule("local all all ident"));
        assertTrue(e.getMessage().startsWith("invalid authentication method \"ident\""), e.getMessage());
    }
}
