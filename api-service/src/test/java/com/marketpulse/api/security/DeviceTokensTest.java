package com.marketpulse.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.marketpulse.api.MarketPulseProperties;

class DeviceTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private final DeviceTokens tokens = at(NOW, "token-signing-key-of-this-test-0123456789abcdef");

    @Test
    void aTokenNamesItsDeviceForItsOwnAccountOnly() {
        String token = tokens.issue(7, Optional.empty());

        String device = tokens.deviceOf(token, 7).orElseThrow();
        assertThat(tokens.deviceOf(token, 8)).as("another account").isEmpty();
        assertThat(tokens.deviceOf(tokens.issue(7, Optional.of(device)), 7)).as("renewed, same device").contains(device);
        assertThat(tokens.deviceOf(tokens.issue(7, Optional.empty()), 7)).as("a new device").get().isNotEqualTo(device);
    }

    @Test
    void aTamperedForeignOrExpiredTokenIsNoDevice() {
        String token = tokens.issue(7, Optional.empty());
        String[] parts = token.split("\\.");

        assertThat(tokens.deviceOf(parts[0] + ".8." + parts[2] + "." + parts[3] + "." + parts[4], 8)).isEmpty();
        assertThat(tokens.deviceOf(parts[0] + ".7." + parts[2] + ".99999999999." + parts[4], 7)).isEmpty();
        assertThat(tokens.deviceOf(at(NOW, "another-servers-signing-key-0123456789abcdef").issue(7, Optional.empty()), 7))
                .isEmpty();
        assertThat(at(NOW.plus(java.time.Duration.ofDays(91)), "token-signing-key-of-this-test-0123456789abcdef")
                .deviceOf(token, 7)).as("older than device-ttl (90 days)").isEmpty();
        assertThat(tokens.deviceOf("garbage", 7)).isEmpty();
        assertThat(tokens.deviceOf(null, 7)).isEmpty();
    }

    private static DeviceTokens at(Instant now, String key) {
        MarketPulseProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("marketpulse.api.demo", "false")))
                .bindOrCreate("marketpulse", MarketPulseProperties.class);
        return new DeviceTokens(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"), properties,
                Clock.fixed(now, ZoneOffset.UTC));
    }
}
