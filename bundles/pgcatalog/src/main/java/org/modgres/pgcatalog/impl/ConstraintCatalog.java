package org.modgres.pgcatalog.impl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableIndex;
import org.modgres.api.storage.TableInfo;

/**
 * The UNIQUE, CHECK and FOREIGN KEY constraints of user tables as the catalogs show them: their
 * rows of pg_constraint, the indexes of unique constraints, and the text
 * {@code pg_get_constraintdef} prints. A constraint, and a unique constraint's index, have OIDs
 * made of the table's OID and the constraint's place among the table's constraints (see
 * {@link ObjectIds#constraint}).
 */
final class ConstraintCatalog {

    /** A string constant (skipped), a quoted name (group 1) or a word (group 2). */
    private static final Pattern WORDS =
            Pattern.compile("'(?:[^']|'')*'|\"((?:[^\"]|\"\")*)\"|([A-Za-z_][A-Za-z0-9_$]*)");
    private static final Set<String> UPPER_CASE_WORDS = Set.of("and", "or", "not", "is", "null");

    private ConstraintCatalog() {
    }

    /** Returns the columns of an index: the primary key's or a unique constraint's. */
    static List<Integer> indexKey(CatalogModel.Relation index) {
        TableIndex created = createdIndex(index);
        if (created != null) {
            return created.columns();
        }
        TableInfo table = index.table();
        int place = ObjectIds.constraintPlace(index.oid());
        if (place >= 0 && place < table.constraints().size()
                && table.constraints().get(place) instanceof TableConstraint.Unique unique) {
            return unique.columns();
        }
        return table.primaryKey();
    }

    /** Returns the index of CREATE INDEX a relation is, or null when it is the index of a key. */
    static TableIndex createdIndex(CatalogModel.Relation index) {
        TableInfo table = index.table();
        int n = ObjectIds.constraintPlace(index.oid()) - table.constraints().size();
        return ObjectIds.isConstraintIndex(index.oid()) && n >= 0 && n < table.indexes().size()
                ? table.indexes().get(n) : null;
    }

    /** Tells whether an index keeps its key unique: those of keys do, those of CREATE INDEX when made UNIQUE. */
    static boolean isUniqueIndex(CatalogModel.Relation index) {
        TableIndex created = createdIndex(index);
        return created == null || created.unique();
    }

    static boolean isPrimaryKeyIndex(CatalogModel.Relation index) {
        return index.oid() == ObjectIds.primaryKeyIndex(index.table().oid());
    }

