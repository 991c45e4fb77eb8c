package com.marketpulse.stack;

import com.marketpulse.events.json.EventJson;
import com.marketpulse.ingestion.alpaca.FakeAlpacaServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./bench.sh pipeline}: the whole pipeline on this machine, measured from outside. Starts the local stack (the
 * launcher's own classes: a real broker, a real PostgreSQL, the five services' jars; data in a temporary directory),
 * measures Kafka's own rate on that broker ({@link KafkaCeiling}), then for each symbol count replays a file of N
 * trades through ingestion's live replay at max speed ({@link TickFile}, {@link PipelineRun}), and last measures tick →
 * SSE alert latency at a steady rate through a fake Alpaca ({@link AlertLatency}). Prints a table and writes
 * {@code target/pipeline-bench.json}. Options: {@code --ticks N} (default 2,000,000), {@code --symbols 3,100},
 * {@code --latency-seconds S} (0: skip), {@code --latency-rate R} (ticks/s, default 1,000), {@code --keep} (keep the
 * data directory).
 */
public final class PipelineBenchmark {

    private static final Logger log = LoggerFactory.getLogger(PipelineBenchmark.class);
    private static final String DB_PASSWORD = "bench-secret";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STALL = Duration.ofSeconds(90);

    record Latency(int symbols, double ticksPerSecond, long ticksSent, int alerts, double p50Millis,
                   double p99Millis, double maxMillis, List<AlertLatency.Hop> hops) {
    }

