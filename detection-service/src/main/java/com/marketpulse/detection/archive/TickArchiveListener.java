package com.marketpulse.detection.archive;

import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJsonDeserializer;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.stereotype.Component;

/** The archiver's Kafka edge: its own consumer group on {@code market.crypto}, batches, idle events. */
@Component
class TickArchiveListener {

    static final String LISTENER_ID = "detection-archiver";

    private final TickArchiver archiver;

    TickArchiveListener(TickArchiver archiver) {
        this.archiver = archiver;
    }

    @KafkaListener(id = LISTENER_ID, topics = Topics.MARKET_CRYPTO, groupId = LISTENER_ID,
            containerFactory = ArchiveConfig.CONTAINER_FACTORY,
            properties = EventJsonDeserializer.VALUE_TYPE + "=com.marketpulse.events.Tick")
    void on(List<ConsumerRecord<String, Tick>> records, Consumer<?, ?> consumer) {
        archiver.on(records, consumer);
    }

    @EventListener(condition = "event.listenerId.startsWith('" + LISTENER_ID + "')")
    void onIdle(ListenerContainerIdleEvent event) {
        archiver.idle(event.getConsumer());
    }
}
