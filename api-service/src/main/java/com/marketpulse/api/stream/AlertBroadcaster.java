package com.marketpulse.api.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.marketpulse.api.alert.AlertDto;
import com.marketpulse.api.portfolio.PortfolioChanged;

/**
 * The connected stream clients. Each gets every live alert (event {@code alert}, id = alert id, data = the alert
 * as JSON), or only those of its portfolio when it signed in; a portfolio change applies at once.
 */
@Component
class AlertBroadcaster {

    static final String EVENT = "alert";
    static final Duration RECONNECT = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(AlertBroadcaster.class);

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    /** A client; {@code userId} null for anonymous, {@code symbols} null for everything. */
    static final class Subscriber {
        final SseEmitter emitter;
        final Long userId;
        volatile Set<String> symbols;

        Subscriber(SseEmitter emitter, Long userId, Set<String> symbols) {
            this.emitter = emitter;
            this.userId = userId;
            this.symbols = symbols;
        }

        boolean wants(AlertDto alert) {
            Set<String> filter = symbols;
            return filter == null || filter.contains(alert.symbol());
        }
    }

    Subscriber subscribe(SseEmitter emitter, Long userId, Set<String> symbols) {
        Subscriber subscriber = new Subscriber(emitter, userId, symbols);
        subscribers.add(subscriber);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        return subscriber;
    }

    int size() {
        return subscribers.size();
    }

    void publish(AlertDto alert) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.wants(alert)) {
                send(subscriber, alert);
            }
        }
    }

    /** Sends one alert to one client; a client that cannot take it is dropped (it reconnects with Last-Event-ID). */
    boolean send(Subscriber subscriber, AlertDto alert) {
        try {
            subscriber.emitter.send(SseEmitter.event().name(EVENT).id(alert.id()).reconnectTime(RECONNECT.toMillis())
                    .data(alert, MediaType.APPLICATION_JSON));
            return true;
        } catch (IOException | IllegalStateException e) {
            drop(subscriber);
            return false;
        }
    }

    /** A first comment, so the client sees the stream open before the first alert. */
    void greet(Subscriber subscriber) {
        try {
            subscriber.emitter.send(SseEmitter.event().comment("connected").reconnectTime(RECONNECT.toMillis()));
        } catch (IOException | IllegalStateException e) {
            drop(subscriber);
        }
    }

    @EventListener
    void on(PortfolioChanged changed) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.userId != null && subscriber.userId == changed.userId()) {
                subscriber.symbols = Set.copyOf(changed.symbols());
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
            try {
                subscriber.emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                drop(subscriber);
            }
        }
    }

    private void drop(Subscriber subscriber) {
        subscribers.remove(subscriber);
        try {
            subscriber.emitter.complete();
        } catch (RuntimeException e) {
            log.debug("stream already closed", e);
        }
    }
}
