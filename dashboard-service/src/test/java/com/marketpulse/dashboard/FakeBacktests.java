package com.marketpulse.dashboard;

import static com.marketpulse.dashboard.FakeApi.json;
import static com.marketpulse.dashboard.FakeApi.problem;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.api.contract.Backtest;
import com.marketpulse.api.contract.BacktestComparison;
import com.marketpulse.api.contract.BacktestReport;
import com.marketpulse.api.contract.BacktestState;
import com.marketpulse.api.contract.BarDto;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.BacktestCommand;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.MultipartReader;
import okio.Buffer;

/**
 * api-service's backtest jobs as the dashboard sees them: an upload of 1-minute candles (Binance klines, gzipped or
 * not) becomes a run that reports progress over {@link #duration(Duration)} of wall time (rows read, event time
 * reached, rate, time left), then its report: the candles as a 1-minute chart, and as "alerts" the two largest
 * 5-minute moves (those of at least {@code minMove5m} when that is overridden). An empty file or one without a
 * readable row is refused with 422 problem+json, as the API refuses it.
 */
public final class FakeBacktests {

    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("/api/backtests/([^/]+)(/[a-z]+)?");

    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private volatile Duration duration = Duration.ofSeconds(6);

    private static final class Run {
        final String id = UUID.randomUUID().toString();
        final String owner;
        final String name;
        final String input;
        final BacktestCommand.Overrides overrides;
        final String symbol;
        final List<BarDto> bars;
        final long bytes;
        final Instant created = Instant.now();
        volatile @Nullable Instant cancelled;

        Run(String owner, String name, String input, BacktestCommand.Overrides overrides, String symbol,
            List<BarDto> bars, long bytes) {
            this.owner = owner;
            this.name = name;
            this.input = input;
            this.overrides = overrides;
            this.symbol = symbol;
            this.bars = bars;
            this.bytes = bytes;
        }
    }

    /** How long a run takes to read its rows (then a second of detection before it is done). */
    public void duration(Duration duration) {
        this.duration = duration;
    }

    /** How many runs this user has (deleted ones gone). */
    public long count(String owner) {
        return runs.values().stream().filter(run -> run.owner.equals(owner)).count();
    }

    FakeApi.Answer answer(String method, String path, @Nullable String user, RecordedRequest request) {
        if (user == null) {
            return problem(401, "Not logged in");
        }
        if (path.equals("/api/backtests")) {
            return switch (method) {
                case "GET" -> json(200, runs.values().stream().filter(run -> run.owner.equals(user))
                        .sorted(Comparator.comparing((Run run) -> run.created).reversed()).map(this::view)
                        .toList());
                case "POST" -> String.valueOf(request.getHeaders().get("Content-Type")).startsWith("multipart/")
                        ? upload(user, request)
                        : problem(422, "The archive holds no trades, quotes or bars of these symbols in that range.");
                default -> problem(405, "Method not allowed");
            };
        }
        if (path.equals("/api/backtests/compare") && method.equals("GET")) {
            Run a = runs.get(String.valueOf(request.getUrl().queryParameter("a")));
            Run b = runs.get(String.valueOf(request.getUrl().queryParameter("b")));
            return a == null || b == null || !a.owner.equals(user) || !b.owner.equals(user)
                    ? problem(404, "No such backtest") : json(200, compare(a, b));
        }
        Matcher matcher = ID.matcher(path);
        Run run = matcher.matches() ? runs.get(matcher.group(1)) : null;
        if (run == null || !run.owner.equals(user)) {
            return problem(404, "No such backtest");
        }
        boolean csv = "csv".equals(request.getUrl().queryParameter("format"));
        return switch (method + " " + (matcher.group(2) == null ? "" : matcher.group(2))) {
            case "GET " -> json(200, view(run));
            case "POST /cancel" -> {
                if (state(run).active()) {
                    run.cancelled = Instant.now();
                }
                yield json(200, view(run));
            }
            case "DELETE " -> {
                runs.remove(run.id);
                yield new FakeApi.Answer(204, "", new MockResponse.Builder().code(204).build());
            }
            case "GET /alerts" -> csv ? csv("id,symbol,type,direction,event_time\n" + String.join("\n",
                    alerts(run).stream().map(a -> a.id() + "," + a.symbol() + "," + a.type() + "," + a.direction()
                            + "," + a.eventTime()).toList()) + "\n") : json(200, alerts(run));
            case "GET /report" -> csv ? csv("type,alerts\n" + String.join("\n", report(run).countsByType().entrySet()
                    .stream().map(e -> e.getKey() + "," + e.getValue()).toList()) + "\n") : json(200, report(run));
            default -> problem(404, "No such endpoint: " + method + " " + path);
        };
    }

