package com.marketpulse.delivery.telegram;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code delivery.telegram_chats}: the chat a TELEGRAM channel was linked to by its owner's {@code /start <code>}. */
@Repository
public class TelegramChats {

    private final JdbcClient jdbc;

    TelegramChats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The chat the delivery's channel is linked to, empty while its owner has not linked it. */
    public Optional<Long> chatOf(UUID deliveryId) {
        return jdbc.sql("""
                        SELECT t.chat_id FROM delivery.deliveries d
                        JOIN delivery.telegram_chats t ON t.channel_id = d.channel_id
                        WHERE d.id = :id""")
                .param("id", deliveryId)
                .query(Long.class)
                .optional();
    }
}
