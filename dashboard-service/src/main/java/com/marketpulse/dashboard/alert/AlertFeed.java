package com.marketpulse.dashboard.alert;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.dashboard.api.AlertQuery;
import com.marketpulse.dashboard.api.AlertStream;
import com.marketpulse.dashboard.api.AlertStreamClient;
import com.marketpulse.dashboard.api.ApiClient;
import com.marketpulse.dashboard.api.ApiException;

/**
 * One screen's subscription to alerts: the API's live stream, and while that is down a poll of the alert
 * listing every {@code pollInterval} (the stream is retried each time). After every (re)connect the listing
 * is read once, so nothing published while disconnected is missed; the {@link AlertBoard} drops the overlap.
 * Runs on its own virtual thread until {@link #close()}.
 */
public final class AlertFeed implements AutoCloseable {

    /** Whose alerts. */
    public enum Scope {
        /** The alerts of the coins in the user's portfolio. */
        MINE,
        /** Every alert across all coins. */
        ALL
    }

    /** How the alerts currently arrive. */
    public enum State {
        /** Pushed by the API's live stream. */
        LIVE,
        /** The stream is down; the listing is polled. */
        POLLING,
        /** The API rejected the token: the user must log in again. The feed has stopped. */
        EXPIRED
    }

    /** Receives alerts and state changes on the feed's thread. */
    public interface Listener {

        void onAlerts(List<AlertDto> alerts);

        void onState(State state);
    }

    private static final Logger log = LoggerFactory.getLogger(AlertFeed.class);
    static final int PAGE = 50;

    private final ApiClient api;
    private final AlertStreamClient streams;
    private final String token;
    private final Scope scope;
    private final Duration pollInterval;
    private final Listener listener;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile @Nullable AlertStream current;
    private volatile @Nullable State state;
    private @Nullable String lastEventId;
    private @Nullable Thread thread;

    private AlertFeed(ApiClient api, AlertStreamClient streams, String token, Scope scope, Duration pollInterval,
            Listener listener) {
        this.api = api;
        this.streams = streams;
        this.token = token;
        this.scope = scope;
        this.pollInterval = pollInterval;
        this.listener = listener;
    }

    /** Starts a feed on a new virtual thread. */
    public static AlertFeed start(ApiClient api, AlertStreamClient streams, String token, Scope scope,
            Duration pollInterval, Listener listener) {
        var feed = new AlertFeed(api, streams, token, scope, pollInterval, listener);
        feed.thread = Thread.ofVirtual().name("alert-feed").start(feed::run);
        return feed;
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    @Override
    public void close() {
        closed.countDown();
        closeStream(current);
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    private void run() {
        try {
            while (!isClosed()) {
                if (!streamUntilItEnds()) {
                    return;
                }
                if (isClosed()) {
                    return;
                }
                changeState(State.POLLING);
                if (!poll()) {
                    return;
                }
                closed.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("The alert feed stopped unexpectedly", e);
        }
    }

    /** Returns false when the feed must stop (closed, or the token expired). */
    private boolean streamUntilItEnds() throws InterruptedException {
        AlertStream stream = null;
        try {
            stream = streams.connect(token, lastEventId, scope == Scope.ALL);
            current = stream;
            if (isClosed()) {
                return false;
            }
            changeState(State.LIVE);
            if (!poll()) {
                return false;
            }
            stream.read(alert -> deliver(List.of(alert)));
            log.debug("The alert stream ended; retrying");
        } catch (ApiException e) {
            if (e.problem() == ApiException.Problem.UNAUTHORIZED) {
                changeState(State.EXPIRED);
                return false;
            }
            log.debug("The alert stream is not available: {}", e.getMessage());
        } catch (IOException e) {
            log.debug("The alert stream broke: {}", e.getMessage());
        } finally {
            if (stream != null) {
                lastEventId = stream.lastEventId() != null ? stream.lastEventId() : lastEventId;
                closeStream(stream);
            }
            current = null;
        }
        return !isClosed();
    }

    /** Reads the latest page of the listing; returns false when the token expired. */
    private boolean poll() {
        try {
            var query = AlertQuery.latest(PAGE);
            var page = scope == Scope.MINE ? api.myAlerts(token, query) : api.allAlerts(token, query);
            deliver(page.items());
            return true;
        } catch (ApiException e) {
            if (e.problem() == ApiException.Problem.UNAUTHORIZED) {
                changeState(State.EXPIRED);
                return false;
            }
            log.debug("Polling alerts failed: {}", e.getMessage());
            return true;
        }
    }

    private void deliver(List<AlertDto> alerts) {
        if (alerts.isEmpty() || isClosed()) {
            return;
        }
        try {
            listener.onAlerts(alerts);
        } catch (RuntimeException e) {
            log.warn("An alert listener failed", e);
        }
    }

    private void changeState(State next) {
        if (next == state || isClosed()) {
            return;
        }
        state = next;
        try {
            listener.onState(next);
        } catch (RuntimeException e) {
            log.warn("An alert listener failed", e);
        }
    }

    private static void closeStream(@Nullable AlertStream stream) {
        if (stream == null) {
            return;
        }
        try {
            stream.close();
        } catch (IOException e) {
            log.debug("Closing the alert stream failed", e);
        }
    }
}
