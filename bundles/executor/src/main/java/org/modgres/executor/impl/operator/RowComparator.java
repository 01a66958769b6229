package org.modgres.executor.impl.operator;

import java.util.Comparator;
import java.util.List;

import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.modgres.executor.impl.value.Comparisons;

/**
 * Orders rows by a collation with PostgreSQL's defaults: NULLs sort as if larger than any
 * value, so they come last ascending and first descending, unless NULLS FIRST/LAST says otherwise.
 */
public final class RowComparator implements Comparator<Object[]> {

    private final int[] fields;
    private final boolean[] descending;
    private final boolean[] nullsFirst;
    private final boolean[] blankPadded;

    public RowComparator(List<RelFieldCollation> collations, RelDataType rowType) {
        int n = collations.size();
        fields = new int[n];
        descending = new boolean[n];
        nullsFirst = new boolean[n];
        blankPadded = new boolean[n];
        for (int i = 0; i < n; i++) {
            RelFieldCollation collation = collations.get(i);
            fields[i] = collation.getFieldIndex();
            descending[i] = collation.getDirection().isDescending();
            RelFieldCollation.NullDirection nulls = collation.nullDirection;
            if (nulls == RelFieldCollation.NullDirection.UNSPECIFIED) {
                nulls = collation.getDirection().defaultNullDirection();
            }
            nullsFirst[i] = nulls == RelFieldCollation.NullDirection.FIRST;
            blankPadded[i] = rowType.getFieldList().get(fields[i]).getType().getSqlTypeName() == SqlTypeName.CHAR;
        }
    }

    @Override
    public int compare(Object[] a, Object[] b) {
        for (int i = 0; i < fields.length; i++) {
            Object x = a[fields[i]];
            Object y = b[fields[i]];
            int c;
            if (x == null || y == null) {
                if (x == y) {
                    continue;
                }
                // a null's position does not flip with the direction
                return (x == null) == nullsFirst[i] ? -1 : 1;
            }
            c = blankPadded[i] ? Comparisons.compareBlankPadded((String) x, (String) y) : Comparisons.compare(x, y);
            if (c != 0) {
                return descending[i] ? -c : c;
            }
        }
        return 0;
    }
}
