/**
 * The system catalogs PostgreSQL clients read: {@code pg_catalog} and {@code information_schema}
 * relations and the functions their queries call ({@code pg_get_userbyid}, {@code format_type},
 * ...), contributed by bundles as whiteboard services and picked up by the planner and executor.
 *
 * <p>In a {@link org.modgres.api.plan.RelationalPlan} a scan of a system relation is a
 * {@code TableScan} whose {@code RelOptTable} unwraps to its {@link SystemRelation}, and a call of a
 * system function is a {@code RexCall} whose operator implements {@link SystemFunctionOperator}:
 * a plan carries the relations and functions it was planned with, so any executor can run it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.modgres.api.catalog;