    /** Returns whether a table has a foreign key or is referenced by one, which PostgreSQL enforces with triggers. */
    static boolean hasTriggers(CatalogModel model, TableInfo table) {
        if (!table.constraints(TableConstraint.ForeignKey.class).isEmpty()) {
            return true;
        }
        for (TableInfo other : model.tables()) {
            for (TableConstraint.ForeignKey key : other.constraints(TableConstraint.ForeignKey.class)) {
                if (key.referencedSchema().equals(table.schema()) && key.referencedTable().equals(table.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Adds the pg_constraint rows of a table's UNIQUE, CHECK and FOREIGN KEY constraints. */
    static void addRows(CatalogModel model, TableInfo table, Rows rows) {
        List<TableConstraint> constraints = table.constraints();
        for (int place = 0; place < constraints.size(); place++) {
            TableConstraint constraint = constraints.get(place);
            Rows.Row row = rows.add().set("oid", ObjectIds.constraint(table.oid(), place))
                    .set("conname", constraint.name())
                    .set("connamespace", CatalogModel.namespaceOid(table.schema()))
                    .set("convalidated", true).set("conrelid", table.oid())
                    .set("confupdtype", " ").set("confdeltype", " ").set("confmatchtype", " ")
                    .set("conislocal", true);
            switch (constraint) {
                case TableConstraint.Unique unique -> row.set("contype", "u").set("connoinherit", true)
                        .set("conindid", ObjectIds.constraintIndex(table.oid(), place))
                        .set("conkey", positions(unique.columns()));
                case TableConstraint.Check check -> row.set("contype", "c")
                        .set("conkey", positions(checkColumns(table, check)))
                        .set("conbin", check.expression());
                case TableConstraint.ForeignKey key -> {
                    TableInfo referenced = model.tables().stream()
                            .filter(t -> t.schema().equals(key.referencedSchema())
                                    && t.name().equals(key.referencedTable()))
                            .findFirst().orElse(null);
                    row.set("contype", "f").set("conkey", positions(key.columns()))
                            .set("confkey", positions(key.referencedColumns()))
                            .set("confupdtype", actionCode(key.onUpdate()))
                            .set("confdeltype", actionCode(key.onDelete())).set("confmatchtype", "s")
                            .set("connoinherit", true);
                    if (referenced != null) {
                        row.set("confrelid", referenced.oid()).set("conindid", keyIndex(referenced,
                                key.referencedColumns()));
                    }
                }
            }
        }
    }

    /** Returns the OID of the index of a table's key on these columns, in any order, or 0. */
    private static long keyIndex(TableInfo table, List<Integer> columns) {
        Set<Integer> wanted = Set.copyOf(columns);
        if (!table.primaryKey().isEmpty() && Set.copyOf(table.primaryKey()).equals(wanted)) {
            return ObjectIds.primaryKeyIndex(table.oid());
        }
        for (int place = 0; place < table.constraints().size(); place++) {
            if (table.constraints().get(place) instanceof TableConstraint.Unique unique
                    && Set.copyOf(unique.columns()).equals(wanted)) {
                return ObjectIds.constraintIndex(table.oid(), place);
            }
        }
        return 0;
    }

    private static String actionCode(TableConstraint.Action action) {
        return switch (action) {
            case NO_ACTION -> "a";
            case RESTRICT -> "r";
            case CASCADE -> "c";
            case SET_NULL -> "n";
            case SET_DEFAULT -> "d";
        };
    }

    private static List<Short> positions(List<Integer> columns) {
        return columns.stream().map(i -> (short) (i + 1)).toList();
    }

    /** Returns the columns a check's condition reads, each once, in the order they first appear. */
    static List<Integer> checkColumns(TableInfo table, TableConstraint.Check check) {
        Set<Integer> columns = new LinkedHashSet<>();
        Matcher words = WORDS.matcher(check.expression());
        while (words.find()) {
            String name = words.group(1) != null ? words.group(1).replace("\"\"", "\"")
                    : words.group(2) != null ? words.group(2).toLowerCase(Locale.ROOT) : null;
            int index = name == null ? -1 : table.columnIndex(name);
            if (index >= 0) {
                columns.add(index);
            }
        }
        return new ArrayList<>(columns);
    }

    /** Returns what pg_get_constraintdef prints for a user table's constraint, or null for another OID. */
    static String definition(CatalogModel model, long oid, boolean pretty) {
        long tableOid = ObjectIds.tableOfConstraint(oid);
        if (tableOid >= 0) {
            CatalogModel.Relation relation = model.relation(tableOid);
            return relation == null || relation.table() == null ? null
                    : Definitions.primaryKeyDefinition(relation.table());
        }
        CatalogModel.Relation relation = model.relation(ObjectIds.tableOfPlace(oid));
        int place = ObjectIds.constraintPlace(oid);
        if (relation == null || relation.table() == null || relation.isIndex() || ObjectIds.isConstraintIndex(oid)
                || place >= relation.table().constraints().size()) {
            return null;
        }
        TableInfo table = relation.table();
        return switch (table.constraints().get(place)) {
            case TableConstraint.Unique unique -> "UNIQUE (" + columnList(table, unique.columns()) + ")";
            case TableConstraint.Check check -> "CHECK (" + CheckTexts.of(conditionText(check), table, pretty) + ")";
            case TableConstraint.ForeignKey key -> foreignKeyDefinition(model, table, key);
        };
    }

    private static String foreignKeyDefinition(CatalogModel model, TableInfo table, TableConstraint.ForeignKey key) {
        CatalogModel.Relation referenced = model.relation(key.referencedSchema(), key.referencedTable());
        String name = Identifiers.quote(key.referencedTable());
        if (referenced == null || !model.isVisible(referenced)) {
            name = Identifiers.quote(key.referencedSchema()) + "." + name;
        }
        StringBuilder text = new StringBuilder("FOREIGN KEY (").append(columnList(table, key.columns()))
                .append(") REFERENCES ").append(name).append('(');
        if (referenced != null && referenced.table() != null) {
            text.append(columnList(referenced.table(), key.referencedColumns()));
        }
        text.append(')');
        if (key.onUpdate() != TableConstraint.Action.NO_ACTION) {
            text.append(" ON UPDATE ").append(key.onUpdate().sql());
        }
        if (key.onDelete() != TableConstraint.Action.NO_ACTION) {
            text.append(" ON DELETE ").append(key.onDelete().sql());
        }
        return text.toString();
    }

    private static String columnList(TableInfo table, List<Integer> columns) {
        return columns.stream().map(i -> Identifiers.quote(table.columns().get(i).name()))
                .collect(Collectors.joining(", "));
    }

    /** Returns a condition as kept, with AND, OR, NOT, IS and NULL in capitals as PostgreSQL prints them. */
    static String conditionText(TableConstraint.Check check) {
        Matcher words = WORDS.matcher(check.expression());
        return words.replaceAll(match -> {
            String word = match.group(2);
            String text = word != null && UPPER_CASE_WORDS.contains(word.toLowerCase(Locale.ROOT))
                    ? word.toUpperCase(Locale.ROOT) : match.group();
            return Matcher.quoteReplacement(text);
        });
    }
}
