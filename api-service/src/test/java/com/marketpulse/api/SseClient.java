package com.marketpulse.api;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream in the background and keeps every event it receives. */
public final class SseClient implements AutoCloseable {

    public record Event(String id, String name, String data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;
    private volatile boolean ended;

    public SseClient(Http http, String path, String token, String lastEventId) {
        var request = http.request(path, token).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        this.response = http.client().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        this.response.thenAcceptAsync(r -> {
            status = r.statusCode();
            read(r.body());
        });
    }

    private void read(Stream<String> lines) {
        List<String> data = new ArrayList<>();
        String[] id = {null};
        String[] name = {null};
        try {
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id[0], name[0], String.join("\n", data)));
                    }
                    data.clear();
                    id[0] = null;
                    name[0] = null;
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).strip());
                } else if (line.startsWith("id:")) {
                    id[0] = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name[0] = line.substring(6).strip();
                }
            });
        } catch (RuntimeException closed) {
            // the stream was closed by close()
        }
        ended = true;
    }

    /** Whether the stream has ended (the server closed it, or {@link #close}). */
    public boolean ended() {
        return ended;
    }

    /** 0 until the response headers have arrived. */
    public int status() {
        return status;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<String> ids() {
        return events.stream().map(Event::id).toList();
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
