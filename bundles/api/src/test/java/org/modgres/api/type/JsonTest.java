package org.modgres.api.type;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

class JsonTest {

    @Test
    void json_keeps_the_text_as_written() {
        String text = " {\"b\":1, \"a\" : [1,2], \"b\": 2} ";
        assertEquals(text, TextFormat.format(PgType.JSON, TextFormat.parse(PgType.JSON, text), null));
    }

    @Test
    void jsonb_dedupes_sorts_keys_and_spaces_as_postgres() {
        assertEquals("{\"a\": [1, 2.50, {}], \"b\": 2, \"aa\": null}",
                PgJsonb.parse("{\"b\":1, \"aa\":null, \"a\" : [1,2.50,{}], \"b\": 2}").toString());
        assertEquals("100", PgJsonb.parse("1e2").toString());
        assertEquals("\"a\\\"\\n\\u0001é\"", PgJsonb.parse("\"a\\\"\\n\\u0001\\u00e9\"").toString());
        assertEquals("\"😀\"", PgJsonb.parse("\"\\ud83d\\ude00\"").toString());
    }

    @Test
    void pretty_indents_by_four_spaces() {
        assertEquals("{\n    \"a\": 1,\n    \"b\": [\n        1,\n        2\n    ]\n}",
                PgJsonb.parse("{\"b\":[1,2],\"a\":1}").pretty());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("x", "Token \"x\" is invalid."),
                Arguments.of("", "The input string ended unexpectedly."),
                Arguments.of("{\"a\":1", "The input string ended unexpectedly."),
                Arguments.of("{\"a\" 1}", "Expected \":\", but found \"1\"."),
                Arguments.of("[1,]", "Expected JSON value, but found \"]\"."),
                Arguments.of("{1:2}", "Expected string or \"}\", but found \"1\"."),
                Arguments.of("{\"a\":1,}", "Expected string, but found \"}\"."),
                Arguments.of("[1 2]", "Expected \",\" or \"]\", but found \"2\"."),
                Arguments.of("1 2", "Expected end of input, but found \"2\"."),
                Arguments.of("01", "Token \"01\" is invalid."),
                Arguments.of("1.x", "Token \"1.x\" is invalid."),
                Arguments.of("\"abc", "Token \"\"abc\" is invalid."),
                Arguments.of("\"\\x\"", "Escape sequence \"\\x\" is invalid."),
                Arguments.of("\"\\u12\"", "\"\\u\" must be followed by four hexadecimal digits."),
                Arguments.of("\"a\nb\"", "Character with value 0x0a must be escaped."));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalid_input_fails_with_postgres_detail(String text, String detail) {
        PgException error = assertThrows(PgException.class, () -> PgJsonb.parse(text));
        assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, error.sqlState());
        assertEquals("invalid input syntax for type json", error.getMessage());
        assertEquals(detail, error.detail());
        assertThrows(PgException.class, () -> PgJson.parse(text));
    }

    @Test
    void jsonb_orders_as_its_btree() {
        List<String> sorted = Stream.of("{\"a\":1}", "[1,2]", "[3]", "true", "1", "\"s\"", "null", "[]", "{}", "2.0")
                .map(PgJsonb::parse).sorted().map(PgJsonb::toString).toList();
        assertEquals(List.of("[]", "null", "\"s\"", "1", "2.0", "true", "[3]", "[1, 2]", "{}", "{\"a\": 1}"), sorted);
        assertEquals(PgJsonb.parse("{\"a\":1.0}"), PgJsonb.parse("{\"a\":1}"));
        assertEquals(PgJsonb.parse("{\"a\":1.0}").hashCode(), PgJsonb.parse("{\"a\":1}").hashCode());
    }

    @Test
    void binary_forms_are_the_text_and_versioned_text() {
        assertArrayEquals("[1,2]".getBytes(StandardCharsets.UTF_8),
                BinaryFormat.encode(PgType.JSON, PgJson.parse("[1,2]")));
        byte[] jsonb = BinaryFormat.encode(PgType.JSONB, PgJsonb.parse("[1,2]"));
        assertEquals(1, jsonb[0]);
        assertEquals("[1, 2]", new String(jsonb, 1, jsonb.length - 1, StandardCharsets.UTF_8));
        assertEquals(PgJsonb.parse("[1,2]"), BinaryFormat.decode(PgType.JSONB, jsonb));
    }

    @Test
    void json_members_are_the_values_as_written() {
        JsonMembers members = PgJson.parse("{\"a\": [1,  2], \"b\" :\"x\" }").members();
        assertEquals(2, members.size());
        assertEquals("a", members.key(0));
        assertEquals("[1,  2]", members.valueText(0));
        assertEquals("\"x\"", members.valueText(1));
        assertTrue(PgJson.parse("[]").members().size() == 0);
    }
}
