package com.marketpulse.api;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

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
            @DefaultValue Status status,
            @DefaultValue Stream stream,
            @DefaultValue Backtests backtests,
            @DefaultValue Delivery delivery) {

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
     * @param timeout  how long one probe (and the database's part of the report) may take
     * @param cacheTtl how long one report is served to every caller: a flood of status requests runs the probes
     *                 once per period, and a fault shows at most this long after it began (plus one check)
     */
    public record Status(
            Map<String, String> services,
            @DefaultValue("1s") Duration timeout,
            @DefaultValue("5s") Duration cacheTtl) {
    }

    /**
     * The live alert stream ({@code /api/alerts/stream}): every open stream holds a connection, a sender thread
     * and a queue, and a {@code Last-Event-ID} replay reads up to 1,000 rows, so both are bounded.
     *
     * @param maxPerAddress     anonymous streams open at once from one client address
     * @param maxPerUser        signed-in streams open at once for one account (its tabs and devices)
     * @param maxTotal          streams open at once on this instance
     * @param replaysPerMinute  {@code Last-Event-ID} replays one client (account, or address when anonymous) may
     *                          start per minute
     * @param revalidateEvery   how often the token of every signed-in stream is checked again: a stream whose
     *                          token was revoked (logout, password change) or has expired is closed
     */
    public record Stream(
            @DefaultValue("4") int maxPerAddress,
            @DefaultValue("8") int maxPerUser,
            @DefaultValue("1000") int maxTotal,
            @DefaultValue("6") int replaysPerMinute,
            @DefaultValue("10s") Duration revalidateEvery) {
    }

    /**
     * Backtest jobs ({@code /api/backtests}); uploads are stored in the shared
     * {@code marketpulse.backtest.upload-directory}.
     *
     * @param maxUploadSize      the largest uploaded input file (streamed to disk, never held in memory)
     * @param maxRunningPerUser  backtests one account may have queued, running or draining at once
     * @param maxStoredPerUser   bytes of uploads one account may keep stored
     * @param maxArchiveRange    the longest archive range one run may replay
     * @param retention          a finished run (and its report) is deleted this long after it finished
     * @param drainTimeout       a run whose replay is published but whose pipeline groups have not caught up after
     *                           this is marked done with a note that its results may be incomplete
     * @param progressEvery      how often a progress stream ({@code /events}) looks for news
     * @param maxStreamsPerUser  progress streams one account may hold open at once
     */
    public record Backtests(
            @DefaultValue("250MB") DataSize maxUploadSize,
            @DefaultValue("2") int maxRunningPerUser,
            @DefaultValue("1GB") DataSize maxStoredPerUser,
            @DefaultValue("31d") Duration maxArchiveRange,
            @DefaultValue("30d") Duration retention,
            @DefaultValue("15m") Duration drainTimeout,
            @DefaultValue("1s") Duration progressEvery,
            @DefaultValue("4") int maxStreamsPerUser) {
    }

    /**
     * Alerts delivered to people by delivery-service.
     *
     * @param publicKeyFile delivery-service's RSA public key (PEM {@code PUBLIC KEY}): channel secrets are sealed
     *                      with it, so only delivery-service can read them; empty: channels that need a secret
     *                      (webhooks) cannot be created (503)
     * @param emailConfirmationValidity how long the link mailed to a new email channel's address confirms it
     * @param telegram      the bot that Telegram channels are linked through
     * @param vapidPublicKeyFile delivery-service's VAPID public key (PEM, P-256), the same file it signs Web Push
     *                      with: served to browsers as their {@code applicationServerKey}; empty: Web Push is off
     *                      (503)
     * @param testSendInterval at most one "send a test alert" per channel in this period (429 with Retry-After)
     */
    public record Delivery(@DefaultValue("") String publicKeyFile,
                           @DefaultValue("48h") Duration emailConfirmationValidity,
                           @DefaultValue Telegram telegram,
                           @DefaultValue("") String vapidPublicKeyFile,
                           @DefaultValue("10s") Duration testSendInterval) {
    }

    /**
     * @param botUsername the bot's username (without @), for the link {@code https://t.me/<bot>?start=<code>}; the
     *                    same bot whose token delivery-service has. Empty: Telegram channels cannot be created (503)
     * @param linkTtl     how long a channel's one-time link code is valid
     */
    public record Telegram(@DefaultValue("") String botUsername, @DefaultValue("15m") Duration linkTtl) {
    }
}
