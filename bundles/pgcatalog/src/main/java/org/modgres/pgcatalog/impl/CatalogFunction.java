package org.modgres.pgcatalog.impl;

import java.util.List;

import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.type.PgType;

/** A catalog function: its signature and a body that may read the catalog model. */
final class CatalogFunction implements SystemFunction {

    /** Computes a function's result. */
    @FunctionalInterface
    interface Body {
        Object apply(Call call, Object[] arguments);
    }

    /** One call: the statement's context, and the catalog model, taken the first time the body asks. */
    static final class Call {
        private final CatalogSource source;
        private final SystemRelationContext context;
        private CatalogModel model;

        Call(CatalogSource source, SystemRelationContext context) {
            this.source = source;
            this.context = context;
        }

        SystemRelationContext context() {
            return context;
        }

        CatalogModel model() {
            if (model == null) {
                model = source.model(context);
            }
            return model;
        }
    }

    private final CatalogSource source;
    private final String name;
    private final List<PgType> parameterTypes;
    private final PgType returnType;
    private final boolean strict;
    private final Body body;

    CatalogFunction(CatalogSource source, String name, List<PgType> parameterTypes, PgType returnType, boolean strict,
                    Body body) {
        this.source = source;
        this.name = name;
        this.parameterTypes = List.copyOf(parameterTypes);
        this.returnType = returnType;
        this.strict = strict;
        this.body = body;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<PgType> parameterTypes() {
        return parameterTypes;
    }

    @Override
    public PgType returnType() {
        return returnType;
    }

    @Override
    public boolean strict() {
        return strict;
    }

    @Override
    public Object apply(SystemRelationContext context, Object[] arguments) {
        return body.apply(new Call(source, context), arguments);
    }

    @Override
    public String toString() {
        return name + parameterTypes;
    }
}
