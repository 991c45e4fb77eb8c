package com.marketpulse.api.backtest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A multipart/form-data body for the tests: text fields and one file. */
final class Multipart {

    static final String BOUNDARY = "marketpulse-test-boundary-7d1f";
    static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private final Map<String, String> fields = new LinkedHashMap<>();
    private String fileName;
    private byte[] file;

    Multipart field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    Multipart file(String name, byte[] content) {
        this.fileName = name;
        this.file = content;
        return this;
    }

    Multipart file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Everything up to the file's bytes: the fields, then the file part's header. */
    byte[] head() {
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        if (fileName != null) {
            head.append("--").append(BOUNDARY).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(fileName)
                    .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        }
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What follows the file's bytes. */
    static byte[] tail(boolean withFile) {
        return ((withFile ? "\r\n" : "") + "--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    byte[] body() {
        var out = new ByteArrayOutputStream();
        out.writeBytes(head());
        if (file != null) {
            out.writeBytes(file);
        }
        out.writeBytes(tail(file != null));
        return out.toByteArray();
    }
}
