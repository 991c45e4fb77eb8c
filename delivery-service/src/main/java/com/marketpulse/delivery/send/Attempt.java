package com.marketpulse.delivery.send;

/**
 * How one attempt went.
 *
 * @param httpStatus  the receiver's status, {@code null} when none came (refused, timeout, connection failure)
 * @param channelGone the receiver said the channel no longer exists (a push subscription's 404/410): it is paused at
 *                    once rather than after failing again and again
 */
record Attempt(Outcome outcome, Integer httpStatus, String detail, boolean channelGone) {

    Attempt(Outcome outcome, Integer httpStatus, String detail) {
        this(outcome, httpStatus, detail, false);
    }

    enum Outcome {
        /** The receiver took it (2xx). */
        SENT,
        /** Worth trying again: 5xx, 429, a timeout, a connection failure. */
        RETRY,
        /** Never worth trying again: refused target, another 4xx, no secret to sign with. */
        FAILED
    }

    static Attempt sent(int status) {
        return new Attempt(Outcome.SENT, status, null);
    }

    static Attempt retry(Integer status, String detail) {
        return new Attempt(Outcome.RETRY, status, detail);
    }

    static Attempt failed(Integer status, String detail) {
        return new Attempt(Outcome.FAILED, status, detail);
    }

    static Attempt gone(Integer status, String detail) {
        return new Attempt(Outcome.FAILED, status, detail, true);
    }
}
