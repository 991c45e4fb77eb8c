package com.marketpulse.api.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.marketpulse.alerting.seal.PushKeys;

/** The VAPID public key the API serves: read from delivery-service's file, off (not a crash) when there is none. */
class PushServerKeysTest {

    @TempDir
    Path keys;

    @Test
    void servesThePublicKeyOfTheFileAsBrowsersTakeIt() throws Exception {
        PushKeys.generateIfAbsent(keys.resolve("vapid-private-key.pem"), keys.resolve("vapid-public-key.pem"));

        assertThat(PushServerKeys.read(keys.resolve("vapid-public-key.pem").toString())).isEqualTo(PushKeys
                .base64Url(PushKeys.publicKey(Files.readString(keys.resolve("vapid-public-key.pem")))));
    }

    @Test
    void noFileTurnsWebPushOff() throws Exception {
        // what compose mounts for a file never generated in the key directory: an empty directory
        Path directory = Files.createDirectory(keys.resolve("vapid-public-key.pem"));

        assertThat(PushServerKeys.read(directory.toString())).isNull();
        assertThat(PushServerKeys.read("")).isNull();
    }
}
