<#--
  PostgreSQL statements and syntax on top of Calcite's grammar. The entry point is
  PgStatementList(); Calcite's own SqlStmtList() is generated but not used.

  Actions stay small and call into org.modgres.parser.impl.syntax, where the work is done in plain Java:
  JavaCC copies actions verbatim but parses them with a Java 5 grammar (no lambdas, no diamonds).
-->

/**
 * Parses zero or more statements separated by semicolons, up to the end of the input.
 * Empty statements (";;", a trailing ";") yield nothing, as in PostgreSQL.
 */
List<RecognizedStatement> PgStatementList() :
{
    final List<RecognizedStatement> list = new ArrayList<RecognizedStatement>();
}
{
    PgStatementOpt(list)
    ( <SEMICOLON> PgStatementOpt(list) )*
    <EOF>
    { return list; }
}

void PgStatementOpt(List<RecognizedStatement> list) :
{
    final Token first = getToken(1);
    final StatementBody body;
}
{
    [
        body = PgStatement() {
            list.add(new RecognizedStatement(body,
                new SqlParserPos(first.beginLine, first.beginColumn, token.endLine, token.endColumn)));
        }
    ]
}

StatementBody PgStatement() :
{
    final StatementBody body;
    SqlNode node;
}
{
    (
        // ABORT is not reserved, so it could also start an expression; a statement it is.
        LOOKAHEAD(1)
        body = PgTransactionStatement()
    |
        body = PgSetStatement()
    |
        body = PgShowStatement()
    |
        body = PgResetStatement()
    |
        LOOKAHEAD(2)
        body = PgCreateSequence()
    |
        body = PgCreateTable()
    |
        LOOKAHEAD(2)
        body = PgDropSequence()
    |
        body = PgDropTable()
    |
        body = PgAlter()
    |
        // TRUNCATE is also a function name in Calcite's expressions; a statement it is.
        LOOKAHEAD(1)
        body = PgTruncate()
    |
        // VACUUM is not reserved, so it could also start an expression; a statement it is.
        LOOKAHEAD(1)
        body = PgVacuum()
    |
        body = PgAnalyze()
    |
        body = PgSavepointStatement()
    |
        body = PgDmlStatement(null)
    |
        // WITH before a query, or before INSERT, UPDATE or DELETE
        LOOKAHEAD(1)
        body = PgWithStatement()
    |
        node = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
        [ node = PgRowLocking(node) ]
        { body = StatementBody.query(node); }
    )
    { return body; }
}

/**
 * INSERT, UPDATE or DELETE, with PostgreSQL's ON CONFLICT, RETURNING, UPDATE ... FROM and
 * DELETE ... USING clauses; {@code withList} is the WITH before it, or null.
 */
StatementBody PgDmlStatement(SqlNodeList withList) :
{
    final SqlNode dml;
    final DmlClauses clauses;
    final Span s;
    final List<SqlNode> returning = new ArrayList<SqlNode>();
    final List<SqlNode> from = new ArrayList<SqlNode>();
    final List<SqlIdentifier> insertAlias = new ArrayList<SqlIdentifier>();
}
{
    (
        dml = PgInsert(insertAlias) { clauses = new DmlClauses(dml); clauses.insertAlias(insertAlias); }
        [ PgOnConflict(clauses) ]
    |
        dml = PgUpdate(from) { clauses = new DmlClauses(dml); clauses.from(from); }
    |
        dml = PgDelete(from) { clauses = new DmlClauses(dml); clauses.from(from); }
    )
    { clauses.with(withList); }
    [
        <RETURNING> { s = span(); }
        AddSelectItem(returning) ( <COMMA> AddSelectItem(returning) )*
        { clauses.returning(returning, s.end(this)); }
    ]
    { return StatementBody.dml(clauses); }
}

/**
 * ON CONFLICT [ (column, ...) ] DO NOTHING, or DO UPDATE SET column = expression, ... [ WHERE
 * condition ], where EXCLUDED names the row proposed for insertion.
 */
