package org.modgres.api.plan;

import java.util.List;

import org.apache.calcite.rel.RelNode;

/**
 * The {@code ON CONFLICT} clause of an INSERT: what happens to a proposed row when a row with the
 * same values in the arbiter columns exists already, or was inserted by the same statement. A
 * row the clause does not insert is not counted and returns nothing.
 *
 * @param arbiterColumns the 0-based positions, in the target table, of the columns of the unique
 *                       constraint that decides what conflicts (so far always the primary key)
 * @param update         null for {@code DO NOTHING}, which skips the row. For {@code DO UPDATE},
 *                       a {@code Project}, optionally over a {@code Filter} (the WHERE condition),
 *                       over a {@code Join} of two {@code TableScan}s of the target table that stands
 *                       for one row: the existing row followed by the proposed one ({@code EXCLUDED}).
 *                       The project gives the existing row's new values, one per column of the
 *                       target table, to be assigned with the columns' types; a row the filter
 *                       rejects stays as it is. Updating a row the same statement inserted or
 *                       updated already is an error (21000), as in PostgreSQL
 */
public record OnConflict(List<Integer> arbiterColumns, RelNode update) {

    public OnConflict {
        arbiterColumns = List.copyOf(arbiterColumns);
    }
}
