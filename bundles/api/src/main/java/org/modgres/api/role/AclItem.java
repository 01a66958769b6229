package org.modgres.api.role;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * One entry of an access control list, as PostgreSQL's {@code aclitem}: what the grantor granted
 * the grantee.
 *
 * @param grantee      the OID of the role granted to; {@link #PUBLIC} for every role
 * @param grantor      the OID of the role that granted
 * @param privileges   the privileges granted
 * @param grantOptions those of the privileges the grantee may grant on (WITH GRANT OPTION)
 */
public record AclItem(long grantee, long grantor, Set<TablePrivilege> privileges, Set<TablePrivilege> grantOptions) {

    /** The grantee OID that stands for PUBLIC, as ACL_ID_PUBLIC. */
    public static final long PUBLIC = 0;

    public AclItem {
        privileges = Set.copyOf(privileges);
        grantOptions = Set.copyOf(grantOptions);
    }

    /**
     * Returns the item's text as {@code aclitem_out} writes it, {@code grantee=privileges/grantor}
     * with a {@code *} after each privilege granted with grant option; PUBLIC has an empty grantee.
     *
     * @param roleNames the name of a role by OID; a role that is gone has none and shows as its OID
     */
    public String text(LongFunction<String> roleNames) {
        StringBuilder text = new StringBuilder();
        if (grantee != PUBLIC) {
            text.append(roleName(roleNames, grantee));
        }
        text.append('=');
        for (TablePrivilege privilege : TablePrivilege.values()) {
            if (privileges.contains(privilege)) {
                text.append(privilege.letter());
                if (grantOptions.contains(privilege)) {
                    text.append('*');
                }
            }
        }
        return text.append('/').append(roleName(roleNames, grantor)).toString();
    }

    /** Returns every table privilege, as ALL PRIVILEGES grants them on a table. */
    public static Set<TablePrivilege> all() {
        return EnumSet.range(TablePrivilege.INSERT, TablePrivilege.TRIGGER);
    }

    private static String roleName(LongFunction<String> roleNames, long oid) {
        String name = roleNames.apply(oid);
        if (name == null) {
            return Long.toString(oid);
        }
        return needsQuotes(name) ? '"' + name.replace("\"", "\"\"") + '"' : name;
    }

    /** Returns whether aclitem_out quotes a name: when it has other than alphanumerics and underscores. */
    private static boolean needsQuotes(String name) {
        if (name.isEmpty()) {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return true;
            }
        }
        return false;
    }
}
