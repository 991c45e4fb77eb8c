package com.marketpulse.ingestion.publish;

import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJsonSerializer;
import com.marketpulse.ingestion.support.KafkaTestConsumer;
import com.marketpulse.settings.Settings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real broker that refuses timestamps more than a minute ahead ({@code log.message.timestamp.after.max.ms}): one
 * far-future tick used to be retried forever at the head of the buffer, stopping the partition and then dropping
 * every new tick. Now it goes to {@code market.crypto.DLT} with the reason and the ticks after it arrive; the edge
 * check catches it (and late ticks) before the broker does; and a waiting publisher never drops.
 */
class PublisherDeadLetterIT {

    static final String DLT = Topics.deadLetter(Topics.MARKET_CRYPTO);

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final EmbeddedKafkaKraftBroker broker = started();
    DefaultKafkaProducerFactory<String, Object> producers;
    KafkaTickPublisher publisher;

    static EmbeddedKafkaKraftBroker started() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, Topics.MARKET_CRYPTO, DLT,
                Topics.MARKET_SOURCE_BARS, Topics.deadLetter(Topics.MARKET_SOURCE_BARS));
        broker.brokerProperties(Map.of("log.message.timestamp.after.max.ms", "60000"));
        broker.afterPropertiesSet();
        return broker;
    }

    @AfterEach
    void stop() {
        if (publisher != null) {
            publisher.stop();
        }
        if (producers != null) {
            producers.destroy();
        }
        broker.destroy();
    }

    KafkaTickPublisher publisher(int capacity, Duration maxFuture) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new EventJsonSerializer<>());
        KafkaTickPublisher created = new KafkaTickPublisher(new KafkaTemplate<>(producers),
                new PublishMetrics(registry), capacity,
                new EdgeGuard(maxFuture, Settings.defaults().edge().maxLateness(), Clock.systemUTC()),
                Clock.systemUTC());
        created.start();
        return created;
    }

    static Tick tick(int id, Instant time) {
        return Tick.live("alpaca", "us", "BTC/USD", time, 90_000 + id, 0.1, Integer.toString(id), "B");
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    static List<String> tradeIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> r.value().replaceAll(".*\"tradeId\":\"(\\d+)\".*", "$1")).toList();
    }

    double rejected(String kind, String reason) {
        return registry.find("marketpulse.ingestion." + kind + ".rejected").tag("reason", reason)
                .tag("symbol", "BTC/USD").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void aTickTheBrokerRefusesGoesToTheDeadLetterTopicAndTheTicksAfterItArrive() {
        // an edge wider than the broker's own limit, so the broker is the one to refuse
        publisher = publisher(1000, Duration.ofDays(1));
        Instant now = Instant.now();
        publisher.publish(Topics.MARKET_CRYPTO, tick(1, now));
        publisher.publish(Topics.MARKET_CRYPTO, tick(2, now.plus(Duration.ofHours(1))));
        for (int id = 3; id <= 20; id++) {
            publisher.publish(Topics.MARKET_CRYPTO, tick(id, now.plusMillis(id)));
        }

        List<ConsumerRecord<String, String>> ticks =
                KafkaTestConsumer.consume(broker, Topics.MARKET_CRYPTO, 19, Duration.ofSeconds(1));
        assertThat(tradeIds(ticks)).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).filter(i -> i != 2)
                .mapToObj(Integer::toString).toList());
        ConsumerRecord<String, String> dead = KafkaTestConsumer.consume(broker, DLT, 1, Duration.ofMillis(500))
                .getFirst();
        assertThat(dead.key()).isEqualTo("BTC/USD");
        assertThat(tradeIds(List.of(dead))).containsExactly("2");
        assertThat(header(dead, KafkaTickPublisher.REASON_HEADER)).isEqualTo("invalid-timestamp");
        assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.MARKET_CRYPTO);
        assertThat(header(dead, KafkaTickPublisher.EVENT_TIME_HEADER)).isEqualTo(now.plus(Duration.ofHours(1))
                .toString());
        assertThat(rejected("ticks", "invalid-timestamp")).isEqualTo(1);
        await().until(() -> publisher.pending() == 0);
        assertThat(publisher.failing()).isFalse();
        assertThat(publisher.dropped()).isZero();
    }

    @Test
    void aTickTooLargeForKafkaIsDeadLetteredCutShortAndTheTicksAfterItArrive() {
        publisher = publisher(1000, Settings.defaults().edge().maxFuture());
        Instant now = Instant.now();
        publisher.publish(Topics.MARKET_CRYPTO, tick(1, now));
        publisher.publish(Topics.MARKET_CRYPTO, Tick.live("alpaca", "us", "BTC/USD", now.plusMillis(1), 90_000, 0.1,
                "2" + "9".repeat(2 * 1024 * 1024), "B"));
        publisher.publish(Topics.MARKET_CRYPTO, tick(3, now.plusMillis(2)));

        assertThat(tradeIds(KafkaTestConsumer.consume(broker, Topics.MARKET_CRYPTO, 2, Duration.ofSeconds(1))))
                .containsExactly("1", "3");
        ConsumerRecord<String, String> dead = KafkaTestConsumer.consume(broker, DLT, 1, Duration.ZERO).getFirst();
        assertThat(header(dead, KafkaTickPublisher.REASON_HEADER)).isEqualTo("record-too-large");
        assertThat(Integer.parseInt(header(dead, KafkaTickPublisher.TRUNCATED_HEADER))).isGreaterThan(2 * 1024 * 1024);
        assertThat(dead.value()).startsWith("\"Tick[").hasSizeLessThan(20_000);
        assertThat(rejected("ticks", "record-too-large")).isEqualTo(1);
        await().until(() -> publisher.pending() == 0);
        assertThat(publisher.dropped()).isZero();
    }

    @Test
    void theEdgeRejectsFarFutureAndLateTicksButTakesABackfilledOne() {
        publisher = publisher(1000, Settings.defaults().edge().maxFuture());
        Instant now = Instant.now();
        publisher.publish(Topics.MARKET_CRYPTO, tick(1, now));
        publisher.publish(Topics.MARKET_CRYPTO, tick(2, now.plus(Duration.ofMinutes(10))));
        publisher.publish(Topics.MARKET_CRYPTO, tick(3, now.minus(Duration.ofMinutes(10))));
        publisher.publishCorrection(Topics.MARKET_CRYPTO, tick(4, now.minus(Duration.ofMinutes(10))));
        publisher.publish(Topics.MARKET_CRYPTO, tick(5, now.plusMillis(5)));
        SourceBar corrected = new SourceBar("alpaca:us:BTC/USD:b:x", "BTC/USD", now.minus(Duration.ofMinutes(30)),
                now.minus(Duration.ofMinutes(29)), 1, 1, 1, 1, 1, 1, 1, true, "alpaca", "us", null);
        publisher.publish(Topics.MARKET_SOURCE_BARS, corrected);

        assertThat(tradeIds(KafkaTestConsumer.consume(broker, Topics.MARKET_CRYPTO, 3, Duration.ofSeconds(1))))
                .containsExactly("1", "4", "5");
        assertThat(KafkaTestConsumer.consume(broker, Topics.MARKET_SOURCE_BARS, 1, Duration.ZERO)).hasSize(1);
        List<ConsumerRecord<String, String>> dead = KafkaTestConsumer.consume(broker, DLT, 2, Duration.ofMillis(500));
        assertThat(tradeIds(dead)).containsExactly("2", "3");
        assertThat(dead).extracting(r -> header(r, KafkaTickPublisher.REASON_HEADER))
                .containsExactly(EdgeGuard.FAR_FUTURE, EdgeGuard.LATE);
        assertThat(header(dead.getFirst(), KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("max-future");
        assertThat(dead.getFirst().timestamp()).as("stamped when rejected, not at the bad event time")
                .isLessThan(now.plus(Duration.ofMinutes(1)).toEpochMilli());
        assertThat(rejected("ticks", EdgeGuard.FAR_FUTURE)).isEqualTo(1);
        assertThat(rejected("ticks", EdgeGuard.LATE)).isEqualTo(1);
    }

    @Test
    void aWaitingPublisherDropsNothingWhenItsBufferIsFarSmallerThanTheInput() throws InterruptedException {
        publisher = publisher(10, Settings.defaults().edge().maxFuture());
        Receipts receipts = new Receipts();
        Instant start = Instant.now().minus(Duration.ofHours(1));
        for (int id = 1; id <= 3_000; id++) {
            publisher.publishAndWait(Topics.MARKET_CRYPTO, tick(id, start.plusMillis(id)), receipts);
        }
        publisher.flush(Duration.ofSeconds(60));

        assertThat(receipts.acknowledged()).isEqualTo(3_000);
        assertThat(receipts.outstanding()).isZero();
        assertThat(publisher.dropped()).isZero();
        assertThat(tradeIds(KafkaTestConsumer.consume(broker, Topics.MARKET_CRYPTO, 3_000, Duration.ofSeconds(1))))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 3_000).mapToObj(Integer::toString).toList());
    }
}
