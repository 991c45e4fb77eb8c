package com.marketpulse.delivery.send;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.marketpulse.alerting.seal.DeliveryKeys;

/** The test key pair under target/, as the integration tests generate it. */
final class DeliveryKeysForTests {

    private DeliveryKeysForTests() {
    }

    static String privateKey() {
        Path privateKey = Path.of("target", "delivery-keys", "private.pem");
        try {
            DeliveryKeys.generateIfAbsent(privateKey, Path.of("target", "delivery-keys", "public.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return privateKey.toString();
    }
}
