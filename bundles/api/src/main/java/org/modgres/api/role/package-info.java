/**
 * Roles as PostgreSQL's pg_authid holds them, their memberships (pg_auth_members), and the
 * owners and access control lists of relations and schemas (pg_class.relowner, relacl,
 * pg_attribute.attacl, pg_namespace.nspacl, pg_database.datacl, pg_proc.proacl) and the default ones of new objects (pg_default_acl),
 * kept by the shared storage and changed inside a storage transaction.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package org.modgres.api.role;
