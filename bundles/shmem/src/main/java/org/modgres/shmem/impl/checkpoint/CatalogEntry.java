package org.modgres.shmem.impl.checkpoint;

import org.modgres.api.storage.TableInfo;

/**
 * A table as a checkpoint's catalog records it.
 *
 * @param info       its definition
 * @param nextRowId  the row id its next insert gets, so that ids stay unique across restarts
 * @param generation the checkpoint that wrote its rows file ({@code base/<oid>.<generation>}); an
 *                   unchanged table keeps the file an earlier checkpoint wrote
 */
public record CatalogEntry(TableInfo info, long nextRowId, long generation) {
}
