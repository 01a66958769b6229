package org.modgres.parser.impl;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.SqlParser;
import org.modgres.api.sql.Statement;
import org.modgres.parser.impl.grammar.ParseException;
import org.modgres.parser.impl.grammar.PgSqlParserImpl;
import org.modgres.parser.impl.grammar.TokenMgrError;
import org.modgres.parser.impl.syntax.RecognizedStatement;
import org.modgres.parser.impl.syntax.StatementBody;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL-dialect parser: Calcite's grammar, generated with PostgreSQL's statements and
 * syntax added (see {@code src/main/codegen}).
 *
 * <p>Identifiers follow PostgreSQL: unquoted ones are folded to lower case, double-quoted ones
 * keep their case. Queries and DML become {@link PlannableStatement}s holding Calcite's
 * {@code SqlNode} (SqlSelect, SqlOrderBy, a VALUES call, set operations, SqlInsert, SqlUpdate,
 * SqlDelete), where {@code $n} is a {@code SqlDynamicParam} with index n - 1 and
 * {@code expr::type} a standard {@code CAST}. DML with RETURNING or ON CONFLICT is a
 * {@code SqlNodeList} around the DML node (see {@link org.modgres.parser.impl.syntax.DmlClauses}),
 * and {@code SELECT DISTINCT ON} is marked in the select's QUALIFY slot (see
 * {@link org.modgres.parser.impl.syntax.PgSyntax#DISTINCT_ON}). CREATE TABLE is described by
 * {@link org.modgres.parser.impl.syntax.CreateTableBuilder}, types by
 * {@link org.modgres.parser.impl.syntax.PgTypes}; DROP TABLE is a {@code SqlNodeList} of
 * {@code SqlDropTable}, one per table. Transaction control, savepoints, SET, SHOW, RESET,
 * TRUNCATE, VACUUM, ANALYZE and ALTER TABLE become the api's own statement records.
 */
@Component(service = SqlParser.class, property = "service.ranking:Integer=0")
public final class PostgresSqlParser implements SqlParser {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresSqlParser.class);

    /** PostgreSQL truncates long identifiers rather than rejecting them; never let Calcite reject one. */
    private static final int IDENTIFIER_MAX_LENGTH = Integer.MAX_VALUE;

    private final UtilityStatementCache utilityStatements = new UtilityStatementCache();

    @Activate
    void activate() {
        LOG.info("PostgreSQL parser available");
    }

    @Deactivate
    void deactivate() {
        LOG.info("PostgreSQL parser withdrawn");
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public List<Statement> parse(String sql) {
        List<Statement> known = utilityStatements.get(sql);
        if (known != null) {
            return known;
        }
        List<Statement> parsed = parseText(sql);
        utilityStatements.offer(sql, parsed);
        return parsed;
    }

    private List<Statement> parseText(String sql) {
        String firstWord = CopyTokens.firstWord(sql);
        if (firstWord.equals("copy")) {
            return CopyCommandParser.parse(sql, this::parse);
        }
        if (firstWord.equals("explain")) {
            return ExplainCommandParser.parse(sql, this::parse);
        }
        if (CursorCommandParser.startsCursorStatement(firstWord)) {
            return CursorCommandParser.parse(sql, this::parse);
        }
        if (PreparedCommandParser.startsPreparedCommand(firstWord)) {
            return PreparedCommandParser.parse(sql, this::parse);
        }
        if (DiscardCommandParser.startsDiscard(firstWord)) {
            return DiscardCommandParser.parse(sql, this::parse);
        }
        if (LockCommandParser.startsLock(firstWord)) {
            return LockCommandParser.parse(sql, this::parse);
        }
        if (CheckpointCommandParser.startsCheckpoint(firstWord)) {
            return CheckpointCommandParser.parse(sql, this::parse);
        }
        if (CommentCommandParser.startsComment(firstWord)) {
            return CommentCommandParser.parse(sql, this::parse);
        }
        if (GrantCommandParser.isGrantCommand(firstWord)) {
            return GrantCommandParser.parse(sql, this::parse);
        }
        if (DefaultPrivilegesCommandParser.isCommand(sql)) {
            return DefaultPrivilegesCommandParser.parse(sql, this::parse);
        }
        int laterDefaultPrivileges = StatementStarts.laterStatement(sql, "alter"::equals,
                DefaultPrivilegesCommandParser::isCommand);
        if (laterDefaultPrivileges > 0) {
            return GrantCommandParser.parseAround(sql, laterDefaultPrivileges, this::parse);
        }
        int laterGrant = StatementStarts.laterStatement(sql,
                word -> GrantCommandParser.isGrantCommand(word) || DiscardCommandParser.startsDiscard(word)
                        || LockCommandParser.startsLock(word) || CheckpointCommandParser.startsCheckpoint(word)
                        || CommentCommandParser.startsComment(word));
        if (laterGrant > 0) {
            return GrantCommandParser.parseAround(sql, laterGrant, this::parse);
        }
        if (IndexCommandParser.isIndexCommand(sql)) {
            return IndexCommandParser.parse(sql, this::parse);
        }
        int laterIndex = StatementStarts.laterStatement(sql, IndexCommandParser::startsIndexCommand,
                IndexCommandParser::isIndexCommand);
        if (laterIndex > 0) {
            return GrantCommandParser.parseAround(sql, laterIndex, this::parse);
        }
        if (SchemaViewCommandParser.isCommand(sql)) {
            return SchemaViewCommandParser.parse(sql, this::parse);
        }
        int laterSchemaOrView = StatementStarts.laterStatement(sql, SchemaViewCommandParser::startsCommand,
                SchemaViewCommandParser::isCommand);
        if (laterSchemaOrView > 0) {
            return GrantCommandParser.parseAround(sql, laterSchemaOrView, this::parse);
        }
        if (OwnerCommandParser.isCommand(sql)) {
            return OwnerCommandParser.parse(sql, this::parse);
        }
        int laterOwner = StatementStarts.laterStatement(sql, OwnerCommandParser::startsCommand,
                OwnerCommandParser::isCommand);
        if (laterOwner > 0) {
            return GrantCommandParser.parseAround(sql, laterOwner, this::parse);
        }
        if (RoleCommandParser.isRoleCommand(sql)) {
            return RoleCommandParser.parse(sql, this::parse);
        }
        final SourceText source = new SourceText(sql);
        final PgSqlParserImpl parser = newParser(sql);
        final List<RecognizedStatement> recognized;
        try {
            recognized = parser.PgStatementList();
        } catch (ParseException | TokenMgrError | RuntimeException | StackOverflowError e) {
            throw SyntaxErrors.translate(e, source, parser);
        }
        final List<Statement> statements = new ArrayList<>(recognized.size());
        for (RecognizedStatement statement : recognized) {
            statements.add(toStatement(statement.body(), source.text(statement.extent())));
        }
        return statements;
    }

    private static Statement toStatement(StatementBody body, String text) {
        return switch (body) {
            case StatementBody.Plannable p ->
                    new PlannableStatement(text, p.kind(), p.tree(), ParameterCounter.count(p.tree()));
            case StatementBody.Utility u -> u.withText().apply(text);
        };
    }

    /** Configures the generated parser as Calcite's SqlParser would, with PostgreSQL's settings. */
    private static PgSqlParserImpl newParser(String sql) {
        // Not PgSqlParserImpl.FACTORY: it sizes the input buffer to the string, which fails for "".
        final PgSqlParserImpl parser = new PgSqlParserImpl(new StringReader(sql));
        parser.setOriginalSql(sql);
        parser.setTabSize(1);
        parser.setQuotedCasing(Casing.UNCHANGED);
        parser.setUnquotedCasing(Casing.TO_LOWER);
        parser.setIdentifierMaxLength(IDENTIFIER_MAX_LENGTH);
        parser.setConformance(SqlConformanceEnum.LENIENT);
        parser.switchTo(SqlAbstractParserImpl.LexicalState.DQID);
        return parser;
    }
}
