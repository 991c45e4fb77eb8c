package com.marketpulse.feature.stream;

import com.marketpulse.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * Builds the record that carries a failed input to {@code <topic>.DLT}: the original key and value bytes and
 * headers, plus the reason ({@link Topics#DEAD_LETTER_REASON}), the exception and the origin, the latter under the header names of Kafka Streams' own dead-letter queue
 * (KIP-1034). Streams sends it with the task's producer, so under exactly-once it commits together with the
 * input offset: a bad record is neither lost nor dead-lettered twice.
 */
final class DeadLetters {

    static final String EXCEPTION = "__streams.errors.exception";
    static final String MESSAGE = "__streams.errors.message";
    static final String TOPIC = "__streams.errors.topic";
    static final String PARTITION = "__streams.errors.partition";
    static final String OFFSET = "__streams.errors.offset";

    private DeadLetters() {
    }

    static ProducerRecord<byte[], byte[]> record(String topic, int partition, long offset, Long timestamp,
                                                 byte[] key, byte[] value, Headers original, Exception exception,
                                                 String reason) {
        Headers headers = new RecordHeaders(original == null ? new RecordHeaders().toArray() : original.toArray());
        headers.add(EXCEPTION, utf8(exception.getClass().getName()));
        headers.add(MESSAGE, utf8(String.valueOf(exception.getMessage())));
        headers.add(TOPIC, utf8(topic));
        headers.add(PARTITION, utf8(Integer.toString(partition)));
        headers.add(OFFSET, utf8(Long.toString(offset)));
        headers.add(Topics.DEAD_LETTER_REASON, utf8(reason));
        return new ProducerRecord<>(Topics.deadLetter(topic), null, timestamp, key, value, headers);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
