package org.modgres.protocol.backend;

import java.util.Arrays;

/** Asks for the password hashed as {@code "md5" + md5(md5(password + user) + salt)}. */
public record AuthenticationMD5Password(byte[] salt) implements BackendMessage {
    public AuthenticationMD5Password {
        if (salt.length != 4) {
            throw new IllegalArgumentException("an MD5 salt has 4 bytes, not " + salt.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthenticationMD5Password m && Arrays.equals(salt, m.salt);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "AuthenticationMD5Password[]";
    }
}
