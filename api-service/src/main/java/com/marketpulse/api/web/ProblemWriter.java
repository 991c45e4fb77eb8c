package com.marketpulse.api.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem where no controller is involved: servlet filters, the security entry point
 * and the error page.
 */
@Component
public class ProblemWriter {

    private final JsonMapper json;
    private final RejectedRequests rejected;

    ProblemWriter(JsonMapper json, RejectedRequests rejected) {
        this.json = json;
        this.rejected = rejected;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        rejected.count(status == HttpStatus.CONTENT_TOO_LARGE ? "body-too-large" : RejectedRequests.reasonOf(status));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(status, detail, request.getRequestURI()));
    }

    static Map<String, Object> body(HttpStatus status, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        return body;
    }
}
