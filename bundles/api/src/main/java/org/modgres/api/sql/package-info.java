@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.6.0")
package org.modgres.api.sql;
