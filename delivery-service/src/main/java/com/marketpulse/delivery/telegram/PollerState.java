package com.marketpulse.delivery.telegram;

import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code delivery.telegram_poller}: the one instance that may poll the bot (a lease, renewed at every poll and taken
 * over by another instance only once it lapsed) and the next update offset. Times are the database's, so instances'
 * clocks do not matter.
 */
@Repository
class PollerState {

    private final JdbcClient jdbc;

    PollerState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes or renews the lease for {@code seconds}; empty when another instance holds it, else the stored offset
     * (empty inside when none was stored yet: Telegram then starts at its earliest unconfirmed update).
     */
    Optional<OptionalLong> lease(String owner, long seconds) {
        return jdbc.sql("""
                        UPDATE delivery.telegram_poller SET owner = :owner, lease_until = now() + make_interval(secs => :s)
                        WHERE id = 1 AND (owner = :owner OR owner IS NULL OR lease_until < now())
                        RETURNING next_offset""")
                .param("owner", owner)
                .param("s", seconds)
                .query((rs, n) -> {
                    long offset = rs.getLong("next_offset");
                    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(offset);
                })
                .optional();
    }

    /** Stores the next offset; {@code false} when the lease was lost meanwhile (nothing stored). */
    boolean advance(String owner, long nextOffset) {
        return jdbc.sql("UPDATE delivery.telegram_poller SET next_offset = :offset WHERE id = 1 AND owner = :owner")
                .param("offset", nextOffset)
                .param("owner", owner)
                .update() == 1;
    }

    /** Gives the lease up (a clean stop), so another instance polls at once. */
    void release(String owner) {
        jdbc.sql("UPDATE delivery.telegram_poller SET owner = NULL, lease_until = NULL WHERE id = 1 AND owner = :owner")
                .param("owner", owner)
                .update();
    }
}