    /** @param kafka the best of the {@code ceilings} measured in this run (before and after each replay) */
    record Result(String machine, Instant measuredAt, KafkaCeiling.Rates kafka, List<KafkaCeiling.Rates> ceilings,
                  List<PipelineRun.Figures> runs, Latency latency) {
    }

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Path data = Files.createTempDirectory("marketpulse-bench-");
        StackSettings settings = FreePorts.settings(data);
        log.info("Pipeline benchmark: {} ticks, symbols {}, data in {}", options.ticks(), options.symbols(), data);
        Stack stack = Stack.startInfrastructure(settings, DB_PASSWORD);
        // Ctrl-C (or a kill) of the benchmark stops the stack's processes too, as run.sh's launcher does
        Thread stopper = new Thread(() -> {
            try {
                stack.close();
            } catch (Exception e) {
                log.error("Could not stop the stack", e);
            }
        }, "bench-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        Result result;
        try {
            int partitions = settings.shared().kafka().partitions();
            long ceilingRecords = Math.min(options.ticks(), 1_000_000);
            List<KafkaCeiling.Rates> ceilings = new ArrayList<>();
            ceilings.add(KafkaCeiling.measure(settings.kafkaBootstrap(), partitions, ceilingRecords));
            log.info("Kafka on this broker: {}", ceilings.getLast());
            List<PipelineRun.Figures> runs = new ArrayList<>();
            for (int symbols : options.symbols()) {
                runs.add(replay(stack, settings, partitions, symbols, options.ticks()));
                log.info("{} symbols: {}", symbols, runs.getLast());
                // again after each replay, with the services idle: a machine busy with other work shows as a spread
                ceilings.add(KafkaCeiling.measure(settings.kafkaBootstrap(), partitions, ceilingRecords));
                log.info("Kafka on this broker: {}", ceilings.getLast());
            }
            KafkaCeiling.Rates kafka = ceilings.stream()
                    .max(java.util.Comparator.comparingDouble(KafkaCeiling.Rates::passThrough)).orElseThrow();
            Latency latency = options.latencySeconds() > 0
                    ? latency(stack, settings, options.symbols().getFirst(), options) : null;
            result = new Result(machine(), Instant.now(), kafka, ceilings, runs, latency);
        } finally {
            stack.close();
            Runtime.getRuntime().removeShutdownHook(stopper);
            if (!options.keep()) {
                deleteTree(data);
            }
        }
        String table = BenchTable.render(result);
        System.out.println(table);
        Path json = Path.of("local-stack", "target", "pipeline-bench.json");
        Files.createDirectories(json.getParent());
        Files.writeString(json, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.out.println("JSON: " + json.toAbsolutePath());
    }

    /** Environment of every service in a run: its symbols; {@code --jfr DIR} records each service's CPU profile. */
    private static Map<String, String> common(List<String> symbols) {
        Map<String, String> env = new HashMap<>(Map.of("MARKETPULSE_SYMBOLS", String.join(",", symbols)));
        String jfr = System.getProperty("bench.jfr");
        if (jfr != null) {
            env.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,filename=" + jfr);
        }
        return env;
    }

    private static PipelineRun.Figures replay(Stack stack, StackSettings settings, int partitions, int symbolCount,
                                              long ticks) throws Exception {
        List<String> symbols = TickFile.symbols(symbolCount);
        Path file = settings.dataDirectory().resolve("ticks-" + symbolCount + ".csv");
        TickFile.write(file, ticks, symbols, Instant.now().minusSeconds(5));
        stack.stopServices();
        stack.startServices(List.of(Service.DETECTION, Service.FEATURE, Service.API, Service.DASHBOARD),
                common(symbols), START_TIMEOUT);
        ProcessStats stats = processes(stack);
        try (StageOffsets offsets = new StageOffsets(settings, DB_PASSWORD, partitions)) {
            PipelineRun run = new PipelineRun(offsets.read());
            Map<String, String> replay = new HashMap<>(common(symbols));
            replay.put("MARKETPULSE_SOURCE", "replay");
            replay.put("MARKETPULSE_REPLAY_FILE", file.toString());
            replay.put("MARKETPULSE_REPLAY_SPEED", "max");
            stack.startService(Service.INGESTION, replay);
            stats.part(Service.INGESTION.module(), () -> List.of(stack.running(Service.INGESTION).handle()));
            log.info("Replaying {} ticks of {} symbols at max speed", ticks, symbolCount);
            while (!run.done(ticks)) {
                Thread.sleep(500);
                run.add(offsets.read(), stats.read());
                if (System.nanoTime() - run.lastProgressNanos() > STALL.toNanos()) {
                    log.warn("No progress for {}; reporting what was done", STALL);
                    break;
                }
            }
            return run.figures(symbolCount, ticks);
        }
    }

    /** The stack's parts as the table names them; ingestion is added once it runs. */
    private static ProcessStats processes(Stack stack) {
        ProcessStats stats = new ProcessStats();
        for (Service service : List.of(Service.FEATURE, Service.DETECTION, Service.API, Service.DASHBOARD)) {
            stats.part(service.module(), () -> List.of(stack.running(service).handle()));
        }
        stats.part("kafka broker", () -> List.of(stack.kafka().process()));
        stats.part("postgresql", () -> stack.postgres().postmaster().map(ProcessStats::withDescendants)
                .orElse(List.of()));
        return stats;
    }

    private static Latency latency(Stack stack, StackSettings settings, int symbolCount, BenchOptions options)
            throws Exception {
        List<String> symbols = TickFile.symbols(symbolCount);
        stack.stopService(Service.INGESTION);
        // one alert per anomalous grid step (no episode cooldown): enough alerts in a short window for a p99
        stack.stopService(Service.DETECTION);
        Map<String, String> detection = new HashMap<>(common(symbols));
        detection.put("MARKETPULSE_DETECTION_COOLDOWN", "0s");
        stack.startService(Service.DETECTION, detection).awaitHealthy(START_TIMEOUT);
        try (FakeAlpacaServer alpaca = FakeAlpacaServer.started()) {
            Map<String, String> env = new HashMap<>(common(symbols));
            env.putAll(Map.of("MARKETPULSE_SOURCE", "alpaca",
                    "ALPACA_API_KEY", FakeAlpacaServer.KEY,
                    "ALPACA_SECRET_KEY", FakeAlpacaServer.SECRET,
                    "ALPACA_LOCATION", "us",
                    "ALPACA_STREAM_URL", alpaca.streamUrl(),
                    "ALPACA_DATA_URL", alpaca.dataUrl()));
            stack.startService(Service.INGESTION, env).awaitHealthy(START_TIMEOUT);
            Thread.sleep(5_000); // the WebSocket subscription after health turns UP
            log.info("Latency: {} ticks/s for {} s through the fake Alpaca", options.latencyRate(),
                    options.latencySeconds());
            AlertLatency.Result measured;
            try (HopProbe probe = new HopProbe(settings.kafkaBootstrap(), settings.shared().kafka().partitions())) {
                measured = new AlertLatency(alpaca, symbols).run(settings.port(Service.API), options.latencyRate(),
                        Duration.ofSeconds(options.latencySeconds()), Duration.ofSeconds(5), probe);
            }
            return new Latency(symbolCount, measured.ticksPerSecond(), measured.ticksSent(), measured.millis().size(),
                    measured.percentile(0.50), measured.percentile(0.99), measured.percentile(1.0), measured.hops());
        }
    }

    private static String machine() {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (java.io.IOException ignored) {
            // not Linux: the core count says enough
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu;
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
