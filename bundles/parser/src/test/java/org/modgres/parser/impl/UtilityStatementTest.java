package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.modgres.parser.impl.Parsing.error;
import static org.modgres.parser.impl.Parsing.one;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.ResetStatement;
import org.modgres.api.sql.SavepointStatement;
import org.modgres.api.sql.SetStatement;
import org.modgres.api.sql.ShowStatement;
import org.modgres.api.sql.StatementKind;
import org.modgres.api.sql.TransactionStatement;

class UtilityStatementTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            BEGIN                                                  | BEGIN
            begin work                                             | BEGIN
            BEGIN TRANSACTION                                      | BEGIN
            START TRANSACTION                                      | BEGIN
            COMMIT                                                 | COMMIT
            commit work                                            | COMMIT
            END                                                    | COMMIT
            end transaction                                        | COMMIT
            ROLLBACK                                               | ROLLBACK
            rollback work                                          | ROLLBACK
            ABORT                                                  | ROLLBACK
            abort transaction                                      | ROLLBACK
            """)
    void transactionControl(String sql, StatementKind kind) {
        assertEquals(new TransactionStatement(sql, kind), one(sql));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            BEGIN ISOLATION LEVEL SERIALIZABLE                     | transaction_isolation=serializable
            begin read only                                        | transaction_read_only=on
            BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED, READ WRITE | transaction_isolation=read committed;transaction_read_only=off
            begin isolation level repeatable read not deferrable   | transaction_isolation=repeatable read;transaction_deferrable=off
            begin work read only isolation level repeatable read deferrable | transaction_read_only=on;transaction_isolation=repeatable read;transaction_deferrable=on
            start transaction isolation level read uncommitted     | transaction_isolation=read uncommitted
            START TRANSACTION READ WRITE, ISOLATION LEVEL SERIALIZABLE | transaction_read_only=off;transaction_isolation=serializable
            """)
    void beginKeepsItsTransactionModesInOrder(String sql, String modes) {
        final Map<String, String> expected = new LinkedHashMap<>();
        for (String mode : modes.split(";")) {
            expected.put(mode.substring(0, mode.indexOf('=')), mode.substring(mode.indexOf('=') + 1));
        }
        final TransactionStatement begin = assertInstanceOf(TransactionStatement.class, one(sql));
        assertEquals(StatementKind.BEGIN, begin.kind());
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(begin.modes().entrySet()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            SAVEPOINT "sp1"                         | SAVEPOINT   | sp1
            savepoint My_Point                      | SAVEPOINT   | my_point
            SAVEPOINT "Mixed Case"                  | SAVEPOINT   | Mixed Case
            RELEASE SAVEPOINT sp1                   | RELEASE     | sp1
            release "SP"                            | RELEASE     | SP
            ROLLBACK TO SAVEPOINT "sp1"             | ROLLBACK_TO | sp1
            rollback to a                           | ROLLBACK_TO | a
            ROLLBACK WORK TO SAVEPOINT b            | ROLLBACK_TO | b
            rollback transaction to c               | ROLLBACK_TO | c
            """)
    void savepoints(String sql, StatementKind kind, String name) {
        assertEquals(new SavepointStatement(sql, kind, name), one(sql));
    }

    @Test
    void savepointTagsAreThoseOfPostgres() {
        assertEquals("SAVEPOINT", StatementKind.SAVEPOINT.commandTag(0));
        assertEquals("RELEASE", StatementKind.RELEASE.commandTag(0));
        assertEquals("ROLLBACK", StatementKind.ROLLBACK_TO.commandTag(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "NULL", textBlock = """
            SET application_name = 'PostgreSQL JDBC Driver'   | application_name              | PostgreSQL JDBC Driver | false
            set DateStyle to ISO, MDY                         | datestyle                     | iso, mdy               | false
            SET SESSION statement_timeout = 0                 | statement_timeout             | 0                      | false
            SET LOCAL work_mem = '4MB'                        | work_mem                      | 4MB                    | true
            set extra_float_digits = +03                      | extra_float_digits            | 3                      | false
            set x.y = -1.50                                   | x.y                           | -1.50                  | false
            set modgres.planner to calcite                    | modgres.planner               | calcite                | false
            set enable_seqscan = off                          | enable_seqscan                | off                    | false
            set enable_seqscan = on                           | enable_seqscan                | on                     | false
            set standard_conforming_strings = true            | standard_conforming_strings   | true                   | false
            set bytea_output = escape                         | bytea_output                  | escape                 | false
            set "MixedCase" = 1                               | MixedCase                     | 1                      | false
            set x = E'a\\'b'                                  | x                             | a'b                    | false
            set search_path = default                         | search_path                   | NULL                   | false
            set search_path to '$user', public, "My Schema"   | search_path                   | "$user", public, "My Schema" | false
            SET TIME ZONE 'Europe/Paris'                      | timezone                      | Europe/Paris           | false
            set time zone -7                                  | timezone                      | -7                     | false
            SET TIME ZONE LOCAL                               | timezone                      | NULL                   | false
            set local time zone default                       | timezone                      | NULL                   | true
            SET SCHEMA 'app'                                  | search_path                   | app                    | false
            SET NAMES 'UTF8'                                  | client_encoding               | UTF8                   | false
            SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE | default_transaction_isolation | serializable | false
            set session characteristics as transaction read only | default_transaction_read_only | on               | false
            SET TRANSACTION ISOLATION LEVEL REPEATABLE READ   | transaction_isolation         | repeatable read        | false
            SET TRANSACTION READ ONLY, ISOLATION LEVEL READ COMMITTED | transaction_isolation | read committed     | false
            """)
    void set(String sql, String name, String value, boolean local) {
        assertEquals(new SetStatement(sql, name, value, local), one(sql));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            SHOW ALL                             | all
            show search_path                     | search_path
            SHOW TimeZone                        | timezone
            show time zone                       | timezone
            SHOW TRANSACTION ISOLATION LEVEL     | transaction_isolation
            show transaction_isolation           | transaction_isolation
            show session authorization           | session_authorization
            SHOW modgres.planner                 | modgres.planner
            """)
    void show(String sql, String name) {
        assertEquals(new ShowStatement(sql, name), one(sql));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            RESET ALL                            | all
            reset search_path                    | search_path
            RESET TIME ZONE                      | timezone
            reset transaction isolation level    | transaction_isolation
            RESET Modgres.Planner                | modgres.planner
            """)
    void reset(String sql, String name) {
        assertEquals(new ResetStatement(sql, name), one(sql));
    }

    @Test
    void setWithoutValueIsASyntaxError() {
        final PgException e = error("set search_path");
        assertEquals(SqlState.SYNTAX_ERROR, e.sqlState());
        assertEquals("syntax error at end of input", e.getMessage());
        assertEquals(16, e.position());
    }
}
