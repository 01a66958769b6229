package org.modgres.pgcatalog.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.type.PgType;

/**
 * pg_proc: PostgreSQL's built-in functions that Modgres runs, and the registered system functions
 * PostgreSQL does not have, which get OIDs of their own above the built-in ones.
 */
final class ProcRows {

    /** The pseudo-type "any", which stands for a parameter of any type. */
    private static final long ANY = 2276;
    /** The first OID of a system function PostgreSQL has no OID for. */
    private static final long FIRST_EXTRA_FUNCTION = 0x7000_0000L;

    private ProcRows() {
    }

    static SystemRelation relation(CatalogSource source) {
        return new CatalogRelation(source, "pg_catalog", "pg_proc", 1255, false, "oid oid!, proname name!, "
                + "pronamespace oid!, proowner oid!, prolang oid!, procost float4!, prorows float4!, "
                + "provariadic oid!, prosupport regproc!, prokind char!, prosecdef bool!, proleakproof bool!, "
                + "proisstrict bool!, proretset bool!, provolatile char!, proparallel char!, pronargs int2!, "
                + "pronargdefaults int2!, prorettype oid!, proargtypes oidvector!, proallargtypes oid[], "
                + "proargmodes char[], proargnames text[], proargdefaults pg_node_tree, protrftypes oid[], "
                + "prosrc text!, probin text, prosqlbody pg_node_tree, proconfig text[], proacl aclitem[]",
                (model, context, rows) -> {
                    for (BuiltinFunctions.Function function : functions(model)) {
                        rows.add().set("oid", function.oid()).set("proname", function.name())
                                .set("pronamespace", ObjectIds.PG_CATALOG).set("proowner", ObjectIds.POSTGRES_ROLE)
                                .set("prolang", 12).set("procost", 1).set("prosupport", "-")
                                .set("prokind", function.kind()).set("proisstrict", function.strict())
                                .set("proretset", function.returnsSet()).set("provolatile", function.volatility())
                                .set("proparallel", "s").set("pronargs", function.argumentTypes().size())
                                .set("prorettype", function.resultType()).set("proargtypes", function.argumentTypes())
                                .set("prosrc", function.source())
                                .set("proacl", FunctionAcls.acl(model, function.oid()));
                    }
                });
    }

    /** Returns the functions pg_proc lists. */
    static List<BuiltinFunctions.Function> functions(CatalogModel model) {
        List<BuiltinFunctions.Function> functions = new ArrayList<>(BuiltinFunctions.all());
        List<SystemFunction> extra = new ArrayList<>();
        for (SystemFunction function : model.functions()) {
            if (BuiltinFunctions.find(function.name(), function.parameterTypes().size()) == null) {
                extra.add(function);
            }
        }
        extra.sort(Comparator.comparing(SystemFunction::name).thenComparingInt(f -> f.parameterTypes().size()));
        long oid = FIRST_EXTRA_FUNCTION;
        for (SystemFunction function : extra) {
            List<Long> arguments = function.parameterTypes().stream()
                    .map(t -> t == PgType.UNKNOWN ? ANY : (long) t.oid()).toList();
            functions.add(new BuiltinFunctions.Function(oid++, function.name(), "f", false,
                    function.returnType().oid(), arguments, function.strict(), "s", function.name()));
        }
        return functions;
    }
}
