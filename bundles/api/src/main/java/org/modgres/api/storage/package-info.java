@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.1")
package org.modgres.api.storage;
