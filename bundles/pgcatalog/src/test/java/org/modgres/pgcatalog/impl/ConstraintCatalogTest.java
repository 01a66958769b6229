package org.modgres.pgcatalog.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * UNIQUE, CHECK and FOREIGN KEY constraints in pg_constraint, pg_index and pg_class, and the
 * queries psql's \d sends for them, as PostgreSQL 15 answers for the same tables.
 */
class ConstraintCatalogTest {

    private final CatalogHarness sql = new CatalogHarness();

    @BeforeEach
    void schema() {
        sql.run("create table p1 (id int primary key, name text unique, code int, region int, unique (code, region))",
                "create table c1 (id int primary key, p_id int references p1 on delete cascade, q int unique, "
                        + "v int check (v > 0), constraint c1_vq check (v < 100 and v <> 7), "
                        + "foreign key (q) references p1 (id) on update set null)",
                "create table c2 (a int, b int, foreign key (a, b) references p1 (region, code) "
                        + "on delete set null on update restrict)");
    }

    private String oid(String table) {
        return sql.lines("select oid from pg_class where relname = '" + table + "'").getFirst();
    }

    @Test
    void pgConstraintHasEveryKind() {
        assertEquals(List.of(
                "c1_p_id_fkey|f|{2}|{1}|a|c|s|c1|p1",
                "c1_pkey|p|{1}|| | | |c1|-",
                "c1_q_fkey|f|{3}|{1}|n|a|s|c1|p1",
                "c1_q_key|u|{3}|| | | |c1|-",
                "c1_v_check|c|{4}|| | | |c1|-",
                "c1_vq|c|{4}|| | | |c1|-",
                "c2_a_b_fkey|f|{1,2}|{4,3}|r|n|s|c2|p1"),
                sql.lines("select conname, contype, conkey, confkey, confupdtype, confdeltype, confmatchtype, "
                        + "conrelid::regclass, confrelid::regclass from pg_constraint "
                        + "where conrelid in ('c1'::regclass, 'c2'::regclass) order by conname"));
    }

    @Test
    void constraintColumnUsageListsKeyReferencedAndCheckedColumns() {
        sql.run("create table c3 (\"Mixed\" int, lo int, note text, "
                + "constraint c3_mix check (\"Mixed\" > lo and note <> 'lo'))");
        assertEquals(List.of(
                        "p1|id|c1_p_id_fkey|postgres|public|postgres|public",
                        "c1|id|c1_pkey|postgres|public|postgres|public",
                        "p1|id|c1_q_fkey|postgres|public|postgres|public",
                        "c1|q|c1_q_key|postgres|public|postgres|public",
                        "c1|v|c1_v_check|postgres|public|postgres|public",
                        "c1|v|c1_vq|postgres|public|postgres|public",
                        "p1|code|c2_a_b_fkey|postgres|public|postgres|public",
                        "p1|region|c2_a_b_fkey|postgres|public|postgres|public",
                        "c3|Mixed|c3_mix|postgres|public|postgres|public",
                        "c3|lo|c3_mix|postgres|public|postgres|public",
                        "c3|note|c3_mix|postgres|public|postgres|public",
                        "p1|code|p1_code_region_key|postgres|public|postgres|public",
                        "p1|region|p1_code_region_key|postgres|public|postgres|public",
                        "p1|name|p1_name_key|postgres|public|postgres|public",
                        "p1|id|p1_pkey|postgres|public|postgres|public"),
                sql.lines("select table_name, column_name, constraint_name, table_catalog, table_schema, "
                        + "constraint_catalog, constraint_schema from information_schema.constraint_column_usage "
                        + "where constraint_schema = 'public' order by constraint_name, column_name"));
    }

    @Test
    void definitionsAsPostgresPrintsThem() {
        assertEquals(List.of("FOREIGN KEY (p_id) REFERENCES p1(id) ON DELETE CASCADE|FOREIGN KEY (p_id) REFERENCES p1(id) ON DELETE CASCADE",
                        "PRIMARY KEY (id)|PRIMARY KEY (id)",
                        "FOREIGN KEY (q) REFERENCES p1(id) ON UPDATE SET NULL|FOREIGN KEY (q) REFERENCES p1(id) ON UPDATE SET NULL",
                        "UNIQUE (q)|UNIQUE (q)",
                        "CHECK ((v > 0))|CHECK (v > 0)",
                        "CHECK (((v < 100) AND (v <> 7)))|CHECK (v < 100 AND v <> 7)"),
                sql.lines("select pg_get_constraintdef(oid), pg_get_constraintdef(oid, true) from pg_constraint "
                        + "where conrelid = 'c1'::regclass order by conname"));
        assertEquals(List.of("FOREIGN KEY (a, b) REFERENCES p1(region, code) ON UPDATE RESTRICT ON DELETE SET NULL"),
                sql.lines("select pg_get_constraintdef(oid) from pg_constraint where conrelid = 'c2'::regclass"));
    }

