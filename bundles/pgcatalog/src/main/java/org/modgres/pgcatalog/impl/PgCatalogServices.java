package org.modgres.pgcatalog.impl;

import java.util.ArrayList;
import java.util.List;

import org.modgres.api.catalog.FunctionCatalog;
import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.session.SessionManager;
import org.modgres.api.storage.SharedStorage;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the relations of pg_catalog and information_schema and the catalog functions as
 * whiteboard services, all computed from the live catalog of the shared storage. One component
 * registers them all, so that they share one view of the catalog, which also lists the system
 * relations and functions other bundles register.
 */
@Component(immediate = true)
public final class PgCatalogServices {

    private static final Logger LOG = LoggerFactory.getLogger(PgCatalogServices.class);

    private final CatalogSource source;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    public PgCatalogServices(BundleContext context, @Reference SharedStorage storage, @Reference RoleCatalog roles) {
        this.source = new CatalogSource(storage.catalog(), roles);
        List<SystemRelation> relations = relations(source);
        List<SystemFunction> functions = new ArrayList<>(CatalogFunctions.all(source));
        functions.addAll(SequenceFunctions.all(storage.catalog(), roles));
        functions.addAll(BackendFunctions.all(source));
        relations.forEach(source::add);
        functions.forEach(source::add);
        for (SystemRelation relation : relations) {
            registrations.add(context.registerService(SystemRelation.class, relation, null));
        }
        for (SystemFunction function : functions) {
            registrations.add(context.registerService(SystemFunction.class, function, null));
        }
        registrations.add(context.registerService(FunctionCatalog.class, new FunctionAcls(source), null));
        LOG.info("pg_catalog ready: {} relations, {} functions", relations.size(), functions.size());
    }

    /** Returns every relation this bundle provides. */
    static List<SystemRelation> relations(CatalogSource source) {
        List<SystemRelation> relations = new ArrayList<>();
        relations.addAll(RelationCatalogs.all(source));
        relations.addAll(ServerCatalogs.all(source));
        relations.addAll(EmptyCatalogs.all(source));
        relations.addAll(SequenceCatalogs.all(source));
        relations.add(ProcRows.relation(source));
        relations.addAll(SessionCatalogs.all(source));
        relations.addAll(ActivityCatalogs.all(source));
        relations.addAll(InformationSchema.all(source));
        relations.addAll(ConstraintViews.all(source));
        relations.addAll(RoutineViews.all(source));
        relations.addAll(PrivilegeViews.all(source));
        return relations;
    }

    /** Lists, in pg_class and pg_proc, the system relations other bundles register. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addRelation(SystemRelation relation) {
        source.add(relation);
    }

    public void removeRelation(SystemRelation relation) {
        source.remove(relation);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addFunction(SystemFunction function) {
        source.add(function);
    }

    public void removeFunction(SystemFunction function) {
        source.remove(function);
    }

    /** Lets pg_stat_activity list the backends of this session manager. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void setSessionManager(SessionManager manager) {
        source.sessionManager(manager);
    }

    public void unsetSessionManager(SessionManager manager) {
        source.sessionManagerGone(manager);
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
        LOG.info("pg_catalog stopped");
    }
}
