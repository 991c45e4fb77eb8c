package com.marketpulse.delivery.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.marketpulse.alerting.seal.PushKeys;
import com.marketpulse.alerting.seal.PushSecret;
import com.marketpulse.delivery.push.Vapid;
import com.marketpulse.delivery.support.BrowserSubscription;

/** What a Web Push send reports before and after it reaches the push service, without a network. */
class PushSenderTest {

    private static final String BODY = "{\"deliveryId\":\"d1\",\"alert\":{\"alertId\":\"a1\",\"symbol\":\"BTC/USD\"},"
            + "\"impact\":null}";
    private final KeyPair vapidPair = PushKeys.newPair();
    private final Vapid vapid = new Vapid((ECPrivateKey) vapidPair.getPrivate(), (ECPublicKey) vapidPair.getPublic(),
            "mailto:ops@example.com", Duration.ofHours(12));
    private final BrowserSubscription browser = BrowserSubscription.create();
    private final String keys = new PushSecret(browser.p256dh(), browser.authBase64()).text();

    private static DeliveryQueue.Target channel(String endpoint) {
        return new DeliveryQueue.Target("WEBPUSH", endpoint, new byte[0], true, Instant.EPOCH, null, null);
    }

    private static PushSender sender(Vapid vapid, TargetGuard guard) {
        return new PushSender(vapid, guard, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofHours(1),
                "http://localhost:8080/", Clock.systemUTC());
    }

    @Test
    void withoutAVapidKeyEveryWebPushDeliveryFailsWithThatReason() {
        Attempt attempt = sender(null, new TargetGuard(false)).send(channel("https://push.example.net/x"), keys, "d1",
                BODY);

        assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.FAILED);
        assertThat(attempt.detail()).contains("Web Push is not configured", "MARKETPULSE_DELIVERY_VAPID_PRIVATE_KEY_FILE");
    }

    @Test
    void unreadableKeysOrAnEndpointInsideOurNetworkFailWithoutSending() {
        TargetGuard guard = new TargetGuard(false, host -> new InetAddress[] {InetAddress.getByName("10.0.0.7")});

        Attempt garbled = sender(vapid, guard).send(channel("https://push.example.net/x"), "not json", "d1", BODY);
        Attempt offCurve = sender(vapid, guard).send(channel("https://push.example.net/x"),
                new PushSecret(browser.p256dh().substring(0, 40), browser.authBase64()).text(), "d1", BODY);
        Attempt internal = sender(vapid, guard).send(channel("https://push.example.net/x"), keys, "d1", BODY);
        Attempt noSecret = sender(vapid, guard).send(channel("https://push.example.net/x"), null, "d1", BODY);

        assertThat(garbled.outcome()).isEqualTo(Attempt.Outcome.FAILED);
        assertThat(garbled.detail()).startsWith("the subscription cannot be used");
        assertThat(offCurve.outcome()).isEqualTo(Attempt.Outcome.FAILED);
        assertThat(internal.detail()).contains("refused", "private");
        assertThat(noSecret.detail()).isEqualTo("the channel's secret cannot be opened");
    }

    @Test
    void thePushServicesAnswersAreJudgedAsRfc8030SaysAndAGoneSubscriptionPausesItsChannel() {
        assertThat(PushSender.judge(201).outcome()).isEqualTo(Attempt.Outcome.SENT);
        assertThat(PushSender.judge(202).outcome()).isEqualTo(Attempt.Outcome.SENT);
        assertThat(PushSender.judge(410)).extracting(Attempt::outcome, Attempt::channelGone)
                .containsExactly(Attempt.Outcome.FAILED, true);
        assertThat(PushSender.judge(404).channelGone()).isTrue();
        assertThat(PushSender.judge(429).outcome()).isEqualTo(Attempt.Outcome.RETRY);
        assertThat(PushSender.judge(503).outcome()).isEqualTo(Attempt.Outcome.RETRY);
        assertThat(PushSender.judge(413)).extracting(Attempt::outcome, Attempt::channelGone)
                .containsExactly(Attempt.Outcome.FAILED, false);
        assertThat(PushSender.judge(403).outcome()).as("VAPID refused").isEqualTo(Attempt.Outcome.FAILED);
    }
}
