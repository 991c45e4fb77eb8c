package com.marketpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.events.json.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The stack's backtest REST API as one signed-in account uses it (what ./backtest.sh does with curl). */
final class BacktestApi {

    private static final HttpClient http = HttpClient.newHttpClient();

    private final String base;
    private final String token;

    private BacktestApi(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Registers the account and signs in. */
    static BacktestApi registered(int apiPort, String username, String password) {
        String credentials = EventJson.mapper().writeValueAsString(Map.of("username", username,
                "password", password));
        HttpResponse<String> registered = send(HttpRequest.newBuilder(URI.create("http://localhost:" + apiPort
                        + "/api/auth/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials)).build());
        assertThat(registered.statusCode()).as("register: %s", registered.body()).isEqualTo(201);
        return signedIn(apiPort, username, password);
    }

    static BacktestApi signedIn(int apiPort, String username, String password) {
        String base = "http://localhost:" + apiPort;
        String credentials = EventJson.mapper().writeValueAsString(Map.of("username", username,
                "password", password));
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(credentials))
                .build());
        assertThat(login.statusCode()).as("login: %s", login.body()).isEqualTo(200);
        return new BacktestApi(base, json(login.body()).path("token").asString());
    }

    /** POST /api/backtests with JSON: a range of the archive, with these overrides (may be empty). */
    String startArchive(String name, List<String> symbols, java.time.Instant from, java.time.Instant to,
                        Map<String, Object> overrides) {
        String body = EventJson.mapper().writeValueAsString(Map.of("name", name, "archive", Map.of(
                "symbols", symbols, "from", from.toString(), "to", to.toString()), "overrides", overrides));
        HttpResponse<String> started = send(request("/api/backtests").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(started.statusCode()).as("start %s: %s", name, started.body()).isEqualTo(201);
        return json(started.body()).path("id").asString();
    }

    /** POST /api/backtests as a multipart upload of {@code file}. */
    String startUpload(String name, Path file) {
        String boundary = "----marketpulse-" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        try {
            parts.add(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> started = send(request("/api/backtests")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build());
        assertThat(started.statusCode()).as("upload %s: %s", file, started.body()).isEqualTo(201);
        return json(started.body()).path("id").asString();
    }

    JsonNode get(String path) {
        HttpResponse<String> response = send(request(path).GET().build());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json(response.body());
    }

    JsonNode run(String id) {
        return get("/api/backtests/" + id);
    }

    /** The account's runs, newest first. */
    JsonNode runs() {
        return get("/api/backtests");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        return EventJson.mapper().readTree(body);
    }
}
