<#--
  PostgreSQL's ORDER BY among an aggregate's arguments: json_agg(x ORDER BY y), sum(x ORDER BY y).
  The parser pom makes every named function call read its arguments with PgFunctionParameterList.
-->

/**
 * The parenthesised arguments of a function call, as Calcite's FunctionParameterList reads them
 * (the first element is the DISTINCT or ALL quantifier, or null), followed by an optional
 * ORDER BY, which becomes the last argument, a list, the form Calcite gives ARRAY_AGG's ordering.
 * The first argument is read as the others are: Calcite's AddArg0 would take "x ORDER BY y" for
 * a query with its ORDER BY (PostgreSQL has no unparenthesised query as an argument either).
 * Whether the function is an aggregate, which PostgreSQL requires, is the planner's question.
 */
List<SqlNode> PgFunctionParameterList(ExprContext exprContext) :
{
    final List<SqlNode> arguments = new ArrayList<SqlNode>();
    final SqlLiteral quantifier;
    final SqlNodeList order;
}
{
    <LPAREN>
    (
        quantifier = AllOrDistinct() { arguments.add(quantifier); }
    |
        { arguments.add(null); }
    )
    AddArg(arguments, exprContext)
    (
        <COMMA> { checkNonQueryExpression(exprContext); }
        AddArg(arguments, exprContext)
    )*
    [
        order = OrderBy(true) { arguments.add(order); }
    ]
    <RPAREN>
    {
        return arguments;
    }
}
