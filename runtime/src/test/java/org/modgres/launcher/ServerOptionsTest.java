package org.modgres.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServerOptionsTest {

    private static final Path DEFAULT_DATA = Path.of("/opt/modgres/data");

    private static ServerOptions parse(String... args) {
        return ServerOptions.parse(List.of(args), DEFAULT_DATA);
    }

    @Test
    void without_arguments_sets_only_the_default_data_directory() {
        ServerOptions options = parse();

        assertEquals(ServerOptions.Action.RUN, options.action());
        assertEquals(Map.of("modgres.data_directory", "/opt/modgres/data"), options.frameworkProperties());
    }

    @Test
    void reads_postgres_flags_with_separate_or_attached_values() {
        ServerOptions options = parse("-D", "/srv/pg", "-p5433", "-h", "0.0.0.0", "-k/tmp");

        assertEquals(Map.of("modgres.data_directory", "/srv/pg", "modgres.port", "5433",
                "modgres.listen_addresses", "0.0.0.0", "modgres.unix_socket_directories", "/tmp"),
                options.frameworkProperties());
    }

    @Test
    void makes_a_relative_data_directory_absolute_against_the_working_directory() {
        assertEquals(Path.of("rel/data").toAbsolutePath(), parse("-D", "rel/./data").dataDirectory());
    }

    @Test
    void reads_any_setting_from_dash_c_and_double_dash_forms() {
        ServerOptions options = parse("-c", "shared_buffers=128MB", "--max-connections=50", "--port=6000");

        assertEquals("128MB", options.settings().get("shared_buffers"));
        assertEquals("50", options.settings().get("max_connections"));
        assertEquals("6000", options.settings().get("port"));
    }

    @Test
    void help_and_version_win_over_everything_else() {
        assertEquals(ServerOptions.Action.HELP, parse("-p", "1", "--help").action());
        assertEquals(ServerOptions.Action.HELP, parse("-?").action());
        assertEquals(ServerOptions.Action.VERSION, parse("-V").action());
        assertEquals(ServerOptions.Action.VERSION, parse("--version").action());
    }

    @Test
    void rejects_bad_command_lines_in_postgres_words() {
        assertMessage("invalid option -- 'x'", "-x", "1");
        assertMessage("invalid option -- 'x'", "-x");
        assertMessage("option requires an argument -- 'p'", "-p");
        assertMessage("invalid value for parameter \"port\": \"abc\"", "-p", "abc");
        assertMessage("70000 is outside the valid range for parameter \"port\" (1 .. 65535)", "-p", "70000");
        assertMessage("invalid argument: \"extra\"", "extra");
        assertMessage("-c work_mem requires a value", "-c", "work_mem");
        assertMessage("--work-mem requires a value", "--work-mem");
        assertMessage("invalid configuration parameter name \"a b\"", "-c", "a b=1");
    }

    private static void assertMessage(String expected, String... args) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> parse(args)).getMessage());
    }
}
