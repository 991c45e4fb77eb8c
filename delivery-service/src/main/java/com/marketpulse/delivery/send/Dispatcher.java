package com.marketpulse.delivery.send;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.marketpulse.delivery.DeliveryProperties;
import com.marketpulse.delivery.send.DeliveryQueue.Due;
import com.marketpulse.delivery.send.DeliveryQueue.Target;
import com.marketpulse.events.json.EventJson;

import tools.jackson.databind.node.ObjectNode;

/**
 * Every poll: claims the due deliveries, sends each (in parallel, on virtual threads) and records how it went. A
 * failure that is worth retrying is due again after the back-off; the state lives in the database, so a restart
 * resumes where it stopped. Dying between a send and its record sends it again once the claim lapses: at least
 * once, and the receiver drops the repeat by its delivery id.
 */
final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final DeliveryQueue queue;
    private final ChannelSecrets secrets;
    private final Map<String, ChannelSender> senders;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    Dispatcher(DeliveryQueue queue, ChannelSecrets secrets, List<ChannelSender> senders, DeliveryProperties properties,
               Clock clock, MeterRegistry meters) {
        this.queue = queue;
        this.secrets = secrets;
        this.senders = senders.stream().collect(Collectors.toUnmodifiableMap(ChannelSender::type, s -> s));
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    void run() {
        Instant now = clock.instant();
        List<Due> due = queue.claim(now, now.plus(properties.claim()), properties.batchSize());
        if (due.isEmpty()) {
            return;
        }
        try (ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor()) {
            due.forEach(d -> sends.submit(() -> deliver(d)));
        }
    }

    private void deliver(Due due) {
        try {
            Instant now = clock.instant();
            Target target = queue.target(due.channelId()).orElse(null);
            String unusable = unusable(due, target);
            if (unusable != null) {
                queue.drop(due, unusable, now);
                count("dropped");
                return;
            }
            Attempt attempt = senders.get(target.type()).send(target, secrets.open(target.sealedSecret()),
                    due.id().toString(), body(due));
            Instant finished = clock.instant();
            boolean retry = attempt.outcome() == Attempt.Outcome.RETRY
                    && due.attempts() + 1 < properties.retry().maxAttempts();
            queue.record(due, attempt, finished,
                    retry ? finished.plus(properties.retry().after(due.attempts() + 1)) : null);
            count(attempt.outcome().name().toLowerCase(java.util.Locale.ROOT));
            if (attempt.outcome() == Attempt.Outcome.SENT) {
                queue.healthy(due.channelId());
            } else if (queue.failed(due.channelId(), properties.pauseAfter(), finished)) {
                log.warn("Channel {} paused after {} failed attempts in a row (last: {}); its owner resumes it by "
                        + "changing or re-enabling it", due.channelId(), properties.pauseAfter(), attempt.detail());
            }
        } catch (RuntimeException e) {
            // the claim lapses and the delivery is tried again; nothing is lost
            log.warn("Delivery {} could not be processed now ({}); it is tried again after its claim lapses",
                    due.id(), e.toString());
            count("error");
        }
    }

    /** Why the delivery cannot go to its channel now, or {@code null}; a channel changed after its pause resumes. */
    private String unusable(Due due, Target target) {
        if (target == null) {
            return "channel removed";
        }
        if (!target.enabled()) {
            return "channel disabled";
        }
        if (target.pausedAt() != null) {
            if (!target.updatedAt().isAfter(target.pausedAt())) {
                return "channel paused after failing";
            }
            queue.healthy(due.channelId());
        }
        if (!senders.containsKey(target.type())) {
            return "no sender for " + target.type() + " channels yet";
        }
        return senders.get(target.type()).unusable(target);
    }

    private static String body(Due due) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("deliveryId", due.id().toString());
        body.setAll((ObjectNode) EventJson.mapper().readTree(due.payload()));
        return EventJson.mapper().writeValueAsString(body);
    }

    private void count(String outcome) {
        meters.counter("marketpulse.delivery.attempts", "outcome", outcome).increment();
    }
}