void PgOnConflict(DmlClauses clauses) :
{
    final Span s;
    SqlNodeList target = null;
    final SqlNodeList columns = new SqlNodeList(SqlParserPos.ZERO);
    final SqlNodeList values = new SqlNodeList(SqlParserPos.ZERO);
    SqlNode where = null;
}
{
    <ON> { s = span(); } <CONFLICT>
    [
        <ON> <CONSTRAINT> { throw PgSyntax.notSupported("ON CONFLICT ON CONSTRAINT", getPos()); }
    |
        target = ParenthesizedSimpleIdentifierList()
    ]
    { clauses.onConflict(target, s.end(this)); }
    <DO>
    (
        <NOTHING>
    |
        <UPDATE> <SET>
        PgAssignment(columns, values) ( <COMMA> PgAssignment(columns, values) )*
        [ where = Where() ]
        { clauses.doUpdate(columns, values, where, s.end(this)); }
    )
}

void PgAssignment(SqlNodeList columns, SqlNodeList values) :
{
    final SqlIdentifier column;
}
{
    column = SimpleIdentifier() { columns.add(column); }
    <EQ> AddExpression(values, ExprContext.ACCEPT_SUB_QUERY)
}

/**
 * The (expressions) of SELECT DISTINCT ON, which the parser template's SqlSelect() calls after
 * DISTINCT (see pom.xml); PgSyntax.distinctOn puts them into the SqlSelect.
 */
SqlNodeList PgDistinctOn(SqlLiteral quantifier) :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    {
        // ALL ON (...): a syntax error at ON, the next token
        if (!PgSyntax.isDistinct(quantifier)) {
            throw new ParseException();
        }
    }
    <ON> { s = span(); } <LPAREN>
    AddExpression(list, ExprContext.ACCEPT_NON_QUERY)
    ( <COMMA> AddExpression(list, ExprContext.ACCEPT_NON_QUERY) )*
    <RPAREN>
    { return new SqlNodeList(list, s.end(this)); }
}

StatementBody PgTransactionStatement() :
{
    final Map<String, String> modes = new LinkedHashMap<String, String>();
    final String savepoint;
}
{
    (
        <BEGIN> [ <WORK> | <TRANSACTION> ] [ PgTransactionModes(modes) ]
    |
        <START> <TRANSACTION> [ PgTransactionModes(modes) ]
    )
    { return StatementBody.begin(modes); }
|
    ( <COMMIT> | <END> ) [ <WORK> | <TRANSACTION> ]
    { return StatementBody.transaction(StatementKind.COMMIT); }
|
    <ROLLBACK> [ <WORK> | <TRANSACTION> ]
    [
        <TO> [ <SAVEPOINT> ] savepoint = Identifier() {
            return StatementBody.savepoint(StatementKind.ROLLBACK_TO, savepoint);
        }
    ]
    { return StatementBody.transaction(StatementKind.ROLLBACK); }
|
    <ABORT> [ <WORK> | <TRANSACTION> ]
    { return StatementBody.transaction(StatementKind.ROLLBACK); }
}

/** SAVEPOINT name and RELEASE [SAVEPOINT] name; ROLLBACK TO is with ROLLBACK. */
StatementBody PgSavepointStatement() :
{
    final String name;
}
{
    <SAVEPOINT> name = Identifier() { return StatementBody.savepoint(StatementKind.SAVEPOINT, name); }
|
    <RELEASE> [ <SAVEPOINT> ] name = Identifier() { return StatementBody.savepoint(StatementKind.RELEASE, name); }
}

/** Transaction modes, as in BEGIN and SET TRANSACTION; the commas between them are optional. */
void PgTransactionModes(Map<String, String> settings) :
{}
{
    PgTransactionMode(settings)
    ( [ <COMMA> ] PgTransactionMode(settings) )*
}

