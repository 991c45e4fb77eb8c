package com.marketpulse.dashboard.api;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import com.marketpulse.api.contract.AlertDto;

/** An open live alert stream. {@link #close()} may be called from any thread and ends {@link #read}. */
public final class AlertStream implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(AlertStream.class);

    private final InputStream body;
    private final JsonMapper json;
    private final SseParser parser = new SseParser();
    private final Duration idleTimeout;
    private volatile boolean closed;
    private volatile boolean silent;
    private volatile long lastActivity = System.nanoTime();

    AlertStream(InputStream body, JsonMapper json, Duration idleTimeout) {
        this.body = body;
        this.json = json;
        this.idleTimeout = idleTimeout;
    }

    /**
     * Reads events until the API ends the stream (returns) or the connection breaks (throws), passing each
     * alert to {@code onAlert}. An event whose data is not an alert is logged and skipped.
     */
    public void read(Consumer<AlertDto> onAlert) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        Thread watchdog = Thread.ofVirtual().name("alert-stream-watchdog").start(this::closeWhenSilent);
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lastActivity = System.nanoTime();
                parser.accept(line).ifPresent(event -> deliver(event, onAlert));
            }
        } catch (IOException e) {
            if (!closed) {
                throw e;
            }
        } finally {
            watchdog.interrupt();
        }
    }

    /** Whether the stream was given up because nothing (not even a keep-alive) came for the idle timeout. */
    public boolean wentSilent() {
        return silent;
    }

    private void closeWhenSilent() {
        long limit = idleTimeout.toNanos();
        try {
            while (!closed) {
                long idle = System.nanoTime() - lastActivity;
                if (idle >= limit) {
                    log.info("The alert stream was silent for {}; reconnecting", idleTimeout);
                    silent = true;
                    close();
                    return;
                }
                Thread.sleep(java.time.Duration.ofNanos(Math.min(limit - idle, 1_000_000_000L)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.debug("Closing a silent alert stream failed", e);
        }
    }

    /** The id of the last event received, to resume from. */
    public @Nullable String lastEventId() {
        return parser.lastId();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        body.close();
    }

    private void deliver(SseEvent event, Consumer<AlertDto> onAlert) {
        if (!event.event().equals("alert") && !event.event().equals("message")) {
            return;
        }
        AlertDto alert;
        try {
            alert = json.readValue(event.data(), AlertDto.class);
        } catch (JacksonException e) {
            log.warn("Skipping an unreadable alert event (id {}): {}", event.id(), e.getOriginalMessage());
            return;
        }
        onAlert.accept(alert);
    }
}
