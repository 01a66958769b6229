package org.modgres.parser.impl.syntax;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.ddl.SqlDdlNodes;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.error.SqlState;

/**
 * Collects the elements of {@code CREATE TABLE name (...)} as the grammar reads them and builds
 * Calcite's {@link SqlCreateTable}, checking what PostgreSQL checks while parsing.
 *
 * <p>The column list holds, in the order written, one {@code SqlColumnDeclaration} per column
 * and the table constraints ({@code [CONSTRAINT n] PRIMARY KEY (a, b)} as
 * {@link SqlKeyConstraint#primary}, {@code UNIQUE (a)} as {@link SqlKeyConstraint#unique}),
 * followed by the primary key if written on a column ({@code a int PRIMARY KEY} as a key constraint
 * naming that one column). The other constraints of a column come right after its declaration, in
 * the order written, so that PostgreSQL's names are chosen in that order; CHECK and FOREIGN KEY
 * constraints are the markers {@link ConstraintMarkers} describes. A column declaration carries:
 * <ul>
 *   <li>the data type spec (see {@link PgTypes}), nullable {@code false} for NOT NULL and
 *       {@code true} otherwise; PRIMARY KEY does not change it, the planner applies
 *       PostgreSQL's rule that key columns are NOT NULL</li>
 *   <li>for {@code DEFAULT expr}, the expression and {@link ColumnStrategy#DEFAULT}; for an
 *       identity column, the marker {@link SequenceOptionsBuilder} describes, NOT NULL and
 *       {@link ColumnStrategy#DEFAULT}; SERIAL columns keep their type alias (see
 *       {@link PgTypes}) for the planner to give them a sequence; without a
 *       default, no expression and {@link ColumnStrategy#NULLABLE} or
 *       {@link ColumnStrategy#NOT_NULLABLE}</li>
 * </ul>
 */
public final class CreateTableBuilder {

    private final SqlIdentifier table;
    private final List<Object> elements = new ArrayList<>();
    private final List<SqlNode> columnConstraints = new ArrayList<>();
    private boolean hasPrimaryKey;

    public CreateTableBuilder(SqlIdentifier table) {
        this.table = table;
    }

    /** Adds a column; its constraints follow through the returned {@link Column}. */
    public Column column(SqlIdentifier name, SqlDataTypeSpec type) {
        final Column column = new Column(name, type);
        elements.add(column);
        return column;
    }

    public void primaryKey(SqlIdentifier constraintName, SqlNodeList columns, SqlParserPos pos) {
        claimPrimaryKey(pos);
        elements.add(SqlKeyConstraint.primary(pos, constraintName, columns));
    }

    public void unique(SqlIdentifier constraintName, SqlNodeList columns, SqlParserPos pos) {
        elements.add(SqlKeyConstraint.unique(pos, constraintName, columns));
    }

    /** {@code [CONSTRAINT n] CHECK (condition)}, see {@link ConstraintMarkers}. */
    public void check(SqlIdentifier constraintName, SqlNode condition, String text, SqlParserPos pos) {
        elements.add(ConstraintMarkers.check(constraintName, condition, text, pos));
    }

    /** {@code [CONSTRAINT n] FOREIGN KEY (columns) REFERENCES ...}, see {@link ConstraintMarkers}. */
    public void foreignKey(SqlIdentifier constraintName, SqlNodeList columns, ForeignKeyClause references,
                           SqlParserPos pos) {
        elements.add(ConstraintMarkers.foreignKey(constraintName, columns, references, pos));
    }

    public SqlCreateTable build(SqlParserPos pos, boolean ifNotExists) {
        final List<SqlNode> list = new ArrayList<>();
        final Set<String> columnNames = new HashSet<>();
        for (Object element : elements) {
            if (element instanceof Column column) {
                if (!columnNames.add(column.name.getSimple())) {
                    throw new ParserException(SqlState.DUPLICATE_COLUMN,
                            "column \"" + column.name.getSimple() + "\" specified more than once", null);
                }
                list.add(column.declaration());
                // written on the column, named in the order written with the table's own
                list.addAll(column.checksAndReferences);
            } else {
                list.add((SqlNode) element);
            }
        }
        list.addAll(columnConstraints);
        return SqlDdlNodes.createTable(pos, false, ifNotExists, table, new SqlNodeList(list, pos), null);
    }

