package com.marketpulse.dashboard.api;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** An open live alert stream. {@link #close()} may be called from any thread and ends {@link #read}. */
public final class AlertStream implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(AlertStream.class);

    private final InputStream body;
    private final JsonMapper json;
    private final SseParser parser = new SseParser();
    private volatile boolean closed;

    AlertStream(InputStream body, JsonMapper json) {
        this.body = body;
        this.json = json;
    }

    /**
     * Reads events until the API ends the stream (returns) or the connection breaks (throws), passing each
     * alert to {@code onAlert}. An event whose data is not an alert is logged and skipped.
     */
    public void read(Consumer<AlertDto> onAlert) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                parser.accept(line).ifPresent(event -> deliver(event, onAlert));
            }
        } catch (IOException e) {
            if (!closed) {
                throw e;
            }
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
