package com.marketpulse.delivery.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import com.marketpulse.events.json.EventJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Telegram Bot API on loopback speaking the real protocol: {@code POST /bot<token>/getUpdates} (long polling; an
 * update is forgotten once a call passes an offset above its id, as Telegram confirms them; a second concurrent call
 * is refused with 409) and {@code sendMessage} (recorded; scripted 429 with {@code retry_after}, or 403 as for a user
 * who blocked the bot). Answers are {@code {"ok":true,"result":...}} or {@code {"ok":false,"error_code":...}}.
 */
public final class FakeBotApi implements AutoCloseable {

    public static final String TOKEN = "123456:TEST-token";
    /** Telegram refuses a longer message text, as the real Bot API does. */
    static final int MAX_TEXT = 4096;

    /** A sendMessage as received. */
    public record Sent(long chatId, String text, String parseMode, int status, Instant at) {
    }

    private final HttpServer server;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<ObjectNode> pending = new ArrayList<>();
    private final AtomicLong nextUpdateId = new AtomicLong(700_000);
    private final AtomicInteger polling = new AtomicInteger();
    private final List<Long> offsets = new CopyOnWriteArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<Long, AtomicInteger> rateLimited = new ConcurrentHashMap<>();
    private final AtomicInteger conflicts = new AtomicInteger();

    public FakeBotApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // long polls must not hold up sendMessage
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The user of {@code chatId} sends {@code text} to the bot in a private chat; its update id. */
    public long userSends(long chatId, String text) {
        ObjectNode update = EventJson.mapper().createObjectNode();
        long id = nextUpdateId.getAndIncrement();
        update.put("update_id", id);
        ObjectNode message = update.putObject("message");
        message.put("message_id", id % 10_000);
        message.putObject("from").put("id", chatId).put("is_bot", false).put("first_name", "Ada");
        message.putObject("chat").put("id", chatId).put("type", "private").put("first_name", "Ada");
        message.put("date", Instant.now().getEpochSecond());
        message.put("text", text);
        if (text.startsWith("/")) {
            message.putArray("entities").addObject().put("offset", 0).put("length", text.split(" ")[0].length())
                    .put("type", "bot_command");
        }
        lock.lock();
        try {
            pending.add(update);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        return id;
    }

    /** The next {@code times} sendMessage calls to the chat are refused with 429 and {@code retry_after}. */
    public void rateLimit(long chatId, int times) {
        rateLimited.put(chatId, new AtomicInteger(times));
    }

    /** The next {@code times} getUpdates calls are refused with 409, as while another bot instance polls. */
    public void conflict(int times) {
        conflicts.set(times);
    }

    /** Every sendMessage to the chat, refused ones included. */
    public List<Sent> sentTo(long chatId) {
        return sent.stream().filter(s -> s.chatId() == chatId).toList();
    }

    /** The offsets getUpdates was called with, in order ({@code -1}: none). */
    public List<Long> offsets() {
        return List.copyOf(offsets);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            JsonNode params = EventJson.mapper().readTree(exchange.getRequestBody().readAllBytes());
            if (!"POST".equals(exchange.getRequestMethod()) || !path.startsWith("/bot" + TOKEN + "/")) {
                answer(exchange, 401, error(401, "Unauthorized", null));
                return;
            }
            switch (path.substring(("/bot" + TOKEN + "/").length())) {
                case "getUpdates" -> getUpdates(exchange, params);
                case "sendMessage" -> sendMessage(exchange, params);
                default -> answer(exchange, 404, error(404, "Not Found", null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void getUpdates(HttpExchange exchange, JsonNode params) throws IOException, InterruptedException {
        boolean scripted = conflicts.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        if (scripted || polling.incrementAndGet() > 1) {
            if (!scripted) {
                polling.decrementAndGet();
            }
            answer(exchange, 409, error(409, "Conflict: terminated by other getUpdates request; make sure that only "
                    + "one bot instance is running", null));
            return;
        }
        try {
            long offset = params.path("offset").asLong(-1);
            offsets.add(offset);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(params.path("timeout").asLong(0));
            ArrayNode result = EventJson.mapper().createArrayNode();
            lock.lock();
            try {
                // an offset confirms (and forgets) every update below it
                pending.removeIf(u -> offset >= 0 && u.get("update_id").asLong() < offset);
                while (pending.isEmpty() && System.nanoTime() < deadline) {
                    arrived.awaitNanos(deadline - System.nanoTime());
                }
                pending.forEach(result::add);
            } finally {
                lock.unlock();
            }
            ObjectNode ok = EventJson.mapper().createObjectNode().put("ok", true);
            ok.set("result", result);
            answer(exchange, 200, ok);
        } finally {
            polling.decrementAndGet();
        }
    }

    private void sendMessage(HttpExchange exchange, JsonNode params) throws IOException {
        long chat = params.path("chat_id").asLong();
        AtomicInteger limited = rateLimited.get(chat);
        if (limited != null && limited.getAndDecrement() > 0) {
            sent.add(new Sent(chat, params.path("text").asString(), params.path("parse_mode").asString(null), 429,
                    Instant.now()));
            answer(exchange, 429, error(429, "Too Many Requests: retry after 1", 1));
            return;
        }
        if (params.path("text").asString("").length() > MAX_TEXT) {
            sent.add(new Sent(chat, params.path("text").asString(), params.path("parse_mode").asString(null), 400,
                    Instant.now()));
            answer(exchange, 400, error(400, "Bad Request: message is too long", null));
            return;
        }
        sent.add(new Sent(chat, params.path("text").asString(), params.path("parse_mode").asString(null), 200,
                Instant.now()));
        ObjectNode ok = EventJson.mapper().createObjectNode().put("ok", true);
        ObjectNode message = ok.putObject("result");
        message.put("message_id", sent.size());
        message.putObject("chat").put("id", chat).put("type", "private");
        message.put("date", Instant.now().getEpochSecond());
        message.put("text", params.path("text").asString());
        answer(exchange, 200, ok);
    }

    private static ObjectNode error(int code, String description, Integer retryAfter) {
        ObjectNode error = EventJson.mapper().createObjectNode().put("ok", false).put("error_code", code)
                .put("description", description);
        if (retryAfter != null) {
            error.putObject("parameters").put("retry_after", retryAfter);
        }
        return error;
    }

    private static void answer(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = EventJson.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