void PgTransactionMode(Map<String, String> settings) :
{
    final String level;
}
{
    <ISOLATION> <LEVEL> level = PgIsolationLevel() { settings.put("transaction_isolation", level); }
|
    LOOKAHEAD(2) <READ> <ONLY> { settings.put("transaction_read_only", "on"); }
|
    <READ> <WRITE> { settings.put("transaction_read_only", "off"); }
|
    <DEFERRABLE> { settings.put("transaction_deferrable", "on"); }
|
    <NOT> <DEFERRABLE> { settings.put("transaction_deferrable", "off"); }
}

String PgIsolationLevel() :
{}
{
    <SERIALIZABLE> { return "serializable"; }
|
    <REPEATABLE> <READ> { return "repeatable read"; }
|
    LOOKAHEAD(2) <READ> <COMMITTED> { return "read committed"; }
|
    <READ> <UNCOMMITTED> { return "read uncommitted"; }
}

StatementBody PgSetStatement() :
{
    boolean local = false;
    final String name;
    final String value;
    final List<String> values;
    final Map<String, String> settings = new LinkedHashMap<String, String>();
}
{
    <SET>
    (
        LOOKAHEAD(2)
        <SESSION> <CHARACTERISTICS> <AS> <TRANSACTION> PgTransactionModes(settings) {
            return StatementBody.setTransactionModes(settings, true);
        }
    |
        [ LOOKAHEAD(1) ( <SESSION> | <LOCAL> { local = true; } ) ]
        (
            <TIME> <ZONE> value = PgTimeZoneValue() { name = "timezone"; }
        |
            // SET ROLE name | NONE, and role as a parameter (SET role TO name)
            LOOKAHEAD(1)
            <ROLE>
            (
                ( <TO> | <EQ> ) value = PgDefaultOrValue()
            |
                <NONE> { value = "none"; }
            |
                value = PgVarValue()
            )
            { name = "role"; }
        |
            // SET SESSION AUTHORIZATION name | DEFAULT; SESSION was read as the scope
            <AUTHORIZATION> value = PgDefaultOrValue() { name = "session_authorization"; }
        |
            LOOKAHEAD(1)
            <TRANSACTION> PgTransactionModes(settings) {
                return StatementBody.setTransactionModes(settings, false);
            }
        |
            LOOKAHEAD(2)
            <SCHEMA> value = PgStringConstant() { name = "search_path"; }
        |
            LOOKAHEAD(2)
            <NAMES> value = PgDefaultOrValue() { name = "client_encoding"; }
        |
            name = PgVarName() ( <TO> | <EQ> ) values = PgDefaultOrValues() {
                return StatementBody.set(name, values, local);
            }
        )
        { return StatementBody.set(name, value, local); }
    )
}

/** A parameter name: an identifier, or several joined with dots. */
String PgVarName() :
{
    final StringBuilder name = new StringBuilder();
    String part;
}
{
    part = Identifier() { name.append(part); }
    ( <DOT> part = Identifier() { name.append('.').append(part); } )*
    { return name.toString(); }
}

/** Returns null for DEFAULT, else the values. */
List<String> PgDefaultOrValues() :
{
    final List<String> values = new ArrayList<String>();
    String value;
}
{
    <DEFAULT_> { return null; }
|
    value = PgVarValue() { values.add(value); }
    ( <COMMA> value = PgVarValue() { values.add(value); } )*
    { return values; }
}

String PgDefaultOrValue() :
{
    final String value;
}
{
    <DEFAULT_> { return null; }
|
    value = PgVarValue() { return value; }
}

String PgTimeZoneValue() :
{
    final String value;
}
{
    ( <DEFAULT_> | <LOCAL> ) { return null; }
|
    value = PgVarValue() { return value; }
}

