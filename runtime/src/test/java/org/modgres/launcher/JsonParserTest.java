package org.modgres.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonParserTest {

    @Test
    void reads_nested_objects_and_arrays_keeping_member_order() {
        Object value = JsonParser.parse(" { \"b\": [1, 2.5, -3e2, true, false, null], \"a\": {\"x\": \"y\"} } ");

        Map<?, ?> root = (Map<?, ?>) value;
        assertEquals(List.of("b", "a"), List.copyOf(root.keySet()));
        assertEquals(Arrays.asList(1L, 2.5, -300.0, true, false, null), root.get("b"));
        assertEquals(Map.of("x", "y"), root.get("a"));
    }

    @Test
    void decodes_string_escapes() {
        assertEquals("q\" b\\ s/ \b\f\n\r\t é", JsonParser.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\""));
    }

    @Test
    void reads_empty_containers_and_scalars_at_top_level() {
        assertEquals(Map.of(), JsonParser.parse("{}"));
        assertEquals(List.of(), JsonParser.parse("[ ]"));
        assertEquals(0L, JsonParser.parse("0"));
        assertNull(JsonParser.parse("null"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":1,}", "[1,]", "{'a':1}", "{\"a\" 1}", "01", "1.", "-", "1e", "tru",
            "\"\\x\"", "\"a", "{} {}", "[1 2]", "\"tab\there\"", "// comment\n{}", "99999999999999999999"})
    void rejects_what_rfc_8259_does_not_allow(String text) {
        assertThrows(IllegalArgumentException.class, () -> JsonParser.parse(text));
    }

    @Test
    void rejects_duplicate_member_names() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("{\"a\":1,\"a\":2}"));
        assertTrue(e.getMessage().contains("duplicate member name \"a\""), e.getMessage());
    }

    @Test
    void reports_line_and_column_of_the_error() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonParser.parse("{\n  \"a\": 1,\n  \"b\" 2\n}"));
        assertEquals("line 3, column 7: expected ':' but found '2'", e.getMessage());
    }
}
