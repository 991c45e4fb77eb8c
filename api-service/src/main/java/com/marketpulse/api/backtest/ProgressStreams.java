package com.marketpulse.api.backtest;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.contract.Backtest;
import com.marketpulse.api.web.ApiException;

/**
 * {@code GET /api/backtests/{id}/events}: the job as an SSE event named {@code progress} whenever it changed (looked
 * up every {@code progress-every} in the shared job table, so any instance serves any job), until it is finished or
 * deleted; then the stream ends. A few streams per account at once.
 */
@Component
class ProgressStreams {

    static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(ProgressStreams.class);

    private final BacktestRepository jobs;
    private final Duration every;
    private final int maxPerUser;
    private final Map<Long, AtomicInteger> open = new ConcurrentHashMap<>();

    ProgressStreams(BacktestRepository jobs, MarketPulseProperties properties) {
        this.jobs = jobs;
        this.every = properties.api().backtests().progressEvery();
        this.maxPerUser = properties.api().backtests().maxStreamsPerUser();
    }

    SseEmitter open(String id, long ownerId) {
        AtomicInteger count = open.computeIfAbsent(ownerId, k -> new AtomicInteger());
        if (count.incrementAndGet() > maxPerUser) {
            count.decrementAndGet();
            throw ApiException.refused(HttpStatus.TOO_MANY_REQUESTS, "backtest-streams", "Too many progress "
                    + "streams open for this account (at most " + maxPerUser + ").", Duration.ofSeconds(10));
        }
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Thread.ofVirtual().name("backtest-progress-" + id).start(() -> {
            try {
                follow(emitter, id, ownerId);
            } finally {
                count.decrementAndGet();
            }
        });
        return emitter;
    }

    private void follow(SseEmitter emitter, String id, long ownerId) {
        long until = System.nanoTime() + TIMEOUT.toNanos();
        Backtest last = null;
        try {
            while (System.nanoTime() < until) {
                Optional<BacktestRepository.Job> job = jobs.find(id, ownerId);
                if (job.isEmpty()) {
                    break;
                }
                Backtest now = job.get().view();
                if (!now.equals(last)) {
                    emitter.send(SseEmitter.event().name("progress").id(id).data(now, MediaType.APPLICATION_JSON));
                    last = now;
                }
                if (!now.state().active()) {
                    break;
                }
                Thread.sleep(every);
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            log.debug("backtest progress stream of {} closed by the client", id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (RuntimeException e) {
            log.warn("backtest progress stream of {} ended: {}", id, e.getMessage());
            emitter.completeWithError(e);
        }
    }
}
