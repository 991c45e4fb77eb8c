package com.marketpulse.delivery.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

import com.marketpulse.delivery.DeliveryProperties;

import tools.jackson.databind.JsonNode;

/**
 * Long-polls the bot's updates on a thread of its own (a poll waits up to the poll timeout, which would hold up a
 * shared scheduler). One instance of a deployment polls at a time ({@link PollerState}'s lease); Telegram's 409
 * (another poller on the same token, or a webhook set) is waited out, never fatal. Each update is handled and its
 * offset stored in one transaction, so a restart neither loses nor replays one; the reply goes out after the commit.
 */
final class TelegramPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);

    /** What one poll came to, and so how long to wait before the next. */
    enum Outcome { POLLED, NOT_OURS, CONFLICT, FAILED }

    private final TelegramBot telegram;
    private final PollerState state;
    private final Linker linker;
    private final TransactionTemplate transaction;
    private final DeliveryProperties.Telegram settings;
    private final MeterRegistry meters;
    private final String owner = "delivery-" + UUID.randomUUID();
    private volatile Thread thread;
    private volatile boolean conflictLogged;

    TelegramPoller(TelegramBot telegram, PollerState state, Linker linker, TransactionTemplate transaction,
                   DeliveryProperties.Telegram settings, MeterRegistry meters) {
        this.telegram = telegram;
        this.state = state;
        this.linker = linker;
        this.transaction = transaction;
        this.settings = settings;
        this.meters = meters;
    }

    /** One getUpdates (if this instance holds the lease) and every update it returned. */
    Outcome pollOnce() throws InterruptedException {
        BotApi bot = telegram.api().orElseThrow();
        Optional<OptionalLong> lease = state.lease(owner, settings.lease().toSeconds());
        if (lease.isEmpty()) {
            return count(Outcome.NOT_OURS);
        }
        OptionalLong offset = lease.get();
        BotApi.Answer answer;
        try {
            answer = bot.getUpdates(offset.isPresent() ? offset.getAsLong() : null, settings.pollTimeout());
        } catch (IOException e) {
            log.warn("Telegram getUpdates failed ({}); polling again in {}", e.getClass().getSimpleName(),
                    settings.backoff());
            return count(Outcome.FAILED);
        }
        if (answer.status() == 409) {
            if (!conflictLogged) {
                log.warn("Telegram refuses getUpdates: {} (another deployment polls this bot, or a webhook is set); "
                        + "trying again every {}", answer.description(), conflictWait());
                conflictLogged = true;
            }
            return count(Outcome.CONFLICT);
        }
        conflictLogged = false;
        if (!answer.ok() || !answer.result().isArray()) {
            log.warn("Telegram getUpdates answered HTTP {}: {}", answer.status(), answer.description());
            return count(Outcome.FAILED);
        }
        for (JsonNode update : answer.result()) {
            if (!handle(update)) {
                break;
            }
        }
        return count(Outcome.POLLED);
    }

    /** Links (or not) and stores the offset past this update; {@code false} when the lease was lost meanwhile. */
    private boolean handle(JsonNode update) {
        if (!update.path("update_id").isIntegralNumber()) {
            log.warn("Telegram update without an update_id skipped");
            meters.counter("marketpulse.delivery.telegram.updates", "outcome", "ignored").increment();
            return true;
        }
        long next = update.get("update_id").asLong() + 1;
        Optional<Linker.Reply> reply = transaction.execute(status -> {
            Optional<Linker.Reply> answer = linker.on(update);
            if (!state.advance(owner, next)) {
                status.setRollbackOnly();
                return null;
            }
            return answer;
        });
        if (reply == null) {
            log.info("Telegram poll lease lost to another instance; it carries on from the stored offset");
            return false;
        }
        reply.ifPresent(this::send);
        return true;
    }

    private void send(Linker.Reply reply) {
        try {
            BotApi.Answer answer = telegram.api().orElseThrow().sendMessage(reply.chatId(), reply.text());
            if (!answer.ok()) {
                log.warn("Telegram reply not sent: HTTP {} {}", answer.status(), answer.description());
            }
        } catch (IOException e) {
            log.warn("Telegram reply not sent ({})", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (thread == Thread.currentThread()) {
            try {
                Duration wait = switch (pollOnce()) {
                    case POLLED -> Duration.ZERO;
                    case NOT_OURS -> settings.lease().dividedBy(4);
                    case CONFLICT -> conflictWait();
                    case FAILED -> settings.backoff();
                };
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database away, a bad answer: nothing is lost (the offset is stored), try again later
                log.warn("Telegram poll failed ({}); polling again in {}", e.toString(), settings.backoff());
                count(Outcome.FAILED);
                try {
                    Thread.sleep(settings.backoff());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private Duration conflictWait() {
        return settings.backoff().multipliedBy(4);
    }

    private Outcome count(Outcome outcome) {
        meters.counter("marketpulse.delivery.telegram.polls", "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .increment();
        return outcome;
    }

    @Override
    public void start() {
        if (telegram.api().isEmpty()) {
            return;
        }
        Thread polling = Thread.ofVirtual().name("telegram-poller").unstarted(this::loop);
        thread = polling; // before it runs: the loop runs while it is the poller's thread
        polling.start();
        log.info("Telegram on: polling the bot's updates at {} (one instance at a time)", settings.baseUrl());
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(settings.pollTimeout().plusSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        state.release(owner);
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
