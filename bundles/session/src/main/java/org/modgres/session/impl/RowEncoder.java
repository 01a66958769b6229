package org.modgres.session.impl;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.modgres.api.plan.ResultColumn;
import org.modgres.api.type.BinaryFormat;
import org.modgres.api.type.PgType;
import org.modgres.api.type.TextFormat;
import org.modgres.protocol.backend.DataRow;
import org.modgres.protocol.backend.RowDescription;

/** Encodes result rows in the formats the client asked for, and describes them. */
final class RowEncoder {

    private RowEncoder() {
    }

    static RowDescription describe(List<ResultColumn> columns, Portal portal) {
        List<RowDescription.Field> fields = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            ResultColumn c = columns.get(i);
            PgType type = c.type().type();
            fields.add(new RowDescription.Field(c.name(), (int) c.tableOid(), (short) c.columnNumber(), type.oid(),
                    (short) type.typlen(), c.type().typmod(), portal == null ? 0 : portal.format(i)));
        }
        return new RowDescription(fields);
    }

    static DataRow encode(Object[] row, List<ResultColumn> columns, Portal portal, ZoneId zone) {
        byte[][] values = new byte[row.length][];
        for (int i = 0; i < row.length; i++) {
            Object value = row[i];
            if (value == null) {
                continue;
            }
            PgType type = columns.get(i).type().type();
            values[i] = portal.format(i) == 1
                    ? BinaryFormat.encode(type, value)
                    : TextFormat.format(type, value, zone).getBytes(StandardCharsets.UTF_8);
        }
        return new DataRow(values);
    }
}
