package org.modgres.session.impl;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableInfo;

/**
 * Finds the tables utility statements name, as written ([[database.]schema.]name), and reports
 * what is missing with PostgreSQL's errors, which quote the name as it was written.
 */
final class Relations {

    /** The schemas that exist whether or not they hold tables. */
    private static final Set<String> BUILT_IN_SCHEMAS = Set.of(Catalog.DEFAULT_SCHEMA, "pg_catalog",
            "information_schema");

    private final Catalog catalog;
    private final String database;

    Relations(Catalog catalog, String database) {
        this.catalog = catalog;
        this.database = database;
    }

    /**
     * Returns a name as written, one to three parts, as [schema, name]: in the schema of the
     * search path that has it when none is named, and only of this database.
     */
    static List<String> qualified(List<String> written, String database) {
        return switch (written.size()) {
            case 1 -> List.of(SessionSearchPath.schemaOf(written.get(0)), written.get(0));
            case 2 -> List.copyOf(written);
            case 3 -> {
                if (!written.get(0).equals(database)) {
                    throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                            "cross-database references are not implemented: \"" + String.join(".", written) + "\"");
                }
                yield List.copyOf(written.subList(1, 3));
            }
            default -> throw new PgException(SqlState.SYNTAX_ERROR,
                    "improper qualified name (too many dotted names): " + String.join(".", written));
        };
    }

    /** Returns the table, or empty when there is none of that name in a schema that exists. */
    Optional<TableInfo> find(List<String> written) {
        String schema = qualified(written, database).get(0);
        if (!BUILT_IN_SCHEMAS.contains(schema) && catalog.schema(schema).isEmpty()) {
            throw new PgException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist");
        }
        return catalog.table(schema, written.get(written.size() - 1));
    }

    /** Returns the table, or throws 42P01. */
    TableInfo require(List<String> written) {
        return find(written).orElseThrow(() -> missing(written));
    }

    /** Returns the table, or the view as a table for privilege commands, or throws 42P01. */
    TableInfo requireTableOrView(List<String> written) {
        Optional<TableInfo> table = find(written);
        if (table.isPresent()) {
            return table.get();
        }
        List<String> name = qualified(written, database);
        return catalog.view(name.get(0), name.get(1)).map(ViewReads::asTable).orElseThrow(() -> missing(written));
    }

    /**
     * A relation of any kind, as ALTER ... OWNER TO and COMMENT ON look one up.
     *
     * @param kind    the word PostgreSQL's messages name its kind by: table, view or sequence
     * @param columns the table's or view's columns; none for a sequence
     */
    record AnyRelation(long oid, String name, String kind, List<ColumnInfo> columns) {

        /** Throws 42809 {@code "x" is not a view} unless the relation is of the kind named. */
        AnyRelation requireKind(String wanted) {
            if (!kind.equals(wanted)) {
                throw new PgException(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a " + wanted);
            }
            return this;
        }
    }

    /** Returns the table, view or sequence of that name, or empty when there is none. */
    Optional<AnyRelation> findAny(List<String> written) {
        List<String> name = qualified(written, database);
        Optional<AnyRelation> table = find(written)
                .map(info -> new AnyRelation(info.oid(), info.name(), "table", info.columns()));
        return table.or(() -> catalog.view(name.get(0), name.get(1))
                        .map(view -> new AnyRelation(view.oid(), view.name(), "view", view.columns())))
                .or(() -> catalog.sequence(name.get(0), name.get(1))
                        .map(sequence -> new AnyRelation(sequence.oid(), sequence.name(), "sequence", List.of())));
    }

    /** Returns the error for a table that does not exist. */
    static PgException missing(List<String> written) {
        return new PgException(SqlState.UNDEFINED_TABLE, "relation \"" + displayName(written) + "\" does not exist");
    }

    /** Returns the name as PostgreSQL's messages show it: as written, without the database. */
    static String displayName(List<String> written) {
        return String.join(".", written.size() == 3 ? written.subList(1, 3) : written);
    }

    /** Checks that the table has each of the columns named, as ANALYZE does. */
    static void requireColumns(TableInfo table, List<String> columns) {
        for (String column : columns) {
            if (table.columnIndex(column) < 0) {
                throw new PgException(SqlState.UNDEFINED_COLUMN,
                        "column \"" + column + "\" of relation \"" + table.name() + "\" does not exist");
            }
        }
    }

    /** Returns every table a statement without a table list acts on: those of the schemas of the search path. */
    List<TableInfo> all() {
        List<TableInfo> tables = new java.util.ArrayList<>();
        for (String schema : SessionSearchPath.current()) {
            tables.addAll(catalog.tables(schema));
        }
        return tables;
    }
}
