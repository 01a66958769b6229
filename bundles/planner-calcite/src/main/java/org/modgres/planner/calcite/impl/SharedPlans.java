package org.modgres.planner.calcite.impl;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.type.PgType;

/**
 * Plans of statements whose literals were made parameters, by shape, shared by every backend. A
 * plan is found only for the catalog version it was made against; the map is emptied when it
 * grows past its bound or when the system catalog changes.
 */
final class SharedPlans {

    private static final int MAX_PLANS = 2000;

    private record Key(String shape, List<PgType> declaredTypes, long catalogVersion) {
    }

    private final ConcurrentHashMap<Key, RelationalPlan> plans = new ConcurrentHashMap<>();

    RelationalPlan find(String shape, List<PgType> declaredTypes, long catalogVersion) {
        return plans.get(new Key(shape, declaredTypes, catalogVersion));
    }

    void keep(String shape, List<PgType> declaredTypes, long catalogVersion, RelationalPlan plan) {
        if (plans.size() >= MAX_PLANS) {
            plans.clear();
        }
        plans.put(new Key(shape, declaredTypes, catalogVersion), plan);
    }

    void clear() {
        plans.clear();
    }
}