String PgVarValue() :
{
    final String value;
}
{
    value = PgStringConstant() { return value; }
|
    value = PgSignedNumber() { return value; }
|
    <ON> { return "on"; }
|
    <TRUE> { return "true"; }
|
    <FALSE> { return "false"; }
|
    // Reserved in Calcite but plain words in PostgreSQL, and values of common parameters.
    ( <ESCAPE> | <PARTITION> ) { return unquotedIdentifier(); }
|
    value = Identifier() { return value; }
}

String PgStringConstant() :
{
    final StringBuilder value = new StringBuilder();
}
{
    // E'...' strings arrive here already rewritten as standard strings by the token manager.
    <QUOTED_STRING> { value.append(SqlParserUtil.parseString(token.image)); }
    ( <QUOTED_STRING> { value.append(SqlParserUtil.parseString(token.image)); } )*
    { return value.toString(); }
}

String PgSignedNumber() :
{
    String sign = "";
}
{
    [ <PLUS> | <MINUS> { sign = "-"; } ]
    (
        <UNSIGNED_INTEGER_LITERAL> { return PgSyntax.integerText(sign, token.image); }
    |
        ( <DECIMAL_NUMERIC_LITERAL> | <APPROX_NUMERIC_LITERAL> ) { return sign + token.image; }
    )
}

StatementBody PgShowStatement() :
{
    final String name;
}
{
    <SHOW>
    (
        <ALL> { name = "all"; }
    |
        <TIME> <ZONE> { name = "timezone"; }
    |
        LOOKAHEAD(2) <TRANSACTION> <ISOLATION> <LEVEL> { name = "transaction_isolation"; }
    |
        LOOKAHEAD(2) <SESSION> <AUTHORIZATION> { name = "session_authorization"; }
    |
        name = PgVarName()
    )
    { return StatementBody.show(name); }
}

StatementBody PgResetStatement() :
{
    final String name;
}
{
    <RESET>
    (
        <ALL> { name = "all"; }
    |
        <TIME> <ZONE> { name = "timezone"; }
    |
        LOOKAHEAD(2) <TRANSACTION> <ISOLATION> <LEVEL> { name = "transaction_isolation"; }
    |
        LOOKAHEAD(2) <SESSION> <AUTHORIZATION> { name = "session_authorization"; }
    |
        name = PgVarName()
    )
    { return StatementBody.reset(name); }
}

StatementBody PgCreateTable() :
{
    final Span s;
    boolean ifNotExists = false;
    final SqlIdentifier name;
    final CreateTableBuilder table;
}
{
    <CREATE> { s = span(); } <TABLE>
    [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    name = CompoundTableIdentifier() { table = new CreateTableBuilder(name); }
    <LPAREN>
    PgTableElement(table)
    ( <COMMA> PgTableElement(table) )*
    <RPAREN>
    [ PgStorageParameters() ]
    {
        return StatementBody.ddl(StatementKind.CREATE_TABLE, table.build(s.end(this), ifNotExists));
    }
}

void PgTableElement(CreateTableBuilder table) :
{
    SqlIdentifier constraintName = null;
    final Span s;
    final SqlNodeList columns;
    final List<String> text = new ArrayList<String>();
    SqlNode condition;
    ForeignKeyClause references;
}
{
    [ <CONSTRAINT> constraintName = SimpleIdentifier() ]
    (
        <PRIMARY> { s = span(); } <KEY> columns = ParenthesizedSimpleIdentifierList() {
            table.primaryKey(constraintName, columns, s.end(this));
        }
    |
        <UNIQUE> { s = span(); } columns = ParenthesizedSimpleIdentifierList() {
            table.unique(constraintName, columns, s.end(this));
        }
    |
        <CHECK> { s = span(); } condition = PgCheckCondition(text) {
            table.check(constraintName, condition, text.get(0), s.end(this));
        }
    |
        <FOREIGN> { s = span(); } <KEY> columns = ParenthesizedSimpleIdentifierList()
        references = PgReferences() {
            table.foreignKey(constraintName, columns, references, s.end(this));
        }
    )
|
    PgColumnDefinition(table)
}

void PgColumnDefinition(CreateTableBuilder table) :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
    final CreateTableBuilder.Column column;
}
{
    name = SimpleIdentifier()
    type = PgDataType() { column = table.column(name, type); }
    ( PgColumnConstraint(column) )*
}

