package com.marketpulse.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenSecretTest {

    @TempDir
    Path dataDir;

    @Test
    void generatesAnOwnerOnlyKeyOnceAndKeepsUsingIt() throws Exception {
        SecretKey first = TokenSecret.resolve("", dataDir);
        Path file = dataDir.resolve("api").resolve("token-secret");

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(first.getEncoded()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(TokenSecret.resolve(null, dataDir).getEncoded()).isEqualTo(first.getEncoded());
        assertThat(dataDir.resolve("api")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void usesTheConfiguredSecretWithoutWritingAFile() {
        String secret = "a-configured-secret-of-enough-length-0123456789";
        SecretKey key = TokenSecret.resolve(secret, dataDir);
        assertThat(new String(key.getEncoded())).isEqualTo(secret);
        assertThat(dataDir.resolve("api")).doesNotExist();
    }

    @Test
    void refusesAShortSecretWithoutRevealingIt() {
        assertThatIllegalStateException().isThrownBy(() -> TokenSecret.resolve("hunter2-short", dataDir))
                .withMessageContaining("at least 32 bytes")
                .withMessageNotContaining("hunter2");
    }
}
