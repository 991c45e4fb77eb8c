package com.marketpulse.ingestion.backtest;

import com.marketpulse.events.BacktestCommand;
import com.marketpulse.events.BacktestProgress;
import com.marketpulse.events.TopicCatalogue;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import com.marketpulse.ingestion.IngestionApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * Not a test: measures backtest replays end to end against a real (embedded KRaft) broker, with ingestion-service
 * running its live simulator beside them: a month of 1-minute candles and a day of ~1M dense trades over three
 * symbols, each as one run from backtest.commands to its PUBLISHED report (every row acknowledged by Kafka), and the
 * live ticks' latency (event time to a consumer) before and during the runs. Prints rows/s; run by
 * {@code ./bench.sh backtest}.
 *
 * <p>Arguments: the candle file (default {@code ../shared/data/klines/DOTUSDT-1m-2024-11.csv.gz}) and the number of
 * trades (default 1,000,000).
 */
public final class BacktestBenchmark {

    private BacktestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path candles = Path.of(args.length > 0 ? args[0] : "../shared/data/klines/DOTUSDT-1m-2024-11.csv.gz");
        int tradeCount = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path uploads = Files.createTempDirectory("backtest-bench");
        Files.copy(candles, uploads.resolve("candles.csv.gz"));
        BacktestReplayIT.writeTrades(uploads.resolve("trades.csv"), tradeCount, false);

        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            TopicCatalogue.createMissing(admin, 3, (short) 1);
        }
        ConfigurableApplicationContext ingestion = new SpringApplication(IngestionApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "--server.port=0",
                "--marketpulse.source=simulator", "--marketpulse.simulator.history=0s",
                "--marketpulse.backtest.upload-directory=" + uploads, "--logging.level.root=WARN");
        try (LiveLatency live = new LiveLatency(broker);
             KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker),
                     new StringSerializer(), new StringSerializer());
             ProgressWatcher progress = new ProgressWatcher(broker)) {
            BacktestRunner runner = ingestion.getBean(BacktestRunner.class);
            while (!runner.ready()) {
                Thread.sleep(100);
            }
            live.phase("live alone, 10 s");
            Thread.sleep(10_000);
            live.phase("live during the backtests");
            for (String[] input : List.of(new String[] {"candles.csv.gz", "candles", "DOT/USD"},
                    new String[] {"trades.csv", "trades-csv", null})) {
                String run = "bench-" + UUID.randomUUID();
                Instant start = Instant.now();
                producer.send(new ProducerRecord<>(Topics.BACKTEST_COMMANDS, run, EventJson.mapper().writeValueAsString(
                        BacktestCommand.start(run, "bench", BacktestCommand.Input.upload(input[0], input[1], input[2]),
                                null, start)))).get();
                BacktestProgress end = progress.awaitEnd(run, Duration.ofMinutes(30));
                double seconds = Duration.between(start, end.at()).toMillis() / 1000.0;
                System.out.printf("%-16s %s: %,d rows read, %,d published, %,d bad, in %.1f s = %,.0f rows/s"
                                + " (event time %s .. %s)%n", input[0], end.state(), end.rowsRead(), end.published(),
                        end.badRows(), seconds, end.rowsRead() / seconds, end.eventTimeFrom(), end.eventTimeReached());
            }
            live.phase(null);
            live.print();
        } finally {
            ingestion.close();
            broker.destroy();
        }
    }

    /** The time from a live tick's event time (the simulator's wall clock) to a consumer reading it. */
    private static final class LiveLatency implements AutoCloseable {

        private final Map<String, List<Long>> byPhase = Collections.synchronizedMap(new java.util.LinkedHashMap<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private volatile String phase;

        LiveLatency(EmbeddedKafkaKraftBroker broker) {
            Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "latency-" + UUID.randomUUID(), false);
            props.put("auto.offset.reset", "latest");
            thread = Thread.ofPlatform().start(() -> {
                try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                        new StringDeserializer())) {
                    consumer.subscribe(List.of(Topics.MARKET_CRYPTO));
                    while (running.get()) {
                        consumer.poll(Duration.ofMillis(50)).forEach(r -> {
                            String current = phase;
                            if (current != null) {
                                byPhase.computeIfAbsent(current, k -> Collections.synchronizedList(new ArrayList<>()))
                                        .add(System.currentTimeMillis() - r.timestamp());
                            }
                        });
                    }
                }
            });
        }

        void phase(String name) {
            phase = name;
        }

        void print() {
            byPhase.forEach((name, latencies) -> {
                List<Long> sorted = new ArrayList<>(latencies);
                Collections.sort(sorted);
                if (sorted.isEmpty()) {
                    System.out.printf("live ticks, %s: none%n", name);
                    return;
                }
                System.out.printf("live ticks, %s: %,d ticks, latency p50 %d ms, p99 %d ms, max %d ms%n", name,
                        sorted.size(), sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.99)),
                        sorted.getLast());
            });
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
