package com.marketpulse.ingestion.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The address a producer is told about: nothing listens there (Kafka "unreachable") until {@link #open(int)} starts
 * forwarding it to a real broker.
 */
final class TcpForwarder implements AutoCloseable {

    private final int port;
    private ServerSocket server;

    TcpForwarder(int port) {
        this.port = port;
    }

    void open(int targetPort) throws IOException {
        server = new ServerSocket(port);
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket("localhost", targetPort);
                    pipe(client.getInputStream(), upstream.getOutputStream());
                    pipe(upstream.getInputStream(), client.getOutputStream());
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private static void pipe(InputStream in, OutputStream out) {
        Thread.ofVirtual().start(() -> {
            try (in; out) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed: the other side's copy ends with it
            }
        });
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
