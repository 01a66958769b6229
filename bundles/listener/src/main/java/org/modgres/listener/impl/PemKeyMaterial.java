package org.modgres.listener.impl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server certificate chain and its private key, read from PEM files as PostgreSQL's
 * {@code ssl_cert_file} and {@code ssl_key_file} hold them. Keys may be PKCS#8 ({@code BEGIN
 * PRIVATE KEY}, what {@code openssl req -newkey} writes, any algorithm the JDK knows) or PKCS#1
 * RSA ({@code BEGIN RSA PRIVATE KEY}, what older {@code openssl genrsa} writes); encrypted keys are
 * refused, since the server has no one to ask for a passphrase.
 *
 * @param chain the server certificate first, then any intermediate certificates
 * @param key   the private key of the first certificate
 */
record PemKeyMaterial(List<X509Certificate> chain, PrivateKey key) {

    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final List<String> PKCS8_ALGORITHMS = List.of("RSA", "EC", "EdDSA", "RSASSA-PSS", "DSA", "XDH");
    /** DER of the AlgorithmIdentifier of rsaEncryption (OID 1.2.840.113549.1.1.1, NULL parameters). */
    private static final byte[] RSA_ALGORITHM_IDENTIFIER = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    PemKeyMaterial {
        chain = List.copyOf(chain);
    }

    /**
     * Reads and checks a certificate file and its key file.
     *
     * @throws IOException with PostgreSQL's wording when a file is missing, unreadable or does
     *     not hold what it should, or when the key does not belong to the certificate
     */
    static PemKeyMaterial read(Path certificateFile, Path keyFile) throws IOException {
        List<X509Certificate> chain = readCertificates(certificateFile);
        PrivateKey key = readKey(keyFile);
        if (!belongTogether(key, chain.getFirst().getPublicKey())) {
            throw new IOException("private key file \"" + keyFile + "\" does not match server certificate file \""
                    + certificateFile + "\"");
        }
        return new PemKeyMaterial(chain, key);
    }

    private static List<X509Certificate> readCertificates(Path file) throws IOException {
        byte[] content = readFile(file, "server certificate file");
        try {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(content)).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
            if (chain.isEmpty()) {
                throw new IOException("could not load server certificate file \"" + file + "\": no certificate found");
            }
            return chain;
        } catch (CertificateException e) {
            throw new IOException("could not load server certificate file \"" + file + "\": " + e.getMessage(), e);
        }
    }

    private static PrivateKey readKey(Path file) throws IOException {
        String content = new String(readFile(file, "private key file"), StandardCharsets.US_ASCII);
        Matcher block = PEM_BLOCK.matcher(content);
        while (block.find()) {
            String type = block.group(1);
            String body = block.group(2);
            switch (type) {
                case "PRIVATE KEY" -> {
                    return pkcs8(decodeBase64(body, file), file);
                }
                case "RSA PRIVATE KEY" -> {
                    if (body.contains("ENCRYPTED")) {
                        throw encrypted(file);
                    }
                    return pkcs8(pkcs1ToPkcs8(decodeBase64(body, file)), file);
                }
                case "ENCRYPTED PRIVATE KEY" -> throw encrypted(file);
                default -> {
                    // EC PARAMETERS and the like may precede the key
                }
            }
        }
        throw new IOException("could not load private key file \"" + file
                + "\": no PKCS#8 (BEGIN PRIVATE KEY) or PKCS#1 (BEGIN RSA PRIVATE KEY) key found;"
                + " convert it with openssl pkcs8 -topk8 -nocrypt");
    }

    private static byte[] readFile(Path file, String what) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException("could not load " + what + " \"" + file + "\": " + e.getMessage(), e);
        }
    }

    private static IOException encrypted(Path file) {
        return new IOException("private key file \"" + file
                + "\" is encrypted; passphrases are not supported: decrypt it with openssl pkcs8 -topk8 -nocrypt");
    }

    private static byte[] decodeBase64(String body, Path file) throws IOException {
        try {
            return Base64.getMimeDecoder().decode(body.strip());
        } catch (IllegalArgumentException e) {
            throw new IOException("could not load private key file \"" + file + "\": bad base64: " + e.getMessage(), e);
        }
    }

    private static PrivateKey pkcs8(byte[] der, Path file) throws IOException {
        for (String algorithm : PKCS8_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (InvalidKeySpecException | NoSuchAlgorithmException e) {
                // not a key of this algorithm: try the next
            }
        }
        throw new IOException("could not load private key file \"" + file + "\": unsupported key algorithm");
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo: version 0, rsaEncryption, the key. */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(new byte[] {0x02, 0x01, 0x00});
        content.writeBytes(RSA_ALGORITHM_IDENTIFIER);
        content.writeBytes(derTagged(0x04, pkcs1));
        return derTagged(0x30, content.toByteArray());
    }

    private static byte[] derTagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** Signs a random challenge with the key and checks it with the certificate's public key. */
    private static boolean belongTogether(PrivateKey key, PublicKey publicKey) throws IOException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> null;
        };
        if (algorithm == null) {
            // keys the JDK cannot simply sign with here (RSASSA-PSS, say) are left to the TLS handshake
            return true;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            // a public key of another algorithm or curve
            return false;
        } catch (GeneralSecurityException e) {
            throw new IOException("could not check the private key against the certificate: " + e.getMessage(), e);
        }
    }
}
