package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.modgres.parser.impl.Parsing.error;
import static org.modgres.parser.impl.Parsing.plannable;
import static org.modgres.parser.impl.Parsing.tree;

import java.util.List;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.StatementKind;

class QueryStatementTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            select 1                                    | SELECT
            SELECT a FROM t WHERE b = 1 ORDER BY a      | SELECT
            select * from t limit 3                     | SELECT
            values (1, 'a'), (2, 'b')                   | VALUES
            values (1) order by 1                       | VALUES
            select 1 union all select 2                 | SELECT
            with x as (select 1 as a) select a from x   | SELECT
            table t                                     | SELECT
            insert into t values (1)                    | INSERT
            update t set a = 1                          | UPDATE
            delete from t where a = 1                   | DELETE
            """)
    void kindFollowsTheStatement(String sql, StatementKind kind) {
        assertEquals(kind, plannable(sql).kind());
    }

    @Test
    void unquotedIdentifiersAreLowerCaseAndQuotedOnesKeepTheirCase() {
        final SqlSelect select = tree(SqlSelect.class, "SELECT Abc, \"Abc\", t.\"X y\" FROM Sch.\"Tab\"");
        assertEquals(List.of("abc"), identifier(select.getSelectList().get(0)).names);
        assertEquals(List.of("Abc"), identifier(select.getSelectList().get(1)).names);
        assertEquals(List.of("t", "X y"), identifier(select.getSelectList().get(2)).names);
        assertEquals(List.of("sch", "Tab"), identifier(select.getFrom()).names);
    }

    @Test
    void positionalParametersAreDynamicParametersWithIndexNMinusOne() {
        final PlannableStatement statement = plannable("select $2, $1, $2 from t where a = $3");
        final SqlSelect select = assertInstanceOf(SqlSelect.class, statement.syntaxTree());
        assertEquals(List.of(1, 0, 1), select.getSelectList().stream().map(n -> param(n).getIndex()).toList());
        final SqlCall where = (SqlCall) select.getWhere();
        assertEquals(2, param(where.operand(1)).getIndex());
        assertEquals(3, statement.parameterCount());
    }

    @Test
    void parameterCountIsTheHighestParameterEvenWhenOthersAreMissing() {
        assertEquals(5, plannable("select $5").parameterCount());
        assertEquals(0, plannable("select 1").parameterCount());
        assertEquals(12, plannable("insert into jbatch(id, name) values ($1, $2),($3, $4),($5, $6),"
                + "($7, $8),($9, $10),($11, $12)").parameterCount());
    }

    @Test
    void aQuotedDollarNameIsAnIdentifier() {
        final PlannableStatement statement = plannable("select \"$1\" from t");
        final SqlSelect select = (SqlSelect) statement.syntaxTree();
        assertEquals("$1", identifier(select.getSelectList().get(0)).getSimple());
        assertEquals(0, statement.parameterCount());
    }

    @Test
    void parameterZeroDoesNotExist() {
        final PgException e = error("select $0");
        assertEquals(SqlState.UNDEFINED_PARAMETER, e.sqlState());
        assertEquals("there is no parameter $0", e.getMessage());
        assertEquals(8, e.position());
    }

    @Test
    void questionMarkIsNotAParameter() {
        final PgException e = error("select a from t where b = ?");
        assertEquals(SqlState.SYNTAX_ERROR, e.sqlState());
        assertEquals(27, e.position());
    }

    @Test
    void infixCastIsAStandardCast() {
        final SqlSelect select = tree(SqlSelect.class, "select $1::int4, '5'::pg_catalog.int8, x::text from t");
        final SqlCall first = cast(select.getSelectList().get(0));
        assertEquals(0, param(first.operand(0)).getIndex());
        assertEquals("INTEGER", type(first).getTypeName().getSimple());
        assertEquals("BIGINT", type(cast(select.getSelectList().get(1))).getTypeName().getSimple());
        assertEquals("text", type(cast(select.getSelectList().get(2))).getTypeName().getSimple());
    }

    @Test
    void infixCastBindsTighterThanOtherOperatorsAndChains() {
        final SqlSelect select = tree(SqlSelect.class,
                "select a + b::int, (a + b)::text, c::pg_catalog.regtype::pg_catalog.text from t");
        final SqlCall plus = (SqlCall) select.getSelectList().get(0);
        assertEquals(SqlKind.PLUS, plus.getKind());
        cast(plus.operand(1));
        assertEquals(SqlKind.PLUS, cast(select.getSelectList().get(1)).operand(0).getKind());
        final SqlCall outer = cast(select.getSelectList().get(2));
        assertEquals("text", type(outer).getTypeName().getSimple());
        assertEquals(List.of("pg_catalog", "regtype"), type(cast(outer.operand(0))).getTypeName().names);
    }

    @Test
    void arrayTypesInCasts() {
        final SqlSelect select = tree(SqlSelect.class, "select $1::int[], x::text[3], (y::int[])[i] from t");
        assertEquals(SqlTypeName.ARRAY, collectionOf(cast(select.getSelectList().get(0))));
        assertEquals(SqlTypeName.ARRAY, collectionOf(cast(select.getSelectList().get(1))));
        final SqlCall item = (SqlCall) select.getSelectList().get(2);
        assertEquals(SqlKind.ITEM, item.getKind());
        assertEquals(SqlTypeName.ARRAY, collectionOf(cast(item.operand(0))));
    }

    @Test
    void aSubscriptRightAfterACastIsAnError() {
        final PgException e = error("select y::int[i] from t");
        assertEquals("syntax error at or near \"i\"", e.getMessage());
        assertEquals(15, e.position());
    }

    @Test
    void escapeStringsAreDecodedAsPostgreSqlDoes() {
        final SqlSelect select = tree(SqlSelect.class, "select E'a\\tb\\n', e'\\d\\q', E'\\303\\251\\x41', E'it''s \\'x\\''");
        assertEquals("a\tb\n", string(select.getSelectList().get(0)));
        assertEquals("dq", string(select.getSelectList().get(1)));
        assertEquals("éA", string(select.getSelectList().get(2)));
        assertEquals("it's 'x'", string(select.getSelectList().get(3)));
    }

    @Test
    void stringLiteralsHaveNoCharacterSetOfTheirOwn() {
        final SqlSelect select = tree(SqlSelect.class, "select 'a', E'b', 'c\\d'");
        for (SqlNode item : select.getSelectList()) {
            assertNull(((SqlCharStringLiteral) item).getValueAs(NlsString.class).getCharsetName());
        }
        assertEquals("c\\d", string(select.getSelectList().get(2)));
    }

    @Test
    void bangEqualsIsNotEquals() {
        final SqlSelect select = tree(SqlSelect.class, "select a from t where a != 1 and b <> 2");
        final SqlCall and = (SqlCall) select.getWhere();
        assertEquals(SqlKind.NOT_EQUALS, and.operand(0).getKind());
        assertEquals(SqlKind.NOT_EQUALS, and.operand(1).getKind());
    }

    @Test
    void regularExpressionOperators() {
        final SqlSelect select = tree(SqlSelect.class, "select a ~ 'x', a ~* 'x', a !~ 'x', a !~* 'x' from t");
        assertEquals(List.of(SqlStdOperatorTable.POSIX_REGEX_CASE_SENSITIVE,
                        SqlStdOperatorTable.POSIX_REGEX_CASE_INSENSITIVE,
                        SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_SENSITIVE,
                        SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_INSENSITIVE),
                select.getSelectList().stream().map(n -> ((SqlCall) n).getOperator()).toList());
    }

    @Test
    void likeOperatorsWrittenAsTildes() {
        final SqlSelect select = tree(SqlSelect.class, "select a ~~ 'x', a ~~* 'x', a !~~ 'x', a !~~* 'x' from t");
        assertEquals(List.of(SqlStdOperatorTable.LIKE, SqlLibraryOperators.ILIKE, SqlStdOperatorTable.NOT_LIKE,
                        SqlLibraryOperators.NOT_ILIKE),
                select.getSelectList().stream().map(n -> ((SqlCall) n).getOperator()).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            a OPERATOR(pg_catalog.~) 'x'    ; POSIX REGEX CASE SENSITIVE
            a operator(~*) 'x'              ; POSIX REGEX CASE INSENSITIVE
            a OPERATOR(pg_catalog.!~) 'x'   ; NEGATED POSIX REGEX CASE SENSITIVE
            a OPERATOR(pg_catalog.!~*) 'x'  ; NEGATED POSIX REGEX CASE INSENSITIVE
            a OPERATOR(pg_catalog.~~) 'x'   ; LIKE
            a OPERATOR(pg_catalog.!~~) 'x'  ; NOT LIKE
            a OPERATOR(pg_catalog.~~*) 'x'  ; ILIKE
            a OPERATOR(pg_catalog.!~~*) 'x' ; NOT ILIKE
            a OPERATOR(pg_catalog.=) 1      ; =
            a OPERATOR("pg_catalog".<>) 1   ; <>
            a OPERATOR(pg_catalog.!=) 1     ; <>
            a OPERATOR(pg_catalog.<) 1      ; <
            a OPERATOR(pg_catalog.>) 1      ; >
            a OPERATOR(pg_catalog.<=) 1     ; <=
            a OPERATOR(pg_catalog.>=) 1     ; >=
            a OPERATOR(pg_catalog.+) 1      ; +
            a OPERATOR(pg_catalog.||) 'x'   ; ||
            """)
    void qualifiedOperatorIsTheOperatorOfPgCatalog(String expression, String operator) {
        final SqlSelect select = tree(SqlSelect.class, "select " + expression + " from t");
        final SqlCall call = (SqlCall) select.getSelectList().getFirst();
        assertEquals(operator, call.getOperator().getName());
        assertEquals(List.of("a"), identifier(call.operand(0)).names);
    }

    @Test
    void psqlsPatternMatchWithCollateDefault() {
        final SqlSelect select = tree(SqlSelect.class, "SELECT c.oid FROM pg_catalog.pg_class c\n"
                + "WHERE c.relname OPERATOR(pg_catalog.~) '^(t)$' COLLATE pg_catalog.default\n"
                + "  AND pg_catalog.pg_table_is_visible(c.oid)");
        final SqlCall and = (SqlCall) select.getWhere();
        assertEquals(SqlKind.AND, and.getKind());
        final SqlCall match = and.operand(0);
        assertEquals(SqlStdOperatorTable.POSIX_REGEX_CASE_SENSITIVE, match.getOperator());
        assertEquals("^(t)$", string(match.operand(1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"default\"", "\"C\"", "\"POSIX\"", "ucs_basic", "pg_catalog.\"C\"", "\"C.utf8\""})
    void collateWithACodePointOrderIsDropped(String collation) {
        final SqlOrderBy query = tree(SqlOrderBy.class, "select a collate " + collation + " from t order by b collate "
                + collation);
        assertEquals(List.of("a"), identifier(((SqlSelect) query.query).getSelectList().getFirst()).names);
        assertEquals(List.of("b"), identifier(query.orderList.getFirst()).names);
    }

    @Test
    void collateBindsTighterThanComparison() {
        final SqlSelect select = tree(SqlSelect.class, "select a from t where a < 'x' collate \"C\" and b");
        final SqlCall and = (SqlCall) select.getWhere();
        assertEquals(SqlKind.LESS_THAN, and.operand(0).getKind());
    }

    @Test
    void limitAndOffset() {
        final SqlOrderBy orderBy = tree(SqlOrderBy.class, "select a from t order by a limit 10 offset 5");
        assertEquals(10, ((SqlNumericLiteral) orderBy.fetch).intValue(true));
        assertEquals(5, ((SqlNumericLiteral) orderBy.offset).intValue(true));
        assertInstanceOf(SqlSelect.class, orderBy.query);
        final SqlOrderBy offsetFirst = tree(SqlOrderBy.class, "select a from t offset 2 limit 1");
        assertEquals(1, ((SqlNumericLiteral) offsetFirst.fetch).intValue(true));
    }

    @Test
    void keywordsAfterADotOrAsAreNames() {
        final SqlSelect select = tree(SqlSelect.class,
                "select count(*) as count, t.cardinality, x as value, y as year, pg_catalog.count(z) from t");
        assertEquals("count", alias(select.getSelectList().get(0)));
        assertEquals(List.of("t", "cardinality"), identifier(select.getSelectList().get(1)).names);
        assertEquals("value", alias(select.getSelectList().get(2)));
        assertEquals("year", alias(select.getSelectList().get(3)));
        final SqlCall qualified = (SqlCall) select.getSelectList().get(4);
        assertEquals("pg_catalog.count", qualified.getOperator().getNameAsId().toString());
    }

    @Test
    void castToAKeywordTypeStillWorksAfterAs() {
        final SqlSelect select = tree(SqlSelect.class,
                "select cast(a as integer), cast(b as double precision), cast(c as timestamp with time zone) from t");
        assertEquals(List.of("INTEGER", "DOUBLE", "TIMESTAMP_WITH_LOCAL_TIME_ZONE"),
                select.getSelectList().stream().map(n -> type((SqlCall) n).getTypeName().getSimple()).toList());
    }

    @Test
    void postgresUnreservedWordsAsColumnNames() {
        final SqlSelect select = tree(SqlSelect.class, "select i, by, result.one, member from result");
        assertEquals("by", identifier(select.getSelectList().get(1)).getSimple());
        assertEquals(List.of("result", "one"), identifier(select.getSelectList().get(2)).names);
        assertEquals("member", identifier(select.getSelectList().get(3)).getSimple());
    }

    @Test
    void currentSchemaWithOrWithoutParentheses() {
        final SqlSelect select = tree(SqlSelect.class, "select current_schema(), current_schema");
        assertEquals(select.getSelectList().get(0).toString(), select.getSelectList().get(1).toString());
    }

    @Test
    void insertWithColumnsAndParameters() {
        final SqlInsert insert = tree(SqlInsert.class,
                "insert into jtypes(i,b,t,by,u) values ($1,$2,$3,$4,$5)");
        assertEquals("jtypes", identifier(insert.getTargetTable()).getSimple());
        assertEquals(List.of("i", "b", "t", "by", "u"),
                insert.getTargetColumnList().stream().map(n -> identifier(n).getSimple()).toList());
        final SqlBasicCall values = (SqlBasicCall) insert.getSource();
        assertEquals(SqlKind.VALUES, values.getKind());
        final SqlCall row = values.operand(0);
        assertEquals(4, param(row.operand(4)).getIndex());
    }

    @Test
    void pgbenchUpdateAndDelete() {
        final PlannableStatement update =
                plannable("UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2");
        final SqlUpdate tree = (SqlUpdate) update.syntaxTree();
        assertEquals(List.of("abalance"), tree.getTargetColumnList().stream().map(n -> identifier(n).getSimple()).toList());
        assertEquals(2, update.parameterCount());
        final SqlDelete delete = tree(SqlDelete.class, "delete from t where a = $1");
        assertEquals(SqlKind.EQUALS, delete.getCondition().getKind());
    }

    @Test
    void catalogQueryOfPgjdbcParses() {
        final PlannableStatement statement = plannable(
                "SELECT tmp.TABLE_CAT, CASE tmp.AM_NAME WHEN 'btree' THEN CASE tmp.I_INDOPTION[tmp.ORDINAL_POSITION - 1]"
                        + " & 1::smallint WHEN 1 THEN 'D' ELSE 'A' END ELSE NULL END AS \"ASC_OR_DESC\","
                        + " tmp.CARDINALITY FROM (SELECT ci.reltuples AS CARDINALITY,"
                        + " (information_schema._pg_expandarray(i.indkey)).n AS ORDINAL_POSITION"
                        + " FROM pg_catalog.pg_index i WHERE n.nspname ~ '^pg_' AND ct.relname = $2) AS tmp");
        assertEquals(2, statement.parameterCount());
    }

    private static SqlIdentifier identifier(SqlNode node) {
        return assertInstanceOf(SqlIdentifier.class, node);
    }

    private static SqlDynamicParam param(SqlNode node) {
        return assertInstanceOf(SqlDynamicParam.class, node);
    }

    private static SqlCall cast(SqlNode node) {
        final SqlCall call = assertInstanceOf(SqlCall.class, node);
        assertEquals(SqlStdOperatorTable.CAST, call.getOperator());
        return call;
    }

    private static SqlDataTypeSpec type(SqlCall cast) {
        return assertInstanceOf(SqlDataTypeSpec.class, cast.operand(1));
    }

    private static SqlTypeName collectionOf(SqlCall cast) {
        final SqlDataTypeSpec spec = type(cast);
        assertInstanceOf(SqlBasicTypeNameSpec.class, spec.getComponentTypeSpec().getTypeNameSpec());
        return SqlTypeName.get(spec.getCollectionsTypeName().getSimple());
    }

    private static String string(SqlNode node) {
        return assertInstanceOf(SqlCharStringLiteral.class, node).getValueAs(String.class);
    }

    private static String alias(SqlNode node) {
        final SqlCall as = assertInstanceOf(SqlCall.class, node);
        assertEquals(SqlKind.AS, as.getKind());
        return identifier(as.operand(1)).getSimple();
    }
}