    @Test
    void uniqueConstraintsHaveIndexesAndChecksAndForeignKeysShowInPgClass() {
        assertEquals(List.of("p1_code_region_key|t|f|3 4|CREATE UNIQUE INDEX p1_code_region_key ON public.p1 USING btree (code, region)",
                        "p1_name_key|t|f|2|CREATE UNIQUE INDEX p1_name_key ON public.p1 USING btree (name)",
                        "p1_pkey|t|t|1|CREATE UNIQUE INDEX p1_pkey ON public.p1 USING btree (id)"),
                sql.lines("select c.relname, i.indisunique, i.indisprimary, i.indkey, pg_get_indexdef(i.indexrelid) "
                        + "from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = 'p1'::regclass "
                        + "order by 1"));
        assertEquals(List.of("c1|t|t|2", "c2|f|t|0", "p1|t|t|0"),
                sql.lines("select relname, relhasindex, relhastriggers, relchecks from pg_class "
                        + "where relname in ('p1', 'c1', 'c2') order by 1"));
    }

    @Test
    void psqlDescribeFindsChecksForeignKeysAndReferences() {
        String c1 = oid("c1");
        assertEquals(List.of("c1_v_check|CHECK (v > 0)",
                        "c1_vq|CHECK (v < 100 AND v <> 7)"),
                sql.lines("SELECT r.conname, pg_catalog.pg_get_constraintdef(r.oid, true)\n"
                        + "FROM pg_catalog.pg_constraint r\n"
                        + "WHERE r.conrelid = '" + c1 + "' AND r.contype = 'c'\nORDER BY 1;"));
        assertEquals(List.of("t|c1_p_id_fkey|FOREIGN KEY (p_id) REFERENCES p1(id) ON DELETE CASCADE|c1",
                        "t|c1_q_fkey|FOREIGN KEY (q) REFERENCES p1(id) ON UPDATE SET NULL|c1"),
                sql.lines("SELECT true as sametable, conname,\n"
                        + "  pg_catalog.pg_get_constraintdef(r.oid, true) as condef,\n"
                        + "  conrelid::pg_catalog.regclass AS ontable\n"
                        + "FROM pg_catalog.pg_constraint r\n"
                        + "WHERE r.conrelid = '" + c1 + "' AND r.contype = 'f'\n"
                        + "     AND conparentid = 0\nORDER BY conname"));
        String p1 = oid("p1");
        assertEquals(List.of("c1_p_id_fkey|c1|FOREIGN KEY (p_id) REFERENCES p1(id) ON DELETE CASCADE",
                        "c1_q_fkey|c1|FOREIGN KEY (q) REFERENCES p1(id) ON UPDATE SET NULL",
                        "c2_a_b_fkey|c2|FOREIGN KEY (a, b) REFERENCES p1(region, code) ON UPDATE RESTRICT ON DELETE SET NULL"),
                sql.lines("SELECT conname, conrelid::pg_catalog.regclass AS ontable,\n"
                        + "       pg_catalog.pg_get_constraintdef(oid, true) AS condef\n"
                        + "  FROM pg_catalog.pg_constraint c\n"
                        + " WHERE confrelid IN (SELECT pg_catalog.pg_partition_ancestors('" + p1 + "')\n"
                        + "                     UNION ALL VALUES ('" + p1 + "'::pg_catalog.regclass))\n"
                        + "       AND contype = 'f' AND conparentid = 0\nORDER BY conname;"));
        assertEquals(List.of(),
                sql.lines("SELECT t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true), t.tgenabled, t.tgisinternal,\n"
                        + "  CASE WHEN t.tgparentid != 0 THEN\n"
                        + "    (SELECT u.tgrelid::pg_catalog.regclass\n"
                        + "     FROM pg_catalog.pg_trigger AS u,\n"
                        + "          pg_catalog.pg_partition_ancestors(t.tgrelid) WITH ORDINALITY AS a(relid, depth)\n"
                        + "     WHERE u.tgname = t.tgname AND u.tgrelid = a.relid\n"
                        + "           AND u.tgparentid = 0\n"
                        + "     ORDER BY a.depth LIMIT 1)\n"
                        + "  END AS parent\n"
                        + "FROM pg_catalog.pg_trigger t\n"
                        + "WHERE t.tgrelid = '" + c1 + "' AND (NOT t.tgisinternal OR (t.tgisinternal AND t.tgenabled = 'D'))\n"
                        + "ORDER BY 1;"));
    }

