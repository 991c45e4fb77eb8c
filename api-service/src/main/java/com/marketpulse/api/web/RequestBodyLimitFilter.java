package com.marketpulse.api.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.marketpulse.api.MarketPulseProperties;

/**
 * Refuses request bodies above {@code marketpulse.api.max-body-bytes} with 413: at once when the declared
 * length is too large, while reading when a chunked body grows too large. The one exception is a backtest upload
 * (multipart {@code POST /api/backtests}), allowed up to {@code marketpulse.api.backtests.max-upload-size} and
 * streamed to disk by the servlet container, which enforces that limit while it reads.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** The multipart framing and form fields around an uploaded file. */
    private static final long FORM_OVERHEAD = 64 * 1024;

    private final ProblemWriter problems;
    private final long limit;
    private final long uploadLimit;

    RequestBodyLimitFilter(ProblemWriter problems, MarketPulseProperties properties) {
        this.problems = problems;
        this.limit = properties.api().maxBodyBytes();
        this.uploadLimit = properties.api().backtests().maxUploadSize().toBytes() + FORM_OVERHEAD;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isUpload(request)) {
            if (request.getContentLengthLong() > uploadLimit) {
                problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "The upload is larger than "
                        + (uploadLimit - FORM_OVERHEAD) + " bytes (marketpulse.api.backtests.max-upload-size).");
                return;
            }
            chain.doFilter(new LimitedRequest(request, uploadLimit), response);
            return;
        }
        if (request.getContentLengthLong() > limit) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than " + limit + " bytes.");
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && "/api/backtests".equals(request.getRequestURI())
                && type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
