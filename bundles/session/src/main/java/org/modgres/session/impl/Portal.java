package org.modgres.session.impl;

import java.util.List;

import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.ResultColumn;
import org.modgres.api.sql.StatementKind;

/**
 * A bound statement ready to run (PostgreSQL's portal): its parameter values, the formats the
 * client wants, and once running, the cursor its rows come from.
 */
final class Portal {

    final String name;
    final PreparedStatement statement;
    final List<Object> parameters;
    final short[] resultFormats;
    /** The result's columns, known once the portal is planned. */
    List<ResultColumn> columns;
    RowCursor cursor;
    boolean completed;
    /** Set when the cursor has returned its last row. */
    boolean exhausted;
    /** The command tag when it does not follow from the statement kind (COMMIT that rolled back). */
    String tagOverride;
    /** For EXECUTE, the kind of the statement it ran, whose command tag it reports. */
    StatementKind executedKind;

    Portal(String name, PreparedStatement statement, List<Object> parameters, short[] resultFormats) {
        this.name = name;
        this.statement = statement;
        this.parameters = parameters;
        this.resultFormats = resultFormats;
    }

    /** Returns the format code for a result column, with the protocol's defaulting rule. */
    short format(int column) {
        return switch (resultFormats.length) {
            case 0 -> 0;
            case 1 -> resultFormats[0];
            default -> column < resultFormats.length ? resultFormats[column] : 0;
        };
    }

    void close() {
        if (cursor != null) {
            RowCursor c = cursor;
            cursor = null;
            c.close();
        }
    }
}
