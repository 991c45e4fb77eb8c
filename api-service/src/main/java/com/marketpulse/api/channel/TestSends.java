package com.marketpulse.api.channel;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.contract.Channel;
import com.marketpulse.api.contract.TestSend;
import com.marketpulse.api.web.ApiException;

/**
 * "Send a test alert": records a request in {@code api.channel_test_requests}, which delivery-service turns into one
 * delivery of a marked test alert through the channel's real sender. The API never sends anything itself, and no
 * market alert is made, so only this channel receives it. At most one request per channel per
 * {@code marketpulse.api.delivery.test-send-interval}: the channel's row is locked while its last request is
 * checked, so two API instances cannot both take one.
 */
@Service
class TestSends {

    private final ChannelService channels;
    private final JdbcClient jdbc;
    private final Duration interval;

    TestSends(ChannelService channels, JdbcClient jdbc, MarketPulseProperties properties) {
        this.channels = channels;
        this.jdbc = jdbc;
        this.interval = properties.api().delivery().testSendInterval();
    }

    @Transactional
    TestSend request(long userId, long channelId) {
        Channel channel = channels.get(userId, channelId);
        if (!channel.enabled()) {
            throw ApiException.conflict("Channel " + channelId + " is disabled: enable it to send a test alert.");
        }
        if (channel.paused()) {
            throw ApiException.conflict("Channel " + channelId + " is paused after failing: re-enable it (or change "
                    + "its target) to resume it, then send a test alert.");
        }
        jdbc.sql("SELECT id FROM api.alert_channels WHERE id = :id FOR UPDATE").param("id", channelId)
                .query(Long.class).single();
        // the database's clock for both ends: the request time is its now() too
        double since = jdbc.sql("SELECT COALESCE(EXTRACT(EPOCH FROM now() - max(requested_at)), 1e9)::float8 "
                        + "FROM api.channel_test_requests WHERE channel_id = :id")
                .param("id", channelId)
                .query(Double.class)
                .single();
        Duration wait = interval.minusMillis(Math.round(since * 1000));
        if (wait.isPositive()) {
            throw ApiException.refused(HttpStatus.TOO_MANY_REQUESTS, "test-send", "One test alert per channel "
                    + "every " + interval.toSeconds() + " s: try again after the Retry-After delay.", wait);
        }
        return jdbc.sql("INSERT INTO api.channel_test_requests (channel_id, user_id) VALUES (:channel, :user) "
                        + "RETURNING id, channel_id, requested_at")
                .param("channel", channelId)
                .param("user", userId)
                .query((rs, n) -> new TestSend(rs.getLong("id"), rs.getLong("channel_id"),
                        rs.getTimestamp("requested_at").toInstant()))
                .single();
    }
}
