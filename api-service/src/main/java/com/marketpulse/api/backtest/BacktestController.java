package com.marketpulse.api.backtest;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.api.contract.Backtest;
import com.marketpulse.api.contract.BacktestArchiveRequest;
import com.marketpulse.api.contract.BacktestComparison;
import com.marketpulse.api.contract.BacktestReport;
import com.marketpulse.api.security.CurrentUser;
import com.marketpulse.api.web.ApiException;

@RestController
@Tag(name = "Backtests", description = "What MarketPulse would have told: replay a file or an archived period "
        + "through the real pipeline under its own run id, with optional detector settings, and read its report")
@SecurityRequirement(name = "bearer")
class BacktestController {

    static final String CSV = "text/csv";

    private final BacktestService service;
    private final BacktestRepository jobs;
    private final BacktestReports reports;
    private final ProgressStreams streams;

    BacktestController(BacktestService service, BacktestRepository jobs, BacktestReports reports,
                       ProgressStreams streams) {
        this.service = service;
        this.jobs = jobs;
        this.reports = reports;
        this.streams = streams;
    }

    @PostMapping(path = "/api/backtests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Start a backtest of an uploaded file",
            description = "The file is streamed to disk (up to marketpulse.api.backtests.max-upload-size, 250 MB by "
                    + "default) and checked before the run starts: 413 when too large, 422 for an unknown format, an "
                    + "empty file or one without a readable row, 400 for a bad field, 429 when the account already "
                    + "has its maximum of backtests running, 409 when its storage quota would be exceeded. "
                    + "Example: `curl -H 'Authorization: Bearer …' -F file=@DOTUSDT-1m-2024-11.csv.gz "
                    + "-F symbol=DOT/USD -F minMove5m=0.05 http://localhost:8000/api/backtests`.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = UploadForm.class))))
    @ApiResponse(responseCode = "201", description = "started")
    ResponseEntity<Backtest> startUpload(@AuthenticationPrincipal Jwt token,
                                    @Parameter(hidden = true) MultipartHttpServletRequest request) {
        CurrentUser user = CurrentUser.of(token);
        // before a byte of the file is read: its declared size and the account's limits
        service.admit(user, request.getContentLengthLong());
        Backtest started = service.startUpload(user, request.getFile("file"), request.getParameter("name"),
                request.getParameter("format"), request.getParameter("symbol"),
                Overriding.fromFields(request::getParameter));
        return created(started);
    }

    @PostMapping(path = "/api/backtests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start a backtest of an archived period",
            description = "Replays the archive's trades, quotes and source bars of the symbols in [from, to). 400 for "
                    + "unknown symbols or a range that is empty, reversed or longer than "
                    + "marketpulse.api.backtests.max-archive-range (31 days), 422 when the archive holds no data "
                    + "there, 429 when the account already has its maximum of backtests running.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = BacktestArchiveRequest.class),
                    examples = @ExampleObject(name = "moves of 5 % or more", value = """
                            {"archive": {"symbols": ["BTC/USD"], "from": "2026-11-24T00:00:00Z",
                             "to": "2026-11-25T00:00:00Z"},
                             "overrides": {"minMove1m": 0.05, "minMove5m": 0.05, "minMove15m": 0.05},
                             "name": "BTC, moves >= 5 %"}"""))))
    @ApiResponse(responseCode = "201", description = "started")
    ResponseEntity<Backtest> startArchive(@AuthenticationPrincipal Jwt token,
                                     @org.springframework.web.bind.annotation.RequestBody BacktestArchiveRequest body) {
        return created(service.startArchive(CurrentUser.of(token), body));
    }

    @GetMapping("/api/backtests")
    @Operation(summary = "My backtests, newest first")
    List<Backtest> listBacktests(@AuthenticationPrincipal Jwt token) {
        return jobs.listOf(CurrentUser.of(token).id()).stream().map(BacktestRepository.Job::view).toList();
    }

    @GetMapping("/api/backtests/{id}")
    @Operation(summary = "One backtest: state and progress",
            description = "States: QUEUED, RUNNING (rows read / published / bad with the first bad rows' line "
                    + "numbers, event time reached, rows/s, ETA), DRAINING (every row is in Kafka, the pipeline is "
                    + "still judging them), DONE, FAILED, CANCELLED. Another account's run is 404.")
    Backtest backtest(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return job(token, id).view();
    }

    @GetMapping(path = "/api/backtests/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Progress of one backtest as Server-Sent Events",
            description = "An event named 'progress' with the backtest as JSON whenever it changes; the stream ends "
                    + "once the run is DONE, FAILED or CANCELLED (or deleted).")
    SseEmitter backtestEvents(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        BacktestRepository.Job job = job(token, id);
        return streams.open(job.id(), job.ownerId());
    }

    @PostMapping("/api/backtests/{id}/cancel")
    @Operation(summary = "Cancel a queued or running backtest", description = "Its results so far stay readable.")
    Backtest cancelBacktest(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return service.cancel(CurrentUser.of(token), job(token, id));
    }

    @DeleteMapping("/api/backtests/{id}")
    @Operation(summary = "Delete a backtest",
            description = "Cancels it if it runs, deletes its upload (freeing the quota) and its report: the run's "
                    + "alerts and bars can no longer be read through the API.")
    @ApiResponse(responseCode = "204", description = "deleted")
    ResponseEntity<Void> deleteBacktest(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        service.delete(job(token, id), CurrentUser.of(token).username());
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/backtests/{id}/alerts", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @Operation(summary = "The alerts a backtest raised, in event-time order",
            description = "JSON by default; ?format=csv downloads them as CSV.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @io.swagger.v3.oas.annotations.media.ArraySchema(
                            schema = @Schema(implementation = AlertDto.class))),
            @Content(mediaType = CSV, schema = @Schema(type = "string", example = "id,symbol,type,direction,severity,"
                    + "level,event_time,end_time,price,score,explanation"))})
    ResponseEntity<?> backtestAlerts(@AuthenticationPrincipal Jwt token, @PathVariable String id,
                             @Parameter(description = "json (default) or csv") @RequestParam(required = false)
                             String format) {
        BacktestRepository.Job job = job(token, id);
        List<AlertDto> alerts = reports.alerts(job);
        return csv(format) ? download(job, "alerts", Csv.alerts(alerts)) : ResponseEntity.ok(alerts);
    }

    @GetMapping(path = "/api/backtests/{id}/report", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @Operation(summary = "The report of a backtest",
            description = "Alerts per type and per day, each symbol's chart with the alerts as markers and, where the "
                    + "input carried labels, precision, recall and median delay per type by ./evaluate.sh's matching "
                    + "rule, and the missed events. ?format=csv downloads the per-type table.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = BacktestReport.class)),
            @Content(mediaType = CSV, schema = @Schema(type = "string",
                    example = "type,alerts,caused,precision,labels,found,recall,median_delay_s"))})
    ResponseEntity<?> backtestReport(@AuthenticationPrincipal Jwt token, @PathVariable String id,
                             @Parameter(description = "json (default) or csv") @RequestParam(required = false)
                             String format) {
        BacktestRepository.Job job = job(token, id);
        BacktestReport report = reports.report(job);
        return csv(format) ? download(job, "report", Csv.report(report)) : ResponseEntity.ok(report);
    }

    @GetMapping("/api/backtests/compare")
    @Operation(summary = "Two backtests side by side",
            description = "Counts and scores of each and the alerts only one of them raised (matched by symbol, type "
                    + "and overlapping time).")
    BacktestComparison compareBacktests(@AuthenticationPrincipal Jwt token,
                               @Parameter(description = "a backtest id") @RequestParam String a,
                               @Parameter(description = "another backtest id") @RequestParam String b) {
        return reports.compare(job(token, a), job(token, b));
    }

    private BacktestRepository.Job job(Jwt token, String id) {
        return jobs.find(id, CurrentUser.of(token).id()).orElseThrow(() -> ApiException.notFound(
                "No backtest with id " + ApiException.shown(id) + "."));
    }

    private static boolean csv(String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            return false;
        }
        if (format.equalsIgnoreCase("csv")) {
            return true;
        }
        throw ApiException.badRequest("Parameter 'format' must be json or csv, got " + ApiException.shown(format)
                + ".");
    }

    private static ResponseEntity<String> download(BacktestRepository.Job job, String what, String body) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"backtest-" + job.id() + "-" + what
                        + ".csv\"")
                .body(body);
    }

    private static ResponseEntity<Backtest> created(Backtest started) {
        return ResponseEntity.created(URI.create("/api/backtests/" + started.id())).body(started);
    }
}
