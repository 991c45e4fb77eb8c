package com.marketpulse.api.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.marketpulse.api.ApiIntegrationTest;
import com.marketpulse.api.Http;
import com.marketpulse.api.account.ThrottleReset;

import tools.jackson.databind.JsonNode;

/**
 * A Telegram channel's one-time link: returned with the new channel (and by asking for a new one) and never again,
 * stored only as a hash with the owner's account name, for delivery-service to match the code sent to the bot.
 */
class TelegramLinkApiIT extends ApiIntegrationTest {

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void forgetOtherTestsFailures() {
        ThrottleReset.clear(context);
    }

    private String signUp(String name) {
        assertThat(http.post("/api/auth/register",
                "{\"username\":\"" + name + "\",\"password\":\"violet harbour lanterns\"}", null).status())
                .isEqualTo(201);
        return http.login(name, "violet harbour lanterns");
    }

    @Test
    void theLinkCodeIsShownOnceAndOnlyItsHashIsKept() {
        String name = "tg-" + UUID.randomUUID().toString().substring(0, 8);
        String token = signUp(name);

        Http.Response created = http.post("/api/me/channels", "{\"type\": \"telegram\", \"name\": \"phone\"}", token);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("channel").get("id").asLong();
        JsonNode link = created.json().get("telegramLink");
        String code = link.get("code").asString();
        assertThat(code).matches("[A-Za-z0-9_-]{22}");
        assertThat(link.get("url").asString()).isEqualTo("https://t.me/MarketPulseTestBot?start=" + code);
        Instant expires = Instant.parse(link.get("expiresAt").asString());
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        assertThat(created.json().get("secret").isNull()).isTrue();
        assertThat(created.json().get("channel").get("target").isNull()).as("linked through the bot").isTrue();

        assertThat(created.json().get("channel").get("confirmedAt").isNull()).as("not linked yet").isTrue();
        assertThat(http.get("/api/me/channels/" + id, token).body()).doesNotContain(code);
        assertThat(http.get("/api/me/channels", token).body()).doesNotContain(code);
        assertThat(jdbc.sql("SELECT code_hash || account_name FROM api.telegram_link_codes WHERE channel_id = :id")
                .param("id", id).query(String.class).single())
                .isEqualTo(TelegramLinks.hash(code) + name).doesNotContain(code);

        // as delivery-service records it when the owner sends the code to the bot
        jdbc.sql("INSERT INTO delivery.telegram_chats (channel_id, chat_id, code_hash) VALUES (:id, 42, :hash)")
                .param("id", id).param("hash", TelegramLinks.hash(code)).update();
        assertThat(http.get("/api/me/channels/" + id, token).json().get("confirmedAt").isNull()).as("linked")
                .isFalse();
    }

    @Test
    void aNewLinkReplacesTheOldCodeAndOnlyTelegramChannelsOfTheOwnerGetOne() {
        String token = signUp("tg-" + UUID.randomUUID().toString().substring(0, 8));
        String other = signUp("tg-" + UUID.randomUUID().toString().substring(0, 8));
        Http.Response created = http.post("/api/me/channels", "{\"type\": \"TELEGRAM\"}", token);
        long id = created.json().get("channel").get("id").asLong();
        String first = created.json().get("telegramLink").get("code").asString();

        Http.Response renewed = http.post("/api/me/channels/" + id + "/telegram-link", "", token);

        assertThat(renewed.status()).as(renewed.body()).isEqualTo(201);
        String second = renewed.json().get("code").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(jdbc.sql("SELECT code_hash FROM api.telegram_link_codes WHERE channel_id = :id").param("id", id)
                .query(String.class).list()).containsExactly(TelegramLinks.hash(second));
        assertThat(http.post("/api/me/channels/" + id + "/telegram-link", "", other).status())
                .as("another user's channel").isEqualTo(404);
        long webhook = http.post("/api/me/channels",
                "{\"type\": \"WEBHOOK\", \"target\": \"https://hooks.example.com/x\"}", token)
                .json().get("channel").get("id").asLong();
        Http.Response notTelegram = http.post("/api/me/channels/" + webhook + "/telegram-link", "", token);
        assertThat(notTelegram.status()).isEqualTo(400);
        assertThat(notTelegram.contentType()).startsWith("application/problem+json");
    }
}
