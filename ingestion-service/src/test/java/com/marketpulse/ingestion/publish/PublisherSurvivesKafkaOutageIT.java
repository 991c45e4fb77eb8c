package com.marketpulse.ingestion.publish;

import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.settings.MarketPulseSettings;
import com.marketpulse.settings.Settings;
import com.marketpulse.ingestion.support.KafkaTestConsumer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A real broker that is down at first: nothing accepted is lost, health says DOWN, and the bound is enforced. */
class PublisherSurvivesKafkaOutageIT {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final int port = freePort();
    final TcpForwarder door = new TcpForwarder(port);
    EmbeddedKafkaKraftBroker broker;
    KafkaTickPublisher publisher;
    DefaultKafkaProducerFactory<String, Object> producers;

    @AfterEach
    void stop() {
        door.close();
        if (publisher != null && broker != null) {
            publisher.stop();
        }
        if (producers != null) {
            producers.destroy();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    KafkaTickPublisher publisher(int capacity) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000);
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        config.put(JacksonJsonSerializer.ADD_TYPE_INFO_HEADERS, false);
        producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new RefusingSerializer());
        MarketPulseSettings.Edge edge = Settings.defaults().edge();
        KafkaTickPublisher created = new KafkaTickPublisher(new KafkaTemplate<>(producers),
                new PublishMetrics(registry), capacity, new EdgeGuard(edge.maxFuture(), edge.maxLateness(),
                Clock.systemUTC()), Clock.systemUTC());
        created.start();
        return created;
    }

    static final Instant START = Instant.now().minusSeconds(60);

    static Tick tick(int id) {
        return Tick.live("alpaca", "us", "BTC/USD", START.plusMillis(id), 90_000 + id, 0.1, Integer.toString(id), "B");
    }

    @Test
    void buffersWhileKafkaIsDownReportsDownAndDeliversEverythingInOrderOnceItIsBack() throws IOException {
        publisher = publisher(1000);
        for (int id = 1; id <= 50; id++) {
            assertThat(publisher.publish(Topics.MARKET_CRYPTO, tick(id))).isTrue();
        }
        await().atMost(Duration.ofSeconds(20)).until(publisher::failing);
        assertThat(new PublisherHealthIndicator(publisher).health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(publisher.pending()).isEqualTo(50);
        assertThat(publisher.dropped()).isZero();

        broker = new EmbeddedKafkaKraftBroker(1, 1, Topics.MARKET_CRYPTO);
        broker.afterPropertiesSet();
        door.open(Integer.parseInt(broker.getBrokersAsString().replaceAll(".*:", "")));

        await().atMost(Duration.ofSeconds(60)).until(() -> publisher.pending() == 0);
        assertThat(new PublisherHealthIndicator(publisher).health().getStatus()).isEqualTo(Status.UP);
        List<ConsumerRecord<String, String>> records =
                KafkaTestConsumer.consume(broker, Topics.MARKET_CRYPTO, 50, Duration.ofSeconds(1));
        assertThat(records).extracting(r -> r.value().replaceAll(".*\"tradeId\":\"(\\d+)\".*", "$1"))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 50).mapToObj(Integer::toString)
                        .toList());
        assertThat(registry.get("marketpulse.ingestion.ticks.published").counter().count()).isEqualTo(50);
    }

    @Test
    void beyondTheBoundTicksAreRefusedCountedAndNeverSilentlyLost() {
        publisher = publisher(10);
        int accepted = 0;
        for (int id = 1; id <= 40; id++) {
            if (publisher.publish(Topics.MARKET_CRYPTO, tick(id))) {
                accepted++;
            }
        }
        assertThat(accepted).isLessThan(40);
        await().atMost(Duration.ofSeconds(20)).until(publisher::failing);
        // every tick is either still waiting for Kafka or was counted (and logged) as dropped
        double dropped = registry.get("marketpulse.ingestion.ticks.dropped").counter().count();
        assertThat(publisher.pending() + dropped).isEqualTo(40);
        assertThat(publisher.pending()).isLessThanOrEqualTo(10);
        assertThat(registry.get("marketpulse.ingestion.ticks.received").counter().count()).isEqualTo(40);
    }

    @Test
    void aRecordThatCannotBeSerializedIsDeadLetteredAndCountedWithoutBlockingTheOthers() throws IOException {
        broker = new EmbeddedKafkaKraftBroker(1, 1, Topics.MARKET_CRYPTO, Topics.deadLetter(Topics.MARKET_CRYPTO));
        broker.afterPropertiesSet();
        door.open(Integer.parseInt(broker.getBrokersAsString().replaceAll(".*:", "")));
        publisher = publisher(100);

        publisher.publish(Topics.MARKET_CRYPTO, tick(1));
        publisher.publish(Topics.MARKET_CRYPTO, Tick.live("alpaca", "us", RefusingSerializer.POISON, START, 1, 1,
                "2", "B"));
        publisher.publish(Topics.MARKET_CRYPTO, tick(3));

        await().atMost(Duration.ofSeconds(60)).until(() -> publisher.pending() == 0);
        List<ConsumerRecord<String, String>> records =
                KafkaTestConsumer.consume(broker, Topics.MARKET_CRYPTO, 2, Duration.ofSeconds(1));
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("BTC/USD", "BTC/USD");
        assertThat(registry.get("marketpulse.ingestion.ticks.rejected").tag("reason", "unserializable")
                .tag("symbol", RefusingSerializer.POISON).counter().count()).isEqualTo(1);
        ConsumerRecord<String, String> dead = KafkaTestConsumer.consume(broker, Topics.deadLetter(Topics.MARKET_CRYPTO),
                1, Duration.ZERO).getFirst();
        assertThat(dead.key()).isEqualTo(RefusingSerializer.POISON);
        assertThat(new String(dead.headers().lastHeader(KafkaTickPublisher.REASON_HEADER).value()))
                .isEqualTo("unserializable");
        assertThat(dead.value()).contains(RefusingSerializer.POISON, "tradeId=2");
        assertThat(publisher.failing()).isFalse();
    }

    /** JSON like the service's serializer, except for one symbol it refuses, as a broken record would be. */
    static final class RefusingSerializer extends JacksonJsonSerializer<Object> {

        static final String POISON = "BAD/USD";

        @Override
        public byte[] serialize(String topic, Object data) {
            if (data instanceof Tick tick && tick.symbol().equals(POISON)) {
                throw new org.apache.kafka.common.errors.SerializationException("cannot write " + POISON);
            }
            return super.serialize(topic, data);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
