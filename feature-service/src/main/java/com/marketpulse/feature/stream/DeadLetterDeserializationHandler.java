package com.marketpulse.feature.stream;

import com.marketpulse.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * An input record that cannot be read as a valid trade, quote or source bar, or that {@link MarketEventDeserializer}
 * refuses, goes to {@code <topic>.DLT} with its reason, is logged and counted by reason, and processing continues. (Kafka Streams' built-in {@code errors.dead.letter.queue.topic.name} names one topic for
 * all inputs; MarketPulse keeps one dead-letter topic per input topic, so this handler names it per record.)
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private StreamEvents events = StreamEvents.NONE;

    @Override
    public void configure(Map<String, ?> configs) {
        events = StreamEvents.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        String reason = RejectedInput.reasonOf(exception, "malformed");
        log.warn("Record {}-{}@{} refused ({}) and sent to {}: {}", record.topic(), record.partition(),
                record.offset(), reason, Topics.deadLetter(record.topic()), exception.getMessage());
        events.deadLetter(record.topic(), "deserialization", reason);
        return Response.resume(List.of(DeadLetters.record(record.topic(), record.partition(), record.offset(),
                record.timestamp(), record.key(), record.value(), record.headers(), exception, reason)));
    }
}
