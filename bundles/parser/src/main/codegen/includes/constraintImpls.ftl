<#--
  The parts of CHECK and FOREIGN KEY constraints, which PgTableElement() and PgColumnConstraint()
  in parserImpls.ftl call. ConstraintMarkers describes what the planner gets.
-->

/**
 * (condition) after CHECK: returns the condition and adds its text as written to the list;
 * sub-queries are read here and refused by the planner, as PostgreSQL refuses them.
 */
SqlNode PgCheckCondition(List<String> text) :
{
    final Token first;
    final SqlNode condition;
}
{
    <LPAREN> { first = getToken(1); }
    condition = Expression(ExprContext.ACCEPT_SUB_QUERY) { text.add(ConstraintMarkers.text(first, token)); }
    <RPAREN>
    { return condition; }
}

/**
 * REFERENCES table [(columns)] followed by the options in any order: MATCH {SIMPLE | FULL |
 * PARTIAL}, ON DELETE action, ON UPDATE action, [NOT] DEFERRABLE, INITIALLY {IMMEDIATE | DEFERRED}.
 */
ForeignKeyClause PgReferences() :
{
    final Span s;
    final SqlIdentifier table;
    SqlNodeList columns = null;
    final ForeignKeyClause references;
}
{
    <REFERENCES> { s = span(); } table = CompoundTableIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    { references = new ForeignKeyClause(table, columns, s.end(this)); }
    // NOT NULL may follow on the column, so NOT must be followed by DEFERRABLE
    ( LOOKAHEAD(2) PgReferencesOption(references) )*
    { return references; }
}

void PgReferencesOption(ForeignKeyClause references) :
{
    String action;
    final SqlParserPos pos;
}
{
    <MATCH> { pos = getPos(); }
    (
        <SIMPLE> { references.match("simple", pos); }
    |
        <FULL> { references.match("full", pos); }
    |
        <PARTIAL> { references.match("partial", pos); }
    )
|
    <ON>
    (
        <DELETE> action = PgReferentialAction() { references.onDelete(action, getPos()); }
    |
        <UPDATE> action = PgReferentialAction() { references.onUpdate(action, getPos()); }
    )
|
    LOOKAHEAD(2) <NOT> <DEFERRABLE>
|
    <DEFERRABLE> { references.deferrable(getPos()); }
|
    <INITIALLY>
    (
        <IMMEDIATE>
    |
        <DEFERRED> { references.deferrable(getPos()); }
    )
}

/** NO ACTION, RESTRICT, CASCADE, SET NULL or SET DEFAULT, returned as written in capitals. */
String PgReferentialAction() :
{}
{
    <NO> <ACTION> { return "NO ACTION"; }
|
    <RESTRICT> { return "RESTRICT"; }
|
    <CASCADE> { return "CASCADE"; }
|
    LOOKAHEAD(2) <SET> <NULL> { return "SET NULL"; }
|
    <SET> <DEFAULT_> { return "SET DEFAULT"; }
}
