package com.marketpulse.delivery.send;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * POSTs a delivery to a webhook: JSON, signed ({@link Signature}), with {@code X-MarketPulse-Delivery} (the delivery
 * id, for the receiver to drop a repeat) and {@code X-MarketPulse-Timestamp}. Redirects are not followed (one could
 * lead to an internal address); the target's addresses are checked by {@link TargetGuard} when each send connects,
 * and the connection goes to the addresses checked ({@link HttpAttempts}).
 */
final class WebhookSender implements ChannelSender {

    private final HttpAttempts http;
    private final Clock clock;

    WebhookSender(TargetGuard guard, Duration connectTimeout, Duration requestTimeout, Clock clock) {
        this.http = new HttpAttempts(guard, connectTimeout, requestTimeout);
        this.clock = clock;
    }

    @Override
    public String type() {
        return "WEBHOOK";
    }

    @Override
    public Attempt send(DeliveryQueue.Target target, String secret, String deliveryId, String body) {
        if (secret == null) {
            return Attempt.failed(null, "the channel's secret cannot be opened");
        }
        String url = target.target();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Attempt.failed(null, "not a URL");
        }
        if (uri.getHost() == null) {
            return Attempt.failed(null, "no host in the URL");
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpPost request = new HttpPost(uri);
        request.addHeader("Content-Type", "application/json");
        request.addHeader("User-Agent", "MarketPulse-Webhook/1");
        request.addHeader("X-MarketPulse-Delivery", deliveryId);
        request.addHeader("X-MarketPulse-Timestamp", Long.toString(timestamp));
        request.addHeader("X-MarketPulse-Signature", Signature.of(secret, timestamp, body));
        request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), null));
        return http.send(request, WebhookSender::judge);
    }

    static Attempt judge(int status) {
        if (status >= 200 && status < 300) {
            return Attempt.sent(status);
        }
        if (status >= 500 || status == 429 || status == 408) {
            return Attempt.retry(status, "HTTP " + status);
        }
        return Attempt.failed(status, "HTTP " + status);
    }
}
