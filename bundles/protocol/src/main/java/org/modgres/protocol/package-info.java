/**
 * The PostgreSQL v3 wire protocol as data: message types and limits here, one record per message
 * in {@code frontend} and {@code backend}, and the codec in {@code codec}. Nothing in it blocks
 * on anything but the stream it is given, starts a thread or registers a service; the listener and
 * session bundles embed it privately.
 *
 * <p>The flows it carries (C = client, S = server), after PostgreSQL's "Message Flow" chapter:
 *
 * <pre>
 * Startup (no type byte on the first packet)
 *
 *   C: SSLRequest ---------------------------&gt;  S: 'N' (no SSL) or 'S' (TLS handshake follows)
 *   C: StartupMessage(3.0, user, database..) -&gt;
 *                                              S: Authentication* request  (Ok, or a password/SASL
 *   C: PasswordMessage / SASL responses -----&gt;     exchange until AuthenticationOk)
 *                                              S: ParameterStatus x n, BackendKeyData(pid, key)
 *                                              S: ReadyForQuery('I')
 *   A CancelRequest(pid, key) comes on a new connection instead of a StartupMessage and gets no reply.
 *
 * Simple query: one message, the server answers every statement in it, then ReadyForQuery
 *
 *   C: Query("select 1; update t ..") -------&gt;
 *                                              S: RowDescription, DataRow x n, CommandComplete("SELECT n")
 *                                              S: CommandComplete("UPDATE n")
 *                                              S: ReadyForQuery('I' | 'T' | 'E')
 *   An error ends the string there: ErrorResponse, then ReadyForQuery. An empty string gets
 *   EmptyQueryResponse. COPY switches to CopyIn/CopyOutResponse and CopyData until CopyDone.
 *
 * Extended query: the client pipelines, the server answers in order, Sync closes the cycle
 *
 *   C: Parse(stmt, sql, oids) ---------------&gt;  S: ParseComplete
 *   C: Bind(portal, stmt, values) -----------&gt;  S: BindComplete
 *   C: Describe('P', portal) ----------------&gt;  S: RowDescription or NoData
 *   C: Execute(portal, maxRows) -------------&gt;  S: DataRow x n, then CommandComplete,
 *                                                  or PortalSuspended when maxRows was reached
 *   C: Sync ---------------------------------&gt;  S: ReadyForQuery
 *   After an error the server sends one ErrorResponse and discards everything up to the next Sync.
 *   Flush asks for the buffered replies without ending the cycle; Close drops a statement or portal.
 *
 * Terminate (or the end of the stream) ends the session.
 * </pre>
 *
 * <p>Limits follow PostgreSQL: the type byte is checked before the length word is trusted, and
 * the length against a cap for that type ({@link org.modgres.protocol.ProtocolLimits}) before any
 * memory is allocated for the body.
 */
package org.modgres.protocol;
