package com.marketpulse.delivery.send;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;

/**
 * POSTs a delivery to a webhook: JSON, signed ({@link Signature}), with {@code X-MarketPulse-Delivery} (the delivery
 * id, for the receiver to drop a repeat) and {@code X-MarketPulse-Timestamp}. Redirects are not followed (one could
 * lead to an internal address); the target is checked by {@link TargetGuard} right before each send.
 */
final class WebhookSender implements ChannelSender {

    private final HttpClient client;
    private final TargetGuard guard;
    private final Duration requestTimeout;
    private final Clock clock;

    WebhookSender(TargetGuard guard, Duration connectTimeout, Duration requestTimeout, Clock clock) {
        // HTTP/1.1: on http:// targets the client would otherwise ask for an h2c upgrade, which some receivers refuse
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.guard = guard;
        this.requestTimeout = requestTimeout;
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
        String refusal = guard.refusal(uri.getHost());
        if (refusal != null) {
            return Attempt.failed(null, "refused: " + refusal);
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "MarketPulse-Webhook/1")
                .header("X-MarketPulse-Delivery", deliveryId)
                .header("X-MarketPulse-Timestamp", Long.toString(timestamp))
                .header("X-MarketPulse-Signature", Signature.of(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpAttempts.send(client, request, WebhookSender::judge);
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
