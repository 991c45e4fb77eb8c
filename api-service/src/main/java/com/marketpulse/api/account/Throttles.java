package com.marketpulse.api.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.web.ApiException;

/** The account and client-address throttles for password checks, with 429 + Retry-After when one applies. */
@Component
class Throttles {

    private static final String REGISTRATION = "register|";

    private final LoginThrottle accounts;
    private final LoginThrottle addresses;
    private final Clock clock;

    Throttles(MarketPulseProperties properties, Clock clock) {
        MarketPulseProperties.Throttle t = properties.api().throttle();
        this.accounts = new LoginThrottle(t.accountFreeFailures(), t.baseDelay(), t.accountMaxDelay(), t.forgetAfter());
        this.addresses = new LoginThrottle(t.addressFreeFailures(), t.baseDelay(), t.addressMaxDelay(), t.forgetAfter());
        this.clock = clock;
    }

    /** @throws ApiException 429 when the account or the address must wait */
    void check(String username, String address) {
        Optional<Duration> addressWait = addresses.waitFor(address, clock.instant());
        if (addressWait.isPresent()) {
            throw ApiException.tooManyRequests("Too many failed attempts from your address; try again later.",
                    addressWait.get());
        }
        if (username != null) {
            Optional<Duration> accountWait = accounts.waitFor(accountKey(username), clock.instant());
            if (accountWait.isPresent()) {
                throw ApiException.tooManyRequests("Too many failed sign-ins for this account; try again shortly.",
                        accountWait.get());
            }
        }
    }

    void failed(String username, String address) {
        addresses.failed(address, clock.instant());
        if (username != null) {
            accounts.failed(accountKey(username), clock.instant());
        }
    }

    void succeeded(String username) {
        accounts.succeeded(accountKey(username));
    }

    /** @throws ApiException 429 when the address has created too many accounts lately */
    void checkRegistration(String address) {
        addresses.waitFor(REGISTRATION + address, clock.instant()).ifPresent(wait -> {
            throw ApiException.tooManyRequests("Too many new accounts from your address; try again later.", wait);
        });
    }

    /** Registrations are throttled per address like failures, apart from sign-ins. */
    void registered(String address) {
        addresses.failed(REGISTRATION + address, clock.instant());
    }

    /** Forgets every failure (tests). */
    void clear() {
        accounts.clear();
        addresses.clear();
    }

    private static String accountKey(String username) {
        String key = username.toLowerCase(Locale.ROOT);
        return key.length() > 64 ? key.substring(0, 64) : key;
    }
}
