package com.marketpulse.dashboard.api;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A failed call to api-service, already translated into what went wrong for the person using the
 * dashboard. {@link #userMessage()} is safe to show on screen: it never contains a stack trace.
 */
public final class ApiException extends RuntimeException {

    /** What kind of failure, independent of the HTTP details. */
    public enum Problem {
        /** 401: wrong credentials, or the session's token expired. */
        UNAUTHORIZED,
        /** 403. */
        FORBIDDEN,
        /** 404. */
        NOT_FOUND,
        /** 409: e.g. the user name is taken. */
        CONFLICT,
        /** 400 / 413 / 422: the API rejected the input (its detail says why). */
        INVALID,
        /** 429: too many attempts; see {@link #retryAfter()}. */
        THROTTLED,
        /** 5xx, connection refused, timeout. */
        UNAVAILABLE,
        /** The API answered something the dashboard cannot read. */
        PROTOCOL
    }

    private final Problem problem;
    private final int status;
    private final @Nullable String detail;
    private final @Nullable Duration retryAfter;

    public ApiException(Problem problem, int status, @Nullable String detail, @Nullable Duration retryAfter,
            @Nullable Throwable cause) {
        super(problem + (status > 0 ? " (HTTP " + status + ")" : "") + (detail == null ? "" : ": " + detail), cause);
        this.problem = problem;
        this.status = status;
        this.detail = detail;
        this.retryAfter = retryAfter;
    }

    /** Maps an HTTP error status (and the problem+json detail, if any) to a problem. */
    public static ApiException ofStatus(int status, @Nullable String detail, @Nullable Duration retryAfter) {
        Problem problem = switch (status) {
            case 401 -> Problem.UNAUTHORIZED;
            case 403 -> Problem.FORBIDDEN;
            case 404 -> Problem.NOT_FOUND;
            case 409 -> Problem.CONFLICT;
            case 400, 413, 422 -> Problem.INVALID;
            case 429 -> Problem.THROTTLED;
            default -> status >= 500 ? Problem.UNAVAILABLE : Problem.PROTOCOL;
        };
        return new ApiException(problem, status, detail, retryAfter, null);
    }

    public static ApiException unreachable(Throwable cause) {
        return new ApiException(Problem.UNAVAILABLE, 0, null, null, cause);
    }

    /** No answer: the connection broke after it was made (see {@link #userMessage()} for what the person reads). */
    public static ApiException cutOff(String sentence, Throwable cause) {
        return new ApiException(Problem.UNAVAILABLE, 0, sentence, null, cause);
    }

    public static ApiException unreadable(Throwable cause) {
        return new ApiException(Problem.PROTOCOL, 0, null, null, cause);
    }

    public Problem problem() {
        return problem;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** A sentence for the screen. */
    public String userMessage() {
        return switch (problem) {
            case UNAUTHORIZED -> "Your session has expired. Please log in again.";
            case FORBIDDEN -> "You are not allowed to do that.";
            case NOT_FOUND -> "The requested data was not found.";
            case CONFLICT -> detail != null ? detail : "That conflicts with existing data.";
            case INVALID -> detail != null ? detail : "The MarketPulse API rejected the input.";
            case THROTTLED -> "Too many attempts. Please wait"
                    + (retryAfter != null ? " " + retryAfter.toSeconds() + " seconds" : " a moment")
                    + " and try again.";
            case UNAVAILABLE -> detail != null ? detail
                    : "The MarketPulse API is not reachable right now. Please try again in a moment.";
            case PROTOCOL -> "The MarketPulse API sent an answer the dashboard could not read.";
        };
    }
}
