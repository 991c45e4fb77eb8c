package com.marketpulse.dashboard.api;

import static com.marketpulse.api.contract.MarketPulseApi.bearer;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.stereotype.Component;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.api.contract.Backtest;
import com.marketpulse.api.contract.BacktestArchiveRequest;
import com.marketpulse.api.contract.BacktestComparison;
import com.marketpulse.api.contract.BacktestReport;

/** The backtest calls of api-service ({@code /api/backtests}), with {@link ApiClient}'s error handling. */
@Component
public class BacktestClient {

    /** What a CSV download can be. */
    public enum Csv {
        ALERTS("alerts"), REPORT("report");

        private final String path;

        Csv(String path) {
            this.path = path;
        }
    }

    private final ApiClient client;

    public BacktestClient(ApiClient client) {
        this.client = client;
    }

    public List<Backtest> list(String token) {
        return ApiClient.call(() -> client.contract().backtests(bearer(token)));
    }

    /**
     * Starts a backtest of {@code file}, read from the stream as it is sent (chunked; never held whole in memory).
     *
     * @param fields the form's other fields ({@code symbol}, {@code format}, {@code name}, overrides); blank ones
     *               are left out so that the API keeps its defaults
     */
    public Backtest upload(String token, String fileName, InputStream file, Map<String, String> fields) {
        var form = new MultipartBodyBuilder();
        form.part("file", new InputStreamResource(file) {
            @Override
            public String getFilename() {
                return fileName;
            }

            @Override
            public long contentLength() {
                return -1;
            }
        }).filename(fileName);
        fields.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                form.part(name, value);
            }
        });
        try {
            return ApiClient.call(() -> client.uploadContract().uploadBacktest(bearer(token), form.build()));
        } catch (ApiException e) {
            throw e.status() == 0 && e.problem() == ApiException.Problem.UNAVAILABLE && connected(e) ? cutOff(e) : e;
        }
    }

    /**
     * The API closed the connection while the file was still being sent. It does so when it refuses a file over its
     * size limit as it streams (its 413 then often comes after the client's write has already failed), so "not
     * reachable" would mislead.
     */
    private static ApiException cutOff(ApiException e) {
        return ApiException.cutOff("The MarketPulse API closed the connection before the whole file was sent. Files "
                + "over its upload limit (250 MB by default) are refused this way; if yours is smaller, "
                + "try again in a moment.", e);
    }

    /** Whether the connection broke after it was made (not refused, not unknown, not a time-out). */
    private static boolean connected(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpTimeoutException
                    || cause instanceof UnknownHostException) {
                return false;
            }
        }
        return true;
    }

    public Backtest startArchive(String token, BacktestArchiveRequest request) {
        return ApiClient.call(() -> client.contract().startBacktest(bearer(token), request));
    }

    public Backtest get(String token, String id) {
        return ApiClient.call(() -> client.contract().backtest(bearer(token), id));
    }

    public Backtest cancel(String token, String id) {
        return ApiClient.call(() -> client.contract().cancelBacktest(bearer(token), id));
    }

    public void delete(String token, String id) {
        ApiClient.run(() -> client.contract().deleteBacktest(bearer(token), id));
    }

    public List<AlertDto> alerts(String token, String id) {
        return ApiClient.call(() -> client.contract().backtestAlerts(bearer(token), id));
    }

    public BacktestReport report(String token, String id) {
        return ApiClient.call(() -> client.contract().backtestReport(bearer(token), id));
    }

    public BacktestComparison compare(String token, String a, String b) {
        return ApiClient.call(() -> client.contract().compareBacktests(bearer(token), a, b));
    }

    /** The run's alerts or report as CSV, streamed: the caller closes the stream. */
    public InputStream csv(String token, String id, Csv what) {
        return ApiClient.call(() -> client.rest().get()
                .uri("/api/backtests/{id}/{what}?format=csv", id, what.path)
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        try (response) {
                            throw client.toException(response);
                        }
                    }
                    return body(response);
                }, false));
    }

    private static InputStream body(org.springframework.http.client.ClientHttpResponse response) throws IOException {
        InputStream body = response.getBody();
        return new java.io.FilterInputStream(body) {
            @Override
            public void close() {
                response.close();
            }
        };
    }
}
