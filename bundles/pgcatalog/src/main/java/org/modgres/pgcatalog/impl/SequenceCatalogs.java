package org.modgres.pgcatalog.impl;

import java.util.List;

import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.SequenceOptions;
import org.modgres.api.storage.TableInfo;

/**
 * pg_sequence (the options of each sequence), the pg_sequences and information_schema.sequences
 * views over it, whose last_value
 * stays null as the catalog does not read values, pg_attrdef (column defaults; adbin holds the text
 * {@code pg_get_expr} returns) and pg_depend with the dependencies clients read: a sequence on the
 * column that owns it (deptype {@code a} for SERIAL and OWNED BY, {@code i} for identity columns).
 */
final class SequenceCatalogs {

    private static final String PG_CATALOG = "pg_catalog";

    /** pg_attrdef OIDs: the table's OID shifted past the other generated ranges, plus the column number. */
    private static final long ATTRDEF_RANGE = 3L << 30;
    private static final int COLUMNS_PER_TABLE = 1 << 11;

    private SequenceCatalogs() {
    }

    static List<SystemRelation> all(CatalogSource source) {
        return List.of(
                new CatalogRelation(source, PG_CATALOG, "pg_sequence", 2224, false, "seqrelid oid!, seqtypid oid!, "
                        + "seqstart int8!, seqincrement int8!, seqmax int8!, seqmin int8!, seqcache int8!, seqcycle bool!",
                        (model, context, rows) -> {
                            for (SequenceInfo sequence : model.sequences()) {
                                SequenceOptions options = sequence.options();
                                rows.add().set("seqrelid", sequence.oid()).set("seqtypid", (long) options.type().oid())
                                        .set("seqstart", options.start()).set("seqincrement", options.increment())
                                        .set("seqmax", options.maxValue()).set("seqmin", options.minValue())
                                        .set("seqcache", options.cache()).set("seqcycle", options.cycle());
                            }
                        }),
                // data_type is regtype in PostgreSQL, which prints the type's name as this text does
                new CatalogRelation(source, PG_CATALOG, "pg_sequences", 12048, true, "schemaname name, "
                        + "sequencename name, sequenceowner name, data_type text, start_value int8, min_value int8, "
                        + "max_value int8, increment_by int8, cycle bool, cache_size int8, last_value int8",
                        (model, context, rows) -> {
                            for (SequenceInfo sequence : model.sequences()) {
                                SequenceOptions options = sequence.options();
                                rows.add().set("schemaname", sequence.schema()).set("sequencename", sequence.name())
                                        .set("sequenceowner", ObjectIds.POSTGRES_ROLE_NAME)
                                        .set("data_type", TypeNames.format(options.type().oid(), -1, false))
                                        .set("start_value", options.start()).set("min_value", options.minValue())
                                        .set("max_value", options.maxValue()).set("increment_by", options.increment())
                                        .set("cycle", options.cycle()).set("cache_size", options.cache());
                            }
                        }),
                new CatalogRelation(source, "information_schema", "sequences", 13386, true,
                        "sequence_catalog sql_identifier, sequence_schema sql_identifier, "
                        + "sequence_name sql_identifier, data_type character_data, numeric_precision cardinal_number, "
                        + "numeric_precision_radix cardinal_number, numeric_scale cardinal_number, "
                        + "start_value character_data, minimum_value character_data, "
                        + "maximum_value character_data, increment character_data, cycle_option yes_or_no",
                        (model, context, rows) -> {
                            for (SequenceInfo sequence : model.sequences()) {
                                SequenceOptions options = sequence.options();
                                rows.add().set("sequence_catalog", model.database())
                                        .set("sequence_schema", sequence.schema())
                                        .set("sequence_name", sequence.name())
                                        .set("data_type", TypeNames.format(options.type().oid(), -1, false))
                                        .set("numeric_precision", options.type().typlen() * 8)
                                        .set("numeric_precision_radix", 2).set("numeric_scale", 0)
                                        .set("start_value", String.valueOf(options.start()))
                                        .set("minimum_value", String.valueOf(options.minValue()))
                                        .set("maximum_value", String.valueOf(options.maxValue()))
                                        .set("increment", String.valueOf(options.increment()))
                                        .set("cycle_option", options.cycle() ? "YES" : "NO");
                            }
                        }),
                new CatalogRelation(source, PG_CATALOG, "pg_attrdef", 2604, false,
                        "oid oid!, adrelid oid!, adnum int2!, adbin pg_node_tree!", (model, context, rows) -> {
                            for (TableInfo table : model.tables()) {
                                List<ColumnInfo> columns = table.columns();
                                for (int i = 0; i < columns.size(); i++) {
                                    if (DefaultTexts.hasDefault(columns.get(i))) {
                                        rows.add().set("oid", ATTRDEF_RANGE + table.oid() * COLUMNS_PER_TABLE + i + 1)
                                                .set("adrelid", table.oid()).set("adnum", i + 1)
                                                .set("adbin", DefaultTexts.of(columns.get(i)));
                                    }
                                }
                            }
                        }),
                new CatalogRelation(source, PG_CATALOG, "pg_depend", 2608, false, "classid oid!, objid oid!, "
                        + "objsubid int4!, refclassid oid!, refobjid oid!, refobjsubid int4!, deptype char!",
                        (model, context, rows) -> {
                            for (SequenceInfo sequence : model.sequences()) {
                                if (sequence.owner() == null) {
                                    continue;
                                }
                                CatalogModel.Relation table = model.relation(sequence.owner().schema(),
                                        sequence.owner().table());
                                if (table == null || table.table() == null) {
                                    continue;
                                }
                                int column = table.table().columnIndex(sequence.owner().column());
                                boolean identity = column >= 0 && table.table().columns().get(column).identity() != null;
                                rows.add().set("classid", ObjectIds.PG_CLASS).set("objid", sequence.oid())
                                        .set("objsubid", 0).set("refclassid", ObjectIds.PG_CLASS)
                                        .set("refobjid", table.oid()).set("refobjsubid", column + 1)
                                        .set("deptype", identity ? "i" : "a");
                            }
                        }));
    }
}
