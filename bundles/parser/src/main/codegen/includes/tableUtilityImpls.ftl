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
 * followed by a table constraint, ADD [COLUMN] [IF NOT EXISTS] column definition, DROP CONSTRAINT
 * [IF EXISTS] name [CASCADE | RESTRICT], DROP [COLUMN] [IF EXISTS] column [CASCADE | RESTRICT], or
 * ALTER [COLUMN] column {SET DEFAULT expression | DROP DEFAULT | SET NOT NULL | DROP NOT NULL};
 * or ALTER TABLE name RENAME [COLUMN] column TO new name, or RENAME TO new name;
 * AlterTableMarkers describes the tree. Every other ALTER is refused as not supported yet rather
 * than as a syntax error.
 */
StatementBody PgAlter() :
{
    final Span s;
    boolean ifExists = false;
    final SqlIdentifier name;
    final List<SqlNode> actions = new ArrayList<SqlNode>();
    final StatementBody sequence;
}
{
    <ALTER> { s = span(); }
    (
        <TABLE>
        [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
        [ <ONLY> ]
        name = CompoundTableIdentifier()
        [ <STAR> ]
        (
            // RENAME is no keyword of Calcite's grammar: a word that reads so
            LOOKAHEAD({ getToken(1).kind == IDENTIFIER && getToken(1).image.equalsIgnoreCase("RENAME") })
            PgAlterTableRename(name, actions)
        |
            PgAlterTableAction(name, actions) ( <COMMA> PgAlterTableAction(name, actions) )*
        )
        {
            return StatementBody.ddl(StatementKind.ALTER_TABLE,
                AlterTableMarkers.alterTable(name, ifExists, actions, s.end(this)));
        }
    |
        sequence = PgAlterSequence() { return sequence; }
    |
        LOOKAHEAD({ getToken(1).kind != EOF && getToken(1).kind != SEMICOLON })
        { throw PgSyntax.alterNotSupported(getToken(1).image); }
    )
}

void PgAlterTableAction(SqlIdentifier table, List<SqlNode> actions) :
{
    final Span s;
    final SqlIdentifier column;
    final SqlIdentifier constraintName;
    final SqlNode value;
    boolean ifExists = false;
    boolean ifNotExists = false;
    boolean cascade = false;
    final CreateTableBuilder element;
}
{
    LOOKAHEAD(<ALTER> [ <COLUMN> ] SimpleIdentifier() ( <SET> | <DROP> ) ( <DEFAULT_> | <NOT> ))
    <ALTER> { s = span(); } [ <COLUMN> ] column = SimpleIdentifier()
    (
        LOOKAHEAD(2) <SET> <DEFAULT_> value = Expression(ExprContext.ACCEPT_NON_QUERY) {
            actions.add(AlterTableMarkers.setDefault(column, DefaultText.of(value), s.end(this)));
        }
    |
        LOOKAHEAD(2) <DROP> <DEFAULT_> { actions.add(AlterTableMarkers.setDefault(column, null, s.end(this))); }
    |
        <SET> <NOT> <NULL> { actions.add(AlterTableMarkers.setNotNull(column, true, s.end(this))); }
    |
        <DROP> <NOT> <NULL> { actions.add(AlterTableMarkers.setNotNull(column, false, s.end(this))); }
    )
|
    LOOKAHEAD(<ADD> [ <CONSTRAINT> SimpleIdentifier() ] ( <PRIMARY> | <UNIQUE> | <CHECK> | <FOREIGN> ))
    <ADD> { s = span(); element = new CreateTableBuilder(table); }
    PgTableElement(element)
    { actions.add(AlterTableMarkers.addConstraint(element, s.end(this))); }
|
    <ADD> { s = span(); element = new CreateTableBuilder(table); } [ <COLUMN> ]
    [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    PgColumnDefinition(element)
    { actions.add(AlterTableMarkers.addColumn(element, ifNotExists, s.end(this))); }
|
    LOOKAHEAD(2) <DROP> { s = span(); } <CONSTRAINT>
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    constraintName = SimpleIdentifier()
    [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    { actions.add(AlterTableMarkers.dropConstraint(constraintName, ifExists, cascade, s.end(this))); }
|
    LOOKAHEAD(<DROP> [ <COLUMN> ] [ <IF> <EXISTS> ] SimpleIdentifier())
    <DROP> { s = span(); } [ <COLUMN> ]
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    column = SimpleIdentifier()
    [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    { actions.add(AlterTableMarkers.dropColumn(column, ifExists, cascade, s.end(this))); }
|
    LOOKAHEAD({ getToken(1).kind != EOF && getToken(1).kind != SEMICOLON })
    { throw PgSyntax.alterTableActionNotSupported(getToken(1).image, getToken(2).image); }
}

/** RENAME [COLUMN] column TO name, or RENAME TO name, which PostgreSQL takes alone. */
void PgAlterTableRename(SqlIdentifier table, List<SqlNode> actions) :
{
    final Span s;
    final SqlIdentifier column;
    final SqlIdentifier newName;
}
{
    SimpleIdentifier() { s = span(); }
    (
        <TO> newName = SimpleIdentifier() { actions.add(AlterTableMarkers.renameTable(newName, s.end(this))); }
    |
        <CONSTRAINT> { throw PgSyntax.alterTableActionNotSupported("RENAME", "CONSTRAINT"); }
    |
        [ LOOKAHEAD(2) <COLUMN> ] column = SimpleIdentifier() <TO> newName = SimpleIdentifier() {
            actions.add(AlterTableMarkers.renameColumn(column, newName, s.end(this)));
        }
    )
}
