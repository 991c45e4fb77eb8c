package com.marketpulse.api.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.contract.TelegramLink;
import com.marketpulse.api.web.ApiException;

/**
 * One-time link codes of Telegram channels ({@code api.telegram_link_codes}): 128 random bits, shown once in the deep
 * link {@code https://t.me/<bot>?start=<code>}, stored only as SHA-256 with the owner's account name (the bot's
 * "Linked to MarketPulse as ...") and an expiry. delivery-service, which polls the bot, matches the code the user
 * sends and links the chat in its own schema. A new code for a channel replaces the previous one.
 */
@Component
class TelegramLinks {

    private static final Logger log = LoggerFactory.getLogger(TelegramLinks.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final MarketPulseProperties.Telegram settings;
    private final Clock clock;

    TelegramLinks(JdbcClient jdbc, MarketPulseProperties properties) {
        this.jdbc = jdbc;
        this.settings = properties.api().delivery().telegram();
        this.clock = Clock.systemUTC();
        if (settings.botUsername().isBlank()) {
            log.info("Telegram off: no bot username (MARKETPULSE_TELEGRAM_BOT_USERNAME); Telegram channels cannot be "
                    + "created");
        }
    }

    /** Refuses (503) when no bot is configured: a channel nobody could link is not created. */
    void requireConfigured() {
        if (settings.botUsername().isBlank()) {
            throw ApiException.refused(HttpStatus.SERVICE_UNAVAILABLE, "telegram-not-configured",
                    "Telegram is not configured on this server (no bot): Telegram channels cannot be created.",
                    Duration.ofMinutes(5));
        }
    }

    /** A fresh code for the channel, replacing any earlier one; the only time the code is seen. */
    TelegramLink issue(long userId, long channelId) {
        requireConfigured();
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        // base64url: within the [A-Za-z0-9_-]{1,64} Telegram allows in a start parameter
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = clock.instant().plus(settings.linkTtl());
        jdbc.sql("""
                        INSERT INTO api.telegram_link_codes (channel_id, code_hash, account_name, expires_at)
                        SELECT :channel, :hash, u.username, :expires FROM api.users u WHERE u.id = :user
                        ON CONFLICT (channel_id) DO UPDATE SET code_hash = excluded.code_hash,
                            account_name = excluded.account_name, expires_at = excluded.expires_at, created_at = now()""")
                .param("channel", channelId)
                .param("hash", hash(code))
                .param("expires", Timestamp.from(expires))
                .param("user", userId)
                .update();
        return new TelegramLink(code, "https://t.me/" + settings.botUsername() + "?start=" + code, expires);
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
