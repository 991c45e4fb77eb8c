package com.marketpulse.api.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.marketpulse.api.contract.Channel;

/** {@code api.alert_channels}; every statement names the owner, so another user's channel is never found. */
@Repository
class ChannelRepository {

    private static final String COLUMNS = "id, type, name, target, enabled, secret_sealed IS NOT NULL AS has_secret, "
            + "created_at, confirmed_at, %s AS paused";
    /** Paused by delivery-service and not changed by its owner since (which resumes it). */
    private static final String PAUSED = "EXISTS (SELECT 1 FROM delivery.channel_health h WHERE h.channel_id = "
            + "alert_channels.id AND h.paused_at IS NOT NULL AND h.paused_at >= alert_channels.updated_at)";

    private final JdbcClient jdbc;

    ChannelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Channel> of(long userId) {
        return jdbc.sql("SELECT " + columns() + " FROM api.alert_channels WHERE user_id = :user ORDER BY id")
                .param("user", userId)
                .query(ChannelRepository::row)
                .list();
    }

    Optional<Channel> find(long userId, long id) {
        return jdbc.sql("SELECT " + columns() + " FROM api.alert_channels WHERE user_id = :user AND id = :id")
                .param("user", userId)
                .param("id", id)
                .query(ChannelRepository::row)
                .optional();
    }

    int count(long userId) {
        return jdbc.sql("SELECT count(*) FROM api.alert_channels WHERE user_id = :user")
                .param("user", userId)
                .query(Integer.class)
                .single();
    }

    Channel insert(long userId, String type, String name, String target, byte[] sealedSecret, boolean enabled) {
        return jdbc.sql("INSERT INTO api.alert_channels (user_id, type, name, target, secret_sealed, enabled) "
                        + "VALUES (:user, :type, :name, :target, :secret, :enabled) RETURNING " + columns())
                .param("user", userId)
                .param("type", type)
                .param("name", name)
                .param("target", target)
                .param("secret", sealedSecret)
                .param("enabled", enabled)
                .query(ChannelRepository::row)
                .single();
    }

    Optional<Channel> update(long userId, long id, String name, String target, boolean enabled) {
        return jdbc.sql("UPDATE api.alert_channels SET name = :name, target = :target, enabled = :enabled, "
                        + "updated_at = now() WHERE user_id = :user AND id = :id RETURNING " + columns())
                .param("user", userId)
                .param("id", id)
                .param("name", name)
                .param("target", target)
                .param("enabled", enabled)
                .query(ChannelRepository::row)
                .optional();
    }

    boolean delete(long userId, long id) {
        return jdbc.sql("DELETE FROM api.alert_channels WHERE user_id = :user AND id = :id")
                .param("user", userId)
                .param("id", id)
                .update() == 1;
    }

    /**
     * The columns, with the pause from delivery-service's schema when it is there: the API may start (and be asked)
     * before delivery-service has migrated, and a missing table must not fail the owner's channel list.
     */
    private String columns() {
        boolean delivery = Boolean.TRUE.equals(jdbc.sql("SELECT to_regclass('delivery.channel_health') IS NOT NULL")
                .query(Boolean.class).single());
        return COLUMNS.formatted(delivery ? PAUSED : "FALSE");
    }

    private static Channel row(ResultSet rs, int n) throws SQLException {
        return new Channel(rs.getLong("id"), rs.getString("type"), rs.getString("name"), rs.getString("target"),
                rs.getBoolean("enabled"), rs.getBoolean("has_secret"), rs.getBoolean("paused"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("confirmed_at") == null ? null : rs.getTimestamp("confirmed_at").toInstant());
    }
}
