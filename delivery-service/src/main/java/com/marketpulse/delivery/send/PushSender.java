package com.marketpulse.delivery.send;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

import com.marketpulse.alerting.seal.PushKeys;
import com.marketpulse.alerting.seal.PushSecret;
import com.marketpulse.delivery.push.Notification;
import com.marketpulse.delivery.push.Vapid;
import com.marketpulse.delivery.push.WebPushEncryption;

/**
 * Sends a delivery to a browser through its push service (RFC 8030): the notification encrypted for the subscription
 * (RFC 8291), signed with our VAPID key (RFC 8292), POSTed to the subscription's endpoint, which answers 201. A 404
 * or 410 means the subscription is gone (the browser unsubscribed or it expired): the channel is reported gone and
 * paused. The endpoint is checked by {@link TargetGuard} when each send connects, and connected to at the addresses
 * checked, as a webhook's URL is ({@link HttpAttempts}). Without a VAPID key pair configured, every Web Push delivery
 * fails with that reason (logged and in the delivery log), never a crash.
 */
final class PushSender implements ChannelSender {

    static final String NOT_CONFIGURED = "Web Push is not configured on this server (no VAPID key pair: "
            + "MARKETPULSE_DELIVERY_VAPID_PRIVATE_KEY_FILE and MARKETPULSE_DELIVERY_VAPID_PUBLIC_KEY_FILE)";

    private final Vapid vapid;
    private final HttpAttempts http;
    private final Duration ttl;
    private final String openUrl;
    private final Clock clock;

    /** @param vapid {@code null} when no key pair is configured */
    PushSender(Vapid vapid, TargetGuard guard, Duration connectTimeout, Duration requestTimeout, Duration ttl,
               String openUrl, Clock clock) {
        this.vapid = vapid;
        this.http = new HttpAttempts(guard, connectTimeout, requestTimeout);
        this.ttl = ttl;
        this.openUrl = openUrl;
        this.clock = clock;
    }

    @Override
    public String type() {
        return "WEBPUSH";
    }

    @Override
    public Attempt send(DeliveryQueue.Target target, String secret, String deliveryId, String body) {
        if (vapid == null) {
            return Attempt.failed(null, NOT_CONFIGURED);
        }
        if (secret == null) {
            return Attempt.failed(null, "the channel's secret cannot be opened");
        }
        byte[] encrypted;
        URI endpoint;
        try {
            PushSecret keys = PushSecret.parse(secret);
            endpoint = URI.create(target.target());
            encrypted = WebPushEncryption.encrypt(Notification.of(body, openUrl).getBytes(StandardCharsets.UTF_8),
                    PushKeys.fromUncompressed(Base64.getUrlDecoder().decode(keys.p256dh())),
                    Base64.getUrlDecoder().decode(keys.auth()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Attempt.failed(null, "the subscription cannot be used: " + e.getMessage());
        }
        if (endpoint.getHost() == null) {
            return Attempt.failed(null, "no host in the endpoint");
        }
        HttpPost request = new HttpPost(endpoint);
        request.addHeader("TTL", Long.toString(ttl.toSeconds()));
        // an alert is news now: a phone in power saving is woken for it
        request.addHeader("Urgency", "high");
        request.addHeader("Content-Type", "application/octet-stream");
        request.addHeader("Content-Encoding", "aes128gcm");
        request.addHeader("Authorization", vapid.authorization(endpoint, clock.instant()));
        request.setEntity(new ByteArrayEntity(encrypted, null));
        return http.send(request, PushSender::judge);
    }

    /** RFC 8030 §5: 201 Created (202 with a receipt); 404/410 the subscription is gone; 429 and 5xx are passing. */
    static Attempt judge(int status) {
        if (status == 404 || status == 410) {
            return Attempt.gone(status, "subscription gone (HTTP " + status + "): the browser unsubscribed or the "
                    + "subscription expired; subscribe the browser again");
        }
        return WebhookSender.judge(status);
    }
}
