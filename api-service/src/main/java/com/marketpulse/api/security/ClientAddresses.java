package com.marketpulse.api.security;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.contract.ClientAddressHeader;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The address of the client a request acts for, as the sign-in throttle sees it: the browser's address when the
 * dashboard forwards it in a {@link ClientAddressHeader} signed with the shared secret and fresh, else the socket's
 * address. A forwarded address that fails the check is ignored, logged and counted
 * ({@code marketpulse.api.client.address.rejected}), never believed.
 */
@Component
public class ClientAddresses {

    private static final Logger log = LoggerFactory.getLogger(ClientAddresses.class);

    private final @Nullable ClientAddressHeader header;
    private final Duration maxAge;
    private final Clock clock;
    private final Counter rejected;

    ClientAddresses(MarketPulseProperties properties, Clock clock, MeterRegistry meters) {
        MarketPulseProperties.Throttle throttle = properties.api().throttle();
        String secret = throttle.clientAddressSecret();
        this.header = secret.isBlank() ? null : ClientAddressHeader.withSecret(secret);
        this.maxAge = throttle.clientAddressMaxAge();
        this.clock = clock;
        this.rejected = Counter.builder("marketpulse.api.client.address.rejected")
                .description("forwarded client addresses not believed (bad signature, stale or malformed)")
                .register(meters);
        if (header == null) {
            log.warn("MARKETPULSE_CLIENT_ADDRESS_SECRET is not set: the sign-in throttle sees the socket's address "
                    + "only, so every dashboard user shares the dashboard's address");
        }
    }

    /** The client's address: the signed forwarded one, or {@code socketAddress}. */
    public String of(String socketAddress, @Nullable String forwarded) {
        if (forwarded == null) {
            return socketAddress;
        }
        Optional<String> address = header == null ? Optional.empty()
                : header.verify(forwarded, clock.instant(), maxAge).flatMap(ClientAddresses::ipLiteral);
        if (address.isEmpty()) {
            rejected.increment();
            long count = (long) rejected.count();
            // the first and then every 100th: a flood of forged headers must not flood the log
            if (count % 100 == 1) {
                log.warn("Ignored a {} header from {} that is not signed with the shared secret, stale or malformed "
                        + "({} so far); that request is throttled as {}", ClientAddressHeader.NAME, socketAddress,
                        count, socketAddress);
            }
            return socketAddress;
        }
        return address.get();
    }

    /** Only an IP literal is an address: no host name is ever resolved. */
    private static Optional<String> ipLiteral(String address) {
        try {
            return Optional.of(InetAddress.ofLiteral(address).getHostAddress());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
