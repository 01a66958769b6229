package org.modgres.planner.calcite.impl;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.type.PgType;

/**
 * Plans of statements whose literals were made parameters, by shape, shared by every backend. A
 * plan is found only for the catalog version and search_path it was made against; the map is emptied when it
 * grows past its bound or when the system catalog changes.
 */
final class SharedPlans {

    private static final int MAX_PLANS = 2000;

    private record Key(String shape, List<PgType> declaredTypes, long catalogVersion, List<String> searchPath) {
    }

    /** A plan, and how its lifted values relate to the digit runs of the text (null if they do not). */
    private record Entry(RelationalPlan plan, int[] signs) {
    }

    private final ConcurrentHashMap<Key, Entry> plans = new ConcurrentHashMap<>();

    RelationalPlan find(String shape, List<PgType> declaredTypes, long catalogVersion, List<String> searchPath) {
        Entry entry = plans.get(new Key(shape, declaredTypes, catalogVersion, searchPath));
        return entry == null ? null : entry.plan();
    }

    /**
     * Returns the plan for a statement without parameters of its own, with the values read from
     * its text; null when there is none or the values cannot be read from the text.
     */
    RelationalPlan findForText(LiteralShape shape, long catalogVersion, List<String> searchPath) {
        Entry entry = plans.get(new Key(shape.key(), List.of(), catalogVersion, searchPath));
        if (entry == null || entry.signs() == null || entry.signs().length != shape.runs().size()) {
            // a '#' in a text can make its key equal to that of a text whose digits were masked
            return null;
        }
        List<Object> values = shape.values(entry.signs());
        return values == null ? null : entry.plan().withLiteralParameters(values);
    }

    void keep(String shape, List<PgType> declaredTypes, long catalogVersion, List<String> searchPath,
              RelationalPlan plan, int[] signs) {
        if (plans.size() >= MAX_PLANS) {
            plans.clear();
        }
        plans.put(new Key(shape, declaredTypes, catalogVersion, searchPath), new Entry(plan, signs));
    }

    void clear() {
        plans.clear();
    }
}
