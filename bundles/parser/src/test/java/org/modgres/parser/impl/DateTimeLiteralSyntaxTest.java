package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modgres.parser.impl.syntax.DateTimeLiterals;

/** The shorter datetime literal texts PostgreSQL reads, in the shape Calcite's literals take. */
class DateTimeLiteralSyntaxTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            TIMESTAMP | 2024-01-31 10:00        | 2024-01-31 10:00:00
            TIMESTAMP | 2024-01-31T10:00:00.5   | 2024-01-31 10:00:00.5
            TIMESTAMP | 2024-1-5                | 2024-01-05 00:00:00
            TIMESTAMP | epoch                   | epoch
            DATE      | 2024-1-5                | 2024-01-05
            TIME      | 9:05                    | 09:05:00
            TIME      | 10:00:01.25             | 10:00:01.25
            """)
    void shortFormsAreCompleted(String type, String text, String expected) {
        assertEquals(expected, DateTimeLiterals.normalized(type, text));
    }
}
