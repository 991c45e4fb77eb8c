package com.marketpulse.delivery.telegram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.marketpulse.events.json.EventJson;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Telegram Bot API over HTTPS: {@code POST <base>/bot<token>/<method>} with a JSON body, answered
 * {@code {"ok":true,"result":...}} or {@code {"ok":false,"error_code":429,"description":...,
 * "parameters":{"retry_after":N}}}. The token is part of the URL, so no URL is ever logged or put in a message.
 */
public final class BotApi {

    /**
     * One answer of the Bot API.
     *
     * @param status      the HTTP status (Telegram's {@code error_code} mirrors it)
     * @param result      {@code result} when ok, else {@code null}
     * @param description Telegram's reason when not ok, e.g. "Forbidden: bot was blocked by the user"
     * @param retryAfter  seconds to wait after a 429, else {@code null}
     */
    public record Answer(int status, boolean ok, JsonNode result, String description, Integer retryAfter) {
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    BotApi(String baseUrl, String token) {
        this.base = baseUrl.replaceAll("/+$", "") + "/bot" + token + "/";
    }

    /** {@code sendMessage} to a chat, as HTML ({@link TelegramText} escapes what is not markup). */
    public Answer sendMessage(long chatId, String html) throws IOException, InterruptedException {
        ObjectNode params = EventJson.mapper().createObjectNode();
        params.put("chat_id", chatId);
        params.put("text", html);
        params.put("parse_mode", "HTML");
        params.putObject("link_preview_options").put("is_disabled", true);
        return call("sendMessage", params, REQUEST_TIMEOUT);
    }

    /** {@code getUpdates}, long polling: waits up to {@code timeout} for messages from {@code offset} on. */
    Answer getUpdates(Long offset, Duration timeout) throws IOException, InterruptedException {
        ObjectNode params = EventJson.mapper().createObjectNode();
        if (offset != null) {
            params.put("offset", offset);
        }
        params.put("timeout", timeout.toSeconds());
        params.putArray("allowed_updates").add("message");
        return call("getUpdates", params, timeout.plus(REQUEST_TIMEOUT));
    }

    private Answer call(String method, ObjectNode params, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + method))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.mapper().writeValueAsString(params)))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return answer(response.statusCode(), response.body());
    }

    static Answer answer(int status, String body) {
        JsonNode json;
        try {
            json = EventJson.mapper().readTree(body);
        } catch (JacksonException e) {
            return new Answer(status, false, null, "not a Bot API answer (HTTP " + status + ")", null);
        }
        if (json == null || !json.isObject()) {
            return new Answer(status, false, null, "not a Bot API answer (HTTP " + status + ")", null);
        }
        boolean ok = json.path("ok").asBoolean(false) && status / 100 == 2;
        JsonNode retryAfter = json.path("parameters").path("retry_after");
        return new Answer(status, ok, ok ? json.get("result") : null,
                ok ? null : json.path("description").asString("HTTP " + status),
                retryAfter.isNumber() ? retryAfter.asInt() : null);
    }
}
