package org.modgres.listener.impl;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Writes a self-signed certificate and its private key, so that a new data directory with
 * {@code ssl = on} serves TLS at once: encrypted, though clients cannot verify whom they talk to
 * ({@code sslmode=require} works, {@code verify-ca} does not). RSA 2048, SHA-256, valid ten years,
 * for CN=localhost with localhost and the loopback addresses as alternative names. Replace the
 * files with a certificate from a real authority for anything but a test.
 */
final class SelfSignedCertificate {

    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private SelfSignedCertificate() {
    }

    /**
     * Writes the certificate and key unless either file exists; returns whether it wrote them.
     *
     * @throws IOException when they cannot be made or written
     */
    static boolean writeIfAbsent(Path certificateFile, Path keyFile) throws IOException {
        if (Files.exists(certificateFile) || Files.exists(keyFile)) {
            return false;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            byte[] certificate = certificate(pair, Instant.now());
            writePrivate(keyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(certificateFile, pem("CERTIFICATE", certificate), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW);
            return true;
        } catch (GeneralSecurityException e) {
            throw new IOException("could not make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    /** Returns the DER encoding of a certificate for the key pair, signed with its own private key. */
    static byte[] certificate(KeyPair pair, Instant now) throws GeneralSecurityException {
        byte[] algorithm = Der.sequence(Der.oid(SHA256_WITH_RSA), Der.nullValue());
        byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8("localhost"))));
        byte[] validity = Der.sequence(Der.utcTime(UTC_TIME.format(now.minus(Duration.ofMinutes(5)))),
                Der.utcTime(UTC_TIME.format(now.plus(VALIDITY))));
        byte[] alternativeNames = Der.sequence(
                Der.element(0x82, "localhost".getBytes(StandardCharsets.US_ASCII)),
                Der.element(0x87, new byte[] {127, 0, 0, 1}),
                Der.element(0x87, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
        byte[] extensions = Der.explicit(3, Der.sequence(
                Der.sequence(Der.oid(BASIC_CONSTRAINTS), Der.bool(true), Der.octetString(Der.sequence())),
                Der.sequence(Der.oid(SUBJECT_ALT_NAME), Der.octetString(alternativeNames))));
        byte[] toBeSigned = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
                algorithm, name, validity, name,
                pair.getPublic().getEncoded(),
                extensions);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(toBeSigned);
        return Der.sequence(toBeSigned, algorithm, Der.bitString(signer.sign()));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** Writes a file only its owner may read, as PostgreSQL requires of a key file. */
    private static void writePrivate(Path file, String text) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        }
    }
}
