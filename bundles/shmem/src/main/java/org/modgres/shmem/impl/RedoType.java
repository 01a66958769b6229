package org.modgres.shmem.impl;

/**
 * The kinds of log record. Every payload starts with the kind (one byte) and the transaction id
 * (a variable-length number); what follows depends on the kind:
 * <ul>
 * <li>{@code CREATE_TABLE}: the table's definition with its OID ({@link org.modgres.shmem.impl.codec.TableInfoCodec});</li>
 * <li>{@code DROP_TABLE}: the OID;</li>
 * <li>{@code ALTER_TABLE}: the table's new definition, same OID and columns ({@link org.modgres.shmem.impl.codec.TableInfoCodec});</li>
 * <li>{@code INSERT}, {@code UPDATE}: the OID, the row id, the row ({@link org.modgres.shmem.impl.codec.RowCodec});</li>
 * <li>{@code DELETE}: the OID and the row id;</li>
 * <li>{@code CREATE_ROLE}, {@code ALTER_ROLE}: the role with its OID ({@link org.modgres.shmem.impl.codec.RoleInfoCodec});</li>
 * <li>{@code DROP_ROLE}: the role's OID;</li>
 * <li>{@code CREATE_SEQUENCE}, {@code ALTER_SEQUENCE}: the sequence with its OID ({@link org.modgres.shmem.impl.codec.SequenceInfoCodec});</li>
 * <li>{@code DROP_SEQUENCE}: the sequence's OID;</li>
 * <li>{@code SEQUENCE_VALUE}: the sequence's OID, its value and whether that was handed out. With
 * transaction id 0 it is outside any transaction and recovery applies it where it reads it, as
 * sequences are not transactional; inside a transaction it follows the creation of the sequence;</li>
 * <li>{@code RELATION_PRIVILEGES}: a relation's owner and access control list ({@link org.modgres.shmem.impl.codec.RelationPrivilegesCodec});</li>
 * <li>{@code GRANT_MEMBERSHIP}: a role's membership in another ({@link org.modgres.shmem.impl.codec.RoleMembershipCodec});</li>
 * <li>{@code REVOKE_MEMBERSHIP}: the role's OID and the member's;</li>
 * <li>{@code CREATE_SCHEMA}: the schema ({@link org.modgres.shmem.impl.codec.SchemaObjectCodec});</li>
 * <li>{@code DROP_SCHEMA}: the schema's OID;</li>
 * <li>{@code CREATE_VIEW}: the view, new or replacing the one of its OID ({@link org.modgres.shmem.impl.codec.SchemaObjectCodec});</li>
 * <li>{@code DROP_VIEW}: the view's OID;</li>
 * <li>{@code REWRITE_TABLE}: the table's new definition ({@link org.modgres.shmem.impl.codec.TableInfoCodec}),
 * then how every row changes: {@link TableRewrite#ADD_COLUMN} with the value the rows get (a row of
 * that one column, {@link org.modgres.shmem.impl.codec.RowCodec}), or {@link TableRewrite#DROP_COLUMN}
 * with the position of the column;</li>
 * <li>{@code DEFAULT_ACL}: 1 and a default access control list ({@link org.modgres.shmem.impl.codec.DefaultAclCodec})
 * that is set, or 0 and one whose role, schema and kind no longer have one;</li>
 * <li>{@code COMMENT}: 1 and a comment on an object ({@link org.modgres.shmem.impl.codec.ObjectCommentCodec})
 * that is set, or 0 and one whose object, catalog and column no longer have one;</li>
 * <li>{@code COMMIT}: the commit time in microseconds since 1970;</li>
 * <li>{@code ABORT}: nothing.</li>
 * </ul>
 * A transaction's records are appended together, ending with its {@code COMMIT}; recovery applies
 * them only when it reads that record. {@code ABORT} tells recovery to forget the records of a
 * transaction before it; no writer needs it while only committed work is logged.
 */
enum RedoType {
    CREATE_TABLE(1), DROP_TABLE(2), INSERT(3), UPDATE(4), DELETE(5), COMMIT(6), ABORT(7), ALTER_TABLE(8),
    CREATE_ROLE(9), ALTER_ROLE(10), DROP_ROLE(11),
    CREATE_SEQUENCE(12), ALTER_SEQUENCE(13), DROP_SEQUENCE(14), SEQUENCE_VALUE(15),
    RELATION_PRIVILEGES(16), GRANT_MEMBERSHIP(17), REVOKE_MEMBERSHIP(18),
    CREATE_SCHEMA(19), DROP_SCHEMA(20), CREATE_VIEW(21), DROP_VIEW(22), REWRITE_TABLE(23),
    DEFAULT_ACL(24), COMMENT(25);

    private static final RedoType[] BY_CODE = new RedoType[26];

    static {
        for (RedoType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;

    RedoType(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    /** Returns the kind with this code, or null. */
    static RedoType of(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
