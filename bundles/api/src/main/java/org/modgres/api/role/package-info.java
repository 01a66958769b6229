/**
 * Roles as PostgreSQL's pg_authid holds them, their memberships (pg_auth_members), and the
 * owners and access control lists of relations (pg_class.relowner, relacl, pg_attribute.attacl),
 * kept by the shared storage and changed inside a storage transaction.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.modgres.api.role;
