package org.modgres.parser.impl.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.modgres.api.sql.ResetStatement;
import org.modgres.api.sql.SavepointStatement;
import org.modgres.api.sql.SetStatement;
import org.modgres.api.sql.ShowStatement;
import org.modgres.api.sql.Statement;
import org.modgres.api.sql.StatementKind;
import org.modgres.api.sql.TransactionStatement;
import org.modgres.api.sql.TruncateStatement;

/**
 * What the grammar made of a statement, before the statement's own text is cut out of the input.
 * The grammar calls the factory methods; the parser service turns the result into an api
 * {@link Statement}.
 */
public sealed interface StatementBody {

    /** The parameter {@code SET TRANSACTION ISOLATION LEVEL} sets. */
    String ISOLATION = "transaction_isolation";

    /** A query, DML or DDL statement for the planner. */
    record Plannable(StatementKind kind, SqlNode tree) implements StatementBody {

        public Plannable {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(tree, "tree");
        }
    }

    /** A statement the session handles itself, waiting for its text. */
    record Utility(Function<String, Statement> withText) implements StatementBody {

        public Utility {
            Objects.requireNonNull(withText, "withText");
        }
    }

    /** Returns a query (SELECT, VALUES, set operations, WITH) or an INSERT, UPDATE or DELETE. */
    static StatementBody query(SqlNode tree) {
        return new Plannable(kindOf(tree), tree);
    }

    /** Returns an INSERT, UPDATE or DELETE, with the tree {@link DmlClauses} describes. */
    static StatementBody dml(DmlClauses clauses) {
        return new Plannable(kindOf(clauses.dml()), clauses.tree());
    }

    static StatementBody ddl(StatementKind kind, SqlNode tree) {
        return new Plannable(kind, tree);
    }

    static StatementBody transaction(StatementKind kind) {
        return new Utility(text -> new TransactionStatement(text, kind));
    }

    /** Returns BEGIN or START TRANSACTION with its modes, as {@link TransactionStatement} keeps them. */
    static StatementBody begin(Map<String, String> modes) {
        final Map<String, String> kept = new LinkedHashMap<>(modes);
        return new Utility(text -> new TransactionStatement(text, StatementKind.BEGIN, kept));
    }

    /** Returns SAVEPOINT, RELEASE or ROLLBACK TO of the savepoint {@code name}. */
    static StatementBody savepoint(StatementKind kind, String name) {
        return new Utility(text -> new SavepointStatement(text, kind, name));
    }

    static StatementBody truncate(List<SqlIdentifier> tables, boolean restartIdentity) {
        final List<List<String>> names = tables.stream().map(table -> List.copyOf(table.names)).toList();
        return new Utility(text -> new TruncateStatement(text, names, restartIdentity));
    }

    /** Returns SET with one value, or {@code null} for DEFAULT. */
    static StatementBody set(String name, String value, boolean local) {
        return set(name, value == null ? null : List.of(value), local);
    }

    /** Returns SET with a list of values, or {@code null} for DEFAULT. */
    static StatementBody set(String name, List<String> values, boolean local) {
        final String shown = SettingValues.format(name, values);
        return new Utility(text -> new SetStatement(text, name, shown, local));
    }

    static StatementBody show(String name) {
        return new Utility(text -> new ShowStatement(text, name));
    }

    static StatementBody reset(String name) {
        return new Utility(text -> new ResetStatement(text, name));
    }

    /**
     * Returns {@code SET TRANSACTION ...} or, with {@code sessionDefault}, {@code SET SESSION
     * CHARACTERISTICS AS TRANSACTION ...} as one SetStatement. A SetStatement holds one parameter,
     * so of several modes only the first is kept (the isolation level when there is one).
     */
    static StatementBody setTransactionModes(Map<String, String> modes, boolean sessionDefault) {
        final String key = modes.containsKey(ISOLATION) ? ISOLATION : modes.keySet().iterator().next();
        final String name = sessionDefault ? "default_" + key : key;
        return set(name, modes.get(key), false);
    }

    private static StatementKind kindOf(SqlNode tree) {
        return switch (tree.getKind()) {
            case INSERT -> StatementKind.INSERT;
            case UPDATE -> StatementKind.UPDATE;
            case DELETE -> StatementKind.DELETE;
            case VALUES -> StatementKind.VALUES;
            case ORDER_BY -> ((SqlOrderBy) tree).query.getKind() == SqlKind.VALUES
                    ? StatementKind.VALUES
                    : StatementKind.SELECT;
            default -> StatementKind.SELECT;
        };
    }
}
