<#--
  CREATE SEQUENCE, ALTER SEQUENCE and DROP SEQUENCE, which the session runs itself, and the
  sequence options identity columns share. PgStatement() and PgAlter() in the other files call them.
-->

/** CREATE SEQUENCE [IF NOT EXISTS] name [option ...]. */
StatementBody PgCreateSequence() :
{
    final Span s;
    boolean ifNotExists = false;
    final SqlIdentifier name;
    final SequenceOptionsBuilder options = new SequenceOptionsBuilder();
}
{
    <CREATE> { s = span(); } <SEQUENCE>
    [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    name = CompoundTableIdentifier()
    ( PgSequenceOption(options) )*
    { return options.create(name, ifNotExists, s.end(this)); }
}

/** DROP SEQUENCE [IF EXISTS] name [, ...] [CASCADE | RESTRICT]. */
StatementBody PgDropSequence() :
{
    boolean ifExists = false;
    final List<SqlIdentifier> names = new ArrayList<SqlIdentifier>();
    SqlIdentifier name;
}
{
    <DROP> <SEQUENCE>
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    name = CompoundTableIdentifier() { names.add(name); }
    ( <COMMA> name = CompoundTableIdentifier() { names.add(name); } )*
    [ <CASCADE> | <RESTRICT> ]
    { return SequenceOptionsBuilder.drop(names, ifExists); }
}

/** SEQUENCE [IF EXISTS] name option ..., after ALTER. */
StatementBody PgAlterSequence() :
{
    boolean ifExists = false;
    final SqlIdentifier name;
    final SequenceOptionsBuilder options = new SequenceOptionsBuilder();
}
{
    <SEQUENCE>
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    name = CompoundTableIdentifier()
    ( PgSequenceOption(options) )+
    { return options.alter(name, ifExists); }
}

/**
 * One option: AS type, INCREMENT [BY] n, [NO] MINVALUE [n], [NO] MAXVALUE [n], START [WITH] n,
 * CACHE n, [NO] CYCLE, OWNED BY {table.column | NONE}, RESTART [[WITH] n].
 */
void PgSequenceOption(SequenceOptionsBuilder options) :
{
    final SqlParserPos pos;
    final SqlDataTypeSpec type;
    final long value;
    final SqlIdentifier column;
}
{
    <AS> { pos = getPos(); } type = PgDataType() { options.type(type, pos); }
|
    <INCREMENT> { pos = getPos(); } [ <BY> ] value = PgSequenceNumber() { options.increment(value, pos); }
|
    <MINVALUE> { pos = getPos(); } value = PgSequenceNumber() { options.minValue(value, pos); }
|
    <MAXVALUE> { pos = getPos(); } value = PgSequenceNumber() { options.maxValue(value, pos); }
|
    <NO> { pos = getPos(); }
    (
        <MINVALUE> { options.minValue(null, pos); }
    |
        <MAXVALUE> { options.maxValue(null, pos); }
    |
        <CYCLE> { options.cycle(false, pos); }
    )
|
    <START> { pos = getPos(); } [ <WITH> ] value = PgSequenceNumber() { options.start(value, pos); }
|
    <CACHE> { pos = getPos(); } value = PgSequenceNumber() { options.cache(value, pos); }
|
    <CYCLE> { options.cycle(true, getPos()); }
|
    <OWNED> { pos = getPos(); } <BY>
    (
        LOOKAHEAD(1) <NONE> { options.ownedBy(null, pos); }
    |
        column = CompoundIdentifier() { options.ownedBy(column, pos); }
    )
|
    <RESTART> { pos = getPos(); }
    (
        <WITH> value = PgSequenceNumber() { options.restart(value, pos); }
    |
        value = PgSequenceNumber() { options.restart(value, pos); }
    |
        { options.restart(null, pos); }
    )
}

/** An integer with an optional sign. */
long PgSequenceNumber() :
{
    boolean negative = false;
}
{
    [ <MINUS> { negative = true; } | <PLUS> ]
    <UNSIGNED_INTEGER_LITERAL> { return SequenceOptionsBuilder.number(token.image, negative, getPos()); }
}

/**
 * INSERT INTO table [AS alias] [(columns)] [OVERRIDING {SYSTEM | USER} VALUE] {query | DEFAULT VALUES}.
 * OVERRIDING is accepted: identity columns take an explicit value either way. The alias, which
 * ON CONFLICT and RETURNING use, is added to {@code alias}.
 */
SqlNode PgInsert(List<SqlIdentifier> alias) :
{
    final Span s;
    final SqlIdentifier table;
    SqlIdentifier name;
    SqlNodeList columns = null;
    final SqlNode source;
}
{
    <INSERT> { s = span(); } <INTO> table = CompoundTableIdentifier()
    [ <AS> name = SimpleIdentifier() { alias.add(name); } ]
    [ LOOKAHEAD(2) columns = ParenthesizedSimpleIdentifierList() ]
    [ LOOKAHEAD(2) <OVERRIDING> ( <SYSTEM> | <USER> ) <VALUE> ]
    (
        LOOKAHEAD(2) <DEFAULT_> <VALUES> { source = InsertDefaults.defaultValues(getPos()); }
    |
        source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    )
    { return new SqlInsert(s.end(this), new SqlNodeList(s.pos()), table, source, columns); }
}
