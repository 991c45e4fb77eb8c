package com.marketpulse.api.stream;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

import com.marketpulse.api.MarketPulseProperties;

/**
 * Checks the token of every signed-in stream again, as a new request's would be checked (signature, expiry,
 * revocation, the account's password version), and closes the streams whose token no longer passes: a user who
 * logs out, changes the password or whose token expires stops receiving the portfolio's alerts. The revocation is
 * read from the database, so a logout on another instance closes this instance's streams too. A check that cannot
 * run (the database is down) keeps the stream.
 */
@Component
class StreamRevalidator implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(StreamRevalidator.class);

    private final AlertBroadcaster broadcaster;
    private final JwtDecoder tokens;
    private final Duration every;

    StreamRevalidator(AlertBroadcaster broadcaster, JwtDecoder tokens, MarketPulseProperties properties) {
        this.broadcaster = broadcaster;
        this.tokens = tokens;
        this.every = properties.api().stream().revalidateEvery();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::revalidate, every);
    }

    void revalidate() {
        for (AlertBroadcaster.Subscriber subscriber : broadcaster.signedIn()) {
            try {
                tokens.decode(subscriber.token.getTokenValue());
            } catch (JwtException e) {
                log.info("Closing the live alert stream of user {}: its token is no longer valid", subscriber.userId);
                broadcaster.drop(subscriber);
            } catch (RuntimeException e) {
                log.debug("could not check a stream's token now; checking again in {}", every, e);
            }
        }
    }
}
