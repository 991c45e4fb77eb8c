package com.marketpulse.delivery.send;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;

import com.marketpulse.alerting.seal.DeliveryKeys;
import com.marketpulse.alerting.seal.SealedBox;

/** Opens the channel secrets the API sealed for this service, with the private key only this service holds. */
final class ChannelSecrets {

    private final PrivateKey key;

    ChannelSecrets(String privateKeyFile) {
        if (privateKeyFile == null || privateKeyFile.isBlank()) {
            throw new IllegalStateException("marketpulse.delivery.private-key-file (MARKETPULSE_DELIVERY_PRIVATE_KEY_FILE)"
                    + " is required: delivery-service's RSA private key, which opens the channel secrets");
        }
        try {
            key = DeliveryKeys.privateKey(Files.readString(Path.of(privateKeyFile)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read delivery-service's private key " + privateKeyFile, e);
        }
    }

    /** The secret, or {@code null} when there is none or it cannot be opened (sealed for another key). */
    String open(byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            return SealedBox.open(sealed, key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
