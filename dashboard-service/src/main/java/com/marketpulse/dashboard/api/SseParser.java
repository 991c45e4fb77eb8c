package com.marketpulse.dashboard.api;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The event-stream grammar of the HTML standard ("Server-sent events", section 9.2.6), fed one line at a
 * time: {@code event:}, {@code data:} (joined by newlines), {@code id:}, comments ({@code :}) and a blank
 * line that dispatches. {@code retry:} and unknown fields are ignored. Not thread-safe: one per stream.
 */
final class SseParser {

    private @Nullable String event;
    private @Nullable StringBuilder data;
    private @Nullable String lastId;

    /** Feeds one line (without its line terminator); returns the event a blank line completes. */
    Optional<SseEvent> accept(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> event = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastId = value;
                }
            }
            default -> {
                // "retry" and unknown fields carry nothing the dashboard uses
            }
        }
        return Optional.empty();
    }

    /** The id of the last event seen, to resume with {@code Last-Event-ID}. */
    @Nullable String lastId() {
        return lastId;
    }

    private Optional<SseEvent> dispatch() {
        StringBuilder collected = data;
        String type = event;
        data = null;
        event = null;
        if (collected == null) {
            return Optional.empty();
        }
        return Optional.of(new SseEvent(type == null || type.isEmpty() ? "message" : type, lastId, collected.toString()));
    }
}
