package com.marketpulse.ingestion.publish;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Tells a record the broker refuses for its own sake (retrying it can never succeed, and would hold up every record
 * behind it) from a failure of the broker or the network (retried without a limit: nothing is lost while Kafka is
 * away). Anything not named here is retried, including the generic error Kafka gives the innocent neighbours of a
 * refused record in the same batch, and authorization or fencing errors (the operator's to fix, not the record's).
 */
final class PublishErrors {

    static final String UNSERIALIZABLE = "unserializable";
    static final String TOO_LARGE = "record-too-large";

    private PublishErrors() {
    }

    /** The dead-letter reason when {@code error} (or a cause of it) is the record's own fault, else {@code null}. */
    static String recordLevel(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            switch (t) {
                case SerializationException e -> {
                    return UNSERIALIZABLE;
                }
                case InvalidTimestampException e -> {
                    return "invalid-timestamp";
                }
                case RecordTooLargeException e -> {
                    return TOO_LARGE;
                }
                case RecordBatchTooLargeException e -> {
                    return TOO_LARGE;
                }
                case InvalidRecordException e -> {
                    return "invalid-record";
                }
                default -> {
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
