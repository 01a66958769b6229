@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.8.0")
package org.modgres.api.sql;
