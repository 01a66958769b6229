<#--
  TRUNCATE, VACUUM, ANALYZE and ALTER TABLE: the statements on tables that the session runs
  itself, as PostgreSQL's ProcessUtility does. PgStatement() in parserImpls.ftl calls them.
-->

/**
 * TRUNCATE [TABLE] [ONLY] name [*] [, ...] [RESTART IDENTITY | CONTINUE IDENTITY] [CASCADE | RESTRICT].
 * ONLY and * choose whether inheriting tables are included; there are none.
 */
StatementBody PgTruncate() :
{
    final List<SqlIdentifier> tables = new ArrayList<SqlIdentifier>();
    boolean restart = false;
}
{
    <TRUNCATE> [ <TABLE> ]
    PgRelationExpression(tables) ( <COMMA> PgRelationExpression(tables) )*
    [ ( <RESTART> { restart = true; } | <CONTINUE> ) <IDENTITY> ]
    [ <CASCADE> | <RESTRICT> ]
    { return StatementBody.truncate(tables, restart); }
}

/** A table with PostgreSQL's inheritance markers: name, name *, ONLY name or ONLY (name). */
void PgRelationExpression(List<SqlIdentifier> tables) :
{
    final SqlIdentifier name;
}
{
    (
        <ONLY>
        (
            name = CompoundTableIdentifier()
        |
            <LPAREN> name = CompoundTableIdentifier() <RPAREN>
        )
    |
        name = CompoundTableIdentifier() [ <STAR> ]
    )
    { tables.add(name); }
}

/**
 * VACUUM [FULL] [FREEZE] [VERBOSE] [ANALYZE] [table [(columns)], ...], or VACUUM (option [value],
 * ...) [tables]; VacuumOptions checks the options as PostgreSQL does.
 */
StatementBody PgVacuum() :
{
    final VacuumOptions vacuum = new VacuumOptions(true);
}
{
    <VACUUM>
    (
        <LPAREN> PgVacuumOption(vacuum) ( <COMMA> PgVacuumOption(vacuum) )* <RPAREN>
    |
        [ <FULL> { vacuum.option("full", null, getPos()); } ]
        [ <FREEZE> { vacuum.option("freeze", null, getPos()); } ]
        [ <VERBOSE> { vacuum.option("verbose", null, getPos()); } ]
        [ ( <ANALYZE> | <ANALYSE> ) { vacuum.option("analyze", null, getPos()); } ]
    )
    [ PgVacuumTarget(vacuum) ( <COMMA> PgVacuumTarget(vacuum) )* ]
    { return vacuum.build(); }
}

/** ANALYZE [VERBOSE] [table [(columns)], ...], or ANALYZE (option [value], ...) [tables]. */
StatementBody PgAnalyze() :
{
    final VacuumOptions analyze = new VacuumOptions(false);
}
{
    ( <ANALYZE> | <ANALYSE> )
    (
        <LPAREN> PgVacuumOption(analyze) ( <COMMA> PgVacuumOption(analyze) )* <RPAREN>
    |
        [ <VERBOSE> { analyze.option("verbose", null, getPos()); } ]
    )
    [ PgVacuumTarget(analyze) ( <COMMA> PgVacuumTarget(analyze) )* ]
    { return analyze.build(); }
}

/** One option of VACUUM (...) or ANALYZE (...): a name, which may be a keyword, and maybe a value. */
void PgVacuumOption(VacuumOptions options) :
{
    final String name;
    final SqlParserPos pos;
    String value = null;
}
{
    (
        name = Identifier()
    |
        ( <ANALYZE> | <ANALYSE> ) { name = "analyze"; }
    |
        <FULL> { name = "full"; }
    |
        <FREEZE> { name = "freeze"; }
    |
        <VERBOSE> { name = "verbose"; }
    |
        <TRUNCATE> { name = "truncate"; }
    )
    { pos = getPos(); }
    [ value = PgVarValue() ]
    { options.option(name, value, pos); }
}

void PgVacuumTarget(VacuumOptions options) :
{
    final SqlIdentifier table;
    SqlNodeList columns = null;
}
{
    table = CompoundTableIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    { options.target(table, columns); }
}

/**
 * ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, ...], where an action is ADD [CONSTRAINT name]
 * PRIMARY KEY (columns) or ALTER [COLUMN] column {SET DEFAULT expression | DROP DEFAULT}.
 * Every other ALTER is refused as not supported yet rather than as a syntax error.
 */
StatementBody PgAlter() :
{
    boolean ifExists = false;
    final SqlIdentifier name;
    final List<AlterTableStatement.Action> actions = new ArrayList<AlterTableStatement.Action>();
    final StatementBody sequence;
}
{
    <ALTER>
    (
        <TABLE>
        [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
        [ <ONLY> ]
        name = CompoundTableIdentifier()
        [ <STAR> ]
        PgAlterTableAction(actions) ( <COMMA> PgAlterTableAction(actions) )*
        { return StatementBody.alterTable(name, ifExists, actions); }
    |
        sequence = PgAlterSequence() { return sequence; }
    |
        LOOKAHEAD({ getToken(1).kind != EOF && getToken(1).kind != SEMICOLON })
        { throw PgSyntax.alterNotSupported(getToken(1).image); }
    )
}

void PgAlterTableAction(List<AlterTableStatement.Action> actions) :
{
    SqlIdentifier constraintName = null;
    final SqlNodeList columns;
    final SqlIdentifier column;
    final SqlNode value;
}
{
    LOOKAHEAD(<ALTER> [ <COLUMN> ] SimpleIdentifier() ( <SET> | <DROP> ) <DEFAULT_>)
    <ALTER> [ <COLUMN> ] column = SimpleIdentifier()
    (
        <SET> <DEFAULT_> value = Expression(ExprContext.ACCEPT_NON_QUERY) {
            actions.add(new AlterTableStatement.SetDefault(column.getSimple(), DefaultText.of(value)));
        }
    |
        <DROP> <DEFAULT_> { actions.add(new AlterTableStatement.SetDefault(column.getSimple(), null)); }
    )
|
    LOOKAHEAD(<ADD> [ <CONSTRAINT> SimpleIdentifier() ] <PRIMARY>)
    <ADD> [ <CONSTRAINT> constraintName = SimpleIdentifier() ] <PRIMARY> <KEY>
    columns = ParenthesizedSimpleIdentifierList() {
        actions.add(StatementBody.addPrimaryKey(constraintName, columns));
    }
|
    LOOKAHEAD({ getToken(1).kind != EOF && getToken(1).kind != SEMICOLON })
    { throw PgSyntax.alterTableActionNotSupported(getToken(1).image, getToken(2).image); }
}
