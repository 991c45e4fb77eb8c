package com.marketpulse.dashboard.api;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

import com.marketpulse.events.Symbols;

import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's only way to MarketPulse data: api-service's REST API. Every failure surfaces as an
 * {@link ApiException}; calls after login pass the user's bearer token.
 */
@Component
public class ApiClient {

    private static final ParameterizedTypeReference<List<SymbolQuote>> QUOTES = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<PriceBar>> BARS = new ParameterizedTypeReference<>() {
    };

    private final RestClient rest;
    private final ProblemReader problems;

    public ApiClient(RestClient.Builder builder, ApiProperties properties, JsonMapper json) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        var requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(properties.requestTimeout());
        this.problems = new ProblemReader(json);
        this.rest = builder
                .baseUrl(properties.apiUrl().toString())
                .requestFactory(requestFactory)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw toException(response);
                })
                .build();
    }

    public LoginToken login(String username, String password) {
        return call(() -> rest.post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Credentials(username, password))
                .retrieve()
                .body(LoginToken.class));
    }

    public void register(String username, String password) {
        call(() -> rest.post().uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Credentials(username, password))
                .retrieve()
                .toBodilessEntity());
    }

    public void logout(String token) {
        call(() -> rest.post().uri("/api/auth/logout")
                .headers(bearer(token))
                .retrieve()
                .toBodilessEntity());
    }

    public Account me(String token) {
        return call(() -> rest.get().uri("/api/me").headers(bearer(token)).retrieve().body(Account.class));
    }

    public Portfolio portfolio(String token) {
        return call(() -> rest.get().uri("/api/me/portfolio").headers(bearer(token)).retrieve().body(Portfolio.class));
    }

    public void savePortfolio(String token, Portfolio portfolio) {
        call(() -> rest.put().uri("/api/me/portfolio")
                .headers(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .body(portfolio)
                .retrieve()
                .toBodilessEntity());
    }

    public List<SymbolQuote> symbols(String token) {
        return call(() -> rest.get().uri("/api/symbols").headers(bearer(token)).retrieve().body(QUOTES));
    }

    /** The user's alerts (those of the coins in the portfolio), newest first. */
    public AlertPage myAlerts(String token, AlertQuery query) {
        return alerts("/api/me/alerts", token, query);
    }

    /** Every alert across all coins, newest first. */
    public AlertPage allAlerts(String token, AlertQuery query) {
        return alerts("/api/alerts", token, query);
    }

    public List<PriceBar> bars(String token, String symbol, Instant from, Instant to, String interval) {
        return call(() -> rest.get()
                .uri(uri -> uri.path("/api/symbols/{symbol}/bars")
                        .queryParam("from", from)
                        .queryParam("to", to)
                        .queryParam("interval", interval)
                        .build(Symbols.toPath(symbol)))
                .headers(bearer(token))
                .retrieve()
                .body(BARS));
    }

    /** The pipeline's health: each stage, data freshness per symbol, model version, consumer lag. */
    public PipelineStatus status(String token) {
        return call(() -> rest.get().uri("/api/status").headers(bearer(token)).retrieve().body(PipelineStatus.class));
    }

    private AlertPage alerts(String path, String token, AlertQuery query) {
        return call(() -> rest.get()
                .uri(uri -> withQuery(uri.path(path), query).build())
                .headers(bearer(token))
                .retrieve()
                .body(AlertPage.class));
    }

    private static UriBuilder withQuery(UriBuilder uri, AlertQuery query) {
        uri.queryParam("limit", query.limit());
        optional(uri, "cursor", query.cursor());
        optional(uri, "type", query.type());
        optional(uri, "symbol", query.symbol());
        optional(uri, "from", query.from());
        optional(uri, "to", query.to());
        return uri;
    }

    private static void optional(UriBuilder uri, String name, @Nullable Object value) {
        if (value != null) {
            uri.queryParam(name, value);
        }
    }

    private static java.util.function.Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }

    private ApiException toException(ClientHttpResponse response) throws java.io.IOException {
        int status = response.getStatusCode().value();
        String detail = problems.detail(response.getBody().readAllBytes());
        Duration retryAfter = ProblemReader.retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        return ApiException.ofStatus(status, detail, retryAfter);
    }

    private static <T> T call(Supplier<@Nullable T> request) {
        T result;
        try {
            result = request.get();
        } catch (ApiException e) {
            throw e;
        } catch (ResourceAccessException e) {
            throw ApiException.unreachable(e);
        } catch (RestClientException e) {
            throw ApiException.unreadable(e);
        }
        if (result == null) {
            throw ApiException.unreadable(new IllegalStateException("empty answer"));
        }
        return result;
    }

    private record Credentials(String username, String password) {

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=<redacted>]";
        }
    }

    /** The logged-in account as the API knows it. */
    public record Account(String username) {
    }
}
