package com.marketpulse.api;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API's own {@code marketpulse.api.*} configuration (config/marketpulse.yml); the shared symbols and topic
 * layout are {@link com.marketpulse.settings.MarketPulseSettings}.
 */
@ConfigurationProperties("marketpulse")
public record MarketPulseProperties(
        @DefaultValue Api api) {

    /**
     * @param demo         whether the demo account exists
     * @param tokenSecret  HMAC key for bearer tokens; empty to generate one under {@code dataDir}
     * @param dataDir      the local data directory
     * @param tokenTtl     how long a bearer token is valid
     * @param maxBodyBytes the largest request body accepted
     */
    public record Api(
            @DefaultValue("false") boolean demo,
            @DefaultValue("") String tokenSecret,
            @DefaultValue("data") String dataDir,
            @DefaultValue("8h") Duration tokenTtl,
            @DefaultValue("16384") int maxBodyBytes,
            @DefaultValue Throttle throttle,
            @DefaultValue Status status) {

        @Override
        public String toString() {
            return "Api[demo=" + demo + ", dataDir=" + dataDir + ", tokenTtl=" + tokenTtl + "]";
        }
    }

    /**
     * Failed sign-ins: after {@code freeFailures} the next attempt waits {@code baseDelay}, doubling up to
     * {@code maxDelay}; failures are forgotten {@code forgetAfter} after the last one.
     *
     * @param clientAddressSecret HMAC key shared with the dashboard ({@code MARKETPULSE_CLIENT_ADDRESS_SECRET}): the
     *                            client address the dashboard forwards is believed only when signed with it; empty:
     *                            the socket's address is always used
     * @param clientAddressMaxAge a forwarded address signed longer ago than this (either way) is not believed
     * @param deviceTtl           how long the device token of a successful sign-in marks that client as known
     * @param maxConcurrentHashes password hashes (Argon2id, 19 MiB each) computed at once
     * @param hashWait            how long a request waits for a turn to hash before it is answered 503
     */
    public record Throttle(
            @DefaultValue("5") int accountFreeFailures,
            @DefaultValue("60s") Duration accountMaxDelay,
            @DefaultValue("20") int addressFreeFailures,
            @DefaultValue("5m") Duration addressMaxDelay,
            @DefaultValue("1s") Duration baseDelay,
            @DefaultValue("15m") Duration forgetAfter,
            @DefaultValue("") String clientAddressSecret,
            @DefaultValue("30s") Duration clientAddressMaxAge,
            @DefaultValue("90d") Duration deviceTtl,
            @DefaultValue("4") int maxConcurrentHashes,
            @DefaultValue("2s") Duration hashWait) {

        @Override
        public String toString() {
            return "Throttle[accountFreeFailures=" + accountFreeFailures + ", addressFreeFailures="
                    + addressFreeFailures + ", clientAddressSecret=" + (clientAddressSecret.isEmpty() ? "none" : "set")
                    + ", maxConcurrentHashes=" + maxConcurrentHashes + "]";
        }
    }

    /**
     * @param services base URL of each pipeline stage, whose {@code /actuator/health} is probed
     * @param timeout  how long one probe may take
     */
    public record Status(
            Map<String, String> services,
            @DefaultValue("1s") Duration timeout) {
    }
}
