package com.marketpulse.api.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.marketpulse.alerting.seal.PushKeys;
import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.web.ApiException;

/**
 * The VAPID public key browsers subscribe with, read at start from the file delivery-service signs with the private
 * key of ({@code marketpulse.api.delivery.vapid-public-key-file}, {@code MARKETPULSE_DELIVERY_VAPID_PUBLIC_KEY_FILE}
 * for both services), so the two cannot disagree. Without one, Web Push is off: 503 with the reason.
 */
@Component
class PushServerKeys {

    private static final Logger log = LoggerFactory.getLogger(PushServerKeys.class);

    private final String publicKey;

    PushServerKeys(MarketPulseProperties properties) {
        this.publicKey = read(properties.api().delivery().vapidPublicKeyFile());
    }

    /**
     * The key in {@code file} as browsers take it, or {@code null} (Web Push off, logged) when none is configured or
     * the path is no file: compose mounts it from the key directory, and one never generated there arrives as an
     * empty directory, which must not stop the API.
     */
    static String read(String file) {
        if (file.isBlank() || !Files.isRegularFile(Path.of(file))) {
            log.warn("No VAPID public key (marketpulse.api.delivery.vapid-public-key-file{}): Web Push channels cannot "
                    + "be created", file.isBlank() ? "" : " " + file + " is not a file");
            return null;
        }
        try {
            return PushKeys.base64Url(PushKeys.publicKey(Files.readString(Path.of(file))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the VAPID public key " + file, e);
        }
    }

    /** The key as browsers take it: an uncompressed P-256 point, base64url. */
    String publicKey() {
        if (publicKey == null) {
            throw ApiException.refused(HttpStatus.SERVICE_UNAVAILABLE, "push-not-configured",
                    "Web Push is not configured on this server (no VAPID key): use another channel.",
                    Duration.ofMinutes(5));
        }
        return publicKey;
    }
}
