package com.marketpulse.api.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.web.ApiException;

/**
 * The account and client-address throttles for password checks, with 429 + Retry-After when one applies. Every
 * attempt takes its slots atomically before any hashing ({@link Attempt}); it counts as a failure until it
 * succeeds. Attempts refused during a wait are counted too (the next wait doubles) without restarting the clock, so
 * a correct password after at most the maximum wait still works; one refused while an account waits also costs the
 * address that made it a failure. A known device (one that signed in to the account
 * before, proved by its device token) has an account counter of its own: an attacker's failures never make the
 * real user's device wait.
 */
@Component
class Throttles {

    private static final String REGISTRATION = "register|";
    private static final String DEVICE = "|device|";

    private final LoginThrottle accounts;
    private final LoginThrottle addresses;
    private final Clock clock;

    Throttles(MarketPulseProperties properties, Clock clock) {
        MarketPulseProperties.Throttle t = properties.api().throttle();
        this.accounts = new LoginThrottle(t.accountFreeFailures(), t.baseDelay(), t.accountMaxDelay(), t.forgetAfter());
        this.addresses = new LoginThrottle(t.addressFreeFailures(), t.baseDelay(), t.addressMaxDelay(), t.forgetAfter());
        this.clock = clock;
    }

    /** The slots one password check holds; what happens to them depends on how the check ends. */
    final class Attempt {

        private final String address;
        private final String account;
        private final String registration;

        private Attempt(String address, String account, String registration) {
            this.address = address;
            this.account = account;
            this.registration = registration;
        }

        /** Right password, or a new account: the address gets its slot back (a registration stays counted). */
        void succeeded() {
            addresses.forgive(address);
            if (account != null) {
                accounts.succeeded(account);
            }
        }

        /** Not the client's doing (the server was too busy to check): every slot is given back. */
        void abandoned() {
            addresses.forgive(address);
            if (account != null) {
                accounts.forgive(account);
            }
            if (registration != null) {
                addresses.forgive(registration);
            }
        }

        /** A wrong password, unknown user or taken name: counted as the address's (and account's) failure. */
        void failed() {
            if (registration != null) {
                addresses.forgive(registration);
            }
        }
    }

    /**
     * Takes the address slot and the account slot (the device's own, when {@code knownDevice} is present) for one
     * sign-in, before any hashing.
     *
     * @throws ApiException 429 when the address or the account must wait
     */
    Attempt signIn(String username, String address, Optional<String> knownDevice) {
        String account = accountKey(username) + knownDevice.map(device -> DEVICE + device).orElse("");
        refuseIfWaiting(addresses.attempt(address, clock.instant()),
                "Too many failed attempts from your address; try again later.");
        Optional<Duration> accountWait = accounts.attempt(account, clock.instant());
        if (accountWait.isPresent()) {
            // the address slot taken above stays counted: an attempt during the wait is the address's failure
            refuseIfWaiting(accountWait, "Too many failed sign-ins for this account; try again shortly.");
        }
        return new Attempt(address, account, null);
    }

    /**
     * Takes the address's registration slot (new accounts per address are throttled like failures, apart from
     * sign-ins) and its failure slot for one registration, before the name is looked up or a password hashed: a
     * taken name (409) then counts as the address's failure, so names cannot be enumerated faster than passwords
     * are guessed; a new account counts as a registration.
     *
     * @throws ApiException 429 when the address must wait or has created too many accounts lately
     */
    Attempt registration(String address) {
        String registration = REGISTRATION + address;
        refuseIfWaiting(addresses.attempt(registration, clock.instant()),
                "Too many new accounts from your address; try again later.");
        Optional<Duration> addressWait = addresses.attempt(address, clock.instant());
        if (addressWait.isPresent()) {
            addresses.forgive(registration);
            refuseIfWaiting(addressWait, "Too many failed attempts from your address; try again later.");
        }
        return new Attempt(address, null, registration);
    }

    /** Forgets every failure (tests). */
    void clear() {
        accounts.clear();
        addresses.clear();
    }

    private static void refuseIfWaiting(Optional<Duration> wait, String message) {
        if (wait.isPresent()) {
            throw ApiException.tooManyRequests(message, wait.get());
        }
    }

    private static String accountKey(String username) {
        String key = username.toLowerCase(Locale.ROOT);
        return key.length() > 64 ? key.substring(0, 64) : key;
    }
}
