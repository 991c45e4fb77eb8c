package com.marketpulse.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.marketpulse.api.ApiIntegrationTest;
import com.marketpulse.api.Http;

/** The security requirements of the API, each proved against the running application and its real database. */
@ExtendWith(OutputCaptureExtension.class)
class SecurityIT extends ApiIntegrationTest {

    private static final String GOOD_PASSWORD = "violet harbour lanterns";

    @Autowired
    Throttles throttles;
    @Autowired
    JwtEncoder encoder;

    @AfterEach
    void forgetFailures() {
        throttles.clear();
    }

    @Test
    void registrationAnswers201AndStoresOnlyAnArgon2Hash() {
        String name = uniqueName();
        Http.Response created = register(name, GOOD_PASSWORD);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/me");
        assertThat(created.json().get("username").asString()).isEqualTo(name);
        assertThat(created.json().has("password")).isFalse();
        String hash = jdbc.sql("SELECT password_hash FROM api.users WHERE username = :u").param("u", name)
                .query(String.class).single();
        // OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(GOOD_PASSWORD);
        assertThat(http.login(name, GOOD_PASSWORD)).isNotBlank();
    }

    @Test
    void aHashMadeWithWeakerParametersIsUpgradedAtTheNextSignIn() {
        String name = uniqueName();
        register(name, GOOD_PASSWORD);
        String old = "{argon2}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(GOOD_PASSWORD);
        jdbc.sql("UPDATE api.users SET password_hash = :hash WHERE username = :u").param("hash", old).param("u", name)
                .update();
        assertThat(old).contains("$m=16384,t=2,p=1$");

        String token = http.login(name, GOOD_PASSWORD);

        String hash = jdbc.sql("SELECT password_hash FROM api.users WHERE username = :u").param("u", name)
                .query(String.class).single();
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(http.get("/api/me", token).status()).as("the token of that sign-in stays valid").isEqualTo(200);
        assertThat(login(name, GOOD_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void refusesTakenNamesAndWeakCommonOrMalformedRegistrations() {
        String name = uniqueName();
        assertThat(register(name, GOOD_PASSWORD).status()).isEqualTo(201);
        assertProblem(register(name.toUpperCase(), GOOD_PASSWORD), 409, "taken");
        assertProblem(register(uniqueName(), "short1"), 400, "at least 8");
        assertProblem(register(uniqueName(), "password123"), 400, "most common");
        assertProblem(register(uniqueName(), "x".repeat(129)), 400, "at most 128");
        assertProblem(register("a", GOOD_PASSWORD), 400, "user name");
        assertProblem(register("bad name!", GOOD_PASSWORD), 400, "user name");
        assertThat(register(uniqueName(), "ü".repeat(64)).status()).isEqualTo(201);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        String name = uniqueName();
        register(name, GOOD_PASSWORD);

        Http.Response wrongPassword = login(name, "not the password");
        Http.Response unknownUser = login(uniqueName(), "not the password");

        assertProblem(wrongPassword, 401, "Invalid user name or password");
        assertProblem(unknownUser, 401, "Invalid user name or password");
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownUser.json().get("detail"));
    }

    @Test
    void repeatedFailuresForOneAccountAre429WithAShortRetryAfter() {
        String name = uniqueName();
        register(name, GOOD_PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(login(name, "guess-" + i).status()).isEqualTo(401);
        }

        Http.Response throttled = login(name, GOOD_PASSWORD);

        assertProblem(throttled, 429, "account");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 60L);
        // another account from the same address is not held up by this one
        String other = uniqueName();
        register(other, GOOD_PASSWORD);
        assertThat(login(other, GOOD_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void repeatedFailuresFromOneAddressAre429WhateverTheAccount() {
        for (int i = 0; i < 20; i++) {
            assertThat(login(uniqueName(), "guess").status()).isEqualTo(401);
        }

        Http.Response throttled = login(uniqueName(), "guess");

        assertProblem(throttled, 429, "address");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 300L);
    }

    @Test
    void userBCanNeitherReadNorChangeUserAsPortfolio() {
        String alice = uniqueName();
        String bob = uniqueName();
        register(alice, GOOD_PASSWORD);
        register(bob, GOOD_PASSWORD);
        String aliceToken = http.login(alice, GOOD_PASSWORD);
        String bobToken = http.login(bob, GOOD_PASSWORD);
        long aliceId = http.get("/api/me", aliceToken).json().get("id").asLong();
        http.put("/api/me/portfolio", "{\"symbols\":[\"ETH/USD\"],\"quantities\":{\"ETH/USD\":2}}", aliceToken);

        // Bob's requests, whatever id they name, only ever see and change Bob's portfolio
        assertThat(http.get("/api/me/portfolio?userId=" + aliceId, bobToken).json().get("symbols").size()).isZero();
        http.put("/api/me/portfolio?userId=" + aliceId,
                "{\"userId\":" + aliceId + ",\"symbols\":[\"SOL/USD\"]}", bobToken);
        assertThat(http.get("/api/users/" + aliceId + "/portfolio", bobToken).status()).isIn(401, 403, 404);
        assertThat(http.get("/api/me/alerts?userId=" + aliceId + "&symbol=ETH-USD", bobToken).json().get("items").size())
                .isZero();

        Http.Response alicePortfolio = http.get("/api/me/portfolio", aliceToken);
        assertThat(alicePortfolio.json().get("symbols").toString()).isEqualTo("[\"ETH/USD\"]");
        assertThat(alicePortfolio.json().get("quantities").get("ETH/USD").asDouble()).isEqualTo(2.0);
        assertThat(http.get("/api/me/portfolio", bobToken).json().get("symbols").toString()).isEqualTo("[\"SOL/USD\"]");

        // nor can Bob pass himself off as Alice with a token he made or altered
        assertThat(http.get("/api/me/portfolio", forgedToken(aliceId)).status()).isEqualTo(401);
        assertThat(http.get("/api/me/portfolio", withSubject(bobToken, aliceId)).status()).isEqualTo(401);
        assertThat(http.get("/api/me/portfolio", unsignedToken(aliceId)).status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String name = uniqueName();
        register(name, GOOD_PASSWORD);
        long id = http.get("/api/me", http.login(name, GOOD_PASSWORD)).json().get("id").asLong();
        Instant past = Instant.now().minusSeconds(7200);
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("marketpulse-api").subject(Long.toString(id))
                .id(UUID.randomUUID().toString()).issuedAt(past).expiresAt(past.plusSeconds(3600))
                .claim("username", name).claim("sv", 0).build();
        String expired = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();

        Http.Response response = http.get("/api/me", expired);
        assertProblem(response, 401, "expired");
        assertThat(response.header("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void logoutRevokesThatTokenOnly() {
        String name = uniqueName();
        register(name, GOOD_PASSWORD);
        String first = http.login(name, GOOD_PASSWORD);
        String second = http.login(name, GOOD_PASSWORD);

        assertThat(http.post("/api/auth/logout", "", first).status()).isEqualTo(204);

        assertProblem(http.get("/api/me", first), 401, "revoked");
        assertThat(http.get("/api/me", second).status()).isEqualTo(200);
    }

    @Test
    void changingThePasswordEndsEveryOlderToken() {
        String name = uniqueName();
        register(name, GOOD_PASSWORD);
        String old = http.login(name, GOOD_PASSWORD);
        String newPassword = "copper kettle morning";

        assertProblem(http.post("/api/me/password",
                "{\"currentPassword\":\"wrong one\",\"newPassword\":\"" + newPassword + "\"}", old), 400, "current");
        assertProblem(http.post("/api/me/password",
                "{\"currentPassword\":\"" + GOOD_PASSWORD + "\",\"newPassword\":\"iloveyou1\"}", old), 400, "common");
        Http.Response changed = http.post("/api/me/password",
                "{\"currentPassword\":\"" + GOOD_PASSWORD + "\",\"newPassword\":\"" + newPassword + "\"}", old);

        assertThat(changed.status()).isEqualTo(200);
        assertProblem(http.get("/api/me", old), 401, "no longer valid");
        assertThat(http.get("/api/me", changed.json().get("token").asString()).status()).isEqualTo(200);
        assertThat(login(name, GOOD_PASSWORD).status()).isEqualTo(401);
        assertThat(login(name, newPassword).status()).isEqualTo(200);
    }

    @Test
    void oversizedAndInvalidBodiesAreProblemsNotErrors() {
        String huge = "{\"username\":\"" + "a".repeat(100_000) + "\",\"password\":\"x\"}";
        assertProblem(http.post("/api/auth/login", huge, null), 413, "larger than");
        assertProblem(http.post("/api/auth/login", "{\"username\": ", null), 400, "JSON");
        assertProblem(http.post("/api/auth/register", "[1,2,3]", null), 400, "");
        String token = http.login("demo", "demo123");
        assertProblem(http.put("/api/me/portfolio", "{\"symbols\": 42}", token), 400, "symbols");
    }

    @Test
    void neverLogsPasswordsOrTokens(CapturedOutput output) {
        String name = uniqueName();
        String secretPassword = "plum-" + UUID.randomUUID();
        register(name, secretPassword);
        String token = http.login(name, secretPassword);
        http.get("/api/me", token);
        login(name, secretPassword + "-wrong");
        http.post("/api/auth/logout", "", token);
        http.get("/api/me", token);

        assertThat(output.getAll()).doesNotContain(secretPassword).doesNotContain(token)
                .doesNotContain(token.substring(token.lastIndexOf('.') + 1));
    }

    private Http.Response register(String username, String password) {
        return http.post("/api/auth/register", credentials(username, password), null);
    }

    private Http.Response login(String username, String password) {
        return http.post("/api/auth/login", credentials(username, password), null);
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
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    /** A well-formed token for the user, signed with a key that is not the server's. */
    private static String forgedToken(long userId) {
        var otherKey = new SecretKeySpec("an-attackers-own-signing-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                "HmacSHA256");
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("marketpulse-api").subject(Long.toString(userId))
                .id(UUID.randomUUID().toString()).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600))
                .claim("sv", 0).build();
        return NimbusJwtEncoder.withSecretKey(otherKey).algorithm(MacAlgorithm.HS256).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    /** The real token with its subject changed and the original signature kept. */
    private static String withSubject(String token, long userId) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"sub\":\"\\d+\"", "\"sub\":\"" + userId + "\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** {@code alg: none}. */
    private static String unsignedToken(long userId) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long exp = Instant.now().plusSeconds(600).getEpochSecond();
        String body = b64.encodeToString(("{\"iss\":\"marketpulse-api\",\"sub\":\"" + userId + "\",\"sv\":0,\"exp\":" + exp
                + ",\"jti\":\"x\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + body + ".";
    }
}
