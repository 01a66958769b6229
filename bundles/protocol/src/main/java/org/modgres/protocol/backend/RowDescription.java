package org.modgres.protocol.backend;

import java.util.List;
import java.util.Objects;

/** Describes the columns of the rows that follow (or would follow, when answering Describe). */
public record RowDescription(List<Field> fields) implements BackendMessage {
    public RowDescription {
        fields = List.copyOf(fields);
    }

    /**
     * One column. {@code tableOid} and {@code columnNumber} are 0 unless the column is a plain table
     * column; {@code typeSize} is {@code pg_type.typlen}; {@code formatCode} is 0 (text) or 1 (binary),
     * and 0 in the answer to Describe Statement, where formats are not known yet.
     */
    public record Field(String name, int tableOid, short columnNumber, int typeOid, short typeSize,
                        int typeModifier, short formatCode) {
        public Field {
            Objects.requireNonNull(name, "name");
        }
    }
}
