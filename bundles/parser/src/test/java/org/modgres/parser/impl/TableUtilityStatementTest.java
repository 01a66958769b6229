package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modgres.parser.impl.Parsing.error;
import static org.modgres.parser.impl.Parsing.one;
import static org.modgres.parser.impl.Parsing.parse;
import static org.modgres.parser.impl.Parsing.plannable;

import java.util.Arrays;
import java.util.List;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.CommentStatement;
import org.modgres.api.sql.OwnerStatement;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.Statement;
import org.modgres.api.sql.StatementKind;
import org.modgres.api.sql.TruncateStatement;
import org.modgres.api.sql.VacuumStatement;

/** TRUNCATE, VACUUM, ANALYZE and ALTER TABLE, in the forms PostgreSQL 15 accepts. */
class TableUtilityStatementTest {

    /** Reads "a.b, c" as [[a, b], [c]]. */
    private static List<List<String>> names(String written) {
        return Arrays.stream(written.split(",")).map(name -> List.of(name.trim().split("\\."))).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            truncate pgbench_history                                                        | pgbench_history
            truncate table pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers | pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers
            TRUNCATE TABLE ONLY t RESTART IDENTITY CASCADE                                  | t
            truncate t * continue identity restrict                                         | t
            truncate only (t), u *                                                          | t, u
            TRUNCATE public.T, "Mixed"."Case"                                               | public.t, Mixed.Case
            truncate postgres.public.t                                                      | postgres.public.t
            truncate restart                                                                | restart
            """)
    void truncate(String sql, String tables) {
        final TruncateStatement truncate = assertInstanceOf(TruncateStatement.class, one(sql));
        assertEquals(names(tables), truncate.tables());
        assertEquals(sql, truncate.text());
        assertEquals("TRUNCATE TABLE", truncate.kind().commandTag(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "NONE", textBlock = """
            vacuum                                            | true  | false | false | false | NONE
            vacuum analyze pgbench_branches                   | true  | true  | false | false | pgbench_branches
            vacuum pgbench_tellers                            | true  | false | false | false | pgbench_tellers
            VACUUM FULL FREEZE VERBOSE ANALYZE t, s.u         | true  | true  | true  | true  | t, s.u
            vacuum freeze t                                   | true  | false | false | false | t
            vacuum verbose analyse                            | true  | true  | false | true  | NONE
            vacuum (verbose, analyze) t                       | true  | true  | false | true  | t
            VACUUM (ANALYZE false, FREEZE on, SKIP_LOCKED) t  | true  | false | false | false | t
            vacuum (full true, verbose off) t                 | true  | false | true  | false | t
            vacuum (index_cleanup auto, truncate off, parallel 2, process_toast 1, disable_page_skipping) t | true | false | false | false | t
            vacuum (index_cleanup 'AUTO', analyze 'on') "T"   | true  | true  | false | false | T
            ANALYZE                                           | false | true  | false | false | NONE
            analyze verbose t                                 | false | true  | false | true  | t
            analyse t, u                                      | false | true  | false | false | t, u
            analyze (verbose false, skip_locked) t            | false | true  | false | false | t
            """)
    void vacuumAndAnalyze(String sql, boolean vacuum, boolean analyze, boolean full, boolean verbose, String tables) {
        final VacuumStatement statement = assertInstanceOf(VacuumStatement.class, one(sql));
        assertEquals(vacuum, statement.vacuum());
        assertEquals(analyze, statement.analyze());
        assertEquals(full, statement.full());
        assertEquals(verbose, statement.verbose());
        assertEquals(tables == null ? List.of() : names(tables),
                statement.targets().stream().map(VacuumStatement.Target::table).toList());
        assertEquals(vacuum ? StatementKind.VACUUM : StatementKind.ANALYZE, statement.kind());
        assertEquals(vacuum ? "VACUUM" : "ANALYZE", statement.kind().commandTag(0));
    }

    @Test
    void analyzeTakesColumnLists() {
        final VacuumStatement analyze = assertInstanceOf(VacuumStatement.class,
                one("vacuum (analyze) t (id, \"Name\"), u"));
        assertEquals(List.of("id", "Name"), analyze.targets().get(0).columns());
        assertEquals(List.of(), analyze.targets().get(1).columns());
        assertEquals(List.of("b"), ((VacuumStatement) one("analyze t(b)")).targets().get(0).columns());
        assertEquals(List.of("b"), ((VacuumStatement) one("vacuum analyze t(b)")).targets().get(0).columns());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            vacuum (bogus) t                  | 42601 | unrecognized VACUUM option "bogus"                              | 9
            vacuum ("ANALYZE") t              | 42601 | unrecognized VACUUM option "ANALYZE"                            | 9
            analyze (full) t                  | 42601 | unrecognized ANALYZE option "full"                              | 10
            vacuum (analyze maybe) t          | 42601 | analyze requires a Boolean value                                | 0
            vacuum (analyze 2) t              | 42601 | analyze requires a Boolean value                                | 0
            vacuum (parallel) t               | 42601 | parallel option requires a value between 0 and 1024             | 9
            vacuum (parallel abc) t           | 42601 | parallel requires an integer value                              | 0
            vacuum (parallel 2000) t          | 42601 | parallel workers for vacuum must be between 0 and 1024          | 9
            vacuum (full, parallel 2) t       | 0A000 | VACUUM FULL cannot be performed in parallel                     | 0
            vacuum (full, disable_page_skipping) t | 0A000 | VACUUM option DISABLE_PAGE_SKIPPING cannot be used with FULL | 0
            vacuum t(id)                      | 0A000 | ANALYZE option must be specified when a column list is provided | 0
            vacuum (analyze false) t(id)      | 0A000 | ANALYZE option must be specified when a column list is provided | 0
            """)
    void vacuumOptionsAreCheckedAsPostgresChecksThem(String sql, String sqlState, String message, int position) {
        final PgException e = error(sql);
        assertEquals(sqlState, e.sqlState().code());
        assertEquals(message, e.getMessage());
        assertEquals(position, e.position());
    }

