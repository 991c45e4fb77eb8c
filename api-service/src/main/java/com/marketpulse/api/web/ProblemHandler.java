package com.marketpulse.api.web;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;

/**
 * Every refused request becomes {@code application/problem+json} with a message that says what to change; no
 * stack trace ever reaches a client.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** PostgreSQL's class of "data exception" SQL states: a value it cannot take (out of range, a NUL byte, ...). */
    private static final String DATA_EXCEPTION_CLASS = "22";

    /** Jackson's message for a key given twice (strict duplicate detection, {@link JsonInput}). */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"([^\"]*)\"");

    private final RejectedRequests rejected;

    ProblemHandler(RejectedRequests rejected) {
        this.rejected = rejected;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException e) {
        rejected.count(e.reason());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(ApiException.retryAfterSeconds(e.retryAfter())));
        }
        return response.body(ProblemDetail.forStatusAndDetail(e.status(), e.getMessage()));
    }

    /** The database is down or detection-service has not created its tables yet: worth retrying, not a bug. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(DataAccessException e) {
        if (causeOf(e, SQLException.class) instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith(DATA_EXCEPTION_CLASS)) {
            // a request value that passed validation but not the database: the client's to change, not an outage
            log.warn("a request value was refused by the database: SQL state {}", sql.getSQLState());
            rejected.count("out-of-range");
            return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                            "A value in the request is out of the range the API can search or store."));
        }
        log.error("data store not usable", e);
        rejected.count("store-unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        "The data store is not available right now; try again shortly."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        rejected.count("internal-error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                        "The server could not complete the request; it has been logged."));
    }

    /** Every refusal Spring MVC itself raises ends here (405, 415, a missing parameter, ...): counted once. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        rejected.count(reasonOf(ex, statusCode));
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static String reasonOf(Exception ex, HttpStatusCode status) {
        if (causeOf(ex, BodyTooLargeException.class) != null) {
            return "body-too-large";
        }
        if (ex instanceof HttpMessageNotReadableException) {
            return "unreadable-body";
        }
        if (ex instanceof TypeMismatchException) {
            return "invalid-parameter";
        }
        if (ex instanceof MethodArgumentNotValidException) {
            return "invalid-body";
        }
        return RejectedRequests.reasonOf(status);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causeOf(ex, BodyTooLargeException.class) instanceof BodyTooLargeException tooLarge) {
            HttpStatus payloadTooLarge = HttpStatus.CONTENT_TOO_LARGE;
            return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(payloadTooLarge,
                    capitalize(tooLarge.getMessage())), headers, payloadTooLarge, request);
        }
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                unreadableBody(ex)), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String expected = ex.getRequiredType() == null ? "a different value" : describe(ex.getRequiredType());
        String detail = "Parameter '" + ex.getPropertyName() + "' must be " + expected + ", got '" + ex.getValue() + "'.";
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                detail.isEmpty() ? "The request body is not valid." : detail + "."), headers, HttpStatus.BAD_REQUEST,
                request);
    }

    private static String unreadableBody(HttpMessageNotReadableException ex) {
        if (causeOf(ex, StreamConstraintsException.class) != null) {
            return "The request body is not valid JSON for this API: it is nested too deeply or holds a number or "
                    + "text that is too long.";
        }
        if (causeOf(ex, DatabindException.class) instanceof DatabindException mapping) {
            if (String.valueOf(mapping.getOriginalMessage()).startsWith("Trailing token")) {
                return "The request body is not valid JSON for this API: there is more after its JSON value.";
            }
            return mapping.getPath().isEmpty()
                    ? "The request body has the wrong shape: expected a JSON object as documented."
                    : "The request body has an invalid value at '" + pathOf(mapping) + "': expected "
                            + expectedOf(mapping) + ".";
        }
        if (causeOf(ex, JacksonException.class) instanceof JacksonException json) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(json.getOriginalMessage()));
            return duplicate.find()
                    ? "The request body is not valid JSON for this API: it gives '" + duplicate.group(1) + "' twice."
                    : "The request body is not valid JSON.";
        }
        return "The request body is missing or not readable as JSON.";
    }

    private static String pathOf(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expectedOf(DatabindException mapping) {
        String message = mapping.getOriginalMessage();
        if (message != null && message.contains("not one of the values accepted for Enum class")) {
            int start = message.indexOf('[', message.indexOf("accepted for Enum class"));
            int end = message.indexOf(']', start);
            if (start > 0 && end > start) {
                return "one of " + message.substring(start, end + 1);
            }
        }
        return "a value of the right type";
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a valid " + type.getSimpleName();
    }

    private static Throwable causeOf(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }
}
