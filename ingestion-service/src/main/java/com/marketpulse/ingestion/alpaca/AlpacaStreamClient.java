package com.marketpulse.ingestion.alpaca;

import com.marketpulse.events.json.EventJson;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Alpaca crypto stream of one venue ({@code ALPACA_LOCATION}): trades, quotes, minute bars and their late
 * corrections ({@code updatedBars}), following the documented flow: greeting, auth message, subscription
 * confirmation, then batched data. Reconnects with exponential back-off and jitter after any drop, detects a
 * silent connection (WebSocket pings plus a data watchdog), re-subscribes, closes the gap from REST (trades, and
 * minute bars, which also seed a symbol's history on first start) and hands every event on exactly once: trades
 * de-duplicated by trade id, quotes by time, bars by symbol and minute (a changed bar goes out as a correction
 * with the same event id).
 *
 * <p>All state lives on one thread ({@code alpaca-stream}): socket callbacks are handed to it, so frames that
 * arrive while a backfill runs simply wait their turn and come out after the backfilled events.
 */
public final class AlpacaStreamClient implements AutoCloseable {

    /** Where the connection stands. */
    public enum State { IDLE, CONNECTING, AUTHENTICATING, SUBSCRIBING, STREAMING, WAITING_TO_RECONNECT, FAILED, CLOSED }

    private static final String SOURCE = "alpaca";
    private static final Duration BAR_LENGTH = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(AlpacaStreamClient.class);

    private final AlpacaSettings settings;
    private final OkHttpClient http;
    private final AlpacaSink sink;
    private final Supplier<Map<String, Instant>> publishedBars;
    private final Supplier<List<KnownTrade>> publishedTrades;
    private final Clock clock;
    private final JsonMapper json = EventJson.mapper();
    private final AlpacaFrameParser parser = new AlpacaFrameParser(json);
    private final GapBackfill gapBackfill;
    private final AlpacaMetrics metrics;
    private final Backoff backoff;
    private final BarBackfill barBackfill;
    private final TradeDeduplicator seen = new TradeDeduplicator(200_000);
    private final QuoteDeduplicator quotes = new QuoteDeduplicator();
    private final BarLedger bars = new BarLedger(3_000);
    private final Set<String> reportedTypes = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor executor = streamThread();

    private volatile State state = State.IDLE;
    private volatile String detail = "not started";
    private volatile Instant lastFrameAt;
    /** When the last streaming connection was last heard from: where a gap starts if no trade was seen yet. */
    private Instant streamedUntil;
    private WebSocket socket;
    /** Which socket is current; callbacks of older sockets are ignored. Read by socket threads, hence volatile. */
    private volatile int generation;
    private Instant connectStartedAt;
    private long malformedFrames;

    /**
     * @param publishedBars the start of the newest minute bar already in Kafka per symbol of this venue (read back
     *                      on start, so a restart neither republishes bars nor leaves a gap); called once, on the
     *                      stream thread
     */
    public AlpacaStreamClient(AlpacaSettings settings, OkHttpClient http, AlpacaSink sink,
                              Supplier<Map<String, Instant>> publishedBars, MeterRegistry registry, Clock clock) {
        this(settings, http, sink, publishedBars, List::of, registry, clock);
    }

    /**
     * @param publishedTrades the trades of this venue already in Kafka (read back on start): the newest per symbol is
     *                        where the gap a crash or restart left starts, and their ids keep the REST backfill from
     *                        publishing one twice; called once, on the stream thread
     */
    public AlpacaStreamClient(AlpacaSettings settings, OkHttpClient http, AlpacaSink sink,
                              Supplier<Map<String, Instant>> publishedBars, Supplier<List<KnownTrade>> publishedTrades,
                              MeterRegistry registry, Clock clock) {
        this.settings = settings;
        this.publishedTrades = publishedTrades;
        this.http = http.newBuilder().pingInterval(settings.pingInterval()).readTimeout(Duration.ZERO).build();
        this.sink = sink;
        this.publishedBars = publishedBars;
        this.clock = clock;
        this.metrics = new AlpacaMetrics(registry);
        SplittableRandom random = new SplittableRandom();
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), random.split());
        AlpacaHistoricalClient history = new AlpacaHistoricalClient(http, settings, json, clock, random.split());
        this.gapBackfill = new GapBackfill(settings, history, metrics, clock);
        this.barBackfill = new BarBackfill(settings, history, metrics, clock);
    }

    private static ScheduledThreadPoolExecutor streamThread() {
        ScheduledThreadPoolExecutor executor =
                new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("alpaca-stream").daemon().factory());
        // on close, a reconnect scheduled for later must not hold the shutdown up
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    public State state() {
        return state;
    }

    /** A human-readable reason for the current state (the error that stopped the source, the reconnect delay…). */
    public String detail() {
        return detail;
    }

    public void start() {
        log.info("Connecting to the Alpaca crypto stream {} (venue {}) for trades, quotes and minute bars of {}",
                settings.streamUrl(), settings.location(), settings.symbols());
        executor.execute(() -> {
            restorePublishedBars();
            restorePublishedTrades();
            connect();
        });
        long tick = Math.max(100, Math.min(1000, settings.silenceTimeout().toMillis() / 4));
        executor.scheduleWithFixedDelay(this::watchdog, tick, tick, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.execute(() -> {
            state = State.CLOSED;
            detail = "closed";
            generation++;
            if (socket != null) {
                socket.close(1000, "shutting down");
            }
        });
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void restorePublishedBars() {
        try {
            Map<String, Instant> restored = publishedBars.get();
            bars.restore(restored);
            if (!restored.isEmpty()) {
                log.info("Minute bars of venue {} already published up to {}; fetching only what came after",
                        settings.location(), restored);
            }
        } catch (RuntimeException e) {
            log.warn("Could not read back the minute bars already published ({}); seeding the last {} again (a bar"
                    + " published twice keeps its event id)", e.toString(), settings.barSeed());
        }
    }

    /**
     * Remembers the trades Kafka already holds, so the first subscription backfills the gap since the newest of them
     * (the downtime of a crash or restart) from REST, each trade once.
     */
    private void restorePublishedTrades() {
        try {
            List<KnownTrade> known = publishedTrades.get();
            known.stream().filter(t -> settings.symbols().contains(t.symbol())).forEach(seen::remember);
            seen.gapStart().ifPresent(since -> log.info("{} trade(s) of venue {} already in Kafka, the newest of the"
                    + " quietest symbol at {}; the gap since then is backfilled from REST", known.size(),
                    settings.location(), since));
        } catch (RuntimeException e) {
            log.warn("Could not read back the trades already published ({}); trades of the downtime are not"
                    + " backfilled", e.toString());
        }
    }

    private void connect() {
        if (state == State.CLOSED || state == State.FAILED) {
            return;
        }
        int current = ++generation;
        state = State.CONNECTING;
        detail = "connecting";
        connectStartedAt = clock.instant();
        socket = http.newWebSocket(new Request.Builder().url(settings.streamUrl()).build(), new Listener(current));
    }

    private void onFrame(String frame) {
        for (AlpacaMessage message : parser.parse(frame)) {
            if (state == State.FAILED || state == State.CLOSED || state == State.WAITING_TO_RECONNECT) {
                return;
            }
            try {
                handle(message, frame);
            } catch (RuntimeException e) {
                metrics.malformed("unhandled");
                log.warn("Skipping an Alpaca message that could not be handled ({}): {}", e.toString(), abbreviate(frame));
            }
        }
    }

    private void handle(AlpacaMessage message, String frame) {
        switch (message) {
            case AlpacaMessage.Connected c -> {
                if (state != State.CONNECTING) {
                    return;
                }
                state = State.AUTHENTICATING;
                socket.send(json.writeValueAsString(Map.of("action", "auth", "key", settings.apiKey(),
                        "secret", settings.secretKey())));
            }
            case AlpacaMessage.Authenticated a -> {
                // History first: the seed or the gap's minute bars are stored in Kafka before any live quote exists,
                // so feature-service (which merges topics in event time) learns the usual levels from them instead
                // of meeting them late, behind the live price. The stream's own bars fill what completes meanwhile.
                fillBars();
                sink.awaitStored();
                // the REST history is no part of the handshake: a slow seed must not look like a dead connection
                // (a reconnect would fetch it again, and again)
                connectStartedAt = clock.instant();
                state = State.SUBSCRIBING;
                Map<String, Object> subscribe = new LinkedHashMap<>();
                subscribe.put("action", "subscribe");
                subscribe.put("trades", settings.symbols());
                // quotes are the live price on a thin venue, and frequent: they also keep the data watchdog meaningful
                subscribe.put("quotes", settings.symbols());
                subscribe.put("bars", settings.symbols());
                subscribe.put("updatedBars", settings.symbols());
                socket.send(json.writeValueAsString(subscribe));
            }
            case AlpacaMessage.Subscribed s -> subscribed(s);
            case AlpacaMessage.Trade trade -> {
                if (isSubscribed(trade.symbol())) {
                    accept(trade, false);
                }
            }
            case AlpacaMessage.Quote quote -> {
                if (isSubscribed(quote.symbol())) {
                    accept(quote);
                }
            }
            case AlpacaMessage.Bar bar -> {
                if (isSubscribed(bar.symbol())) {
                    accept(bar, false);
                }
            }
            case AlpacaMessage.Failure failure -> failure(failure);
            case AlpacaMessage.Ignored ignored -> metrics.ignored(ignored.type());
            case AlpacaMessage.Unknown unknown -> {
                metrics.unknownType();
                if (reportedTypes.add(unknown.type())) {
                    log.warn("Alpaca sent a message of unknown type '{}'; skipping it (reported once)", unknown.type());
                }
            }
            case AlpacaMessage.Malformed malformed -> {
                metrics.malformed(malformed.kind());
                if (malformedFrames++ % 100 == 0) {
                    log.warn("Skipping a malformed Alpaca message ({}; {} so far): {}", malformed.reason(),
                            malformedFrames, abbreviate(frame));
                }
            }
        }
    }

    /**
     * Only the symbols asked for enter the pipeline: anything else is a broken or hostile peer, and each new symbol
     * would open state downstream for good.
     */
    private boolean isSubscribed(String symbol) {
        if (settings.symbols().contains(symbol)) {
            return true;
        }
        metrics.malformed("unsubscribed-symbol");
        return false;
    }

    private void subscribed(AlpacaMessage.Subscribed subscription) {
        if (state != State.SUBSCRIBING) {
            return;
        }
        Map<String, List<String>> channels = new LinkedHashMap<>();
        channels.put("trades", subscription.trades());
        channels.put("quotes", subscription.quotes());
        channels.put("bars", subscription.bars());
        channels.put("updatedBars", subscription.updatedBars());
        channels.forEach((channel, symbols) -> {
            if (!symbols.containsAll(settings.symbols())) {
                log.warn("Alpaca confirmed {} for {} only (asked for {})", channel, symbols, settings.symbols());
            }
        });
        state = State.STREAMING;
        detail = "streaming " + settings.location() + ": trades of " + subscription.trades() + ", quotes of "
                + subscription.quotes() + ", bars of " + subscription.bars();
        log.info("Alpaca stream of venue {} authenticated and subscribed: {}", settings.location(), channels);
        backoff.reset();
        seen.gapStart().or(() -> Optional.ofNullable(streamedUntil)).ifPresent(this::backfill);
        fillBars();
    }

    /** Minute bars from REST: the seed of a symbol with none yet, else those since the newest one published. */
    private void fillBars() {
        try {
            barBackfill.fill(bars, bar -> accept(bar, true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the gap from REST; the stream's frames wait meanwhile and come out after the backfilled trades. */
    private void backfill(Instant since) {
        try {
            gapBackfill.close(since, trade -> accept(trade, true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands a trade on unless it was seen already; a REST-fetched one ({@code fetched}) as a backfill. */
    private boolean accept(AlpacaMessage.Trade trade, boolean fetched) {
        if (!beyondFuture(trade.time()) && !seen.firstTime(trade)) {
            metrics.duplicate();
            return false;
        }
        Tick tick = Tick.live(SOURCE, settings.location(), trade.symbol(), trade.time(), trade.price(), trade.size(),
                Long.toString(trade.id()), trade.takerSide());
        if (fetched) {
            sink.backfilledTrade(tick);
        } else {
            sink.trade(tick);
        }
        return true;
    }

    private void accept(AlpacaMessage.Quote quote) {
        if (!beyondFuture(quote.time()) && !quotes.firstTime(quote)) {
            metrics.staleQuote();
            return;
        }
        sink.quote(quote.toEvent(SOURCE, settings.location()));
    }

    /** Publishes a new bar, or a changed one as a correction under the same event id; skips a repeat. */
    private BarLedger.Verdict accept(AlpacaMessage.Bar bar, boolean fetched) {
        BarLedger.Verdict verdict = beyondFuture(bar.start().plus(BAR_LENGTH)) ? BarLedger.Verdict.NEW
                : bars.offer(bar, fetched);
        switch (verdict) {
            case REPEAT -> metrics.barRepeated();
            case CORRECTION -> metrics.barCorrected();
            case NEW -> {
            }
        }
        if (verdict != BarLedger.Verdict.REPEAT) {
            SourceBar event = new SourceBar(SourceBar.idOf(SOURCE, settings.location(), bar.symbol(), bar.start(), null),
                    bar.symbol(), bar.start(), bar.start().plus(BAR_LENGTH), bar.open(), bar.high(), bar.low(),
                    bar.close(), bar.volume(), bar.trades(), bar.vwap(), verdict == BarLedger.Verdict.CORRECTION,
                    SOURCE, settings.location(), null);
            if (fetched) {
                sink.backfilledBar(event);
            } else {
                sink.bar(event);
            }
        }
        return verdict;
    }

    /**
     * An event further ahead of the wall clock than {@code max-future}: handed on, so the publisher dead-letters it
     * with a counter, but kept out of the de-duplication state, where it would make every real event after it look
     * stale until the wall clock caught up.
     */
    private boolean beyondFuture(Instant time) {
        return time.isAfter(clock.instant().plus(settings.maxFuture()));
    }

    private void failure(AlpacaMessage.Failure failure) {
        metrics.serverError(failure.code());
        String what = failure.code() + " " + failure.message();
        switch (ErrorReaction.to(failure.code(), state == State.SUBSCRIBING)) {
            case STOP -> stop(ErrorReaction.stopReason(failure.code(), failure.message(), settings.symbols()));
            case RECONNECT_AFTER_LIMIT -> reconnect("connection limit exceeded (" + what + "): another session"
                    + " uses the connection", "connection-limit", max(backoff.next(), settings.limitBackoff()));
            case RECONNECT -> reconnect("server error " + what, "error-" + failure.code(), backoff.next());
            case CONTINUE -> log.debug("Alpaca says {}; continuing", what);
            case REPORT -> log.error("Alpaca reported error {}; continuing with the current subscription", what);
        }
    }

    /** Gives up for good: retrying cannot fix this, so no reconnect storm; health shows the reason. */
    private void stop(String reason) {
        state = State.FAILED;
        detail = reason;
        log.error("{}. The Alpaca source is stopped and will not reconnect; fix the configuration and restart.", reason);
        generation++;
        socket.close(1000, "stopping");
    }

    private void disconnected(String reason) {
        if (state == State.FAILED || state == State.CLOSED) {
            return;
        }
        reconnect(reason, "dropped", backoff.next());
    }

    private void reconnect(String reason, String metricReason, Duration delay) {
        if (state == State.STREAMING) {
            streamedUntil = lastFrameAt;
        }
        generation++;
        if (socket != null) {
            socket.cancel();
            socket = null;
        }
        state = State.WAITING_TO_RECONNECT;
        detail = "reconnecting in " + delay.toMillis() + " ms after " + reason;
        metrics.reconnect(metricReason);
        log.warn("Alpaca stream: {}; reconnecting in {} ms (attempt {})", reason, delay.toMillis(), backoff.attempts());
        executor.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void watchdog() {
        try {
            checkLiveness();
        } catch (RuntimeException e) {
            log.error("Alpaca watchdog check failed; it keeps running", e);
        }
    }

    private void checkLiveness() {
        Instant now = clock.instant();
        switch (state) {
            case CONNECTING, AUTHENTICATING, SUBSCRIBING -> {
                if (connectStartedAt != null
                        && Duration.between(connectStartedAt, now).compareTo(settings.handshakeTimeout()) > 0) {
                    reconnect("no confirmation within " + settings.handshakeTimeout().toSeconds() + " s of connecting ("
                            + state + ")", "handshake-timeout", backoff.next());
                }
            }
            case STREAMING -> {
                if (lastFrameAt != null && Duration.between(lastFrameAt, now).compareTo(settings.silenceTimeout()) > 0) {
                    reconnect("no data for " + Duration.between(lastFrameAt, now).toMillis() + " ms",
                            "silent", backoff.next());
                }
            }
            default -> {
            }
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String abbreviate(String frame) {
        return frame.length() <= 200 ? frame : frame.substring(0, 200) + "…";
    }

    /** Hands every socket event to the stream thread, ignoring those of a socket already given up on. */
    private final class Listener extends WebSocketListener {

        private final int owner;

        Listener(int owner) {
            this.owner = owner;
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            alive();
            run(() -> onFrame(text));
        }

        @Override
        public void onMessage(WebSocket webSocket, okio.ByteString bytes) {
            alive();
            run(() -> onFrame(bytes.utf8()));
        }

        /** Liveness is noted on arrival, not when the stream thread gets to the frame (it may be backfilling). */
        private void alive() {
            if (owner == generation) {
                lastFrameAt = clock.instant();
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            run(() -> disconnected("server closed the connection (" + code + " " + reason + ")"));
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            String why = response != null ? "HTTP " + response.code() + " on upgrade" : t.toString();
            run(() -> disconnected("connection failed: " + why));
        }

        private void run(Runnable action) {
            if (executor.isShutdown()) {
                return;
            }
            executor.execute(() -> {
                if (owner == generation) {
                    action.run();
                }
            });
        }
    }
}