    private void claimPrimaryKey(SqlParserPos pos) {
        if (hasPrimaryKey) {
            throw new ParserException(SqlState.INVALID_TABLE_DEFINITION,
                    "multiple primary keys for table \"" + tableName() + "\" are not allowed", pos);
        }
        hasPrimaryKey = true;
    }

    private String tableName() {
        return table.names.getLast();
    }

    /** One column definition with its constraints. */
    public final class Column {
        private final SqlIdentifier name;
        private final SqlDataTypeSpec type;
        private Boolean nullable;
        private SqlNode defaultValue;
        private boolean identity;
        private final List<SqlNode> checksAndReferences = new ArrayList<>();

        private Column(SqlIdentifier name, SqlDataTypeSpec type) {
            this.name = name;
            this.type = type;
        }

        public void notNull(SqlParserPos pos) {
            declareNullable(false, pos);
        }

        public void nullable(SqlParserPos pos) {
            declareNullable(true, pos);
        }

        /** {@code GENERATED ALWAYS|BY DEFAULT AS IDENTITY [(options)]}: the column's expression is the marker. */
        public void identity(boolean always, SequenceOptionsBuilder options, SqlParserPos pos) {
            if (identity) {
                throw new ParserException(SqlState.SYNTAX_ERROR, "multiple identity specifications for column \""
                        + name.getSimple() + "\" of table \"" + tableName() + "\"", pos);
            }
            if (defaultValue != null) {
                throw bothDefaultAndIdentity(pos);
            }
            identity = true;
            defaultValue = options.identity(always, pos);
        }

        private ParserException bothDefaultAndIdentity(SqlParserPos pos) {
            return new ParserException(SqlState.SYNTAX_ERROR, "both default and identity specified for column \""
                    + name.getSimple() + "\" of table \"" + tableName() + "\"", pos);
        }

        public void defaultValue(SqlNode value, SqlParserPos pos) {
            if (identity) {
                throw bothDefaultAndIdentity(pos);
            }
            if (defaultValue != null) {
                throw new ParserException(SqlState.SYNTAX_ERROR,
                        "multiple default values specified for column \"" + name.getSimple()
                                + "\" of table \"" + tableName() + "\"", pos);
            }
            defaultValue = value;
        }

        public void primaryKey(SqlIdentifier constraintName, SqlParserPos pos) {
            claimPrimaryKey(pos);
            columnConstraints.add(SqlKeyConstraint.primary(pos, constraintName, thisColumn()));
        }

        public void unique(SqlIdentifier constraintName, SqlParserPos pos) {
            checksAndReferences.add(SqlKeyConstraint.unique(pos, constraintName, thisColumn()));
        }

        public void check(SqlIdentifier constraintName, SqlNode condition, String text, SqlParserPos pos) {
            checksAndReferences.add(ConstraintMarkers.check(constraintName, condition, text, pos));
        }

        public void references(SqlIdentifier constraintName, ForeignKeyClause references, SqlParserPos pos) {
            checksAndReferences.add(ConstraintMarkers.foreignKey(constraintName, thisColumn(), references, pos));
        }

        private void declareNullable(boolean value, SqlParserPos pos) {
            if (nullable != null && nullable != value) {
                throw new ParserException(SqlState.SYNTAX_ERROR,
                        "conflicting NULL/NOT NULL declarations for column \"" + name.getSimple()
                                + "\" of table \"" + tableName() + "\"", pos);
            }
            nullable = value;
        }

        private SqlNodeList thisColumn() {
            return new SqlNodeList(List.of(name), name.getParserPosition());
        }

        private SqlNode declaration() {
            if (identity && Boolean.TRUE.equals(nullable)) {
                throw new ParserException(SqlState.SYNTAX_ERROR, "conflicting NULL/NOT NULL declarations for column \""
                        + name.getSimple() + "\" of table \"" + tableName() + "\"", name.getParserPosition());
            }
            final boolean isNullable = !identity && (nullable == null || nullable);
            final ColumnStrategy strategy;
            if (defaultValue != null) {
                strategy = ColumnStrategy.DEFAULT;
            } else {
                strategy = isNullable ? ColumnStrategy.NULLABLE : ColumnStrategy.NOT_NULLABLE;
            }
            final SqlParserPos pos = name.getParserPosition().plus(type.getParserPosition());
            return SqlDdlNodes.column(pos, name, type.withNullable(isNullable), defaultValue, strategy);
        }
    }
}
