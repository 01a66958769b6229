/**
 * One record per message the client sends. Arrays inside the records are handed over, not copied:
 * whoever builds a record must not change its arrays afterwards.
 */
package org.modgres.protocol.frontend;