void PgColumnConstraint(CreateTableBuilder.Column column) :
{
    SqlIdentifier constraintName = null;
    final Span s;
    final SqlNode value;
    boolean always = true;
    final SequenceOptionsBuilder identity = new SequenceOptionsBuilder();
    final SqlIdentifier word;
    final List<String> text = new ArrayList<String>();
    SqlNode condition;
    ForeignKeyClause references;
}
{
    [ <CONSTRAINT> constraintName = SimpleIdentifier() ]
    (
        <NOT> { s = span(); } <NULL> { column.notNull(s.end(this)); }
    |
        <NULL> { column.nullable(getPos()); }
    |
        <DEFAULT_> { s = span(); } value = Expression(ExprContext.ACCEPT_NON_QUERY) {
            column.defaultValue(value, s.end(this));
        }
    |
        <PRIMARY> { s = span(); } <KEY> { column.primaryKey(constraintName, s.end(this)); }
    |
        <UNIQUE> { column.unique(constraintName, getPos()); }
    |
        <CHECK> { s = span(); } condition = PgCheckCondition(text) {
            column.check(constraintName, condition, text.get(0), s.end(this));
        }
    |
        references = PgReferences() { column.references(constraintName, references, getPos()); }
    |
        <GENERATED> { s = span(); }
        ( <ALWAYS> | <BY> <DEFAULT_> { always = false; } )
        // after AS the token manager makes IDENTITY an identifier, as for an alias
        <AS> word = SimpleIdentifier() { SequenceOptionsBuilder.expectIdentity(word); }
        [ <LPAREN> ( PgSequenceOption(identity) )+ <RPAREN> ]
        { column.identity(always, identity, s.end(this)); }
    )
}

/** WITH (name [= value], ...) after the column list: accepted and ignored. */
void PgStorageParameters() :
{}
{
    <WITH> <LPAREN> PgStorageParameter() ( <COMMA> PgStorageParameter() )* <RPAREN>
}

void PgStorageParameter() :
{}
{
    PgVarName() [ <EQ> PgVarValue() ]
}

StatementBody PgDropTable() :
{
    final Span s;
    boolean ifExists = false;
    final List<SqlNode> drops = new ArrayList<SqlNode>();
    SqlIdentifier name;
}
{
    <DROP> { s = span(); } <TABLE>
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    name = CompoundTableIdentifier() {
        drops.add(SqlDdlNodes.dropTable(name.getParserPosition(), ifExists, name));
    }
    (
        <COMMA> name = CompoundTableIdentifier() {
            drops.add(SqlDdlNodes.dropTable(name.getParserPosition(), ifExists, name));
        }
    )*
    [
        <CASCADE> { drops.add(SqlLiteral.createCharString("CASCADE", getPos())); }
    |
        <RESTRICT>
    ]
    { return StatementBody.ddl(StatementKind.DROP_TABLE, new SqlNodeList(drops, s.end(this))); }
}

/** expr::type, added to Expression2's operator list; binds tighter than any other operator. */
void PgInfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlParserPos pos;
    final SqlDataTypeSpec type;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
        pos = getPos();
    }
    type = PgDataType()
    [
        // PgDataType took the array bounds; any other "[" after a cast is an error in
        // PostgreSQL ("x::int[i]"), and no subscript of a type. This fails where PostgreSQL does.
        LOOKAHEAD(1) <LBRACKET> <UNSIGNED_INTEGER_LITERAL> <RBRACKET>
    ]
    {
        list.add(new SqlParserUtil.ToTreeListItem(PgSyntax.INFIX_CAST, pos));
        list.add(type);
    }
}