    private static FakeApi.Answer csv(String text) {
        return new FakeApi.Answer(200, "", new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "text/csv").body(text).build());
    }

    private FakeApi.Answer upload(String user, RecordedRequest request) {
        Map<String, String> fields = new HashMap<>();
        byte[] file = null;
        String fileName = "upload";
        String type = String.valueOf(request.getHeaders().get("Content-Type"));
        String boundary = type.substring(type.indexOf("boundary=") + "boundary=".length()).replace("\"", "");
        try (var reader = new MultipartReader(new Buffer().write(request.getBody()), boundary)) {
            for (var part = reader.nextPart(); part != null; part = reader.nextPart()) {
                String disposition = String.valueOf(part.headers().get("Content-Disposition"));
                Matcher name = NAME.matcher(disposition);
                Matcher fileNameMatcher = FILE_NAME.matcher(disposition);
                if (!name.find()) {
                    return problem(400, "A part without a name");
                }
                if (name.group(1).equals("file")) {
                    file = part.body().readByteArray();
                    fileName = fileNameMatcher.find() ? fileNameMatcher.group(1) : fileName;
                } else {
                    fields.put(name.group(1), part.body().readUtf8());
                }
            }
        } catch (IOException e) {
            return problem(400, "Not a multipart form: " + e.getMessage());
        }
        if (file == null) {
            return problem(400, "Field 'file' is required: the trades or candle file to replay.");
        }
        if (file.length == 0) {
            return problem(422, "The file " + fileName + " is empty.");
        }
        String symbol = fields.getOrDefault("symbol", "DOT/USD");
        List<BarDto> bars = candles(file);
        if (bars.isEmpty()) {
            return problem(422, "The file " + fileName + " has no readable row.");
        }
        var overrides = new BacktestCommand.Overrides(number(fields, "moveSigmas"), number(fields, "volumeMultiple"),
                number(fields, "volatilityMultiple"), fields.containsKey("cooldown")
                        ? Duration.ofMinutes(Long.parseLong(fields.get("cooldown").replace("m", ""))) : null,
                number(fields, "minMove1m"), number(fields, "minMove5m"), number(fields, "minMove15m"),
                number(fields, "minNotional5m"), number(fields, "minVolatility10m"));
        String name = fields.getOrDefault("name", fileName);
        var run = new Run(user, name, "upload " + fileName + " (candles as " + symbol + ")", overrides, symbol, bars,
                file.length);
        runs.put(run.id, run);
        return json(201, view(run));
    }

    private static @Nullable Double number(Map<String, String> fields, String name) {
        return fields.containsKey(name) ? Double.valueOf(fields.get(name)) : null;
    }

    private static List<BarDto> candles(byte[] file) {
        var bars = new ArrayList<BarDto>();
        try (InputStream in = file.length > 2 && (file[0] & 0xff) == 0x1f && (file[1] & 0xff) == 0x8b
                ? new GZIPInputStream(new ByteArrayInputStream(file)) : new ByteArrayInputStream(file);
             var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] cells = line.split(",");
                if (cells.length < 6 || !Character.isDigit(cells[0].charAt(0))) {
                    continue;
                }
                var start = Instant.ofEpochMilli(Long.parseLong(cells[0]));
                bars.add(new BarDto(start, start.plusSeconds(60), Double.parseDouble(cells[1]),
                        Double.parseDouble(cells[2]), Double.parseDouble(cells[3]), Double.parseDouble(cells[4]),
                        Double.parseDouble(cells[5]), 1));
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return bars;
    }

    private double done(Run run) {
        Instant end = run.cancelled == null ? Instant.now() : run.cancelled;
        return Math.min(1.0, (double) Duration.between(run.created, end).toMillis() / duration.toMillis());
    }

    private BacktestState state(Run run) {
        if (run.cancelled != null) {
            return BacktestState.CANCELLED;
        }
        long elapsed = Duration.between(run.created, Instant.now()).toMillis();
        return elapsed < duration.toMillis() ? BacktestState.RUNNING
                : elapsed < duration.toMillis() + 1000 ? BacktestState.DRAINING : BacktestState.DONE;
    }

    private Backtest view(Run run) {
        BacktestState state = state(run);
        int total = run.bars.size();
        long read = Math.max(1, Math.round(total * done(run)));
        double rate = total / (duration.toMillis() / 1000.0);
        Long eta = state == BacktestState.RUNNING ? Math.round((total - read) / rate) : null;
        Instant finished = state.active() ? null : run.cancelled != null ? run.cancelled
                : run.created.plus(duration).plusSeconds(1);
        return new Backtest(run.id, run.name, state, run.input, run.overrides, read, read, 0, 0, List.of(),
                run.bars.getFirst().start(), run.bars.get((int) read - 1).start(), state.active() ? rate : 0, eta,
                Math.round(run.bytes * (double) read / total), run.bytes, run.bytes,
                run.cancelled != null ? "cancelled by its owner" : null, run.created, finished);
    }

    /** The two largest 5-minute moves, ten minutes apart at least; only those of minMove5m or more when set. */
    private static List<AlertDto> alerts(Run run) {
        record Move(int at, double change) {
        }
        var moves = new ArrayList<Move>();
        for (int i = 5; i < run.bars.size(); i++) {
            moves.add(new Move(i, run.bars.get(i).close() / run.bars.get(i - 5).close() - 1));
        }
        moves.sort(Comparator.comparingDouble((Move m) -> -Math.abs(m.change())));
        var chosen = new ArrayList<Move>();
        for (Move move : moves) {
            if (chosen.size() < 2 && chosen.stream().allMatch(c -> Math.abs(c.at() - move.at()) >= 10)
                    && (run.overrides.minMove5m() == null || Math.abs(move.change()) >= run.overrides.minMove5m())) {
                chosen.add(move);
            }
        }
        chosen.sort(Comparator.comparingInt(Move::at));
        return chosen.stream().map(move -> {
            BarDto bar = run.bars.get(move.at());
            var direction = move.change() < 0 ? Direction.DOWN : Direction.UP;
            String text = String.format(java.util.Locale.ROOT, "%s %+.1f %% in 5 min", run.symbol, move.change() * 100);
            return new AlertDto("bt-" + run.id.substring(0, 8) + "-" + move.at(), run.symbol, AlertType.PRICE_SPIKE,
                    direction, 80, SeverityLevel.HIGH, bar.start(), bar.end(), bar.close(), 0.8, "iforest-test", text,
                    bar.end());
        }).toList();
    }

    private BacktestReport report(Run run) {
        List<AlertDto> alerts = alerts(run);
        var perDay = new TreeMap<java.time.LocalDate, List<AlertDto>>();
        alerts.forEach(a -> perDay.computeIfAbsent(a.eventTime().atZone(ZoneOffset.UTC).toLocalDate(),
                day -> new ArrayList<>()).add(a));
        var markers = alerts.stream().map(a -> new BacktestReport.Marker(a.eventTime(), a.id(), a.type(),
                a.direction(), a.severity(), a.explanation())).toList();
        return new BacktestReport(view(run), alerts.size(), counts(alerts),
                perDay.entrySet().stream().map(e -> new BacktestReport.DayCount(e.getKey(), e.getValue().size(),
                        counts(e.getValue()))).toList(),
                List.of(new BacktestReport.Chart(run.symbol, "1m", run.bars, markers)), false, List.of(), null,
                List.of());
    }

    private static Map<AlertType, Long> counts(List<AlertDto> alerts) {
        var counts = new EnumMap<AlertType, Long>(AlertType.class);
        for (AlertType type : AlertType.values()) {
            counts.put(type, alerts.stream().filter(a -> a.type() == type).count());
        }
        return counts;
    }

    private BacktestComparison compare(Run a, Run b) {
        List<AlertDto> inA = alerts(a);
        List<AlertDto> inB = alerts(b);
        var ids = inB.stream().map(AlertDto::eventTime).toList();
        long both = inA.stream().filter(alert -> ids.contains(alert.eventTime())).count();
        return new BacktestComparison(side(a, inA, inB), side(b, inB, inA), both);
    }

    private BacktestComparison.Side side(Run run, List<AlertDto> here, List<AlertDto> other) {
        var times = other.stream().map(AlertDto::eventTime).toList();
        return new BacktestComparison.Side(view(run), here.size(), counts(here), List.of(), null,
                here.stream().filter(alert -> !times.contains(alert.eventTime())).toList());
    }
}
