package com.marketpulse.api.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.contract.StatusReport;
import com.marketpulse.api.market.BarRepository;
import com.marketpulse.api.market.SymbolCatalog;

/** Puts the status report together: service probes, database, Kafka lag and data freshness, concurrently. */
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

    StatusService(MarketPulseProperties properties, ServiceProbe probe, StatusRepository repository,
                  BarRepository bars, SymbolCatalog catalog, KafkaLag kafkaLag, Clock clock) {
        this.services = properties.api().status().services() == null ? Map.of() : properties.api().status().services();
        this.probe = probe;
        this.repository = repository;
        this.bars = bars;
        this.catalog = catalog;
        this.kafkaLag = kafkaLag;
        this.clock = clock;
    }

    StatusReport report() {
        Instant now = clock.instant();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<StatusReport.Stage>> probes = services.entrySet().stream()
                    .map(service -> pool.submit(() -> probe.probe(service.getKey(), service.getValue())))
                    .toList();
            Future<KafkaLag.Reading> kafka = pool.submit(kafkaLag::read);

            List<StatusReport.Stage> stages = new ArrayList<>();
            stages.add(new StatusReport.Stage("api-service", "UP", null));
            for (Future<StatusReport.Stage> stage : probes) {
                stages.add(stage.get());
            }
            KafkaLag.Reading lag = kafka.get();
            stages.add(lag.stage());

            List<StatusReport.SymbolFreshness> symbols;
            String modelVersion;
            long lastHour;
            try {
                symbols = catalog.all().stream().map(symbol -> freshness(symbol, now)).toList();
                modelVersion = modelInUse();
                lastHour = repository.alertsDetectedSince(now.minus(Duration.ofHours(1)));
                stages.add(new StatusReport.Stage("postgresql", "UP", null));
            } catch (RuntimeException e) {
                log.warn("status: database not readable: {}", e.getMessage());
                symbols = List.of();
                modelVersion = null;
                lastHour = 0;
                stages.add(new StatusReport.Stage("postgresql", "DOWN", "the database is not readable"));
            }
            String overall = stages.stream().allMatch(s -> s.status().equals("UP")) ? "UP" : "DEGRADED";
            return new StatusReport(overall, now, stages, symbols, modelVersion, lastHour, lag.lags());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("status check failed", e);
        }
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
}
