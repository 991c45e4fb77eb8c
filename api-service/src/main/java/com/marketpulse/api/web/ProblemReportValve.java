package com.marketpulse.api.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

import com.marketpulse.events.json.EventJson;

/**
 * Tomcat's own refusals, made before any servlet runs (a NUL byte in the path, a request line or header too
 * large), are problem documents like every other refusal, and counted, instead of Tomcat's HTML error page.
 */
final class ProblemReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);
    private static final JsonMapper JSON = EventJson.mapper();

    private final RejectedRequests rejected;

    ProblemReportValve(RejectedRequests rejected) {
        this.rejected = rejected;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        // as Tomcat's: only an error that nothing has answered yet
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(code);
        rejected.count(RejectedRequests.reasonOf(HttpStatusCode.valueOf(code)));
        String detail = status.is5xxServerError()
                ? "The server could not complete the request; it has been logged."
                : "The request was refused: " + status.getReasonPhrase() + ".";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(ProblemWriter.body(status, detail, null)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("could not write the problem for a refused request", e);
        }
    }
}
