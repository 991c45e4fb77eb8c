package com.marketpulse.api.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.marketpulse.alerting.seal.DeliveryKeys;
import com.marketpulse.alerting.seal.SealedBox;
import com.marketpulse.api.ApiIntegrationTest;
import com.marketpulse.api.Http;
import com.marketpulse.api.account.ThrottleReset;

/** {@code /api/me/channels} against the real database: owned by the signed-in user, secrets shown once, sealed. */
class ChannelsApiIT extends ApiIntegrationTest {

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void forgetOtherTestsFailures() {
        // every IT signs in from one address: another IT's deliberate failures must not throttle these sign-ups
        ThrottleReset.clear(context);
    }

    private String signUp() {
        String name = "chan-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.post("/api/auth/register",
                "{\"username\":\"" + name + "\",\"password\":\"violet harbour lanterns\"}", null).status())
                .isEqualTo(201);
        return http.login(name, "violet harbour lanterns");
    }

    @Test
    void aWebhooksSecretIsShownOnceAndStoredSealedForDeliveryServiceOnly() throws Exception {
        String token = signUp();

        Http.Response created = http.post("/api/me/channels",
                "{\"type\": \"webhook\", \"name\": \"ops\", \"target\": \"https://hooks.example.com/mp\"}", token);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        long id = created.json().get("channel").get("id").asLong();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(created.json().get("channel").get("hasSecret").asBoolean()).isTrue();
        byte[] sealed = jdbc.sql("SELECT secret_sealed FROM api.alert_channels WHERE id = :id").param("id", id)
                .query(byte[].class).single();
        assertThat(SealedBox.open(sealed, DeliveryKeys.privateKey(Files.readString(DELIVERY_PRIVATE_KEY))))
                .isEqualTo(secret);
        assertThat(http.get("/api/me/channels/" + id, token).body()).doesNotContain(secret);
        assertThat(http.get("/api/me/channels", token).body()).doesNotContain(secret);
    }

    @Test
    void emailAndTelegramChannelsExistWithoutASecret() {
        String token = signUp();

        Http.Response email = http.post("/api/me/channels",
                "{\"type\": \"EMAIL\", \"target\": \"holder@example.com\"}", token);
        Http.Response telegram = http.post("/api/me/channels", "{\"type\": \"TELEGRAM\", \"name\": \"phone\"}", token);

        assertThat(email.status()).as(email.body()).isEqualTo(201);
        assertThat(email.json().get("secret").isNull()).isTrue();
        assertThat(telegram.status()).as(telegram.body()).isEqualTo(201);
        assertThat(http.get("/api/me/channels", token).json()).hasSize(2);
    }

    @Test
    void anotherUsersChannelIsNotFoundForReadingChangingOrRemoving() {
        String owner = signUp();
        String other = signUp();
        long id = http.post("/api/me/channels", "{\"type\": \"EMAIL\", \"target\": \"a@example.com\"}", owner)
                .json().get("channel").get("id").asLong();

        assertThat(http.get("/api/me/channels/" + id, other).status()).isEqualTo(404);
        assertThat(http.put("/api/me/channels/" + id, "{\"enabled\": false}", other).status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/api/me/channels/" + id, null, null, "Bearer " + other).status())
                .isEqualTo(404);
        assertThat(http.get("/api/me/channels", other).json()).isEmpty();
        assertThat(http.get("/api/me/channels/" + id, owner).json().get("enabled").asBoolean()).isTrue();
    }

    @Test
    void theOwnerChangesAndRemovesAChannel() {
        String token = signUp();
        long id = http.post("/api/me/channels", "{\"type\": \"WEBHOOK\", \"target\": \"https://a.example.com/\"}",
                token).json().get("channel").get("id").asLong();

        Http.Response changed = http.put("/api/me/channels/" + id,
                "{\"enabled\": false, \"target\": \"https://b.example.com/hook\"}", token);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("enabled").asBoolean()).isFalse();
        assertThat(changed.json().get("target").asString()).isEqualTo("https://b.example.com/hook");
        assertThat(changed.json().get("hasSecret").asBoolean()).as("the secret stays").isTrue();
        assertThat(http.send("DELETE", "/api/me/channels/" + id, null, null, "Bearer " + token).status())
                .isEqualTo(204);
        assertThat(http.get("/api/me/channels/" + id, token).status()).isEqualTo(404);
    }

    @Test
    void aChannelDeliveryServicePausedShowsAsPausedUntilItsOwnerChangesIt() {
        String token = signUp();
        long id = http.post("/api/me/channels", "{\"type\": \"WEBHOOK\", \"target\": \"https://down.example.com/\"}",
                token).json().get("channel").get("id").asLong();
        assertThat(http.get("/api/me/channels/" + id, token).json().get("paused").asBoolean()).isFalse();

        // as delivery-service records it after pause-after failed attempts in a row
        jdbc.sql("INSERT INTO delivery.channel_health (channel_id, consecutive_failures, paused_at) "
                + "VALUES (:id, 10, now())").param("id", id).update();

        assertThat(http.get("/api/me/channels", token).json().get(0).get("paused").asBoolean()).isTrue();
        Http.Response resumed = http.put("/api/me/channels/" + id, "{\"enabled\": true}", token);
        assertThat(resumed.json().get("paused").asBoolean()).as("re-enabling resumes it").isFalse();
    }

    @Test
    void badChannelsAreProblemsNamingWhatToChange() {
        String token = signUp();

        assertProblem(http.post("/api/me/channels", "{\"type\": \"PIGEON\"}", token), "PIGEON");
        assertProblem(http.post("/api/me/channels", "{\"type\": \"WEBHOOK\", \"target\": \"ftp://x.example\"}",
                token), "https");
        assertProblem(http.post("/api/me/channels", "{\"type\": \"WEBHOOK\"}", token), "URL");
        assertProblem(http.post("/api/me/channels",
                "{\"type\": \"WEBHOOK\", \"target\": \"https://user:pw@x.example/\"}", token), "user name");
        assertProblem(http.post("/api/me/channels", "{\"type\": \"EMAIL\", \"target\": \"not-an-address\"}", token),
                "address");
        assertThat(http.get("/api/me/channels", token).json()).isEmpty();
    }

    private static void assertProblem(Http.Response response, String mentions) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).containsIgnoringCase(mentions);
    }
}
