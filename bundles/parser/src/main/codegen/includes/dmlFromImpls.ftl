<#--
  PostgreSQL's UPDATE ... FROM, DELETE ... USING and WITH before INSERT, UPDATE or DELETE.
  The statements' trees are Calcite's SqlUpdate and SqlDelete; the FROM or USING items and the
  WITH list go into DmlClauses, which describes the tree the planner gets.
-->

/**
 * WITH [RECURSIVE] name AS (query), ... followed by INSERT, UPDATE or DELETE, or by a query (as
 * Calcite's OrderedQueryOrExpr reads it, with PostgreSQL's row locking clause).
 */
StatementBody PgWithStatement() :
{
    final SqlNodeList withList;
    final List<Object> list = new ArrayList<Object>();
    SqlNode e;
    StatementBody body;
}
{
    withList = PgWithList()
    (
        body = PgDmlStatement(withList)
    |
        e = LeafQueryOrExpr(ExprContext.ACCEPT_QUERY) { list.add(e); }
        ( AddSetOpQuery(list, ExprContext.ACCEPT_QUERY) )*
        { e = new SqlWith(withList.getParserPosition(), withList, SqlParserUtil.toTree(list)); }
        e = OrderByLimitOpt(e)
        [ e = PgRowLocking(e) ]
        { body = StatementBody.query(e); }
    )
    { return body; }
}

/**
 * WITH [RECURSIVE] name [(columns)] AS (statement), ... before a statement: as Calcite's WithList,
 * and a statement may also be INSERT, UPDATE or DELETE (PostgreSQL's data-modifying WITH), whose
 * SqlWithItem then holds the tree {@link DmlClauses} describes.
 */
SqlNodeList PgWithList() :
{
    final Span s;
    final List<SqlWithItem> list = new ArrayList<SqlWithItem>();
    boolean recursive = false;
}
{
    <WITH> [ <RECURSIVE> { recursive = true; } ] { s = span(); }
    PgAddWithItem(list, SqlLiteral.createBoolean(recursive, getPos()))
    ( <COMMA> PgAddWithItem(list, SqlLiteral.createBoolean(recursive, getPos())) )*
    { return new SqlNodeList(list, s.end(this)); }
}

void PgAddWithItem(List<SqlWithItem> list, SqlLiteral recursive) :
{
    final SqlIdentifier id;
    final SqlNodeList columnList;
    final SqlNode definition;
    final StatementBody dml;
}
{
    id = SimpleIdentifier()
    ( columnList = ParenthesizedSimpleIdentifierList() | { columnList = null; } )
    <AS>
    (
        LOOKAHEAD(2)
        <LPAREN> dml = PgDmlStatement(null) <RPAREN>
        { definition = ((StatementBody.Plannable) dml).tree(); }
    |
        definition = ParenthesizedExpression(ExprContext.ACCEPT_QUERY)
    )
    { list.add(new SqlWithItem(id.getParserPosition(), id, columnList, definition, recursive)); }
}

/**
 * UPDATE table [ [AS] alias ] SET column = expression, ... [ FROM from_list ] [ WHERE condition ].
 * The FROM items, when there are any, go to {@code from}.
 */
SqlNode PgUpdate(List<SqlNode> from) :
{
    final SqlIdentifier tableName;
    final SqlIdentifier alias;
    final SqlNode where;
    final SqlNodeList sourceExpressionList;
    final SqlNodeList targetColumnList;
    SqlNode items;
    final Span s;
}
{
    <UPDATE> {
        s = span();
        targetColumnList = new SqlNodeList(s.pos());
        sourceExpressionList = new SqlNodeList(s.pos());
    }
    tableName = CompoundTableIdentifier()
    ( [ <AS> ] alias = SimpleIdentifier() | { alias = null; } )
    <SET> PgUpdateAssignment(targetColumnList, sourceExpressionList)
    ( <COMMA> PgUpdateAssignment(targetColumnList, sourceExpressionList) )*
    [ <FROM> items = FromClause() { from.add(items); } ]
    ( where = Where() | { where = null; } )
    {
        final SqlParserPos pos = s.addAll(targetColumnList)
            .addAll(sourceExpressionList).addIf(where).pos();
        return new SqlUpdate(pos, tableName, targetColumnList, sourceExpressionList, where, null, alias);
    }
}

/** column = value, or column[subscript] = value (see ArrayAssignment), in UPDATE's SET list. */
void PgUpdateAssignment(SqlNodeList targets, SqlNodeList sources) :
{
    final SqlIdentifier column;
    SqlNode subscript = null;
    final SqlNode value;
}
{
    column = CompoundIdentifier()
    [ <LBRACKET> subscript = Expression(ExprContext.ACCEPT_SUB_QUERY) <RBRACKET> ]
    <EQ> value = Expression(ExprContext.ACCEPT_SUB_QUERY)
    { ArrayAssignment.add(targets, sources, column, subscript, value); }
}

/**
 * DELETE FROM table [ [AS] alias ] [ USING from_list ] [ WHERE condition ]. The USING items,
 * when there are any, go to {@code using}.
 */
SqlNode PgDelete(List<SqlNode> using) :
{
    final SqlIdentifier tableName;
    final SqlIdentifier alias;
    final SqlNode where;
    SqlNode items;
    final Span s;
}
{
    <DELETE> { s = span(); }
    <FROM> tableName = CompoundTableIdentifier()
    ( [ <AS> ] alias = SimpleIdentifier() | { alias = null; } )
    [ <USING> items = FromClause() { using.add(items); } ]
    ( where = Where() | { where = null; } )
    {
        return new SqlDelete(s.add(tableName).addIf(alias).addIf(where).pos(), tableName, where, null, alias);
    }
}
