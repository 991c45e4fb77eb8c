package com.marketpulse.delivery.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The API's link codes (read only: {@code api.telegram_link_codes} holds each TELEGRAM channel's current code as its
 * SHA-256, the owner's account name and when it expires) and the links made with them ({@code delivery.telegram_chats},
 * this service's own).
 */
@Repository
class LinkCodes {

    /** A code the API issued, found by its hash. */
    record Issued(long channelId, String accountName, Instant expiresAt, Long linkedChat) {
    }

    private final JdbcClient jdbc;

    LinkCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** SHA-256 in hex, as the API stores it: the codes are 128 random bits, so no salt is needed. */
    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The code with this hash, of a channel that is still a TELEGRAM channel, and the chat it linked if any. */
    Optional<Issued> find(String codeHash) {
        return jdbc.sql("""
                        SELECT l.channel_id, l.account_name, l.expires_at, t.chat_id
                        FROM api.telegram_link_codes l
                        JOIN api.alert_channels c ON c.id = l.channel_id AND c.type = 'TELEGRAM'
                        LEFT JOIN delivery.telegram_chats t ON t.code_hash = l.code_hash
                        WHERE l.code_hash = :hash""")
                .param("hash", codeHash)
                .query((rs, n) -> {
                    long chat = rs.getLong("chat_id");
                    Long linked = rs.wasNull() ? null : chat;
                    return new Issued(rs.getLong("channel_id"), rs.getString("account_name"),
                            rs.getTimestamp("expires_at").toInstant(), linked);
                })
                .optional();
    }

    /** Links the channel to the chat (a channel linked before, with an older code, moves to this chat). */
    void link(long channelId, long chatId, String codeHash) {
        jdbc.sql("""
                        INSERT INTO delivery.telegram_chats (channel_id, chat_id, code_hash) VALUES (:channel, :chat, :hash)
                        ON CONFLICT (channel_id) DO UPDATE
                            SET chat_id = excluded.chat_id, code_hash = excluded.code_hash, linked_at = now()""")
                .param("channel", channelId)
                .param("chat", chatId)
                .param("hash", codeHash)
                .update();
    }
}
