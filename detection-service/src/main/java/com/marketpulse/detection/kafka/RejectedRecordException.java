package com.marketpulse.detection.kafka;

/**
 * A record that can never be processed, however often it is retried (a value out of range, a symbol we do not
 * watch, an event time far ahead of the clock): the error handler sends it to {@code <topic>.DLT} at once, with the
 * reason in the counter {@code marketpulse.detection.dead.letters{topic,reason}} and in the header
 * {@value #REASON_HEADER}.
 */
public class RejectedRecordException extends RuntimeException {

    public static final String REASON_HEADER = com.marketpulse.events.Topics.DEAD_LETTER_REASON;

    private final String reason;

    /** @param reason a short snake_case word for counters and the dead letter's header, e.g. {@code far_future} */
    public RejectedRecordException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
