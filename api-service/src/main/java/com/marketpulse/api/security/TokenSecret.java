package com.marketpulse.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC key that signs bearer tokens: {@code MARKETPULSE_TOKEN_SECRET} when given (at least 32 bytes), else
 * a random key generated once and kept owner-only under the data directory, so tokens survive a restart. The
 * key itself is never logged.
 */
final class TokenSecret {

    static final int MIN_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(TokenSecret.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private TokenSecret() {
    }

    static SecretKey resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            byte[] key = configured.getBytes(StandardCharsets.UTF_8);
            if (key.length < MIN_BYTES) {
                throw new IllegalStateException("MARKETPULSE_TOKEN_SECRET must be at least " + MIN_BYTES
                        + " bytes long (e.g. `openssl rand -base64 48`); leave it unset to generate one.");
            }
            log.info("Signing bearer tokens with the key from MARKETPULSE_TOKEN_SECRET");
            return hmacKey(key);
        }
        return hmacKey(stored(dataDir.resolve("api").resolve("token-secret")));
    }

    private static byte[] stored(Path file) {
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (key.length < MIN_BYTES) {
                throw new IllegalStateException("The token key in " + file + " is shorter than " + MIN_BYTES
                        + " bytes; delete the file to generate a new one.");
            }
            restrict(file);
            log.info("Signing bearer tokens with the key stored in {}", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token key " + file, e);
        }
    }

    private static void generate(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        restrictDirectory(dir);
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        Path temp = Files.createTempFile(dir, "token-secret", ".tmp");
        try {
            restrict(temp);
            Files.writeString(temp, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("MARKETPULSE_TOKEN_SECRET is not set: generated a new token signing key and stored it "
                    + "owner-only in {}", file.toAbsolutePath());
        } catch (FileAlreadyExistsException raced) {
            log.debug("another process created {} first", file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void restrict(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
    }

    private static void restrictDirectory(Path dir) throws IOException {
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
        }
    }

    private static SecretKey hmacKey(byte[] key) {
        return new SecretKeySpec(key, "HmacSHA256");
    }
}
