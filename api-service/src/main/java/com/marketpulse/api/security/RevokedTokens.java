package com.marketpulse.api.security;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** Token ids revoked by logout ({@code api.revoked_tokens}), kept until the token would have expired anyway. */
@Repository
class RevokedTokens {

    private static final Logger log = LoggerFactory.getLogger(RevokedTokens.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    RevokedTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void revoke(String tokenId, Instant expiresAt) {
        jdbc.sql("INSERT INTO api.revoked_tokens (token_id, expires_at) VALUES (:id, :expires) "
                        + "ON CONFLICT (token_id) DO NOTHING")
                .param("id", tokenId)
                .param("expires", OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                .update();
    }

    boolean isRevoked(String tokenId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM api.revoked_tokens WHERE token_id = :id)")
                .param("id", tokenId)
                .query(Boolean.class)
                .single();
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void forgetExpired() {
        int removed = jdbc.sql("DELETE FROM api.revoked_tokens WHERE expires_at < :now")
                .param("now", OffsetDateTime.now(clock))
                .update();
        if (removed > 0) {
            log.debug("forgot {} expired revoked tokens", removed);
        }
    }
}
