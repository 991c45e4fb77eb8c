package com.marketpulse.api.account;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.web.ApiException;

/**
 * Every password hash the API computes (each Argon2id check holds 19 MiB for a moment), behind a bounded semaphore:
 * at most {@code maxConcurrentHashes} run at once, and a request that cannot get a turn within {@code hashWait} is
 * answered 503 with Retry-After. A flood of sign-ins then costs a bounded amount of memory and CPU, never an
 * OutOfMemoryError.
 */
@Component
class PasswordHashing {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final PasswordEncoder encoder;
    private final Semaphore turns;
    private final int maxConcurrent;
    private final Duration wait;

    @Autowired
    PasswordHashing(PasswordEncoder encoder, MarketPulseProperties properties) {
        this(encoder, properties.api().throttle().maxConcurrentHashes(), properties.api().throttle().hashWait());
    }

    PasswordHashing(PasswordEncoder encoder, int maxConcurrent, Duration wait) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("max-concurrent-hashes must be at least 1, got " + maxConcurrent);
        }
        this.encoder = encoder;
        this.turns = new Semaphore(maxConcurrent, true);
        this.maxConcurrent = maxConcurrent;
        this.wait = wait;
    }

    /** @throws ApiException 503 when no turn came within the wait */
    boolean matches(String raw, String hash) {
        return inTurn(() -> encoder.matches(raw, hash));
    }

    /** @throws ApiException 503 when no turn came within the wait */
    String encode(String raw) {
        return inTurn(() -> encoder.encode(raw));
    }

    /**
     * A hash of {@code raw} with today's parameters when {@code hash} (which {@code raw} matched) was made with
     * weaker ones, e.g. Argon2 at 16 MiB before OWASP's 19 MiB; empty when it is current, or when the server is too
     * busy right now (the next sign-in tries again).
     */
    Optional<String> upgraded(String raw, String hash) {
        if (!encoder.upgradeEncoding(hash)) {
            return Optional.empty();
        }
        try {
            return Optional.of(encode(raw));
        } catch (ApiException busy) {
            return Optional.empty();
        }
    }

    /** Hashes running right now (a gauge for operators and tests). */
    int running() {
        return maxConcurrent - turns.availablePermits();
    }

    private <T> T inTurn(Supplier<T> hashing) {
        boolean acquired;
        try {
            acquired = turns.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw ApiException.serviceUnavailable("The server is busy checking other passwords; try again in a moment.",
                    RETRY_AFTER);
        }
        try {
            return hashing.get();
        } finally {
            turns.release();
        }
    }
}
