package com.marketpulse.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A service running as a child JVM, with its output in a log file and its health read from Actuator. */
final class ServiceProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Ctrl-C must end the whole stack within 20 s, broker and database included, even under load. */
    static final Duration STOP_GRACE = Duration.ofSeconds(8);

    private final String name;
    private final int port;
    private final Process process;
    private final Path logFile;

    private ServiceProcess(String name, int port, Process process, Path logFile) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code java -jar jar} in {@code workingDirectory} with {@code environment} added to this process's
     * environment (so ALPACA_* keys and other overrides pass through).
     */
    static ServiceProcess start(String name, Path jar, int port, Path workingDirectory, Map<String, String> environment,
                                Path logDirectory, boolean logToConsole) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // small heaps and the serial collector: six or more JVMs, the broker and PostgreSQL share a laptop within
        // 3 GiB; a heap grown under a burst is given back after the next full collection (free ratio at most 30 %)
        command.addAll(List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx512m", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30", "-XX:+ExitOnOutOfMemoryError",
                "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        Path logFile = logDirectory.resolve(name + ".log");
        if (logToConsole) {
            builder.inheritIO();
        } else {
            Files.createDirectories(logDirectory);
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        }
        Process process = builder.start();
        log.info("Started {} (pid {}) on port {}{}", name, process.pid(), port,
                logToConsole ? "" : ", log " + logFile);
        return new ServiceProcess(name, port, process, logFile);
    }

    String name() {
        return name;
    }

    /** Waits until Actuator reports the service UP; fails fast, with the log's tail, if the process dies. */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        URI health = URI.create("http://localhost:" + port + "/actuator/health");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue()
                        + " during start-up; last lines of " + logFile + ":\n" + tail(40));
            }
            if (isUp(health)) {
                log.info("{} is up", name);
                return;
            }
            process.waitFor(1, TimeUnit.SECONDS);
        }
        throw new IllegalStateException(name + " did not report healthy at " + health + " within " + timeout
                + "; last lines of " + logFile + ":\n" + tail(40));
    }

    /** Asks the service to stop (SIGTERM, so Spring shuts down gracefully) without waiting. */
    void requestStop() {
        process.destroy();
    }

    /** Kills the service at once (SIGKILL), as a crash would, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        log.info("{} (pid {}) killed", name, process.pid());
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public void close() throws InterruptedException {
        requestStop();
        stopBy(Instant.now().plus(STOP_GRACE));
    }

    /**
     * Waits until the service has stopped after {@link #requestStop()}, killing it at {@code deadline}: a service that
     * drains a busy consumer or waits for a broker that is already gone must not hold the stack's shutdown. Everything
     * it had not committed is read again at the next start (the services are written to survive a kill).
     */
    void stopBy(Instant deadline) throws InterruptedException {
        long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        if (!process.waitFor(left, TimeUnit.MILLISECONDS)) {
            log.warn("{} did not stop within {}; killing it", name, STOP_GRACE);
            kill();
        }
        log.info("{} stopped", name);
    }

    private static boolean isUp(URI health) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }
}
