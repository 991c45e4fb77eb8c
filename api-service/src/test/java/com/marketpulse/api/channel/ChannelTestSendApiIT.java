package com.marketpulse.api.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.marketpulse.api.ApiIntegrationTest;
import com.marketpulse.api.Http;
import com.marketpulse.api.account.ThrottleReset;

/** {@code POST /api/me/channels/{id}/test}: a request delivery-service takes up, one per channel per 10 s. */
class ChannelTestSendApiIT extends ApiIntegrationTest {

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void forgetOtherTestsFailures() {
        ThrottleReset.clear(context);
    }

    @Test
    void aTestSendIsRecordedForDeliveryServiceAndASecondWithinTenSecondsIsRefused() {
        String token = signUp();
        long channel = webhook(token);

        Http.Response taken = http.post("/api/me/channels/" + channel + "/test", "", token);
        Http.Response again = http.post("/api/me/channels/" + channel + "/test", "", token);

        assertThat(taken.status()).as(taken.body()).isEqualTo(202);
        assertThat(taken.json().get("channelId").asLong()).isEqualTo(channel);
        assertThat(jdbc.sql("SELECT count(*) FROM api.channel_test_requests WHERE channel_id = :id")
                .param("id", channel).query(Long.class).single()).isEqualTo(1);
        assertThat(again.status()).as(again.body()).isEqualTo(429);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(again.header("Retry-After"))).isBetween(1, 10);
        assertThat(again.json().get("detail").asString()).contains("One test alert per channel");
        assertThat(http.post("/api/me/channels/" + webhook(token) + "/test", "", token).status())
                .as("another channel of the same owner has its own limit").isEqualTo(202);
    }

    @Test
    void anotherUsersChannelIsNotFoundAndADisabledOrPausedOneIsAConflict() {
        String owner = signUp();
        String other = signUp();
        long channel = webhook(owner);

        assertThat(http.post("/api/me/channels/" + channel + "/test", "", other).status()).isEqualTo(404);
        assertThat(http.post("/api/me/channels/999999999/test", "", owner).status()).isEqualTo(404);

        http.put("/api/me/channels/" + channel, "{\"enabled\": false}", owner);
        Http.Response disabled = http.post("/api/me/channels/" + channel + "/test", "", owner);
        assertThat(disabled.status()).isEqualTo(409);
        assertThat(disabled.json().get("detail").asString()).contains("disabled");

        http.put("/api/me/channels/" + channel, "{\"enabled\": true}", owner);
        jdbc.sql("INSERT INTO delivery.channel_health (channel_id, consecutive_failures, paused_at) "
                + "VALUES (:id, 10, now() + interval '1 second')").param("id", channel).update();
        Http.Response paused = http.post("/api/me/channels/" + channel + "/test", "", owner);
        assertThat(paused.status()).isEqualTo(409);
        assertThat(paused.json().get("detail").asString()).contains("paused");
        assertThat(jdbc.sql("SELECT count(*) FROM api.channel_test_requests WHERE channel_id = :id")
                .param("id", channel).query(Long.class).single()).isZero();
    }

    private long webhook(String token) {
        Http.Response created = http.post("/api/me/channels",
                "{\"type\": \"WEBHOOK\", \"target\": \"https://hooks.example.com/mp\"}", token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("channel").get("id").asLong();
    }

    private String signUp() {
        String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.post("/api/auth/register",
                "{\"username\":\"" + name + "\",\"password\":\"violet harbour lanterns\"}", null).status())
                .isEqualTo(201);
        return http.login(name, "violet harbour lanterns");
    }
}
