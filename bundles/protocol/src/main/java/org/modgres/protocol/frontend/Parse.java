package org.modgres.protocol.frontend;

import java.util.Arrays;
import java.util.Objects;

/**
 * Prepares a statement. An empty name is the unnamed statement. A parameter type OID of 0 leaves
 * the type to the server; there may be fewer OIDs than parameters.
 */
public record Parse(String statementName, String sql, int[] parameterTypeOids) implements FrontendMessage {
    public Parse {
        Objects.requireNonNull(statementName, "statementName");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(parameterTypeOids, "parameterTypeOids");
    }

    /** Returns the declared type of a parameter (0-based), or 0 when it is not declared. */
    public int parameterTypeOid(int index) {
        return index < parameterTypeOids.length ? parameterTypeOids[index] : 0;
    }

    public int parameterTypeCount() {
        return parameterTypeOids.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parse p && statementName.equals(p.statementName) && sql.equals(p.sql)
                && Arrays.equals(parameterTypeOids, p.parameterTypeOids);
    }

    @Override
    public int hashCode() {
        return Objects.hash(statementName, sql, Arrays.hashCode(parameterTypeOids));
    }

    @Override
    public String toString() {
        return "Parse[statementName=" + statementName + ", sql=" + sql + ", parameterTypeOids="
                + Arrays.toString(parameterTypeOids) + "]";
    }
}
