package com.marketpulse.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.contract.ClientAddressHeader;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ClientAddressesTest {

    private static final String SECRET = "client-address-secret-for-this-test-0123456789";
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ClientAddresses addresses = addresses(SECRET);
    private final ClientAddressHeader dashboard = ClientAddressHeader.withSecret(SECRET);

    @Test
    void believesTheBrowserAddressTheDashboardSigned() {
        assertThat(addresses.of("10.0.0.5", dashboard.sign("203.0.113.7", NOW))).isEqualTo("203.0.113.7");
        assertThat(addresses.of("10.0.0.5", dashboard.sign("2001:db8::1", NOW.minusSeconds(20))))
                .isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(rejected()).isZero();
    }

    @Test
    void withoutTheHeaderItIsTheSocketsAddress() {
        assertThat(addresses.of("10.0.0.5", null)).isEqualTo("10.0.0.5");
    }

    @Test
    void aForgedStaleOrMalformedHeaderIsIgnoredAndCounted() {
        String signed = dashboard.sign("203.0.113.7", NOW);
        String forged = ClientAddressHeader.withSecret("an-attackers-guess-at-the-secret-0123456789").sign("203.0.113.7", NOW);
        String otherAddress = signed.replace("203.0.113.7", "203.0.113.8");

        assertThat(addresses.of("10.0.0.5", forged)).isEqualTo("10.0.0.5");
        assertThat(addresses.of("10.0.0.5", otherAddress)).isEqualTo("10.0.0.5");
        assertThat(addresses.of("10.0.0.5", dashboard.sign("203.0.113.7", NOW.minusSeconds(31)))).isEqualTo("10.0.0.5");
        assertThat(addresses.of("10.0.0.5", dashboard.sign("203.0.113.7", NOW.plusSeconds(31)))).isEqualTo("10.0.0.5");
        assertThat(addresses.of("10.0.0.5", dashboard.sign("evil.example.com", NOW))).as("no host names").isEqualTo("10.0.0.5");
        assertThat(addresses.of("10.0.0.5", "v1;203.0.113.7")).isEqualTo("10.0.0.5");
        assertThat(addresses.of("10.0.0.5", "x".repeat(10_000))).isEqualTo("10.0.0.5");
        assertThat(rejected()).isEqualTo(7);
    }

    @Test
    void withoutASecretNoForwardedAddressIsBelieved() {
        ClientAddresses unconfigured = addresses("");
        assertThat(unconfigured.of("10.0.0.5", dashboard.sign("203.0.113.7", NOW))).isEqualTo("10.0.0.5");
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> addresses("too-short")).hasMessageContaining("at least 32 bytes");
    }

    private double rejected() {
        return meters.counter("marketpulse.api.client.address.rejected").count();
    }

    private ClientAddresses addresses(String secret) {
        MarketPulseProperties properties = new Binder(new MapConfigurationPropertySource(
                Map.of("marketpulse.api.throttle.client-address-secret", secret)))
                .bindOrCreate("marketpulse", MarketPulseProperties.class);
        return new ClientAddresses(properties, Clock.fixed(NOW, ZoneOffset.UTC), meters);
    }
}
