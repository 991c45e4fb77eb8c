package com.marketpulse.feature.stream;

import com.marketpulse.events.Topics;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * An input the processor refused (a {@link RejectedInput}: a backtest run over its symbol cap) or that made it throw
 * (a bug, not bad data: bad data is refused when it is read) goes with
 * its original bytes to {@code <topic>.DLT}, is logged with its stack trace and counted, and processing
 * continues with the next record. A failure of the state store or of Kafka Streams itself is not the record's
 * fault: it fails the stream thread, which is replaced and resumes from the last commit (under exactly-once,
 * without a trace of the failed attempt),  so no input is dead-lettered for an infrastructure hiccup.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private StreamEvents events = StreamEvents.NONE;

    @Override
    public void configure(Map<String, ?> configs) {
        events = StreamEvents.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (exception instanceof StreamsException) {
            log.error("Kafka Streams failed while processing {}-{}@{}; the thread will retry from the last commit",
                    context.topic(), context.partition(), context.offset(), exception);
            return Response.fail();
        }
        String reason = RejectedInput.reasonOf(exception, "failed");
        if (exception instanceof RejectedInput) {
            log.warn("Record {}-{}@{} refused ({}) and sent to {}: {}", context.topic(), context.partition(),
                    context.offset(), reason, Topics.deadLetter(context.topic()), exception.getMessage());
        } else {
            log.error("Processing failed for {}-{}@{} in {}; record sent to {}", context.topic(), context.partition(),
                    context.offset(), context.processorNodeId(), Topics.deadLetter(context.topic()), exception);
        }
        events.deadLetter(context.topic(), "processing", reason);
        return Response.resume(List.of(DeadLetters.record(context.topic(), context.partition(), context.offset(),
                context.timestamp(), context.sourceRawKey(), context.sourceRawValue(), context.headers(), exception,
                reason)));
    }
}
