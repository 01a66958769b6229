package org.modgres.shmem.impl.codec;

import java.util.ArrayList;
import java.util.List;

import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.ViewInfo;

/**
 * The binary forms of schemas (OID, name, owner) and views (definitions pretty and plain, search path, the OIDs
 * read, then OID, schema, name and columns in the form {@link TableInfoCodec} gives a table,
 * last because that form may end early).
 */
public final class SchemaObjectCodec {

    private SchemaObjectCodec() {
    }

    public static void writeSchema(ByteOutput out, SchemaInfo schema) {
        out.writeVarLong(schema.oid());
        out.writeString(schema.name());
        out.writeVarLong(schema.owner());
    }

    public static SchemaInfo readSchema(ByteInput in) {
        return new SchemaInfo(in.readVarLong(), in.readString(), in.readVarLong());
    }

    public static void writeView(ByteOutput out, ViewInfo view) {
        out.writeString(view.definition());
        out.writeString(view.plainDefinition());
        out.writeVarLong(view.searchPath().size());
        for (String schema : view.searchPath()) {
            out.writeString(schema);
        }
        out.writeVarLong(view.dependsOn().size());
        for (long oid : view.dependsOn()) {
            out.writeVarLong(oid);
        }
        TableInfoCodec.write(out, new TableInfo(view.oid(), view.schema(), view.name(), view.columns(), List.of()));
    }

    public static ViewInfo readView(ByteInput in) {
        String definition = in.readString();
        String plainDefinition = in.readString();
        List<String> searchPath = new ArrayList<>();
        for (int count = in.readLength(); count > 0; count--) {
            searchPath.add(in.readString());
        }
        List<Long> dependsOn = new ArrayList<>();
        for (int count = in.readLength(); count > 0; count--) {
            dependsOn.add(in.readVarLong());
        }
        TableInfo shape = TableInfoCodec.read(in);
        return new ViewInfo(shape.oid(), shape.schema(), shape.name(), shape.columns(), definition, plainDefinition,
                searchPath, dependsOn);
    }
}
