package com.marketpulse.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class BacktestClientTest {

    private static final String CUT_OFF = "The MarketPulse API closed the connection before the whole file was sent. "
            + "Files over its upload limit (250 MB by default) are refused this way; if yours is smaller, try again in "
            + "a moment.";

    /** 64 MiB made up as it is read, counting what was read. */
    private static final class LargeFile extends InputStream {
        static final long SIZE = 64L << 20;
        final AtomicLong read = new AtomicLong();

        @Override
        public int read() {
            return read.get() < SIZE ? (int) ('a' + read.getAndIncrement() % 26) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            long left = SIZE - read.get();
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) ('a' + (read.get() + i) % 26);
            }
            read.addAndGet(n);
            return n;
        }
    }

    @Test
    void anUploadIsSentAsItIsReadNotHeldWholeInMemoryFirst() throws Exception {
        var file = new LargeFile();
        // threads of their own (the common pool may have a single one on a small machine), stopped at the end
        // without waiting: a try-with-resources close would wait for an upload that never ends, hanging the build
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try (var server = new ServerSocket(0)) {
            // the "API" reads the request's first 256 KiB, notes how much of the file the client had read by then,
            // and refuses the upload as too large without reading the rest
            CompletableFuture<Long> readWhenFirstBytesArrived = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = server.accept()) {
                    InputStream in = socket.getInputStream();
                    in.readNBytes(256 << 10);
                    long seen = file.read.get();
                    String body = "{\"status\":413,\"detail\":\"too large\"}";
                    socket.getOutputStream().write(("HTTP/1.1 413 Content Too Large\r\nContent-Type: "
                            + "application/problem+json\r\nContent-Length: " + body.length()
                            + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
                    return seen;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, threads);
            var client = new BacktestClient(ApiClientTest.client(URI.create("http://localhost:" + server.getLocalPort())));

            var upload = CompletableFuture.runAsync(() -> client.upload("t", "big.csv", file, Map.of("symbol", "DOT/USD")),
                    threads);

            assertThat(readWhenFirstBytesArrived.get(30, TimeUnit.SECONDS)).as("bytes of the file read when the API got its first 256 KiB")
                    .isLessThan(LargeFile.SIZE / 4);
            // the API refused it: the upload ends with that refusal or, when the API's close of the connection reaches
            // the client before its answer (4 in 40 runs here), as cut off; never as a started backtest
            assertThatThrownBy(() -> upload.get(30, TimeUnit.SECONDS)).as("the refused upload's outcome")
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.userMessage())
                            .isIn("too large", CUT_OFF));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anUploadTheApiStopsReadingSaysSoNotThatTheApiIsUnreachable() throws Exception {
        try (var server = new ServerSocket(0)) {
            CompletableFuture.runAsync(() -> {
                try (Socket socket = server.accept()) {
                    socket.getInputStream().readNBytes(64 << 10);
                    socket.setSoLinger(true, 0); // a reset, as a server closing on unread data sends
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            var client = new BacktestClient(ApiClientTest.client(URI.create("http://localhost:" + server.getLocalPort())));

            assertThatThrownBy(() -> client.upload("t", "big.csv", new LargeFile(), Map.of()))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.userMessage()).isEqualTo(CUT_OFF));
        }
    }

    @Test
    void anUploadToAnApiThatIsNotThereSaysItIsNotReachable() throws Exception {
        int closedPort;
        try (var server = new ServerSocket(0)) {
            closedPort = server.getLocalPort();
        }
        var client = new BacktestClient(ApiClientTest.client(URI.create("http://localhost:" + closedPort)));

        assertThatThrownBy(() -> client.upload("t", "a.csv", InputStream.nullInputStream(), Map.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.userMessage())
                        .isEqualTo("The MarketPulse API is not reachable right now. Please try again in a moment."));
    }

    @Test
    void theApisRefusalOfAnUploadIsItsOwnSentence() throws Exception {
        try (var server = new ServerSocket(0)) {
            CompletableFuture.runAsync(() -> {
                try (Socket socket = server.accept()) {
                    var in = socket.getInputStream();
                    // read the request up to its end (the multipart's closing boundary) before answering
                    var request = new StringBuilder();
                    while (!request.toString().endsWith("--\r\n")) {
                        int b = in.read();
                        if (b < 0) {
                            break;
                        }
                        request.append((char) b);
                    }
                    String body = "{\"status\":422,\"detail\":\"The file empty.csv is empty.\"}";
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 422 Unprocessable Entity\r\nContent-Type: application/problem+json\r\n"
                            + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            var client = new BacktestClient(ApiClientTest.client(URI.create("http://localhost:" + server.getLocalPort())));

            assertThatThrownBy(() -> client.upload("t", "empty.csv", InputStream.nullInputStream(), Map.of()))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.problem()).isEqualTo(ApiException.Problem.INVALID);
                        assertThat(e.userMessage()).isEqualTo("The file empty.csv is empty.");
                    });
        }
    }
}
