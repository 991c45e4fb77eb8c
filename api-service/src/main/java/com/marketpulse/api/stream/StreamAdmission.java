package com.marketpulse.api.stream;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.web.ApiException;

/**
 * Bounds the open streams: per account when signed in, per client address when anonymous (the dashboard opens
 * every user's stream from its one address, with the user's token, so its users never share an address cap), and
 * in total. A stream is admitted with a {@link Ticket} that its end returns.
 */
@Component
class StreamAdmission {

    /** When a client at its cap should try again: about when one of its streams would have been noticed gone. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final MarketPulseProperties.Stream limits;
    private final Map<String, Integer> open = new HashMap<>();
    private int total;

    StreamAdmission(MarketPulseProperties properties) {
        this.limits = properties.api().stream();
    }

    /** One admitted stream; {@link #release} is idempotent, as a stream may end in more than one way at once. */
    final class Ticket {
        private final String client;
        private final AtomicBoolean released = new AtomicBoolean();

        private Ticket(String client) {
            this.client = client;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                StreamAdmission.this.release(client);
            }
        }
    }

    /**
     * @throws ApiException 429 when this account or address already has its streams open, 503 when the instance
     *                      is at its total
     */
    synchronized Ticket admit(Long userId, String address) {
        if (total >= limits.maxTotal()) {
            throw ApiException.refused(HttpStatus.SERVICE_UNAVAILABLE, "stream-total",
                    "The server has " + limits.maxTotal() + " live alert streams open, its limit; try again later.",
                    RETRY_AFTER);
        }
        String client = userId == null ? "address:" + address : "user:" + userId;
        int cap = userId == null ? limits.maxPerAddress() : limits.maxPerUser();
        int mine = open.getOrDefault(client, 0);
        if (mine >= cap) {
            throw userId == null
                    ? ApiException.refused(HttpStatus.TOO_MANY_REQUESTS, "stream-per-address", "Your address has "
                            + cap + " anonymous live alert streams open, the most allowed: close one, or sign in.",
                            RETRY_AFTER)
                    : ApiException.refused(HttpStatus.TOO_MANY_REQUESTS, "stream-per-user", "Your account has "
                            + cap + " live alert streams open, the most allowed: close one first.", RETRY_AFTER);
        }
        open.put(client, mine + 1);
        total++;
        return new Ticket(client);
    }

    synchronized int total() {
        return total;
    }

    private synchronized void release(String client) {
        open.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
        total--;
    }
}
