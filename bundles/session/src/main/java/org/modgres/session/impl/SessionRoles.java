package org.modgres.session.impl;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleGraph;
import org.modgres.api.role.RoleInfo;

/**
 * Who a backend acts as: the session user (the authenticated one, or another that SET SESSION
 * AUTHORIZATION chose) and the current role of SET ROLE, which privilege checks use. Like
 * PostgreSQL's GUCs role and session_authorization, a change is taken back when its transaction
 * rolls back (or rolls back to a savepoint set before it), and SET LOCAL lasts until the
 * transaction ends.
 */
final class SessionRoles implements TransactionBlock.TransactionalSetting {

    /**
     * @param sessionUser the session user
     * @param role        the role of SET ROLE, or null for NONE: the current role is then the session user
     * @param sessionRole the role SET ROLE without LOCAL chose, which the transaction's end returns to
     */
    private record State(String sessionUser, String role, String sessionRole) {
        String currentUser() {
            return role != null ? role : sessionUser;
        }
    }

    private final RoleCatalog roles;
    private final SessionSettings settings;
    private final String authenticatedUser;
    private State state;
    /** The state when the current transaction made its first change; null while it made none. */
    private State atTransactionStart;

    SessionRoles(RoleCatalog roles, SessionSettings settings, String authenticatedUser) {
        this.roles = roles;
        this.settings = settings;
        this.authenticatedUser = authenticatedUser;
        this.state = new State(authenticatedUser, null, null);
    }

    /** Returns the session user, as {@code session_user} shows it. */
    String sessionUser() {
        return state.sessionUser();
    }

    /** Returns the current role, whose privileges statements are checked against: {@code current_user}. */
    String currentUser() {
        return state.currentUser();
    }

    /**
     * SET [LOCAL] ROLE: refused unless the session user is a member of the role, directly or not,
     * or a superuser (check_role in PostgreSQL's variable.c).
     *
     * @param name the role, or null (or {@code none}) for NONE
     */
    void setRole(String name, boolean local) {
        String role = name == null || name.equals("none") ? null : name;
        if (role != null) {
            RoleInfo target = roles.role(role).orElseThrow(() -> new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    "role \"" + role + "\" does not exist"));
            RoleInfo session = roles.role(state.sessionUser()).orElse(null);
            if (session == null || !session.superuser() && !RoleGraph.of(roles).isMember(session.oid(), target.oid())) {
                throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to set role \"" + role + "\"");
            }
        }
        change(new State(state.sessionUser(), role, local ? state.sessionRole() : role));
    }

    /**
     * SET [LOCAL] SESSION AUTHORIZATION: only a session that authenticated as a superuser may
     * become another role; the current role becomes the new session user.
     *
     * @param name the role, or null for DEFAULT, the authenticated one
     */
    void setSessionAuthorization(String name, boolean local) {
        String user = name == null ? authenticatedUser : name;
        roles.role(user).orElseThrow(() -> new PgException(SqlState.INVALID_PARAMETER_VALUE,
                "role \"" + user + "\" does not exist"));
        boolean superuser = roles.role(authenticatedUser).map(RoleInfo::superuser).orElse(false);
        if (!user.equals(authenticatedUser) && !superuser) {
            throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to set session authorization");
        }
        change(new State(user, null, local ? state.sessionRole() : null));
    }

    /** SET SESSION AUTHORIZATION DEFAULT and RESET ROLE together, as DISCARD ALL does. */
    void reset() {
        change(new State(authenticatedUser, null, null));
    }

    @Override
    public Object savepoint() {
        return state;
    }

    @Override
    public void rollbackTo(Object savepoint) {
        apply((State) savepoint);
    }

    @Override
    public void transactionEnded(boolean committed) {
        State start = atTransactionStart;
        atTransactionStart = null;
        if (start == null) {
            return;
        }
        if (!committed) {
            apply(start);
        } else if (state.role() != null ? !state.role().equals(state.sessionRole()) : state.sessionRole() != null) {
            // SET LOCAL ends with its transaction
            apply(new State(state.sessionUser(), state.sessionRole(), state.sessionRole()));
        }
    }

    private void change(State changed) {
        if (atTransactionStart == null) {
            atTransactionStart = state;
        }
        apply(changed);
    }

    /** Sets the state and the parameters that show it: role, session_authorization and is_superuser. */
    private void apply(State changed) {
        state = changed;
        settings.internal("role", changed.role() == null ? "none" : changed.role());
        settings.internal("session_authorization", changed.sessionUser());
        boolean superuser = roles.role(changed.currentUser()).map(RoleInfo::superuser).orElse(false);
        settings.internal("is_superuser", superuser ? "on" : "off");
    }
}
