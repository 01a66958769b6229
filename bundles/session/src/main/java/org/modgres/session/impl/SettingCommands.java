package org.modgres.session.impl;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.DiscardStatement;
import org.modgres.api.sql.ResetStatement;
import org.modgres.api.sql.SetStatement;

/**
 * SET, RESET and DISCARD: the session's parameters, the transaction's characteristics, and the
 * role and session user, which {@link SessionRoles} keeps.
 */
final class SettingCommands {

    /** The syntax {@code SET [SESSION | LOCAL] TRANSACTION modes}, as opposed to SET of a parameter. */
    private static final Pattern SET_TRANSACTION =
            Pattern.compile("set\\s+(?:(?:session|local)\\s+)?transaction\\b", Pattern.CASE_INSENSITIVE);

    private final SessionSettings settings;
    private final TransactionBlock transactions;
    private final Wire wire;
    private final SessionIdentity identity;

    SettingCommands(SessionSettings settings, TransactionBlock transactions, Wire wire, SessionIdentity identity) {
        this.settings = settings;
        this.transactions = transactions;
        this.wire = wire;
        this.identity = identity;
    }

    /**
     * Changes a setting; the backend reports changed parameters to the client before
     * ReadyForQuery. The characteristics of the transaction (SET TRANSACTION, or SET of their
     * parameters) are the transaction's, with its checks.
     */
    void set(SetStatement set) {
        String name = set.name().toLowerCase(Locale.ROOT);
        if (name.equals("role")) {
            identity.roles().setRole(set.value(), set.local());
            return;
        }
        if (name.equals("session_authorization")) {
            identity.roles().setSessionAuthorization(set.value(), set.local());
            return;
        }
        if (!SessionSettings.TRANSACTION_CHARACTERISTICS.contains(name)) {
            settings.set(set.name(), set.value());
            return;
        }
        // PostgreSQL warns for the SET TRANSACTION syntax only, not for SET transaction_isolation = ...
        if (!transactions.inBlock() && SET_TRANSACTION.matcher(set.text()).lookingAt()) {
            wire.notice(Severity.WARNING, SqlState.NO_ACTIVE_SQL_TRANSACTION,
                    "SET TRANSACTION can only be used in transaction blocks");
        }
        transactions.setCharacteristic(name, set.value());
    }

    /**
     * set_config(name, value, is_local): SET, or SET LOCAL when local; a NULL value sets the
     * default, as RESET does. Returns the value now in effect.
     */
    String setConfig(String name, String value, boolean local) {
        String text = "SET " + (local ? "LOCAL " : "") + name + " TO " + (value == null ? "DEFAULT" : value);
        set(new SetStatement(text, name, value, local));
        return settings.get(name);
    }

    void reset(ResetStatement reset) {
        String name = reset.name().toLowerCase(Locale.ROOT);
        if (name.equals("all")) {
            for (String setting : List.copyOf(settings.sorted().keySet())) {
                // RESET ALL leaves the role alone, as PostgreSQL's GUC_NO_RESET_ALL does
                if (SessionSettings.TRANSACTION_CHARACTERISTICS.contains(setting) || setting.equals("role")) {
                    continue;
                }
                try {
                    settings.set(setting, null);
                } catch (PgException readOnly) {
                    // RESET ALL leaves read-only parameters alone, as PostgreSQL does
                }
            }
            return;
        }
        if (name.equals("role")) {
            identity.roles().setRole(null, false);
            return;
        }
        if (name.equals("session_authorization")) {
            identity.roles().setSessionAuthorization(null, false);
            return;
        }
        if (SessionSettings.TRANSACTION_CHARACTERISTICS.contains(name)) {
            if (name.equals("transaction_isolation") && !transactions.inBlock()) {
                wire.notice(Severity.WARNING, SqlState.NO_ACTIVE_SQL_TRANSACTION,
                        "RESET TRANSACTION can only be used in transaction blocks");
            }
            transactions.setCharacteristic(name, null);
            return;
        }
        settings.set(reset.name(), null);
    }

    /**
     * DISCARD: ALL gives the session the state of a new one (SET SESSION AUTHORIZATION DEFAULT,
     * RESET ALL, DEALLOCATE ALL, CLOSE ALL, DISCARD SEQUENCES) and may not run in a block; SEQUENCES
     * forgets the values currval and lastval return; plans are made again
     * whenever the catalog changes, and there are no temporary tables, so PLANS and TEMP have
     * nothing to do.
     */
    void discard(DiscardStatement discard, SqlCursors cursors, SqlPreparedStatements prepared) {
        if (discard.target().equals("SEQUENCES")) {
            forgetSequenceValues();
        }
        if (!discard.target().equals("ALL")) {
            return;
        }
        if (transactions.inBlock()) {
            throw new PgException(SqlState.ACTIVE_SQL_TRANSACTION, "DISCARD ALL cannot run inside a transaction block");
        }
        identity.roles().reset();
        reset(new ResetStatement("RESET ALL", "all"));
        cursors.close(null);
        prepared.remove(null);
        forgetSequenceValues();
    }

    private void forgetSequenceValues() {
        if (identity.sequenceValues() instanceof SessionSequenceValues values) {
            values.forget();
        }
    }
}
