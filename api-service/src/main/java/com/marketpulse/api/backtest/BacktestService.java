package com.marketpulse.api.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.contract.Backtest;
import com.marketpulse.api.contract.BacktestArchiveRequest;
import com.marketpulse.api.contract.BacktestState;
import com.marketpulse.api.market.SymbolCatalog;
import com.marketpulse.api.security.CurrentUser;
import com.marketpulse.api.web.ApiException;
import com.marketpulse.api.web.TimeParameter;
import com.marketpulse.events.BacktestCommand;
import com.marketpulse.events.Topics;

/**
 * Starts, cancels and deletes backtest jobs: checks the input cheaply and the owner's limits, stores the job and
 * publishes its command on {@code backtest.commands}.
 */
@Service
class BacktestService {

    static final int MAX_NAME = 200;
    private static final Logger log = LoggerFactory.getLogger(BacktestService.class);

    private final BacktestRepository jobs;
    private final BacktestResults results;
    private final UploadStore uploads;
    private final SymbolCatalog symbols;
    private final KafkaTemplate<String, BacktestCommand> commands;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final BacktestLimits limits;
    private final Duration maxArchiveRange;

    BacktestService(BacktestRepository jobs, BacktestResults results, UploadStore uploads, SymbolCatalog symbols,
                    KafkaTemplate<String, BacktestCommand> commands, TransactionTemplate transaction, Clock clock,
                    BacktestLimits limits, MarketPulseProperties properties) {
        this.jobs = jobs;
        this.results = results;
        this.uploads = uploads;
        this.symbols = symbols;
        this.commands = commands;
        this.transaction = transaction;
        this.clock = clock;
        this.limits = limits;
        this.maxArchiveRange = properties.api().backtests().maxArchiveRange();
    }

    /** Before an upload is read: refuses at once what the declared length already shows to be over a limit. */
    void admit(CurrentUser user, long declaredBytes) {
        limits.requireSlot(user.id());
        limits.requireRoom(user.id(), Math.max(0, declaredBytes));
    }

    Backtest startUpload(CurrentUser user, MultipartFile file, String name, String format, String symbol,
                         BacktestCommand.Overrides overrides) {
        if (file == null) {
            throw ApiException.badRequest("Field 'file' is required: the trades or candle file to replay.");
        }
        String kind = format(format);
        String original = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload" : Path.of(file.getOriginalFilename().replace('\\', '/')).getFileName().toString();
        String runId = UUID.randomUUID().toString();
        String stored = runId + suffix(original);
        Path path;
        long size;
        UploadCheck.Checked checked;
        try {
            path = uploads.store(file, stored);
            size = Files.size(path);
            checked = UploadCheck.check(path, original, kind, symbol);
        } catch (UploadCheck.Refused e) {
            uploads.delete(stored);
            throw e.badRequest() ? ApiException.badRequest(e.getMessage())
                    : ApiException.refused(HttpStatus.UNPROCESSABLE_ENTITY, "backtest-input", e.getMessage(), null);
        } catch (IOException e) {
            uploads.delete(stored);
            throw new IllegalStateException("backtest upload could not be stored", e);
        }
        String input = "upload " + original + " (" + checked.description() + ", " + BacktestLimits.human(size)
                + ")";
        var command = BacktestCommand.Input.upload(stored, checked.format(), checked.symbol());
        try {
            return start(user, runId, name(name, original), input, command, overrides, size, stored);
        } catch (RuntimeException e) {
            uploads.delete(stored);
            throw e;
        }
    }

    Backtest startArchive(CurrentUser user, BacktestArchiveRequest request) {
        if (request == null || request.archive() == null) {
            throw ApiException.badRequest("The body must name an 'archive' range: {\"archive\": {\"symbols\": "
                    + "[\"BTC/USD\"], \"from\": \"2026-11-24T00:00:00Z\", \"to\": \"2026-11-25T00:00:00Z\"}}.");
        }
        var archive = request.archive();
        if (archive.symbols() == null || archive.symbols().isEmpty()) {
            throw ApiException.badRequest("'archive.symbols' must name at least one of " + symbols.all() + ".");
        }
        List<String> pairs = symbols.requireAll(archive.symbols());
        if (archive.from() == null || archive.to() == null) {
            throw ApiException.badRequest("'archive.from' and 'archive.to' are both required (ISO-8601 times).");
        }
        if (!TimeParameter.inRange(archive.from()) || !TimeParameter.inRange(archive.to())) {
            throw ApiException.badRequest("'archive.from' and 'archive.to' must lie between " + TimeParameter.EARLIEST
                    + " and " + TimeParameter.LATEST + ".");
        }
        if (!archive.from().isBefore(archive.to())) {
            throw ApiException.badRequest("The range is empty or reversed: 'archive.from' (" + archive.from()
                    + ") must be before 'archive.to' (" + archive.to() + ").");
        }
        Duration span = Duration.between(archive.from(), archive.to());
        if (span.compareTo(maxArchiveRange) > 0) {
            throw ApiException.badRequest("The range is " + span.toDays() + " days long; one run replays at most "
                    + maxArchiveRange.toDays() + " days (marketpulse.api.backtests.max-archive-range).");
        }
        limits.requireSlot(user.id());
        if (!results.liveDataIn(pairs, archive.from(), archive.to())) {
            throw ApiException.refused(HttpStatus.UNPROCESSABLE_ENTITY, "backtest-input", "The archive holds no "
                    + "data of " + pairs + " between " + archive.from() + " and " + archive.to() + ".", null);
        }
        String input = "archive " + String.join(", ", pairs) + " from " + archive.from() + " to " + archive.to();
        return start(user, UUID.randomUUID().toString(), name(request.name(), input), input,
                BacktestCommand.Input.archive(pairs, archive.from(), archive.to()), request.overrides(), 0, null);
    }

