package com.marketpulse.delivery.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * What a webhook send reports when the receiver does not answer as it should: no answer within the request timeout
 * (silent, or trickling its answer) and no connection are retried; a redirect is judged as its status, never followed.
 */
class HttpAttemptsTest {

    private static final Duration REQUEST = Duration.ofMillis(500);

    private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    HttpAttemptsTest() throws IOException {
    }

    @AfterEach
    void stop() throws IOException {
        listener.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    private static Attempt send(TargetGuard guard, String url) {
        return new WebhookSender(guard, Duration.ofMillis(500), REQUEST, Clock.systemUTC())
                .send(new DeliveryQueue.Target("WEBHOOK", url, new byte[0], true, Instant.EPOCH, null, null),
                        "whsec_x", "d1", "{}");
    }

    private String url() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/hook";
    }

    /** Accepts one connection, reads the request's first bytes and hands the socket to {@code answer}. */
    private void receiver(SocketAnswer answer) {
        Thread.ofVirtual().start(() -> {
            try {
                Socket socket = listener.accept();
                accepted.add(socket);
                InputStream in = socket.getInputStream();
                in.read(new byte[8192]);
                answer.write(socket.getOutputStream());
            } catch (IOException | InterruptedException e) {
                // the test closed the socket or the client gave up: what the test asserts is the attempt
            }
        });
    }

    private interface SocketAnswer {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    private void assertRetriedAsATimeoutSoonAfterTheRequestTimeout() {
        long start = System.nanoTime();

        Attempt attempt = send(new TargetGuard(true), url());

        assertThat(attempt).extracting(Attempt::outcome, Attempt::detail)
                .containsExactly(Attempt.Outcome.RETRY, "timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aReceiverSilentPastTheRequestTimeoutIsRetriedAsATimeout() {
        receiver(out -> Thread.sleep(Duration.ofSeconds(30)));

        assertRetriedAsATimeoutSoonAfterTheRequestTimeout();
    }

    @Test
    void aReceiverTricklingItsAnswerPastTheRequestTimeoutIsCutOffAsATimeout() {
        receiver(out -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 1000; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(100); // a byte well within the socket timeout, the whole far beyond the request timeout
            }
        });

        assertRetriedAsATimeoutSoonAfterTheRequestTimeout();
    }

    @Test
    void noOneListeningOrNoAddressIsAConnectionFailureRetried() throws IOException {
        String closedPort = url();
        listener.close();
        TargetGuard noDns = new TargetGuard(false, host -> {
            throw new UnknownHostException(host);
        });

        assertThat(send(new TargetGuard(true), closedPort)).extracting(Attempt::outcome, Attempt::detail)
                .containsExactly(Attempt.Outcome.RETRY, "connection failed: ConnectException");
        assertThat(send(noDns, "https://gone.example/hook")).extracting(Attempt::outcome, Attempt::detail)
                .containsExactly(Attempt.Outcome.RETRY, "connection failed: UnknownHostException");
    }

    @Test
    void aRedirectIsJudgedAsItsStatusAndNotFollowed() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> paths = new CopyOnWriteArrayList<>();
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("Location", "/elsewhere");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        try {
            Attempt attempt = send(new TargetGuard(true),
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/moved");

            assertThat(attempt).extracting(Attempt::outcome, Attempt::httpStatus)
                    .containsExactly(Attempt.Outcome.FAILED, 302);
            assertThat(paths).containsExactly("/moved");
        } finally {
            server.stop(0);
        }
    }
}
