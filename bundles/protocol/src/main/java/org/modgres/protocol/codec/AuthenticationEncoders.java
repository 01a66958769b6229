package org.modgres.protocol.codec;

import org.modgres.protocol.backend.AuthenticationMD5Password;
import org.modgres.protocol.backend.AuthenticationSasl;
import org.modgres.protocol.backend.AuthenticationSaslContinue;
import org.modgres.protocol.backend.AuthenticationSaslFinal;

/** The 'R' messages: Int32 request code, then the request's data. */
final class AuthenticationEncoders {
    static final int OK = 0;
    static final int CLEARTEXT_PASSWORD = 3;
    static final int MD5_PASSWORD = 5;
    static final int SASL = 10;
    static final int SASL_CONTINUE = 11;
    static final int SASL_FINAL = 12;

    private AuthenticationEncoders() {
    }

    static void md5(AuthenticationMD5Password message, OutputBuffer out) {
        out.writeInt32(MD5_PASSWORD);
        out.writeBytes(message.salt());
    }

    static void sasl(AuthenticationSasl message, OutputBuffer out) {
        out.writeInt32(SASL);
        for (String mechanism : message.mechanisms()) {
            out.writeCString(mechanism);
        }
        out.writeByte(0);
    }

    static void saslContinue(AuthenticationSaslContinue message, OutputBuffer out) {
        out.writeInt32(SASL_CONTINUE);
        out.writeBytes(message.data());
    }

    static void saslFinal(AuthenticationSaslFinal message, OutputBuffer out) {
        out.writeInt32(SASL_FINAL);
        out.writeBytes(message.data());
    }
}
