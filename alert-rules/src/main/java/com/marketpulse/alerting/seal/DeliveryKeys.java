package com.marketpulse.alerting.seal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * delivery-service's RSA key pair as PEM text: the public key ({@code PUBLIC KEY}, X.509) for the API, the private
 * key ({@code PRIVATE KEY}, PKCS#8) for delivery-service only. {@link #generate} writes a new pair (the private file
 * owner-only), as the local stack does under its data directory when none is there.
 */
public final class DeliveryKeys {

    private static final int BITS = 3072;

    private DeliveryKeys() {
    }

    public static KeyPair newPair() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(BITS);
            return rsa.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a new pair to {@code privateFile} and {@code publicFile} unless the private one exists. */
    public static void generateIfAbsent(Path privateFile, Path publicFile) throws IOException {
        writeIfAbsent(privateFile, publicFile, DeliveryKeys::newPair);
    }

    /**
     * Writes a pair made by {@code newPair} as PEM: the private key owner-only and moved into place last, so a crash
     * midway leaves no half-written private key that a restart would take for a whole one. Nothing happens when the
     * private file exists.
     */
    static void writeIfAbsent(Path privateFile, Path publicFile, Supplier<KeyPair> newPair) throws IOException {
        if (Files.exists(privateFile)) {
            return;
        }
        KeyPair pair = newPair.get();
        Files.createDirectories(privateFile.toAbsolutePath().getParent());
        Path temporary = privateFile.resolveSibling(privateFile.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.move(temporary, privateFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    public static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA public key (PEM 'PUBLIC KEY')", e);
        }
    }

    public static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA private key (PEM 'PRIVATE KEY', PKCS#8)", e);
        }
    }

    static byte[] der(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no PEM block '" + type + "'");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }
}
