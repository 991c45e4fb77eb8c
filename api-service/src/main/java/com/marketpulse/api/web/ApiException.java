package com.marketpulse.api.web;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with the status and a message that tells the client what to change. Rendered as
 * {@code application/problem+json} by {@link ProblemHandler}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final Duration retryAfter;
    private final String reason;

    protected ApiException(HttpStatus status, String message, Duration retryAfter) {
        this(status, RejectedRequests.reasonOf(status), message, retryAfter);
    }

    private ApiException(HttpStatus status, String reason, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    /**
     * A refusal counted under its own reason in {@link RejectedRequests} (e.g. {@code stream-per-address}) rather
     * than under its status.
     */
    public static ApiException refused(HttpStatus status, String reason, String message, Duration retryAfter) {
        return new ApiException(status, reason, message, retryAfter);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, null);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message, null);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message, null);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, message, null);
    }

    public static ApiException tooManyRequests(String message, Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, message, retryAfter);
    }

    /** A momentary overload (e.g. too many password checks at once): the client may retry after the wait. */
    public static ApiException serviceUnavailable(String message, Duration retryAfter) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, message, retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    /** Why, for the counter of refused requests: a short kebab-case word. */
    public String reason() {
        return reason;
    }

    /** How long the client should wait, for 429 and 503; {@code null} otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Client input as shown inside a message: quoted and cut short. */
    public static String shown(String raw) {
        if (raw == null) {
            return "null";
        }
        return "'" + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "'";
    }

    /** Whole seconds, rounded up, for the Retry-After header. */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
