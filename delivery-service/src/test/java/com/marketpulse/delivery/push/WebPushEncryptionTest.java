package com.marketpulse.delivery.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPrivateKeySpec;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.marketpulse.alerting.seal.PushKeys;
import com.marketpulse.delivery.support.BrowserSubscription;

/** RFC 8291's own example (appendix A), byte for byte, and what a browser decrypts from a fresh message. */
class WebPushEncryptionTest {

    private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    private static final String AS_PUBLIC =
            "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private static final String UA_PUBLIC =
            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    private static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3v"
            + "CYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qul"
            + "cy4a-fN";

    @Test
    void encryptsTheRfc8291ExampleToItsExactBytes() throws Exception {
        KeyPair sender = new KeyPair(PushKeys.fromUncompressed(decode(AS_PUBLIC)), KeyFactory.getInstance("EC")
                .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, decode(AS_PRIVATE)), PushKeys.P256)));

        byte[] body = WebPushEncryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8),
                PushKeys.fromUncompressed(decode(UA_PUBLIC)), decode(AUTH), sender, decode(SALT));

        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(body)).isEqualTo(BODY);
    }

    @Test
    void theBrowserSideOfTheseTestsReadsTheRfcExample() throws Exception {
        BrowserSubscription receiver = BrowserSubscription.of(UA_PRIVATE, UA_PUBLIC, AUTH);

        assertThat(receiver.decrypt(decode(BODY))).isEqualTo(PLAINTEXT);
    }

    @Test
    void aFreshMessageIsReadOnlyByTheSubscriptionItWasSealedFor() throws Exception {
        BrowserSubscription browser = BrowserSubscription.create();
        String text = "{\"title\":\"BTC/USD −5.0 %\"}";

        byte[] body = WebPushEncryption.encrypt(text.getBytes(StandardCharsets.UTF_8),
                (ECPublicKey) browser.keys().getPublic(), browser.auth());

        assertThat(browser.decrypt(body)).isEqualTo(text);
        BrowserSubscription other = new BrowserSubscription(browser.keys(), new byte[16]);
        assertThatThrownBy(() -> other.decrypt(body)).as("another auth secret").isInstanceOf(Exception.class);
        assertThatThrownBy(() -> BrowserSubscription.create().decrypt(body)).as("another key")
                .isInstanceOf(Exception.class);
    }

    @Test
    void refusesAMessageLargerThanAPushServiceMustTake() {
        BrowserSubscription browser = BrowserSubscription.create();

        assertThatThrownBy(() -> WebPushEncryption.encrypt(new byte[WebPushEncryption.MAX_PLAINTEXT + 1],
                (ECPublicKey) browser.keys().getPublic(), browser.auth()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAPointOffTheCurve() {
        byte[] point = decode(UA_PUBLIC);
        point[64] ^= 1;

        assertThatThrownBy(() -> PushKeys.fromUncompressed(point)).hasMessageContaining("P-256 curve");
    }

    private static byte[] decode(String base64Url) {
        return Base64.getUrlDecoder().decode(base64Url);
    }
}
