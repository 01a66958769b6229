<#--
  SELECT's locking clause, which follows the query (after ORDER BY, LIMIT and OFFSET).
  RowLockingMarker describes what the planner gets.
-->

/**
 * FOR {UPDATE | NO KEY UPDATE | SHARE | KEY SHARE} [OF table [, ...]] [NOWAIT | SKIP LOCKED].
 * SHARE, NOWAIT and LOCKED are no keywords of Calcite's grammar: words that read so.
 */
SqlNode PgRowLocking(SqlNode query) :
{
    final Span s;
    final String strength;
    final List<SqlNode> tables = new ArrayList<SqlNode>();
    SqlIdentifier table;
    String wait = "WAIT";
}
{
    <FOR> { s = span(); }
    (
        <UPDATE> { strength = "FOR UPDATE"; }
    |
        <NO> <KEY> <UPDATE> { strength = "FOR NO KEY UPDATE"; }
    |
        <KEY> PgWordShare() { strength = "FOR KEY SHARE"; }
    |
        PgWordShare() { strength = "FOR SHARE"; }
    )
    [
        <OF> table = CompoundTableIdentifier() { tables.add(table); }
        ( <COMMA> table = CompoundTableIdentifier() { tables.add(table); } )*
    ]
    [
        LOOKAHEAD({ RowLockingMarker.isWord(getToken(1), "NOWAIT") }) <IDENTIFIER> { wait = "NOWAIT"; }
    |
        <SKIP_> { RowLockingMarker.expectWord(getToken(1), "LOCKED"); } <IDENTIFIER> { wait = "SKIP_LOCKED"; }
    ]
    { return RowLockingMarker.of(query, strength, wait, tables, s.end(this)); }
}

/** SHARE, an identifier for Calcite's grammar. */
void PgWordShare() :
{}
{
    LOOKAHEAD({ RowLockingMarker.isWord(getToken(1), "SHARE") }) <IDENTIFIER>
}
