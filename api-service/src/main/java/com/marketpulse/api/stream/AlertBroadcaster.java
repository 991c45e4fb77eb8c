package com.marketpulse.api.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

import com.marketpulse.api.alert.HoldingImpacts;
import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.api.portfolio.PortfolioChanged;

/**
 * The connected stream clients. Each gets every live alert (event {@code alert}, id = alert id, data = the alert
 * as JSON), or only those of its portfolio when it signed in; a portfolio change applies at once.
 * <p>
 * A client is written to by its own virtual thread from a bounded queue, so a slow reader (a phone on a bad
 * network) never holds up the others: publishing only enqueues. A client whose queue is full is dropped; its
 * browser reconnects with Last-Event-ID and is sent what it missed from the database.
 */
@Component
class AlertBroadcaster {

    static final String EVENT = "alert";
    static final Duration RECONNECT = Duration.ofSeconds(3);
    /** Events waiting for one client: room for a whole Last-Event-ID replay plus live alerts meanwhile. */
    static final int QUEUE_CAPACITY = AlertStreamController.MAX_REPLAY + 256;
    private static final Logger log = LoggerFactory.getLogger(AlertBroadcaster.class);

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    /**
     * A client; {@code userId} and {@code token} null for anonymous, {@code symbols} null for everything;
     * {@code onEnd} runs once the stream has ended, however it ended.
     */
    final class Subscriber {
        final SseEmitter emitter;
        final Long userId;
        final Jwt token;
        volatile Set<String> symbols;
        /** The user's quantities by symbol: each alert of a coin held with one carries its impact on the holding. */
        volatile Map<String, Double> quantities = Map.of();
        private final BlockingQueue<SseEventBuilder> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
        private final Thread sender;
        private final Runnable onEnd;

        Subscriber(SseEmitter emitter, Long userId, Jwt token, Set<String> symbols, Runnable onEnd) {
            this.emitter = emitter;
            this.userId = userId;
            this.token = token;
            this.symbols = symbols;
            this.onEnd = onEnd;
            this.sender = Thread.ofVirtual().name("sse-client-" + (userId == null ? "anonymous" : userId))
                    .unstarted(this::sendQueued);
        }

        boolean wants(AlertDto alert) {
            Set<String> filter = symbols;
            return filter == null || filter.contains(alert.symbol());
        }

        /** Queues an event; false (and the client dropped) when it is too far behind to take more. */
        boolean offer(SseEventBuilder event) {
            if (queue.offer(event)) {
                return true;
            }
            log.info("Dropping a live alert stream that fell {} events behind; it will reconnect", QUEUE_CAPACITY);
            drop(this);
            return false;
        }

        private void sendQueued() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    emitter.send(queue.take());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | IllegalStateException e) {
                drop(this);
            }
        }
    }

    Subscriber subscribe(SseEmitter emitter, Long userId, Set<String> symbols) {
        return subscribe(emitter, userId, null, symbols, () -> { });
    }

    Subscriber subscribe(SseEmitter emitter, Long userId, Jwt token, Set<String> symbols, Runnable onEnd) {
        Subscriber subscriber = new Subscriber(emitter, userId, token, symbols, onEnd);
        subscribers.add(subscriber);
        emitter.onCompletion(() -> forget(subscriber));
        emitter.onTimeout(() -> forget(subscriber));
        emitter.onError(e -> forget(subscriber));
        subscriber.sender.start();
        return subscriber;
    }

    int size() {
        return subscribers.size();
    }

    /** The streams opened with a token, whose token may since have been revoked or expired. */
    List<Subscriber> signedIn() {
        return subscribers.stream().filter(subscriber -> subscriber.token != null).toList();
    }

    void publish(AlertDto alert) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.wants(alert)) {
                send(subscriber, alert);
            }
        }
    }

    /** Queues one alert for one client; false when the client is too far behind and was dropped. */
    boolean send(Subscriber subscriber, AlertDto alert) {
        AlertDto seen = HoldingImpacts.withImpact(alert, subscriber.quantities.get(alert.symbol()));
        return subscriber.offer(SseEmitter.event().name(EVENT).id(alert.id()).reconnectTime(RECONNECT.toMillis())
                .data(seen, MediaType.APPLICATION_JSON));
    }

    /** A first comment, so the client sees the stream open before the first alert. */
    void greet(Subscriber subscriber) {
        subscriber.offer(SseEmitter.event().comment("connected").reconnectTime(RECONNECT.toMillis()));
    }

    @EventListener
    void on(PortfolioChanged changed) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.userId != null && subscriber.userId == changed.userId()) {
                subscriber.symbols = Set.copyOf(changed.symbols());
                subscriber.quantities = Map.copyOf(changed.quantities());
            }
        }
    }

    /**
     * Ends every stream when the application shuts down, before the web server's graceful shutdown would wait for
     * them; clients reconnect (with Last-Event-ID) to another instance or after the restart.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        subscribers.forEach(this::drop);
    }

    /** A comment line now and then keeps proxies from closing idle streams and finds clients that went away. */
    @Scheduled(fixedDelayString = "PT20S")
    void keepAlive() {
        for (Subscriber subscriber : subscribers) {
            subscriber.offer(SseEmitter.event().comment("keep-alive"));
        }
    }

    private void forget(Subscriber subscriber) {
        subscribers.remove(subscriber);
        subscriber.sender.interrupt();
        subscriber.onEnd.run();
    }

    /** Ends the stream: its client sees it close. */
    void drop(Subscriber subscriber) {
        forget(subscriber);
        try {
            subscriber.emitter.complete();
        } catch (RuntimeException e) {
            log.debug("stream already closed", e);
        }
    }
}
