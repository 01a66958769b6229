package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modgres.parser.impl.Parsing.error;
import static org.modgres.parser.impl.Parsing.plannable;
import static org.modgres.parser.impl.Parsing.tree;

import java.util.List;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlAlienSystemTypeNameSpec;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Litmus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.StatementKind;

class CreateTableTest {

    @Test
    void columnsConstraintsAndOptions() {
        final String sql = "create table if not exists app.\"Items\" (id int primary key, "
                + "name varchar(50) not null default 'x', note text null, created timestamptz default now()) "
                + "with (fillfactor=100)";
        assertEquals(StatementKind.CREATE_TABLE, plannable(sql).kind());
        final SqlCreateTable create = tree(SqlCreateTable.class, sql);
        assertTrue(create.ifNotExists);
        assertEquals(List.of("app", "Items"), create.name.names);
        assertNull(create.query);
        final List<SqlNode> elements = create.columnList.getList();
        assertEquals(5, elements.size());

        final SqlColumnDeclaration id = column(elements.get(0));
        assertEquals("id", id.name.getSimple());
        assertEquals(SqlTypeName.INTEGER, basicType(id.dataType));
        assertTrue(id.dataType.getNullable());
        assertNull(id.expression);
        assertEquals(ColumnStrategy.NULLABLE, id.strategy);

        final SqlColumnDeclaration name = column(elements.get(1));
        assertFalse(name.dataType.getNullable());
        assertEquals(ColumnStrategy.DEFAULT, name.strategy);
        assertEquals("'x'", name.expression.toString());
        assertEquals(50, ((SqlBasicTypeNameSpec) name.dataType.getTypeNameSpec()).getPrecision());

        final SqlColumnDeclaration note = column(elements.get(2));
        assertTrue(note.dataType.getNullable());
        assertEquals("text", note.dataType.getTypeNameSpec().getTypeName().getSimple());

        final SqlColumnDeclaration created = column(elements.get(3));
        assertEquals(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, basicType(created.dataType));
        assertEquals(SqlKind.OTHER_FUNCTION, created.expression.getKind());

        final SqlKeyConstraint key = assertInstanceOf(SqlKeyConstraint.class, elements.get(4));
        assertEquals(SqlKind.PRIMARY_KEY, key.getKind());
        assertNull(key.getOperandList().get(0));
        assertEquals(List.of("id"), names(key));
    }

    @Test
    void notNullWithoutDefault() {
        final SqlCreateTable create = tree(SqlCreateTable.class, "CREATE TABLE t (a bigint NOT NULL)");
        final SqlColumnDeclaration a = column(create.columnList.get(0));
        assertFalse(a.dataType.getNullable());
        assertEquals(ColumnStrategy.NOT_NULLABLE, a.strategy);
        assertFalse(create.ifNotExists);
    }

    @Test
    void tableLevelPrimaryKeyKeepsItsPlaceAndName() {
        final SqlCreateTable create = tree(SqlCreateTable.class,
                "create table t (a int, b int, constraint t_pk primary key (a, b), c text unique)");
        final List<SqlNode> elements = create.columnList.getList();
        final SqlKeyConstraint primary = assertInstanceOf(SqlKeyConstraint.class, elements.get(2));
        assertEquals(SqlKind.PRIMARY_KEY, primary.getKind());
        assertEquals("t_pk", ((SqlIdentifier) primary.getOperandList().get(0)).getSimple());
        assertEquals(List.of("a", "b"), names(primary));
        column(elements.get(3));
        final SqlKeyConstraint unique = assertInstanceOf(SqlKeyConstraint.class, elements.get(4));
        assertEquals(SqlKind.UNIQUE, unique.getKind());
        assertEquals(List.of("c"), names(unique));
    }