    private Backtest start(CurrentUser user, String runId, String name, String input, BacktestCommand.Input command,
                           BacktestCommand.Overrides given, long storedBytes, String uploadFile) {
        BacktestCommand.Overrides overrides = Overriding.check(given);
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            jobs.lockOwner(user.id());
            limits.requireSlot(user.id());
            limits.requireRoom(user.id(), storedBytes);
            jobs.insert(runId, user.id(), name, input, command, overrides, storedBytes, uploadFile, now);
        });
        try {
            commands.send(Topics.BACKTEST_COMMANDS, runId, BacktestCommand.start(runId, user.username(), command,
                    overrides, now)).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unpublished(runId, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unpublished(runId, e);
        }
        log.info("backtest {} of {} started: {}", runId, user.username(), input);
        return jobs.find(runId, user.id()).orElseThrow().view();
    }

    private ApiException unpublished(String runId, Exception e) {
        log.warn("backtest {} could not be started: its command was not acknowledged by Kafka ({})", runId,
                e.getMessage());
        jobs.markDeleted(runId, clock.instant());
        return ApiException.serviceUnavailable("The backtest could not be started: the message broker did not "
                + "acknowledge it. Try again shortly.", Duration.ofSeconds(10));
    }

    /** Stops a queued or running job; its results so far stay readable. */
    Backtest cancel(CurrentUser user, BacktestRepository.Job job) {
        if (job.view().state().active()) {
            publishCancel(user.username(), job.id());
            jobs.finish(job.id(), BacktestState.CANCELLED, null, clock.instant());
        }
        return jobs.find(job.id(), user.id()).orElseThrow().view();
    }

    /**
     * Deletes the job: detection-service is told to stop the run (if it still runs) and to delete its alerts, bars
     * and labels (the API may only read detection's schema); its upload is deleted and the job marked deleted.
     */
    void delete(BacktestRepository.Job job, String owner) {
        send(BacktestCommand.delete(job.id(), owner, clock.instant()), "delete");
        uploads.delete(job.uploadFile());
        jobs.markDeleted(job.id(), clock.instant());
    }

    private void publishCancel(String owner, String runId) {
        send(BacktestCommand.cancel(runId, owner, clock.instant()), "cancel");
    }

    private void send(BacktestCommand command, String what) {
        try {
            commands.send(Topics.BACKTEST_COMMANDS, command.runId(), command).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.serviceUnavailable("The " + what + " could not be sent; try again shortly.",
                    Duration.ofSeconds(10));
        } catch (ExecutionException | TimeoutException e) {
            throw ApiException.serviceUnavailable("The " + what + " could not be sent: the message broker did not "
                    + "acknowledge it. Try again shortly.", Duration.ofSeconds(10));
        }
    }

    private static String format(String format) {
        if (format == null || format.isBlank()) {
            return null;
        }
        String value = format.strip().toLowerCase(Locale.ROOT);
        if (!UploadCheck.FORMATS.contains(value)) {
            throw ApiException.badRequest("Unknown format " + ApiException.shown(format) + ": use one of "
                    + UploadCheck.FORMATS + ", or leave 'format' out to tell by the file.");
        }
        return value;
    }

    private static String name(String given, String fallback) {
        String name = given == null || given.isBlank() ? fallback : given.strip();
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("'name' must be at most " + MAX_NAME + " printable characters.");
        }
        return name;
    }

    /** Keeps what tells the replay how to read the file: {@code .parquet}, {@code .gz}, else {@code .csv}. */
    private static String suffix(String original) {
        String lower = original.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".parquet")) {
            return ".parquet";
        }
        return lower.endsWith(".gz") ? ".csv.gz" : ".csv";
    }
}
