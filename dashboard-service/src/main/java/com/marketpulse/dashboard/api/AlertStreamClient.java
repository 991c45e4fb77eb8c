package com.marketpulse.dashboard.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Opens api-service's live alert stream ({@code GET /api/alerts/stream}, Server-Sent Events). With a bearer
 * token the API filters it to the user's portfolio.
 */
@Component
public class AlertStreamClient {

    private static final Logger log = LoggerFactory.getLogger(AlertStreamClient.class);

    private final HttpClient http;
    private final URI streamUri;
    private final URI everyCoinUri;
    private final JsonMapper json;
    private final ProblemReader problems;
    private final java.time.Duration idleTimeout;

    public AlertStreamClient(ApiProperties properties, JsonMapper json) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.streamUri = properties.apiUrl().resolve("/api/alerts/stream");
        this.everyCoinUri = properties.apiUrl().resolve("/api/alerts/stream?scope=all");
        this.json = json;
        this.problems = new ProblemReader(json);
        this.idleTimeout = properties.streamIdleTimeout();
    }

    /**
     * Connects and waits for the API's answer. The returned stream is open; read it with
     * {@link AlertStream#read}, close it (from any thread) to stop.
     *
     * @param token       the user's bearer token (the stream is then filtered to the portfolio); null for all alerts
     * @param lastEventId the id of the last alert already seen, sent as {@code Last-Event-ID} so the API can
     *                    resume; null on the first connect
     * @throws ApiException when the API refuses (401 when the token expired) or cannot be reached
     */
    public AlertStream connect(@Nullable String token, @Nullable String lastEventId) throws InterruptedException {
        return connect(token, lastEventId, false);
    }

    /**
     * {@link #connect(String, String)}, with {@code everyCoin} for every coin's alerts on a signed-in stream: the
     * API counts a signed-in stream against the user's own cap, an anonymous one against the dashboard's address,
     * which all the dashboard's users share.
     */
    public AlertStream connect(@Nullable String token, @Nullable String lastEventId, boolean everyCoin)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(everyCoin && token != null ? everyCoinUri : streamUri)
                .GET()
                .header("Accept", "text/event-stream")
                .header("Cache-Control", "no-cache");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw ApiException.unreachable(e);
        }
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                String detail = problems.detail(body.readNBytes(16 * 1024));
                Duration retryAfter = ProblemReader.retryAfter(response.headers().firstValue("Retry-After").orElse(null));
                throw ApiException.ofStatus(response.statusCode(), detail, retryAfter);
            } catch (IOException e) {
                throw ApiException.ofStatus(response.statusCode(), null, null);
            }
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("text/event-stream")) {
            closeQuietly(response.body());
            throw ApiException.unreadable(new IOException("not an event stream: '" + contentType + "'"));
        }
        return new AlertStream(response.body(), json, idleTimeout);
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            log.debug("Closing a refused alert stream failed", e);
        }
    }
}
