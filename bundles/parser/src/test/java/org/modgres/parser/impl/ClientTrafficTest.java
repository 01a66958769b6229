package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.modgres.parser.impl.Parsing.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.Statement;

/**
 * Every distinct SQL string pgjdbc and psql sent in the captured sessions (copied from
 * shared/clients/raw). All parse.
 */
class ClientTrafficTest {

    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");

    static Stream<String> capturedStatements() {
        final Set<String> sql = new LinkedHashSet<>();
        for (String file : List.of("pgjdbc.sql.json", "psql_oneshot.sql.json")) {
            for (JsonNode message : read("/clients/" + file)) {
                sql.add(message.get("sql").asText());
            }
        }
        return sql.stream();
    }

    @ParameterizedTest
    @MethodSource("capturedStatements")
    void parsesAsPostgresDoes(String sql) {
        final List<Statement> statements = parse(sql);
        assertEquals(sql.isBlank() ? 0 : sql.split(";\\s*(?=\\S)").length, statements.size());
        for (Statement statement : statements) {
            assertFalse(statement.text().isBlank());
            if (statement instanceof PlannableStatement plannable) {
                assertEquals(highestParameter(statement.text()), plannable.parameterCount(), statement.text());
            }
        }
    }

    private static int highestParameter(String text) {
        int highest = 0;
        final Matcher m = PARAMETER.matcher(text);
        while (m.find()) {
            highest = Math.max(highest, Integer.parseInt(m.group(1)));
        }
        return highest;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ClientTrafficTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
