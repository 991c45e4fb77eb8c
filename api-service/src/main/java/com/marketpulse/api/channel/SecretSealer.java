package com.marketpulse.api.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.marketpulse.alerting.seal.DeliveryKeys;
import com.marketpulse.alerting.seal.SealedBox;
import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.web.ApiException;

/**
 * Seals channel secrets with delivery-service's public key ({@code marketpulse.api.delivery.public-key-file}). The
 * API keeps no way to open them. The key is read at start; without one, a channel that needs a secret is refused
 * with 503 rather than stored unreadable or in the clear.
 */
@Component
class SecretSealer {

    private static final Logger log = LoggerFactory.getLogger(SecretSealer.class);

    private final PublicKey key;

    SecretSealer(MarketPulseProperties properties) {
        String file = properties.api().delivery().publicKeyFile();
        if (file.isBlank()) {
            log.warn("No delivery public key (marketpulse.api.delivery.public-key-file): webhook channels cannot be "
                    + "created");
            key = null;
            return;
        }
        try {
            key = DeliveryKeys.publicKey(Files.readString(Path.of(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read delivery-service's public key " + file, e);
        }
    }

    byte[] seal(String secret) {
        if (key == null) {
            throw ApiException.refused(HttpStatus.SERVICE_UNAVAILABLE, "delivery-not-configured",
                    "Delivery is not configured on this server (no delivery public key): channels with a secret "
                            + "cannot be created.", Duration.ofMinutes(5));
        }
        return SealedBox.seal(secret, key);
    }
}