/**
 * The pattern matching operators ~, ~*, !~, !~* (regular expressions) and ~~, ~~*, !~~, !~~*
 * (LIKE and ILIKE), added to Expression2's operator list.
 */
void PgPatternMatch(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlOperator op;
}
{
    op = PgPatternOperator()
    {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(op, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

SqlOperator PgPatternOperator() :
{}
{
    <TILDE> { return SqlStdOperatorTable.POSIX_REGEX_CASE_SENSITIVE; }
|
    <TILDE_STAR> { return SqlStdOperatorTable.POSIX_REGEX_CASE_INSENSITIVE; }
|
    <NEGATE_TILDE> { return SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_SENSITIVE; }
|
    <NEGATE_TILDE_STAR> { return SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_INSENSITIVE; }
|
    <DOUBLE_TILDE> { return SqlStdOperatorTable.LIKE; }
|
    <DOUBLE_TILDE_STAR> { return SqlLibraryOperators.ILIKE; }
|
    <NEGATE_DOUBLE_TILDE> { return SqlStdOperatorTable.NOT_LIKE; }
|
    <NEGATE_DOUBLE_TILDE_STAR> { return SqlLibraryOperators.NOT_ILIKE; }
}

/**
 * The json and jsonb operators, with the precedence PostgreSQL gives "any other operator":
 * below + and -, above comparisons. "?" is the token the token manager makes of a lone question
 * mark (see tokenManagerDeclarations.ftl), which only this rule accepts.
 */
void PgJsonOperator(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlOperator op;
}
{
    op = PgJsonOperatorSymbol()
    {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(op, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

SqlOperator PgJsonOperatorSymbol() :
{}
{
    <LAMBDA> { return JsonOperators.GET; }
|
    <JSON_GET_TEXT> { return JsonOperators.GET_TEXT; }
|
    <JSON_PATH> { return JsonOperators.GET_PATH; }
|
    <JSON_PATH_TEXT> { return JsonOperators.GET_PATH_TEXT; }
|
    <JSON_DELETE_PATH> { return JsonOperators.DELETE_PATH; }
|
    <JSON_CONTAINS> { return JsonOperators.CONTAINS; }
|
    <JSON_CONTAINED> { return JsonOperators.CONTAINED; }
|
    <JSON_ANY_KEY> { return JsonOperators.HAS_ANY_KEY; }
|
    <JSON_ALL_KEYS> { return JsonOperators.HAS_ALL_KEYS; }
|
    <BEL> { return JsonOperators.hasKey(token.image, getPos()); }
}

/** The rest of substring(x SIMILAR pattern ESCAPE e) after SIMILAR; args holds x. */
SqlNode PgSubstringSimilar(Span s, List<SqlNode> args) :
{}
{
    AddExpression(args, ExprContext.ACCEPT_SUB_QUERY)
    <ESCAPE>
    AddExpression(args, ExprContext.ACCEPT_SUB_QUERY)
    <RPAREN>
    { return SubstringSimilar.SUBSTRING.createCall(s.end(this), args); }
}

/**
 * The bounds of an array slice after its colon, the lower one (or null) already read: a[l:u],
 * a[:u], a[l:], a[:]. The template's subscript rule is patched to call this (see pom.xml).
 */
SqlNodeList PgSliceBounds(SqlNode lower) :
{
    final SqlParserPos pos = getPos();
    SqlNode upper = null;
}
{
    [ upper = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
    { return ArraySlice.bounds(lower, upper, pos); }
}

/** The array operator && (overlaps), added to Expression2's operator list. */
void PgArrayOverlap(List<Object> list, ExprContext exprContext, Span s) :
{}
{
    <ARRAY_OVERLAP>
    {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(ArrayOperators.OVERLAP, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/**
 * OPERATOR([schema.]op) as a binary operator, as psql writes OPERATOR(pg_catalog.~): the
 * operator op of pg_catalog, whatever the search_path. PostgreSQL gives every OPERATOR(...) the
 * precedence of "any other operator"; here it keeps the precedence of op, which differs only
 * when OPERATOR(...) is mixed with other operators without parentheses.
 */
void PgQualifiedOperator(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlParserPos pos;
    String schema = null;
    final String symbol;
    final SqlOperator op;
}
{
    <OPERATOR> { pos = getPos(); } <LPAREN>
    [ schema = Identifier() <DOT> ]
    (
        op = PgPatternOperator()
    |
        op = PgComparisonOrArithmeticOperator()
    |
        PgOtherOperatorSymbol() { op = null; }
    )
    { symbol = token.image; }
    <RPAREN>
    {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(
            OperatorAndCollationNames.qualifiedOperator(schema, symbol, op, pos), pos));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

SqlOperator PgComparisonOrArithmeticOperator() :
{}
{
    <EQ> { return SqlStdOperatorTable.EQUALS; }
|
    ( <NE> | <NE2> ) { return SqlStdOperatorTable.NOT_EQUALS; }
|
    <LT> { return SqlStdOperatorTable.LESS_THAN; }
|
    <GT> { return SqlStdOperatorTable.GREATER_THAN; }
|
    <LE> { return SqlStdOperatorTable.LESS_THAN_OR_EQUAL; }
|
    <GE> { return SqlStdOperatorTable.GREATER_THAN_OR_EQUAL; }
|
    <PLUS> { return SqlStdOperatorTable.PLUS; }
|
    <MINUS> { return SqlStdOperatorTable.MINUS; }
|
    <STAR> { return SqlStdOperatorTable.MULTIPLY; }
|
    <SLASH> { return SqlStdOperatorTable.DIVIDE; }
|
    <PERCENT_REMAINDER> { return SqlStdOperatorTable.PERCENT_REMAINDER; }
|
    <CONCAT> { return SqlStdOperatorTable.CONCAT; }
}

/** Operator symbols PostgreSQL has that no rule here implements, for the error that names them. */
void PgOtherOperatorSymbol() :
{}
{
    <CARET> | <AMPERSAND> | <LEFTSHIFT> | <VERTICAL_BAR>
}

/**
 * expr COLLATE collation, added to Expression2's operator list. Only the collations that sort
 * as Modgres does (byte order) are accepted, and they leave the expression as it is.
 */
void PgCollate(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlParserPos pos;
    final SqlIdentifier collation;
}
{
    <COLLATE> { pos = getPos(); } collation = CompoundIdentifier()
    {
        checkNonQueryExpression(exprContext);
        OperatorAndCollationNames.checkCollation(collation, pos);
    }
}

/** A type as PostgreSQL writes it, including array suffixes: int[], text[3], int ARRAY. */
SqlDataTypeSpec PgDataType() :
{
    SqlTypeNameSpec type;
    final Span s;
}
{
    type = TypeName() { s = Span.of(type.getParserPos()); }
    (
        // Only array bounds, "[]" or "[3]": "x::int[i]" is left to PgInfixCast, which rejects it.
        LOOKAHEAD(<LBRACKET> [ <UNSIGNED_INTEGER_LITERAL> ] <RBRACKET> | <ARRAY>)
        PgArraySuffix() { type = PgTypes.arrayOf(type, s.end(this)); }
    )*
    { return new SqlDataTypeSpec(type, s.end(this)); }
}

void PgArraySuffix() :
{}
{
    <LBRACKET> [ <UNSIGNED_INTEGER_LITERAL> ] <RBRACKET>
|
    <ARRAY> [ LOOKAHEAD(1) <LBRACKET> <UNSIGNED_INTEGER_LITERAL> <RBRACKET> ]
}

/**
 * PostgreSQL type names, tried before Calcite's own type grammar: names that are plain
 * identifiers in PostgreSQL (int4, text, timestamptz, pg_catalog.int8, ...), the types whose
 * meaning differs from Calcite's (timestamp with time zone, float(p), char without a length,
 * numeric(p)), and the SQL types PostgreSQL does not have. See PgTypes for what each becomes.
 */
SqlTypeNameSpec PgTypeName() :
{
    final Span s = Span.of();
    final SqlIdentifier name;
    final List<Integer> modifiers = new ArrayList<Integer>();
    int precision = -1;
    SqlParserPos precisionPos = null;
    boolean varying = false;
    boolean withTimeZone = false;
}
{
    (
        <TIMESTAMP> { s.add(this); }
        [ <LPAREN> precision = UnsignedIntLiteral() <RPAREN> ]
        [
            LOOKAHEAD(3)
            ( <WITH> <TIME> <ZONE> { withTimeZone = true; } | <WITHOUT> <TIME> <ZONE> )
        ]
        { return PgTypes.timestamp(precision, withTimeZone, s.end(this)); }
    |
        <FLOAT> { s.add(this); }
        [ <LPAREN> precision = UnsignedIntLiteral() { precisionPos = getPos(); } <RPAREN> ]
        { return PgTypes.floatType(precision, precisionPos, s.end(this)); }
    |
        ( <CHARACTER> | <CHAR> ) { s.add(this); }
        [ <VARYING> { varying = true; } ]
        [ <LPAREN> precision = UnsignedIntLiteral() <RPAREN> ]
        { return PgTypes.character(varying, precision, s.end(this)); }
    |
        ( <NUMERIC> | <DECIMAL> | <DEC> ) { s.add(this); }
        [ <LPAREN> PgTypeModifiers(modifiers) <RPAREN> ]
        { return PgTypes.numeric(modifiers, s.end(this)); }
    |
        <VARCHAR> { s.add(this); }
        [ <LPAREN> precision = UnsignedIntLiteral() <RPAREN> ]
        { return PgTypes.character(true, precision, s.end(this)); }
    |
        ( <TINYINT> | <BINARY> | <VARBINARY> | <VARIANT> ) {
            return PgTypes.unknown(unquotedIdentifier(), getPos());
        }
    |
        // Reserved in Calcite, whose CAST(x AS INTERVAL DAY) takes fields; Modgres has no interval
        // fields or precision, so what follows the word is a syntax error.
        <INTERVAL> { return IntervalSyntax.type(getPos()); }
    |
        name = CompoundIdentifier() { s.add(name); }
        [ <LPAREN> PgTypeModifiers(modifiers) <RPAREN> ]
        { return PgTypes.named(name, modifiers, s.end(this)); }
    )
}

void PgTypeModifiers(List<Integer> modifiers) :
{
    int modifier;
}
{
    modifier = IntLiteral() { modifiers.add(modifier); }
    ( <COMMA> modifier = IntLiteral() { modifiers.add(modifier); } )*
}

/** current_schema(), which PostgreSQL also accepts without parentheses, as Calcite does. */
SqlNode PgCurrentSchemaCall() :
{}
{
    <CURRENT_SCHEMA> <LPAREN> <RPAREN> { return new SqlIdentifier("current_schema", getPos()); }
}

/**
 * unnest(array) as an expression: a set-returning function in a select list, which the planner
 * turns into a join. UNNEST is reserved in Calcite's grammar, which reads it in FROM only.
 */
SqlNode PgUnnestCall() :
{
    final Span s;
    final List<SqlNode> args = new ArrayList<SqlNode>();
    SqlNode e;
}
{
    <UNNEST> { s = span(); } <LPAREN>
    e = Expression(ExprContext.ACCEPT_SUB_QUERY) { args.add(e); }
    ( <COMMA> e = Expression(ExprContext.ACCEPT_SUB_QUERY) { args.add(e); } )*
    <RPAREN>
    {
        return new org.apache.calcite.sql.SqlUnresolvedFunction(new SqlIdentifier("unnest", s.pos()), null, null,
            null, null,
            SqlFunctionCategory.USER_DEFINED_FUNCTION).createCall(s.end(this), args);
    }
}
