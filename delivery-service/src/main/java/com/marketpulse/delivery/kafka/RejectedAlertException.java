package com.marketpulse.delivery.kafka;

import com.marketpulse.events.Topics;

/**
 * An alert record that can never be delivered (a backtest's alert on the live topic, values out of range): the error
 * handler sends it to {@code market.alerts.DLT} at once, its reason in the header {@value #REASON_HEADER} and in the
 * counter {@code marketpulse.delivery.dead.letters{reason}}.
 */
public class RejectedAlertException extends RuntimeException {

    public static final String REASON_HEADER = Topics.DEAD_LETTER_REASON;

    private final String reason;

    /** @param reason a short snake_case word, e.g. {@code wrong_stream} */
    public RejectedAlertException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
