package com.marketpulse.stack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on loopback (the local stack allows loopback targets), speaking plain HTTP as a real receiver
 * does: it keeps every request and answers 200.
 */
final class LoopbackWebhook implements AutoCloseable {

    /** One request as received. */
    record Received(String timestamp, String signature, String deliveryId, String body) {

        /** Whether it is signed as the README tells receivers to check: HMAC-SHA256(secret, timestamp.body). */
        boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
                return ("sha256=" + HexFormat.of().formatHex(expected)).equals(signature);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    LoopbackWebhook() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("X-MarketPulse-Timestamp"),
                    headers.getFirst("X-MarketPulse-Signature"), headers.getFirst("X-MarketPulse-Delivery"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
