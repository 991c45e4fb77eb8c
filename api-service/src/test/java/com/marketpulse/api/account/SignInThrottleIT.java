package com.marketpulse.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.marketpulse.api.ApiIntegrationTest;
import com.marketpulse.api.Http;
import com.marketpulse.api.contract.ClientAddressHeader;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The sign-in throttle against the running application and its real database, with browsers' addresses forwarded
 * the way the dashboard forwards them (signed with the shared secret).
 */
class SignInThrottleIT extends ApiIntegrationTest {

    private static final String GOOD_PASSWORD = "violet harbour lanterns";
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);
    private final ClientAddressHeader dashboard = ClientAddressHeader.withSecret(CLIENT_ADDRESS_SECRET);

    @Autowired
    Throttles throttles;
    @Autowired
    MeterRegistry meters;

    @AfterEach
    void forgetFailures() {
        throttles.clear();
    }

    @Test
    void theThrottleCountsEachBrowserTheDashboardSignsForNotTheDashboard() {
        String user = registered();
        String attacker = anAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(login(uniqueName(), "guess", attacker, null).status()).isEqualTo(401);
        }
        assertProblem(login(uniqueName(), "guess", attacker, null), 429, "address");

        assertThat(login(user, GOOD_PASSWORD, anAddress(), null).status())
                .as("another browser behind the same dashboard is not held up").isEqualTo(200);
    }

    @Test
    void aForwardedAddressWithoutTheRightSignatureIsNotBelievedButCounted() {
        double rejectedBefore = meters.counter("marketpulse.api.client.address.rejected").count();
        String named = anAddress();
        String forged = ClientAddressHeader.withSecret("an-attackers-guess-at-the-secret-0123456789")
                .sign(named, Instant.now());
        for (int i = 0; i < 20; i++) {
            assertThat(post("/api/auth/login", credentials(uniqueName(), "guess"),
                    Map.of(ClientAddressHeader.NAME, i % 2 == 0 ? forged : "v1;" + named + ";0;x")).status())
                    .isEqualTo(401);
        }

        assertProblem(login(uniqueName(), "guess", null, null), 429, "address");
        assertThat(login(registered(), GOOD_PASSWORD, named, null).status())
                .as("the failures were the sender's, not the named browser's").isEqualTo(200);
        assertThat(meters.counter("marketpulse.api.client.address.rejected").count() - rejectedBefore).isEqualTo(20);
    }

    @Test
    void anAttackerCannotLockTheUserOutOfTheirKnownDevice() {
        String user = registered();
        String home = anAddress();
        Http.Response first = login(user, GOOD_PASSWORD, home, null);
        assertThat(first.status()).isEqualTo(200);
        String device = first.header("MarketPulse-Device");
        assertThat(device).isNotBlank();
        String attackersOwn = registered();
        String attackersDevice = login(attackersOwn, GOOD_PASSWORD, anAddress(), null).header("MarketPulse-Device");

        for (int i = 0; i < 5; i++) {
            assertThat(login(user, "guess-" + i, anAddress(), null).status()).isEqualTo(401);
        }
        for (int i = 0; i < 30; i++) {
            assertProblem(login(user, "guess", anAddress(), i % 2 == 0 ? attackersDevice : null), 429, "account");
        }

        Http.Response known = login(user, GOOD_PASSWORD, home, device);
        assertThat(known.status()).as("the user's own browser signs in at once").isEqualTo(200);
        assertThat(known.header("MarketPulse-Device")).isNotBlank();
        assertProblem(login(user, GOOD_PASSWORD, anAddress(), null), 429, "account");
    }

    @Test
    void parallelWrongPasswordsForOneAccountGetNoMoreThanTheFreeFailures() throws Exception {
        String user = registered();

        Map<Integer, Long> statuses = inParallel(30, i -> login(user, "guess-" + i, anAddress(), null));

        assertThat(statuses.getOrDefault(401, 0L)).as("checked passwords: %s", statuses).isBetween(1L, 5L);
        assertThat(statuses.keySet()).as("the rest wait (or find the server busy)").isSubsetOf(401, 429, 503);
    }

    @Test
    void aFloodOfSignInsIsAnsweredWithProblemsNeverAnErrorAndTheServiceStaysUp() throws Exception {
        Map<Integer, Long> statuses = inParallel(60, i -> {
            Http.Response response = login(uniqueName(), "flood-" + i, anAddress(), null);
            assertThat(response.contentType()).startsWith("application/problem+json");
            if (response.status() == 503) {
                assertThat(response.header("Retry-After")).isNotBlank();
            }
            return response;
        });

        assertThat(statuses.keySet()).as("%s", statuses).isSubsetOf(401, 503);
        assertThat(http.login("demo", "demo123")).isNotBlank();
    }

    @Test
    void takenNamesCountAgainstTheAddressSoNamesCannotBeEnumeratedUnthrottled() {
        String prober = anAddress();
        for (int i = 0; i < 20; i++) {
            assertProblem(register("demo", GOOD_PASSWORD, prober), 409, "taken");
        }

        assertProblem(register("demo", GOOD_PASSWORD, prober), 429, "address");
        assertProblem(register(uniqueName(), GOOD_PASSWORD, prober), 429, "address");
        assertProblem(login("demo", "demo123", prober, null), 429, "address");
        assertThat(register(uniqueName(), GOOD_PASSWORD, anAddress()).status()).isEqualTo(201);
    }

    private Map<Integer, Long> inParallel(int requests, Function<Integer, Http.Response> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> responses = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests; i++) {
                int n = i;
                responses.add(pool.submit(() -> {
                    start.await();
                    return request.apply(n);
                }));
            }
            start.countDown();
            List<Http.Response> done = new ArrayList<>();
            for (Future<Http.Response> response : responses) {
                done.add(response.get());
            }
            return done.stream().collect(Collectors.groupingBy(Http.Response::status, Collectors.counting()));
        }
    }

    private String registered() {
        String name = uniqueName();
        assertThat(register(name, GOOD_PASSWORD, anAddress()).status()).isEqualTo(201);
        return name;
    }

    private Http.Response register(String username, String password, String address) {
        return post("/api/auth/register", credentials(username, password),
                Map.of(ClientAddressHeader.NAME, dashboard.sign(address, Instant.now())));
    }

    /** A sign-in as the dashboard makes it for the browser at {@code address} (none: straight from this socket). */
    private Http.Response login(String username, String password, String address, String device) {
        Map<String, String> headers = new java.util.HashMap<>();
        if (address != null) {
            headers.put(ClientAddressHeader.NAME, dashboard.sign(address, Instant.now()));
        }
        if (device != null) {
            headers.put("MarketPulse-Device", device);
        }
        return post("/api/auth/login", credentials(username, password), headers);
    }

    private Http.Response post(String path, String json, Map<String, String> headers) {
        // a flood on a busy 2-core machine: answers come, but not as fast as Http's default timeout expects
        HttpRequest.Builder request = http.request(path, null).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String anAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    private static String credentials(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    private static String uniqueName() {
        return "user-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static void assertProblem(Http.Response response, int status, String mentioned) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).containsIgnoringCase(mentioned);
    }
}
