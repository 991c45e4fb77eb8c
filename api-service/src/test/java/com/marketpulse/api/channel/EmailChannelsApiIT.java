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

/**
 * An email channel's address is confirmed by the link delivery-service mails: the API stores only the token's hash
 * and the token sealed for delivery-service; following the link (no sign-in) confirms it once.
 */
class EmailChannelsApiIT extends ApiIntegrationTest {

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void forgetOtherTestsFailures() {
        ThrottleReset.clear(context);
    }

    private String signUp() {
        String name = "mail-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.post("/api/auth/register",
                "{\"username\":\"" + name + "\",\"password\":\"violet harbour lanterns\"}", null).status())
                .isEqualTo(201);
        return http.login(name, "violet harbour lanterns");
    }

    private long email(String token, String address) {
        Http.Response created = http.post("/api/me/channels",
                "{\"type\": \"EMAIL\", \"target\": \"" + address + "\"}", token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("secret").isNull()).as("nothing is shown to the owner").isTrue();
        return created.json().get("channel").get("id").asLong();
    }

    /** The token as delivery-service reads it: opened from secret_sealed with its private key. */
    private String mailedToken(long channel) throws Exception {
        byte[] sealed = jdbc.sql("SELECT secret_sealed FROM api.alert_channels WHERE id = :id").param("id", channel)
                .query(byte[].class).single();
        return SealedBox.open(sealed, DeliveryKeys.privateKey(Files.readString(DELIVERY_PRIVATE_KEY)));
    }

    private Http.Response follow(String token) {
        return http.get("/api/me/channels/confirm?token=" + token, null);
    }

    @Test
    void theMailedLinkConfirmsTheAddressOnceWithoutSigningIn() throws Exception {
        String owner = signUp();
        long channel = email(owner, "holder@example.com");
        assertThat(http.get("/api/me/channels/" + channel, owner).json().get("confirmedAt").isNull()).isTrue();
        String token = mailedToken(channel);
        byte[] stored = jdbc.sql("SELECT confirm_token_hash FROM api.alert_channels WHERE id = :id")
                .param("id", channel).query(byte[].class).single();
        assertThat(stored).as("only the token's hash is kept").isEqualTo(EmailConfirmations.hash(token))
                .isNotEqualTo(token.getBytes());

        Http.Response confirmed = follow(token);

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("channelId").asLong()).isEqualTo(channel);
        assertThat(confirmed.json().get("address").asString()).isEqualTo("holder@example.com");
        assertThat(http.get("/api/me/channels/" + channel, owner).json().get("confirmedAt").isNull()).isFalse();
        Http.Response again = follow(token);
        assertThat(again.status()).as("a used link is unknown").isEqualTo(404);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asString()).contains("unknown or was used");
    }

    @Test
    void anExpiredOrUnknownLinkIsAProblemSayingWhatToDo() throws Exception {
        String owner = signUp();
        long channel = email(owner, "late@example.com");
        String token = mailedToken(channel);
        jdbc.sql("UPDATE api.alert_channels SET confirm_expires_at = now() - interval '1 minute' WHERE id = :id")
                .param("id", channel).update();

        Http.Response expired = follow(token);
        Http.Response unknown = follow("A".repeat(43));
        Http.Response garbage = follow("%3Cscript%3E");

        assertThat(expired.status()).as(expired.body()).isEqualTo(410);
        assertThat(expired.contentType()).startsWith("application/problem+json");
        assertThat(expired.json().get("detail").asString()).contains("expired", "again");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(garbage.status()).isEqualTo(404);
        assertThat(garbage.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/me/channels/" + channel, owner).json().get("confirmedAt").isNull()).isTrue();
    }

    @Test
    void changingTheAddressNeedsANewConfirmationAndTheOldLinkNoLongerWorks() throws Exception {
        String owner = signUp();
        long channel = email(owner, "first@example.com");
        assertThat(follow(mailedToken(channel)).status()).isEqualTo(200);
        Http.Response renamed = http.put("/api/me/channels/" + channel, "{\"name\": \"inbox\"}", owner);
        assertThat(renamed.json().get("confirmedAt").isNull()).as("a new name keeps the confirmation").isFalse();
        Http.Response sameAddress = http.put("/api/me/channels/" + channel,
                "{\"target\": \"first@example.com\"}", owner);
        assertThat(sameAddress.json().get("confirmedAt").isNull()).as("the same address stays confirmed").isFalse();

        Http.Response moved = http.put("/api/me/channels/" + channel, "{\"target\": \"second@example.com\"}", owner);

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("confirmedAt").isNull()).isTrue();
        String first = mailedToken(channel);
        Http.Response tooSoon = http.put("/api/me/channels/" + channel, "{\"target\": \"second@example.com\"}",
                owner);
        assertThat(tooSoon.status()).as("no flood of links to an unconfirmed address").isEqualTo(429);
        assertThat(tooSoon.json().get("detail").asString()).contains("less than 5 minutes ago");
        // as if the link had been mailed 6 minutes ago
        jdbc.sql("UPDATE api.alert_channels SET confirm_expires_at = confirm_expires_at - interval '6 minutes' "
                + "WHERE id = :id").param("id", channel).update();
        assertThat(http.put("/api/me/channels/" + channel, "{\"target\": \"second@example.com\"}", owner).status())
                .as("saving the unconfirmed address again issues a fresh link").isEqualTo(200);
        String second = mailedToken(channel);
        assertThat(second).isNotEqualTo(first);
        assertThat(follow(first).status()).isEqualTo(404);
        Http.Response confirmed = follow(second);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("address").asString()).isEqualTo("second@example.com");
    }
}
