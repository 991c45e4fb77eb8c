package com.marketpulse.api.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.contract.StatusReport;
import com.marketpulse.api.market.BarRepository;
import com.marketpulse.api.market.SymbolCatalog;

/**
 * Puts the status report together: service probes, database, Kafka lag and data freshness, concurrently and each
 * within a deadline, so a database or broker that hangs shows as DOWN instead of holding the report. One report
 * serves every caller for {@code marketpulse.api.status.cache-ttl}; anonymous callers get it without internals.
 */
@Service
class StatusService {

    private static final Logger log = LoggerFactory.getLogger(StatusService.class);

    private final Map<String, String> services;
    private final ServiceProbe probe;
    private final StatusRepository repository;
    private final BarRepository bars;
    private final SymbolCatalog catalog;
    private final KafkaLag kafkaLag;
    private final Clock clock;
    private final Duration deadline;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final SharedComputation<StatusReport> cached;

    StatusService(MarketPulseProperties properties, ServiceProbe probe, StatusRepository repository,
                  BarRepository bars, SymbolCatalog catalog, KafkaLag kafkaLag, Clock clock) {
        MarketPulseProperties.Status settings = properties.api().status();
        this.services = ServiceInstances.each(settings.services() == null ? Map.of() : settings.services());
        this.probe = probe;
        this.repository = repository;
        this.bars = bars;
        this.catalog = catalog;
        this.kafkaLag = kafkaLag;
        this.clock = clock;
        // Kafka's admin calls take up to 2 s each; a probe its timeout
        this.deadline = settings.timeout().plusSeconds(3);
        this.cached = new SharedComputation<>(this::check, settings.cacheTtl(), clock);
    }

    /** The current report, whole for a signed-in caller, without internal URLs and consumer groups otherwise. */
    StatusReport report(boolean signedIn) {
        StatusReport report = cached.get();
        return signedIn ? report : withoutInternals(report);
    }

    /** What anyone may see: up or down per stage, the data's freshness; not where the services run nor how many. */
    static StatusReport withoutInternals(StatusReport report) {
        List<StatusReport.Stage> stages = report.stages().stream()
                .map(stage -> new StatusReport.Stage(stage.name(), stage.status(), null))
                .toList();
        return new StatusReport(report.status(), report.checkedAt(), stages, report.symbols(), report.modelVersion(),
                report.alertsLastHour(), List.of(), List.of());
    }

    private record DatabaseReading(List<StatusReport.SymbolFreshness> symbols, String modelVersion, long lastHour) {
    }

    private StatusReport check() {
        Instant now = clock.instant();
        Instant giveUp = now.plus(deadline);
        List<Map.Entry<String, Future<StatusReport.Stage>>> probes = services.entrySet().stream()
                .map(service -> Map.entry(service.getKey(),
                        pool.submit(() -> probe.probe(service.getKey(), service.getValue()))))
                .toList();
        Future<KafkaLag.Reading> kafka = pool.submit(kafkaLag::read);
        Future<DatabaseReading> database = pool.submit(() -> readDatabase(now));

        List<StatusReport.Stage> stages = new ArrayList<>();
        stages.add(new StatusReport.Stage("api-service", "UP", null));
        for (Map.Entry<String, Future<StatusReport.Stage>> each : probes) {
            stages.add(within(each.getValue(), giveUp).orElse(silent(each.getKey())));
        }
        Optional<KafkaLag.Reading> lag = within(kafka, giveUp);
        stages.add(lag.map(KafkaLag.Reading::stage).orElse(silent("kafka")));
        Optional<DatabaseReading> stored = within(database, giveUp);
        stages.add(stored.isPresent() ? new StatusReport.Stage("postgresql", "UP", null)
                : new StatusReport.Stage("postgresql", "DOWN", "the database is not readable"));
        String overall = stages.stream().allMatch(s -> s.status().equals("UP")) ? "UP" : "DEGRADED";
        return new StatusReport(overall, now, stages,
                stored.map(DatabaseReading::symbols).orElse(List.of()),
                stored.map(DatabaseReading::modelVersion).orElse(null),
                stored.map(DatabaseReading::lastHour).orElse(0L),
                lag.map(KafkaLag.Reading::lags).orElse(List.of()),
                lag.map(KafkaLag.Reading::owners).orElse(List.of()));
    }

    private StatusReport.Stage silent(String name) {
        return new StatusReport.Stage(name, "DOWN", "no answer within " + deadline.toSeconds() + " s");
    }

    /** The task's result, or empty when it failed or is not done by {@code giveUp} (it is then cancelled). */
    private <T> Optional<T> within(Future<T> task, Instant giveUp) {
        long waitMs = Math.max(0, Duration.between(clock.instant(), giveUp).toMillis());
        try {
            return Optional.ofNullable(task.get(waitMs, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            task.cancel(true);
            return Optional.empty();
        } catch (ExecutionException e) {
            log.warn("status: a check failed: {}", e.getCause().toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            return Optional.empty();
        }
    }

    private DatabaseReading readDatabase(Instant now) {
        List<StatusReport.SymbolFreshness> symbols = catalog.all().stream().map(symbol -> freshness(symbol, now))
                .toList();
        return new DatabaseReading(symbols, modelInUse(),
                repository.alertsDetectedSince(now.minus(Duration.ofHours(1))));
    }

    /** The newest stored model is the one in use; before one is stored, the bootstrap model the alerts name. */
    private String modelInUse() {
        try {
            Optional<String> stored = repository.newestStoredModel();
            if (stored.isPresent()) {
                return stored.get();
            }
        } catch (DataAccessException e) {
            log.debug("detection.models not readable", e);
        }
        return repository.modelOfLatestAlert().orElse(null);
    }

    private StatusReport.SymbolFreshness freshness(String symbol, Instant now) {
        Optional<Instant> lastBar = bars.latestBarEnd(symbol);
        Optional<Instant> lastAlert = repository.latestAlertEnd(symbol);
        Long age = Stream.of(lastBar, lastAlert).flatMap(Optional::stream).max(Instant::compareTo)
                .map(latest -> Math.max(0, Duration.between(latest, now).toSeconds()))
                .orElse(null);
        return new StatusReport.SymbolFreshness(symbol, lastBar.orElse(null), lastAlert.orElse(null), age);
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }
}