    @Test
    void informationSchemaListsConstraintsWithNotNullColumnsAsChecks() {
        String p1 = oid("p1");
        assertEquals(List.of("2200_" + p1 + "_1_not_null|CHECK|", "p1_code_region_key|UNIQUE|YES",
                        "p1_name_key|UNIQUE|YES", "p1_pkey|PRIMARY KEY|"),
                sql.lines("select constraint_name, constraint_type, nulls_distinct from information_schema.table_constraints "
                        + "where table_name = 'p1' order by constraint_name"));
        assertEquals(List.of("c2_a_b_fkey|a|1|2", "c2_a_b_fkey|b|2|1"),
                sql.lines("select constraint_name, column_name, ordinal_position, position_in_unique_constraint "
                        + "from information_schema.key_column_usage where table_name = 'c2' order by 3"));
        assertEquals(List.of("c1_p_id_fkey|p1_pkey|NONE|NO ACTION|CASCADE", "c1_q_fkey|p1_pkey|NONE|SET NULL|NO ACTION",
                        "c2_a_b_fkey|p1_code_region_key|NONE|RESTRICT|SET NULL"),
                sql.lines("select constraint_name, unique_constraint_name, match_option, update_rule, delete_rule "
                        + "from information_schema.referential_constraints order by 1"));
        assertEquals(List.of("2200_" + p1 + "_1_not_null|id IS NOT NULL"),
                sql.lines("select constraint_name, check_clause from information_schema.check_constraints "
                        + "where constraint_name like '%" + p1 + "%'"));
        assertEquals(List.of("c1_v_check|((v > 0))"), sql.lines("select constraint_name, check_clause "
                + "from information_schema.check_constraints where constraint_name = 'c1_v_check'"));
    }

    @Test
    void conditionsPrintAsPostgresPrintsThem() {
        sql.run("create table d (a int, t text, v varchar(10), c char(3), n numeric(6,2), check (t <> ''), "
                + "check (v <> 'z'), check (c <> 'q'), check (a in (1, 2)), check (t not in ('a', 'b')), "
                + "check (a between 1 and 10), check (not (a > 5)), check (a * 2 + 1 < 100), check (n > 0), "
                + "check (a is null or a > 0 and a < 5), check (a > 0 and (t <> 'a' or t <> 'b')), "
                + "check (t <> 'x'::text), check (a > -1))");
        assertEquals(List.of(
                        "d_a_check|CHECK (a = ANY (ARRAY[1, 2]))|CHECK ((a = ANY (ARRAY[1, 2])))",
                        "d_a_check1|CHECK (a >= 1 AND a <= 10)|CHECK (((a >= 1) AND (a <= 10)))",
                        "d_a_check2|CHECK (NOT a > 5)|CHECK ((NOT (a > 5)))",
                        "d_a_check3|CHECK ((a * 2 + 1) < 100)|CHECK ((((a * 2) + 1) < 100))",
                        "d_a_check4|CHECK (a IS NULL OR a > 0 AND a < 5)|CHECK (((a IS NULL) OR ((a > 0) AND (a < 5))))",
                        // a negative constant is printed as kept, not as PostgreSQL's '-1'::integer
                        "d_a_check5|CHECK (a > -1)|CHECK ((a > -1))",
                        "d_c_check|CHECK (c <> 'q'::bpchar)|CHECK ((c <> 'q'::bpchar))",
                        "d_check|CHECK (a > 0 AND (t <> 'a'::text OR t <> 'b'::text))"
                                + "|CHECK (((a > 0) AND ((t <> 'a'::text) OR (t <> 'b'::text))))",
                        "d_n_check|CHECK (n > 0::numeric)|CHECK ((n > (0)::numeric))",
                        "d_t_check|CHECK (t <> ''::text)|CHECK ((t <> ''::text))",
                        "d_t_check1|CHECK (t <> ALL (ARRAY['a'::text, 'b'::text]))"
                                + "|CHECK ((t <> ALL (ARRAY['a'::text, 'b'::text])))",
                        "d_t_check2|CHECK (t <> 'x'::text)|CHECK ((t <> 'x'::text))",
                        "d_v_check|CHECK (v::text <> 'z'::text)|CHECK (((v)::text <> 'z'::text))"),
                sql.lines("select conname, pg_get_constraintdef(oid, true), pg_get_constraintdef(oid) from pg_constraint "
                        + "where conrelid = 'd'::regclass order by conname"));
    }
}
