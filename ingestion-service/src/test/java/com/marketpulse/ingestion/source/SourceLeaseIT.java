package com.marketpulse.ingestion.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marketpulse.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Of several ingestion instances exactly one runs the live source, on a real broker: the one holding the lease keeps
 * it when another instance joins, and a standby takes over as soon as the holder stops. (A holder killed with -9 is
 * taken over after the session timeout: local-stack's FaultInjectionIT kills one of two ingestion processes.)
 */
class SourceLeaseIT {

    private final List<SourceLease> leases = new ArrayList<>();
    /** Sources running at once over all instances, and the most there ever were. */
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private EmbeddedKafkaKraftBroker broker;

    @AfterEach
    void stop() {
        leases.forEach(SourceLease::close);
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void oneInstanceRunsTheSourceKeepsItWhenAnotherJoinsAndAStandbyTakesOverWhenItStops() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        // as the services create it: one partition, whatever the configured count
        broker.addTopics(com.marketpulse.events.TopicCatalogue.newTopics(3, (short) 1, List.of(Topics.SOURCE_LEASE))
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));

        Recorder first = start("ingestion-service");
        await("the first instance gets the lease").atMost(Duration.ofSeconds(30)).until(() -> first.running);
        Recorder second = start("ingestion-service-2");
        Recorder third = start("ingestion-service-3");
        // the two newcomers have joined once the group has three members with the lease still on the first
        await("three members").atMost(Duration.ofSeconds(30)).until(() -> members() == 3);

        assertThat(first.events).as("the holder keeps the source when standbys join").containsExactly("acquired");
        assertThat(second.events).as("a standby runs no source").isEmpty();
        assertThat(third.events).as("a standby runs no source").isEmpty();

        leases.getFirst().close();
        assertThat(first.events).containsExactly("acquired", "released");
        await("a standby takes over").atMost(Duration.ofSeconds(10)).until(() -> second.running || third.running);
        assertThat(second.events.size() + third.events.size()).as("exactly one standby started the source")
                .isEqualTo(1);
        assertThat(mostAtOnce).as("the holder stopped its source before the standby started one").hasValue(1);
    }

    private Recorder start(String clientId) {
        Recorder recorder = new Recorder();
        SourceLease lease = new SourceLease(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.CLIENT_ID_CONFIG, clientId), Duration.ofSeconds(10));
        leases.add(lease);
        lease.start(recorder);
        return recorder;
    }

    private int members() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            return admin.describeConsumerGroups(List.of(SourceLease.GROUP)).all().get().get(SourceLease.GROUP)
                    .members().size();
        }
    }

    private final class Recorder implements SourceLease.Holder {
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile boolean running;

        @Override
        public void acquired() {
            events.add("acquired");
            running = true;
            mostAtOnce.accumulateAndGet(SourceLeaseIT.this.running.incrementAndGet(), Math::max);
        }

        @Override
        public void released() {
            events.add("released");
            running = false;
            SourceLeaseIT.this.running.decrementAndGet();
        }
    }
}
