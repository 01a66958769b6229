package org.modgres.examples.crypto;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.PgType;
import org.osgi.service.component.annotations.Component;

/**
 * pgcrypto-style functions. Each is one {@link SystemFunction} service: registering it makes the
 * function callable from SQL and listed in pg_proc; stopping the bundle takes it away again.
 * {@link PgType#UNKNOWN} parameters take text or bytea as they are.
 */
final class CryptoFunctions {

    private CryptoFunctions() {
    }

    /** {@code digest(data text|bytea, type text) returns bytea}. */
    @Component(service = SystemFunction.class)
    public static final class Digest implements SystemFunction {
        @Override
        public String name() {
            return "digest";
        }

        @Override
        public List<PgType> parameterTypes() {
            return List.of(PgType.UNKNOWN, PgType.TEXT);
        }

        @Override
        public PgType returnType() {
            return PgType.BYTEA;
        }

        @Override
        public Object apply(SystemRelationContext context, Object[] arguments) {
            return Digests.digest((String) arguments[1]).digest(Digests.bytes(arguments[0]));
        }
    }

    /** {@code hmac(data text|bytea, key text|bytea, type text) returns bytea}. */
    @Component(service = SystemFunction.class)
    public static final class Hmac implements SystemFunction {
        @Override
        public String name() {
            return "hmac";
        }

        @Override
        public List<PgType> parameterTypes() {
            return List.of(PgType.UNKNOWN, PgType.UNKNOWN, PgType.TEXT);
        }

        @Override
        public PgType returnType() {
            return PgType.BYTEA;
        }

        @Override
        public Object apply(SystemRelationContext context, Object[] arguments) {
            String algorithm = "Hmac" + Digests.jdkName((String) arguments[2]).replace("-", "");
            try {
                Mac mac = Mac.getInstance(algorithm);
                byte[] key = Digests.bytes(arguments[1]);
                // an empty key is valid for HMAC, but the JDK's key class refuses zero bytes
                mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
                return mac.doFinal(Digests.bytes(arguments[0]));
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "Cannot use \"" + arguments[2] + "\": "
                        + e.getMessage());
            }
        }
    }

    /** {@code gen_random_bytes(count integer) returns bytea}, from a cryptographically strong source. */
    @Component(service = SystemFunction.class)
    public static final class GenRandomBytes implements SystemFunction {
        private static final int MAX_BYTES = 1024;
        private final SecureRandom random = new SecureRandom();

        @Override
        public String name() {
            return "gen_random_bytes";
        }

        @Override
        public List<PgType> parameterTypes() {
            return List.of(PgType.INT4);
        }

        @Override
        public PgType returnType() {
            return PgType.BYTEA;
        }

        @Override
        public Object apply(SystemRelationContext context, Object[] arguments) {
            int count = (Integer) arguments[0];
            if (count < 1 || count > MAX_BYTES) {
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "Length not in range");
            }
            byte[] bytes = new byte[count];
            random.nextBytes(bytes);
            return bytes;
        }
    }
}
