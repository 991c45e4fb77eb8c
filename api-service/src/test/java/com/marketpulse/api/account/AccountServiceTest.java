package com.marketpulse.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.contract.Credentials;
import com.marketpulse.api.security.DeviceTokens;
import com.marketpulse.api.security.Tokens;
import com.marketpulse.api.web.ApiException;

/** Registration's order of work: nothing is hashed before the throttle and the name were checked. */
class AccountServiceTest {

    private static final String GOOD_PASSWORD = "violet harbour lanterns";
    private final AtomicInteger hashes = new AtomicInteger();
    private final UserRepository users = mock(UserRepository.class);
    private final AccountService accounts;

    AccountServiceTest() {
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                hashes.incrementAndGet();
                return "{noop}" + raw;
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                hashes.incrementAndGet();
                return false;
            }
        };
        MarketPulseProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("marketpulse.api.demo",
                "false"))).bindOrCreate("marketpulse", MarketPulseProperties.class);
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
        accounts = new AccountService(users, new PasswordHashing(counting, 1, Duration.ZERO), counting,
                mock(Tokens.class), mock(DeviceTokens.class), new Throttles(properties, clock));
        hashes.set(0);
    }

    @Test
    void aTakenNameIsRefusedWithoutHashingAndCountsAsTheAddresssFailure() {
        when(users.findByUsername(anyString())).thenReturn(Optional.of(
                new UserAccount(1, "alice", "{noop}x", 0, false, Instant.EPOCH)));

        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> accounts.register(new Credentials("alice", GOOD_PASSWORD), "203.0.113.7"))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        }
        assertThatThrownBy(() -> accounts.register(new Credentials("alice", GOOD_PASSWORD), "203.0.113.7"))
                .as("the 21st probe of a name from one address").isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS));
        assertThatThrownBy(() -> accounts.login(new Credentials("alice", GOOD_PASSWORD), SignInClient.at("203.0.113.7")))
                .as("and sign-ins from it wait too").isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS));
        assertThat(hashes.get()).as("no password was hashed for any of them").isZero();
    }

    @Test
    void newAccountsFromOneAddressAreLimitedAndTheRefusedOnesAreNeverHashed() {
        when(users.findByUsername(anyString())).thenReturn(Optional.empty());
        when(users.create(anyString(), anyString(), org.mockito.ArgumentMatchers.eq(false))).thenAnswer(call ->
                Optional.of(new UserAccount(1, call.getArgument(0), call.getArgument(1), 0, false, Instant.EPOCH)));

        for (int i = 0; i < 20; i++) {
            accounts.register(new Credentials("user-" + i, GOOD_PASSWORD), "203.0.113.8");
        }
        assertThatThrownBy(() -> accounts.register(new Credentials("user-20", GOOD_PASSWORD), "203.0.113.8"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(e.getMessage()).contains("new accounts");
                });
        assertThat(hashes.get()).isEqualTo(20);
        accounts.register(new Credentials("user-21", GOOD_PASSWORD), "203.0.113.9");
    }
}