    @Test
    void vacuumInAListOfStatementsIsParsedForTheSessionToRefuse() {
        final List<Statement> statements = parse("select 1; vacuum t; analyze");
        assertEquals(List.of(StatementKind.SELECT, StatementKind.VACUUM, StatementKind.ANALYZE),
                statements.stream().map(Statement::kind).toList());
        assertEquals("vacuum t", statements.get(1).text());
    }

    @Test
    void vacuumStaysUsableAsAName() {
        assertEquals(StatementKind.CREATE_TABLE, one("create table vacuum (vacuum int)").kind());
        assertEquals(StatementKind.SELECT, one("select vacuum from vacuum").kind());
        assertEquals(List.of(List.of("vacuum")), ((VacuumStatement) one("vacuum vacuum")).targets().stream()
                .map(VacuumStatement.Target::table).toList());
    }

    /** Returns the actions of an ALTER TABLE, checking the table and IF EXISTS on the way. */
    private static List<SqlNode> alterTable(String sql, String table, boolean ifExists) {
        final PlannableStatement statement = plannable(sql);
        assertEquals(StatementKind.ALTER_TABLE, statement.kind());
        assertEquals("ALTER TABLE", statement.kind().commandTag(0));
        final SqlCall alter = assertInstanceOf(SqlCall.class, statement.syntaxTree());
        assertEquals("ALTER TABLE", alter.getOperator().getName());
        assertEquals(names(table).get(0), ((SqlIdentifier) alter.operand(0)).names);
        assertEquals(ifExists, ((SqlLiteral) alter.operand(1)).booleanValue());
        return ((SqlNodeList) alter.operand(2)).getList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            alter table pgbench_branches add primary key (bid)             | pgbench_branches | false | bid
            ALTER TABLE IF EXISTS ONLY public.t ADD PRIMARY KEY (a, "B")   | public.t         | true  | a, B
            alter table t * add constraint t_key primary key (id)          | t                | false | id
            alter table if add primary key (x)                             | if               | false | x
            """)
    void alterTableAddPrimaryKey(String sql, String table, boolean ifExists, String columns) {
        final SqlCreateTable added = assertInstanceOf(SqlCreateTable.class, alterTable(sql, table, ifExists).get(0));
        final SqlKeyConstraint key = assertInstanceOf(SqlKeyConstraint.class, added.columnList.get(0));
        assertEquals(SqlKind.PRIMARY_KEY, key.getKind());
        assertEquals(Arrays.stream(columns.split(",")).map(String::trim).toList(),
                ((SqlNodeList) key.getOperandList().get(1)).stream().map(c -> ((SqlIdentifier) c).getSimple()).toList());
    }

    @Test
    void alterTableAddsTableConstraintsAsCreateTableWritesThem() {
        final List<SqlNode> actions = alterTable("alter table t add constraint u unique (id), add check (a > 0), "
                + "add foreign key (b) references r on delete cascade", "t", false);
        assertEquals(3, actions.size());
        final SqlCreateTable unique = assertInstanceOf(SqlCreateTable.class, actions.get(0));
        assertEquals(SqlKind.UNIQUE, unique.columnList.get(0).getKind());
        assertEquals("CHECK CONSTRAINT",
                ((SqlCall) ((SqlCreateTable) actions.get(1)).columnList.get(0)).getOperator().getName());
        assertEquals("FOREIGN KEY CONSTRAINT",
                ((SqlCall) ((SqlCreateTable) actions.get(2)).columnList.get(0)).getOperator().getName());
    }

    @Test
    void alterTableAddsDropsAndRenamesColumns() {
        final List<SqlNode> actions = alterTable("alter table t add column if not exists x int not null default 1, "
                + "add y serial, drop column if exists z cascade, drop w", "t", false);
        final SqlCreateTable added = assertInstanceOf(SqlCreateTable.class, actions.get(0));
        assertTrue(added.ifNotExists);
        assertInstanceOf(SqlColumnDeclaration.class, added.columnList.get(0));
        assertFalse(((SqlCreateTable) actions.get(1)).ifNotExists);
        final SqlCall drop = (SqlCall) actions.get(2);
        assertEquals("DROP COLUMN", drop.getOperator().getName());
        assertTrue(((SqlLiteral) drop.operand(1)).booleanValue());
        assertTrue(((SqlLiteral) drop.operand(2)).booleanValue());
        assertEquals("w", ((SqlIdentifier) ((SqlCall) actions.get(3)).operand(0)).getSimple());

        final SqlCall renameColumn = (SqlCall) alterTable("alter table t rename column a to b", "t", false).get(0);
        assertEquals("RENAME COLUMN", renameColumn.getOperator().getName());
        assertEquals("b", ((SqlIdentifier) renameColumn.operand(1)).getSimple());
        assertEquals("RENAME COLUMN",
                ((SqlCall) alterTable("ALTER TABLE t RENAME a TO b", "t", false).get(0)).getOperator().getName());
        final SqlCall renameTable = (SqlCall) alterTable("alter table if exists t rename to u", "t", true).get(0);
        assertEquals("RENAME TO", renameTable.getOperator().getName());
        assertEquals(SqlState.SYNTAX_ERROR, error("alter table t rename to u, add column x int").sqlState());
    }

    @Test
    void alterTableDropsConstraintsAndChangesNotNull() {
        final List<SqlNode> actions = alterTable("alter table t drop constraint if exists k cascade, "
                + "drop constraint j, alter column a set not null, alter b drop not null", "t", false);
        final SqlCall drop = (SqlCall) actions.get(0);
        assertEquals("DROP CONSTRAINT", drop.getOperator().getName());
        assertEquals("k", ((SqlIdentifier) drop.operand(0)).getSimple());
        assertTrue(((SqlLiteral) drop.operand(1)).booleanValue());
        assertTrue(((SqlLiteral) drop.operand(2)).booleanValue());
        assertFalse(((SqlLiteral) ((SqlCall) actions.get(1)).operand(2)).booleanValue());
        final SqlCall setNotNull = (SqlCall) actions.get(2);
        assertEquals("SET NOT NULL", setNotNull.getOperator().getName());
        assertTrue(((SqlLiteral) setNotNull.operand(1)).booleanValue());
        assertFalse(((SqlLiteral) ((SqlCall) actions.get(3)).operand(1)).booleanValue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            alter table t rename constraint a to b          | ALTER TABLE ... RENAME CONSTRAINT is not supported yet
            alter index i rename to j                       | ALTER INDEX is not supported yet
            """)
    void otherAlterStatementsAreNotSupportedYet(String sql, String message) {
        final PgException e = error(sql);
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, e.sqlState());
        assertEquals(message, e.getMessage());
    }

    @Test
    void ownerToNamesTheRelationKindAndTheNewOwner() {
        OwnerStatement table = assertInstanceOf(OwnerStatement.class, one("alter table s.t owner to bob"));
        assertEquals(OwnerStatement.Type.TABLE, table.type());
        assertEquals(List.of("s", "t"), table.name());
        assertEquals("bob", table.newOwner());
        assertEquals(StatementKind.ALTER_TABLE, table.kind());
        OwnerStatement view = assertInstanceOf(OwnerStatement.class, one("ALTER VIEW IF EXISTS v OWNER TO current_user"));
        assertTrue(view.ifExists());
        assertEquals(OwnerStatement.CURRENT_USER, view.newOwner());
        assertEquals(StatementKind.ALTER_VIEW, view.kind());
        OwnerStatement quoted = assertInstanceOf(OwnerStatement.class, one("alter sequence q owner to \"current_user\""));
        assertEquals("current_user", quoted.newOwner(), "a quoted name is a role's name, not the keyword");
        List<Statement> two = parse("alter table t owner to bob; select 1");
        assertEquals(2, two.size());
        assertInstanceOf(OwnerStatement.class, two.get(0));
    }

    @Test
    void commentOnNamesTheObjectAndTheText() {
        CommentStatement column = assertInstanceOf(CommentStatement.class, one("comment on column s.t.c is 'a ''b'''"));
        assertEquals(CommentStatement.Type.COLUMN, column.type());
        assertEquals(List.of("s", "t", "c"), column.name());
        assertEquals("a 'b'", column.comment());
        CommentStatement removal = assertInstanceOf(CommentStatement.class, one("COMMENT ON SCHEMA s IS NULL"));
        assertNull(removal.comment());
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, error("comment on function f() is 'x'").sqlState());
        assertEquals(SqlState.SYNTAX_ERROR, error("comment on column t is 'x'").sqlState());
    }

    @Test
    void unsupportedAlterTableSaysWhatIsSupported() {
        final PgException e = error("alter table t alter column a type bigint");
        assertEquals("ALTER TABLE ... ALTER COLUMN is not supported yet", e.getMessage());
        assertTrue(e.hint().contains("DROP CONSTRAINT"));
        assertFalse(e.position() > 0, "PostgreSQL gives no position for unsupported features");
    }
}
