package org.modgres.pgcatalog.impl;

/**
 * What pg_get_viewdef returns for a view: its kept query, pretty or plain, with the closing
 * semicolon, as PostgreSQL prints it.
 */
final class ViewDefinitionText {

    private ViewDefinitionText() {
    }

    /** Returns the definition of a view; null for anything else, as PostgreSQL's "Not a view" is not an error. */
    static String of(CatalogModel.Relation relation, boolean pretty) {
        if (relation == null || relation.view() == null) {
            return null;
        }
        String definition = pretty ? relation.view().definition() : relation.view().plainDefinition();
        return (definition.startsWith(" ") ? "" : " ") + definition + ";";
    }
}
