package com.marketpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

/**
 * The healthcheck compose runs in each service's container (the image has bash but no curl or wget), taken from
 * {@code docker/compose.yaml} and run by bash against a stand-in Actuator: healthy on a 200 only.
 */
class HealthProbeTest {

    @Test
    void healthyWhenActuatorAnswers200() throws Exception {
        assertThat(probeAgainst(200, "{\"status\":\"UP\"}")).isZero();
    }

    @Test
    void unhealthyWhenActuatorAnswers503EvenIfAComponentIsUp() throws Exception {
        assertThat(probeAgainst(503, "{\"status\":\"DOWN\",\"components\":{\"ping\":{\"status\":\"UP\"}}}"))
                .isNotZero();
    }

    @Test
    void unhealthyWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(probe(port)).isNotZero();
    }

    private static int probeAgainst(int status, String body) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.spring-boot.actuator.v3+json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try {
            return probe(server.getAddress().getPort());
        } finally {
            server.stop(0);
        }
    }

    /** The api-service's healthcheck command as the container runs it, with this port as its argument. */
    private static int probe(int port) throws IOException, InterruptedException {
        Map<?, ?> healthcheck = (Map<?, ?>) ComposeFile.load().service("api-service").get("healthcheck");
        List<String> command = new ArrayList<>(ComposeFile.strings(healthcheck.get("test")));
        assertThat(command.removeFirst()).isEqualTo("CMD");
        command.replaceAll(argument -> ComposeFile.interpolate(argument, Map.of()));
        command.set(command.size() - 1, String.valueOf(port));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the probe did not finish: " + command);
        }
        return process.exitValue();
    }
}
