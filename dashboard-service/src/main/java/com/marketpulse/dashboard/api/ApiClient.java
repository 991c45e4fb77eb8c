package com.marketpulse.dashboard.api;

import static com.marketpulse.api.contract.MarketPulseApi.bearer;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import com.marketpulse.api.contract.AlertPage;
import com.marketpulse.api.contract.BarDto;
import com.marketpulse.api.contract.ClientAddressHeader;
import com.marketpulse.api.contract.Credentials;
import com.marketpulse.api.contract.IssuedToken;
import com.marketpulse.api.contract.MarketPulseApi;
import com.marketpulse.api.contract.Me;
import com.marketpulse.api.contract.Portfolio;
import com.marketpulse.api.contract.StatusReport;
import com.marketpulse.api.contract.SymbolQuote;
import com.marketpulse.events.Symbols;

import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's only way to MarketPulse data: api-service's REST API, called through the contract's declarative
 * client {@link MarketPulseApi}. Every failure surfaces as an {@link ApiException} (problem+json details and
 * {@code Retry-After} read); calls after login pass the user's bearer token.
 */
@Component
public class ApiClient {

    private static final Logger log = LoggerFactory.getLogger(ApiClient.class);

    private final MarketPulseApi api;
    private final MarketPulseApi uploads;
    private final RestClient rest;
    private final ProblemReader problems;
    private final @Nullable ClientAddressHeader clientAddress;

    public ApiClient(RestClient.Builder builder, ApiProperties properties, JsonMapper json) {
        this.clientAddress = properties.clientAddressSecret().isBlank() ? null
                : ClientAddressHeader.withSecret(properties.clientAddressSecret());
        if (clientAddress == null) {
            log.warn("MARKETPULSE_CLIENT_ADDRESS_SECRET is not set: browsers' addresses are not forwarded, so the API "
                    + "throttles every sign-in through the dashboard as one client");
        }
        this.problems = new ProblemReader(json);
        this.rest = restClient(builder.clone(), properties, properties.requestTimeout());
        this.api = proxy(rest);
        this.uploads = proxy(restClient(builder.clone(), properties, properties.uploadTimeout()));
    }

    private RestClient restClient(RestClient.Builder builder, ApiProperties properties, Duration timeout) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        var requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(timeout);
        return builder
                .baseUrl(properties.apiUrl().toString())
                .requestFactory(requestFactory)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw toException(response);
                })
                .build();
    }

    private static MarketPulseApi proxy(RestClient rest) {
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest)).build()
                .createClient(MarketPulseApi.class);
    }

    /** The contract's calls with the ordinary time limit. */
    MarketPulseApi contract() {
        return api;
    }

    /** The contract's calls with the upload time limit (a file streamed on as the browser sends it). */
    MarketPulseApi uploadContract() {
        return uploads;
    }

    /** For answers the contract does not declare (CSV downloads), with the same error handling. */
    RestClient rest() {
        return rest;
    }

    /** Signs in for the browser {@code client}: its address forwarded signed, its device token passed on. */
    public SignedIn login(String username, String password, SignInClient client) {
        ResponseEntity<IssuedToken> response = call(() -> api.login(signedAddress(client.address()),
                client.deviceToken(), new Credentials(username, password)));
        IssuedToken token = response.getBody();
        if (token == null) {
            throw ApiException.unreadable(new IllegalStateException("empty answer"));
        }
        return new SignedIn(token, response.getHeaders().getFirst(MarketPulseApi.DEVICE_HEADER));
    }

    /** Creates an account for the browser at {@code clientAddress} (if known), which is forwarded signed. */
    public void register(String username, String password, @Nullable String clientAddress) {
        run(() -> api.register(signedAddress(clientAddress), new Credentials(username, password)));
    }

    private @Nullable String signedAddress(@Nullable String address) {
        return clientAddress == null || address == null ? null : clientAddress.sign(address, Instant.now());
    }

    public void logout(String token) {
        run(() -> api.logout(bearer(token)));
    }

    public Me me(String token) {
        return call(() -> api.me(bearer(token)));
    }

    public Portfolio portfolio(String token) {
        return call(() -> api.portfolio(bearer(token)));
    }

    public void savePortfolio(String token, Portfolio portfolio) {
        run(() -> api.savePortfolio(bearer(token), portfolio));
    }

    public List<SymbolQuote> symbols(String token) {
        return call(() -> api.symbols(bearer(token)));
    }

    /** The user's alerts (those of the coins in the portfolio), newest first. */
    public AlertPage myAlerts(String token, AlertQuery query) {
        return call(() -> api.myAlerts(bearer(token), query.limit(), query.cursor(), query.type(), query.symbol(),
                null, query.from(), query.to()));
    }

    /** Every alert across all coins, newest first. */
    public AlertPage allAlerts(String token, AlertQuery query) {
        return call(() -> api.alerts(bearer(token), query.limit(), query.cursor(), query.type(), query.symbol(),
                null, query.from(), query.to()));
    }

    public List<BarDto> bars(String token, String symbol, Instant from, Instant to, String interval) {
        return call(() -> api.bars(bearer(token), Symbols.toPath(symbol), from, to, interval));
    }

    /** The pipeline's health: each stage, data freshness per symbol, model version, consumer lag. */
    public StatusReport status(String token) {
        return call(() -> api.status(bearer(token)));
    }

    ApiException toException(ClientHttpResponse response) throws java.io.IOException {
        int status = response.getStatusCode().value();
        String detail = problems.detail(response.getBody().readAllBytes());
        Duration retryAfter = ProblemReader.retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        return ApiException.ofStatus(status, detail, retryAfter);
    }

    /** A call whose answer the dashboard needs: an empty one is a protocol error. */
    static <T> T call(Supplier<@Nullable T> request) {
        T result = translated(request);
        if (result == null) {
            throw ApiException.unreadable(new IllegalStateException("empty answer"));
        }
        return result;
    }

    /** A call whose answer (if any) the dashboard does not read. */
    static void run(Runnable request) {
        translated(() -> {
            request.run();
            return null;
        });
    }

    static <T> @Nullable T translated(Supplier<@Nullable T> request) {
        try {
            return request.get();
        } catch (ApiException e) {
            throw e;
        } catch (ResourceAccessException e) {
            throw ApiException.unreachable(e);
        } catch (RestClientException e) {
            throw ApiException.unreadable(e);
        }
    }
}
