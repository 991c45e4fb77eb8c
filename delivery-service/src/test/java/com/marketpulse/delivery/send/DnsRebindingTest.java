package com.marketpulse.delivery.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.marketpulse.alerting.seal.PushKeys;
import com.marketpulse.alerting.seal.PushSecret;
import com.marketpulse.delivery.push.Vapid;
import com.marketpulse.delivery.support.BrowserSubscription;
import com.marketpulse.delivery.support.FakePushService;
import com.marketpulse.delivery.support.FakeWebhook;

/**
 * The address a webhook's or a push endpoint's host is vetted at is the address connected to: a DNS that answers a
 * public address to the check and loopback to the connect (rebinding) never reaches a receiver on loopback, and each
 * connection asks the DNS once. "localhost" stands for the attacker's name: the system's DNS answers it with the
 * loopback receiver, as a rebinding DNS would.
 */
class DnsRebindingTest {

    private static final String BODY = "{\"deliveryId\":\"d1\",\"alert\":{\"alertId\":\"a1\",\"symbol\":\"BTC/USD\"},"
            + "\"impact\":null}";
    private static final Duration CONNECT = Duration.ofMillis(500);
    private static final Duration REQUEST = Duration.ofSeconds(2);

    private final FakeWebhook receiver = new FakeWebhook();
    private final FakePushService pushService = new FakePushService();
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        receiver.close();
        pushService.close();
    }

    /** A DNS that gives each of {@code answers} once, in order, and records every question. */
    private TargetGuard.Resolver answering(String... answers) {
        Iterator<String> next = List.of(answers).iterator();
        return host -> {
            asked.add(host);
            return new InetAddress[] {InetAddress.getByName(next.next())};
        };
    }

    private static DeliveryQueue.Target channel(String type, String target) {
        return new DeliveryQueue.Target(type, target, new byte[0], true, Instant.EPOCH, null, null);
    }

    /** {@code url} with its host named {@code localhost} instead of the loopback address. */
    private static String byName(String url) {
        URI uri = URI.create(url);
        return "http://localhost:" + uri.getPort() + uri.getPath();
    }

    private WebhookSender webhookSender(TargetGuard guard) {
        return new WebhookSender(guard, CONNECT, REQUEST, Clock.systemUTC());
    }

    @Test
    void aWebhookHostReboundToLoopbackAfterThePublicAnswerIsNeverConnectedToLoopback() {
        WebhookSender sender = webhookSender(new TargetGuard(false, answering("192.0.2.1", "127.0.0.1")));
        String url = byName(receiver.url("/rebinding"));

        Attempt first = sender.send(channel("WEBHOOK", url), "whsec_x", "d1", BODY);
        Attempt second = sender.send(channel("WEBHOOK", url), "whsec_x", "d2", BODY);

        assertThat(receiver.at("/rebinding")).as("nothing reaches the loopback receiver").isEmpty();
        assertThat(first.outcome()).as("192.0.2.1 (TEST-NET) does not answer").isEqualTo(Attempt.Outcome.RETRY);
        assertThat(second.outcome()).isEqualTo(Attempt.Outcome.FAILED);
        assertThat(second.detail()).isEqualTo("refused: localhost resolves to 127.0.0.1 (loopback)");
        assertThat(asked).as("one answer per connection, used by both the check and the connect")
                .containsExactly("localhost", "localhost");
    }

    @Test
    void aWebhookHostAnsweringAnInternalAddressIsRefusedBeforeAnyConnection() {
        WebhookSender sender = webhookSender(new TargetGuard(false, answering("127.0.0.1")));

        Attempt attempt = sender.send(channel("WEBHOOK", byName(receiver.url("/internal"))), "whsec_x", "d1", BODY);

        assertThat(receiver.at("/internal")).isEmpty();
        assertThat(attempt).extracting(Attempt::outcome, Attempt::httpStatus, Attempt::detail).containsExactly(
                Attempt.Outcome.FAILED, null, "refused: localhost resolves to 127.0.0.1 (loopback)");
        assertThat(asked).containsExactly("localhost");
    }

    @Test
    void anAddressLiteralIsVettedAsANameIs() {
        Attempt attempt = webhookSender(new TargetGuard(false)).send(channel("WEBHOOK", receiver.url("/literal")),
                "whsec_x", "d1", BODY);

        assertThat(receiver.at("/literal")).isEmpty();
        assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.FAILED);
        assertThat(attempt.detail()).isEqualTo("refused: 127.0.0.1 resolves to 127.0.0.1 (loopback)");
    }

    @Test
    void loopbackIsConnectedToOnlyByTheExplicitSetting() {
        Attempt attempt = webhookSender(new TargetGuard(true, answering("127.0.0.1")))
                .send(channel("WEBHOOK", byName(receiver.url("/allowed"))), "whsec_x", "d1", BODY);

        assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.SENT);
        assertThat(receiver.at("/allowed")).hasSize(1);
        assertThat(asked).containsExactly("localhost");
    }

    @Test
    void aPushEndpointReboundToLoopbackAfterThePublicAnswerIsNeverConnectedToLoopback() {
        KeyPair pair = PushKeys.newPair();
        Vapid vapid = new Vapid((ECPrivateKey) pair.getPrivate(), (ECPublicKey) pair.getPublic(),
                "mailto:ops@example.com", Duration.ofHours(12));
        BrowserSubscription browser = BrowserSubscription.create();
        String keys = new PushSecret(browser.p256dh(), browser.authBase64()).text();
        PushSender sender = new PushSender(vapid, new TargetGuard(false, answering("192.0.2.1", "127.0.0.1")),
                CONNECT, REQUEST, Duration.ofHours(1), "http://localhost:8080/", Clock.systemUTC());
        String endpoint = byName(pushService.endpoint("/push/rebinding"));

        Attempt first = sender.send(channel("WEBPUSH", endpoint), keys, "d1", BODY);
        Attempt second = sender.send(channel("WEBPUSH", endpoint), keys, "d2", BODY);

        assertThat(pushService.at("/push/rebinding")).isEmpty();
        assertThat(first.outcome()).isEqualTo(Attempt.Outcome.RETRY);
        assertThat(second.detail()).isEqualTo("refused: localhost resolves to 127.0.0.1 (loopback)");
        assertThat(asked).containsExactly("localhost", "localhost");
    }
}