    @Test
    void pgbenchTables() {
        final SqlCreateTable create = tree(SqlCreateTable.class,
                "create table pgbench_tellers(tid int not null,bid int,tbalance int,filler char(84)) "
                        + "with (fillfactor=100)");
        assertEquals(4, create.columnList.size());
        final SqlColumnDeclaration filler = column(create.columnList.get(3));
        assertEquals(SqlTypeName.CHAR, basicType(filler.dataType));
        assertEquals(84, ((SqlBasicTypeNameSpec) filler.dataType.getTypeNameSpec()).getPrecision());
        tree(SqlCreateTable.class,
                "create table pgbench_history(tid int,bid int,aid    int,delta int,mtime timestamp,filler char(22))");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            int                          | INTEGER                        | -1   | -1
            integer                      | INTEGER                        | -1   | -1
            int4                         | INTEGER                        | -1   | -1
            pg_catalog.int4              | INTEGER                        | -1   | -1
            bigint                       | BIGINT                         | -1   | -1
            int8                         | BIGINT                         | -1   | -1
            smallint                     | SMALLINT                       | -1   | -1
            int2                         | SMALLINT                       | -1   | -1
            boolean                      | BOOLEAN                        | -1   | -1
            bool                         | BOOLEAN                        | -1   | -1
            real                         | REAL                           | -1   | -1
            float4                       | REAL                           | -1   | -1
            float(24)                    | REAL                           | -1   | -1
            double precision             | DOUBLE                         | -1   | -1
            float8                       | DOUBLE                         | -1   | -1
            float                        | DOUBLE                         | -1   | -1
            float(25)                    | DOUBLE                         | -1   | -1
            numeric                      | DECIMAL                        | -1   | -1
            decimal(12,3)                | DECIMAL                        | 12   | 3
            numeric(10)                  | DECIMAL                        | 10   | 0
            numeric(5,-2)                | DECIMAL                        | 5    | -2
            pg_catalog.numeric(7,1)      | DECIMAL                        | 7    | 1
            varchar                      | VARCHAR                        | -1   | -1
            varchar(50)                  | VARCHAR                        | 50   | -1
            character varying(10)        | VARCHAR                        | 10   | -1
            char                         | CHAR                           | 1    | -1
            character(5)                 | CHAR                           | 5    | -1
            bpchar(3)                    | CHAR                           | 3    | -1
            bytea                        | VARBINARY                      | -1   | -1
            uuid                         | UUID                           | -1   | -1
            date                         | DATE                           | -1   | -1
            time                         | TIME                           | -1   | -1
            timestamp                    | TIMESTAMP                      | -1   | -1
            timestamp(3)                 | TIMESTAMP                      | 3    | -1
            timestamp without time zone  | TIMESTAMP                      | -1   | -1
            timestamp(9)                 | TIMESTAMP                      | 6    | -1
            timestamptz                  | TIMESTAMP_WITH_LOCAL_TIME_ZONE | -1   | -1
            timestamp with time zone     | TIMESTAMP_WITH_LOCAL_TIME_ZONE | -1   | -1
            timestamptz(0)               | TIMESTAMP_WITH_LOCAL_TIME_ZONE | 0    | -1
            """)
    void typesWithACalciteName(String pgType, SqlTypeName type, int precision, int scale) {
        final SqlBasicTypeNameSpec spec = assertInstanceOf(SqlBasicTypeNameSpec.class, columnType(pgType));
        assertEquals(type, SqlTypeName.get(spec.getTypeName().getSimple()));
        assertEquals(precision, spec.getPrecision());
        assertEquals(scale == -1 ? RelDataType.SCALE_NOT_SPECIFIED : scale, spec.getScale());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            text        | text        | VARCHAR
            TEXT        | text        | VARCHAR
            bpchar      | bpchar      | CHAR
            name        | name        | VARCHAR
            oid         | oid         | BIGINT
            serial      | serial      | INTEGER
            serial4     | serial      | INTEGER
            bigserial   | bigserial   | BIGINT
            smallserial | smallserial | SMALLINT
            """)
    void typesCalciteHasNoNameFor(String pgType, String alias, SqlTypeName calciteType) {
        final SqlAlienSystemTypeNameSpec spec = assertInstanceOf(SqlAlienSystemTypeNameSpec.class, columnType(pgType));
        assertEquals(alias, spec.getTypeName().getSimple());
        // equalsDeep compares the alias and the Calcite type it stands for.
        assertTrue(spec.equalsDeep(new SqlAlienSystemTypeNameSpec(alias, calciteType, SqlParserPos.ZERO), Litmus.THROW));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            int[]        | INTEGER
            text[]       | text
            int8[3]      | BIGINT
            integer ARRAY | INTEGER
            """)
    void arrays(String pgType, String elementName) {
        final SqlCollectionTypeNameSpec spec = assertInstanceOf(SqlCollectionTypeNameSpec.class, columnType(pgType));
        assertEquals("ARRAY", spec.getTypeName().getSimple());
        assertEquals(elementName, spec.getElementTypeName().getTypeName().getSimple());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            regclass        | regclass
            myschema.mytype | myschema.mytype
            tinyint         | tinyint
            varbinary       | varbinary
            """)
    void otherTypesAreLeftToThePlanner(String pgType, String name) {
        final SqlUserDefinedTypeNameSpec spec = assertInstanceOf(SqlUserDefinedTypeNameSpec.class, columnType(pgType));
        assertEquals(name, spec.getTypeName().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            create table t (a varchar(0))               | 22023 | 19 | length for type varchar must be at least 1
            create table t (a char(0))                  | 22023 | 19 | length for type char must be at least 1
            create table t (a varchar(20000000))        | 22023 | 19 | length for type varchar cannot exceed 10485760
            create table t (a numeric(0))               | 22023 | 19 | NUMERIC precision 0 must be between 1 and 1000
            create table t (a numeric(5,-1001))         | 22023 | 19 | NUMERIC scale -1001 must be between -1000 and 1000
            create table t (a numeric(1,2,3))           | 22023 | 19 | invalid NUMERIC type modifier
            create table t (a float(0))                 | 22023 | 25 | precision for type float must be at least 1 bit
            create table t (a float(54))                | 22023 | 25 | precision for type float must be less than 54 bits
            create table t (a int4(3))                  | 42601 | 19 | type modifier is not allowed for type "int4"
            create table t (a text(3))                  | 42601 | 19 | type modifier is not allowed for type "text"
            create table t (a int, b int primary key, c int, primary key (a)) | 42P16 | 50 | multiple primary keys for table "t" are not allowed
            create table t (a int null not null)        | 42601 | 28 | conflicting NULL/NOT NULL declarations for column "a" of table "t"
            create table t (a int default 1 default 2)  | 42601 | 33 | multiple default values specified for column "a" of table "t"
            create table t (a int, a int)               | 42701 | 0  | column "a" specified more than once
            """)
    void definitionErrorsAsInPostgres(String sql, String sqlState, int position, String message) {
        final PgException e = error(sql);
        assertEquals(sqlState, e.sqlState().code());
        assertEquals(message, e.getMessage());
        assertEquals(position, e.position());
    }

    private static SqlTypeNameSpec columnType(String pgType) {
        final SqlCreateTable create = tree(SqlCreateTable.class, "create table t (c " + pgType + ")");
        return column(create.columnList.get(0)).dataType.getTypeNameSpec();
    }

    private static SqlColumnDeclaration column(SqlNode node) {
        return assertInstanceOf(SqlColumnDeclaration.class, node);
    }

    private static SqlTypeName basicType(SqlDataTypeSpec spec) {
        return SqlTypeName.get(assertInstanceOf(SqlBasicTypeNameSpec.class, spec.getTypeNameSpec())
                .getTypeName().getSimple());
    }

    private static List<String> names(SqlCall constraint) {
        final SqlNodeList columns = (SqlNodeList) constraint.getOperandList().get(1);
        return columns.stream().map(n -> ((SqlIdentifier) n).getSimple()).toList();
    }
}
