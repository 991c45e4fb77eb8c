package com.marketpulse.api.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.marketpulse.alerting.seal.DeliveryKeys;
import com.marketpulse.alerting.seal.PushKeys;
import com.marketpulse.alerting.seal.PushSecret;
import com.marketpulse.alerting.seal.SealedBox;
import com.marketpulse.api.ApiIntegrationTest;
import com.marketpulse.api.Http;
import com.marketpulse.api.account.ThrottleReset;

/**
 * Web Push channels through the API against the real database: the key a browser subscribes with, and its
 * subscription JSON becoming a channel whose keys only delivery-service can read; bad subscriptions are problems.
 */
class PushChannelsApiIT extends ApiIntegrationTest {

    private static final String ENDPOINT = "https://updates.push.services.mozilla.com/wpush/v2/gAAAAAB";

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void forgetOtherTestsFailures() {
        ThrottleReset.clear(context);
    }

    private String signUp() {
        String name = "push-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.post("/api/auth/register",
                "{\"username\":\"" + name + "\",\"password\":\"violet harbour lanterns\"}", null).status())
                .isEqualTo(201);
        return http.login(name, "violet harbour lanterns");
    }

    /** A subscription's JSON as {@code PushSubscription.toJSON()} gives it, with fresh browser keys. */
    private static String subscription(String endpoint, String p256dh, String auth) {
        return "{\"endpoint\": \"" + endpoint + "\", \"expirationTime\": null, \"keys\": {\"p256dh\": \"" + p256dh
                + "\", \"auth\": \"" + auth + "\"}}";
    }

    private static String browserKey() {
        return PushKeys.base64Url((ECPublicKey) PushKeys.newPair().getPublic());
    }

    @Test
    void servesTheVapidPublicKeyDeliveryServiceSignsWithToAnyone() throws Exception {
        Http.Response key = http.get("/api/push/vapid-public-key");

        assertThat(key.status()).as(key.body()).isEqualTo(200);
        assertThat(key.json().get("publicKey").asString())
                .isEqualTo(PushKeys.base64Url(PushKeys.publicKey(Files.readString(VAPID_PUBLIC_KEY))))
                .hasSize(87);
    }

    @Test
    void aBrowsersSubscriptionBecomesAChannelWithItsKeysSealedForDeliveryServiceOnly() throws Exception {
        String token = signUp();
        String p256dh = browserKey();
        String auth = "BTBZMqHH6r4Tts7J_aSIgg";

        Http.Response created = http.post("/api/me/channels/webpush",
                subscription(ENDPOINT + "1", p256dh, auth), token);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("channel").get("id").asLong();
        assertThat(created.json().get("channel").get("type").asString()).isEqualTo("WEBPUSH");
        assertThat(created.json().get("channel").get("target").asString()).isEqualTo(ENDPOINT + "1");
        assertThat(created.json().get("channel").get("hasSecret").asBoolean()).isTrue();
        assertThat(created.json().get("secret").isNull()).isTrue();
        byte[] sealed = jdbc.sql("SELECT secret_sealed FROM api.alert_channels WHERE id = :id").param("id", id)
                .query(byte[].class).single();
        assertThat(PushSecret.parse(SealedBox.open(sealed, DeliveryKeys.privateKey(
                Files.readString(DELIVERY_PRIVATE_KEY))))).isEqualTo(new PushSecret(p256dh, auth));
        assertThat(http.get("/api/me/channels", token).body()).doesNotContain(p256dh).doesNotContain(auth);

        Http.Response again = http.post("/api/me/channels/webpush", subscription(ENDPOINT + "1", p256dh, auth),
                token);
        assertThat(again.status()).as("the same browser twice").isEqualTo(409);
        assertThat(again.body()).contains("channel " + id);
        Http.Response renamed = http.put("/api/me/channels/" + id, "{\"name\": \"laptop\", \"enabled\": false}",
                token);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    }

    @Test
    void aBadSubscriptionIsAProblemNamingWhatIsWrong() {
        String token = signUp();
        String key = browserKey();
        byte[] offCurve = Base64.getUrlDecoder().decode(key);
        offCurve[64] ^= 1;

        assertProblem(http.post("/api/me/channels/webpush", subscription("http://push.example.net/x", key,
                "BTBZMqHH6r4Tts7J_aSIgg"), token), "https URL");
        assertProblem(http.post("/api/me/channels/webpush", subscription(ENDPOINT + "2",
                Base64.getUrlEncoder().withoutPadding().encodeToString(offCurve), "BTBZMqHH6r4Tts7J_aSIgg"), token),
                "keys.p256dh");
        assertProblem(http.post("/api/me/channels/webpush", subscription(ENDPOINT + "3", key.substring(0, 40),
                "BTBZMqHH6r4Tts7J_aSIgg"), token), "keys.p256dh");
        assertProblem(http.post("/api/me/channels/webpush", subscription(ENDPOINT + "4", key, "c2hvcnQ"), token),
                "keys.auth");
        assertProblem(http.post("/api/me/channels/webpush", "{\"endpoint\": \"" + ENDPOINT + "5\"}", token),
                "keys");
        assertProblem(http.post("/api/me/channels",
                "{\"type\": \"WEBPUSH\", \"target\": \"" + ENDPOINT + "6\"}", token), "/api/me/channels/webpush");
        assertThat(http.get("/api/me/channels", token).json()).as("nothing stored").isEmpty();
    }

    @Test
    void onlyASignedInUserAddsABrowser() {
        assertThat(http.post("/api/me/channels/webpush", subscription(ENDPOINT + "7", browserKey(),
                "BTBZMqHH6r4Tts7J_aSIgg"), null).status()).isEqualTo(401);
    }

    private static void assertProblem(Http.Response response, String mentions) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(mentions);
    }
}
