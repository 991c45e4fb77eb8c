package com.marketpulse.feature.stream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterProcessingHandlerTest {

    private final CountingEvents events = new CountingEvents();
    private final DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
    private final byte[] key = "BTC/USD".getBytes(StandardCharsets.UTF_8);
    private final byte[] value = "{\"eventId\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    DeadLetterProcessingHandlerTest() {
        handler.configure(Map.of(StreamEvents.CONFIG, events));
    }

    @Test
    void aRecordThatBreaksTheProcessorGoesWithItsOriginalBytesToTheDeadLetterTopicAndProcessingResumes() {
        ProcessingExceptionHandler.Response response = handler.handleError(context(), new Record<>("k", "v", 0L),
                new IllegalStateException("bug"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(record -> {
            ProducerRecord<byte[], byte[]> dead = record;
            assertThat(dead.topic()).isEqualTo("market.crypto.DLT");
            assertThat(dead.key()).isEqualTo(key);
            assertThat(dead.value()).isEqualTo(value);
            assertThat(new String(dead.headers().lastHeader(DeadLetters.MESSAGE).value(), StandardCharsets.UTF_8))
                    .isEqualTo("bug");
            assertThat(new String(dead.headers().lastHeader(DeadLetters.OFFSET).value(), StandardCharsets.UTF_8))
                    .isEqualTo("41");
        });
        assertThat(events.count("DLT:market.crypto:processing")).isEqualTo(1);
    }

    @Test
    void aStateStoreFailureIsNotDeadLetteredButFailsTheThreadSoItRetries() {
        ProcessingExceptionHandler.Response response = handler.handleError(context(), new Record<>("k", "v", 0L),
                new ProcessorStateException("disk full"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
        assertThat(events.count("DLT:market.crypto:processing")).isZero();
    }

    private ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return "market.crypto";
            }

            @Override
            public int partition() {
                return 2;
            }

            @Override
            public long offset() {
                return 41;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "live-features";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 2);
            }

            @Override
            public long timestamp() {
                return 1_000L;
            }

            @Override
            public byte[] sourceRawKey() {
                return key;
            }

            @Override
            public byte[] sourceRawValue() {
                return value;
            }
        };
    }
}
