package com.marketpulse.simulator;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.AnomalyLabel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;

/**
 * The market events of one pair ({@link MarketEvent}): those placed by hand, and, when a rate is set, random ones
 * one after another (a Poisson process restarted at each one's end, onsets on whole seconds). An event takes
 * effect when the market {@linkplain #start() starts} it at its onset, which emits its label; the market reads
 * the effects at any later instant: the log-price offset of the moves (linear in time over each move's duration,
 * then held), and the volume and volatility multiples in force. Instants passed in never go back.
 */
final class EventTrack {

    private static final AlertType[] KINDS = AlertType.values();

    private final String symbol;
    private final String runTag;
    private final SimulatorOptions.MarketEvents options;
    private final RandomGenerator random;
    private final PriorityQueue<Placed> placed = new PriorityQueue<>(
            Comparator.comparing((Placed p) -> p.event().onset()).thenComparingLong(Placed::order));
    private final List<MarketEvent> active = new ArrayList<>();
    private MarketEvent nextRandom;
    private double heldLogOffset;
    private long placedCount;
    private long labels;

    /**
     * @param options    market-event settings, or {@code null} when this pair gets no random events
     * @param quietUntil no random event starts before this
     * @param firstMove  whether a random price move starts exactly at {@code quietUntil}
     */
    EventTrack(String symbol, String runTag, SimulatorOptions.MarketEvents options, RandomGenerator random,
               Instant quietUntil, boolean firstMove) {
        this.symbol = symbol;
        this.runTag = runTag;
        this.options = options;
        this.random = random;
        if (options != null && firstMove) {
            nextRandom = draw(AlertType.PRICE_SPIKE, quietUntil);
        } else {
            scheduleRandomAfter(quietUntil);
        }
    }

    /** A track with no random events, for markets whose anomalies are classic. */
    static EventTrack placedOnly(String symbol, String runTag, RandomGenerator random) {
        return new EventTrack(symbol, runTag, null, random, Instant.MIN, false);
    }

    void schedule(MarketEvent event) {
        placed.add(new Placed(event, placedCount++));
    }

    /** The onset of the next event to start, {@link Instant#MAX} when none is due. */
    Instant nextOnset() {
        Instant next = nextRandom == null ? Instant.MAX : nextRandom.onset();
        Placed first = placed.peek();
        return first != null && !first.event().onset().isAfter(next) ? first.event().onset() : next;
    }

    /** The earliest end of an event in force, {@link Instant#MAX} when none is. */
    Instant nextEnd() {
        Instant end = Instant.MAX;
        for (MarketEvent event : active) {
            if (event.end().isBefore(end)) {
                end = event.end();
            }
        }
        return end;
    }

    /** Starts the event due at {@link #nextOnset()} and returns its label (start: the onset; end: the event's end). */
    AnomalyLabel start() {
        MarketEvent event;
        Placed first = placed.peek();
        if (first != null && (nextRandom == null || !first.event().onset().isAfter(nextRandom.onset()))) {
            event = placed.poll().event();
        } else {
            event = nextRandom;
            scheduleRandomAfter(event.end());
        }
        active.add(event);
        labels++;
        return Emitted.label(symbol, runTag + "-m" + labels, event.kind(), event.onset(), event.end(),
                event.magnitude());
    }

    /** Retires the events that ended at or before {@code time}; a finished move's offset is held from then on. */
    void settle(Instant time) {
        for (Iterator<MarketEvent> it = active.iterator(); it.hasNext(); ) {
            MarketEvent event = it.next();
            if (!event.end().isAfter(time)) {
                heldLogOffset += event.logMove();
                it.remove();
            }
        }
    }

    /** What the moves add to the log price at {@code time}. */
    double logOffset(Instant time) {
        double offset = heldLogOffset;
        for (MarketEvent event : active) {
            if (event.kind() == AlertType.PRICE_SPIKE) {
                offset += event.logMove() * progress(event, time);
            }
        }
        return offset;
    }

    /** The volatility multiple in force at {@code time} (1 outside every burst). */
    double volatilityMultiple(Instant time) {
        return multiple(AlertType.VOLATILITY_BURST, time);
    }

    /** The traded-volume multiple in force at {@code time} (1 outside every volume anomaly). */
    double volumeMultiple(Instant time) {
        return multiple(AlertType.VOLUME_ANOMALY, time);
    }

    private double multiple(AlertType kind, Instant time) {
        double multiple = 1.0;
        for (MarketEvent event : active) {
            if (event.kind() == kind && time.isBefore(event.end())) {
                multiple *= event.magnitude();
            }
        }
        return multiple;
    }

    private static double progress(MarketEvent event, Instant time) {
        if (!time.isBefore(event.end())) {
            return 1.0;
        }
        double elapsed = Duration.between(event.onset(), time).toNanos();
        return Math.max(0.0, elapsed / event.duration().toNanos());
    }

    private void scheduleRandomAfter(Instant after) {
        if (options == null || options.perHour() <= 0) {
            nextRandom = null;
            return;
        }
        long waitSeconds = Math.max(1L, Math.round(random.nextExponential() * 3600.0 / options.perHour()));
        nextRandom = draw(KINDS[random.nextInt(KINDS.length)], after.plusSeconds(waitSeconds));
    }

    private MarketEvent draw(AlertType kind, Instant onset) {
        return switch (kind) {
            case PRICE_SPIKE -> MarketEvent.priceMove(symbol, onset,
                    (random.nextBoolean() ? 1 : -1) * tenths(uniform(options.minMovePercent(), options.maxMovePercent())),
                    seconds(options.minMoveDuration(), options.maxMoveDuration()));
            case VOLUME_ANOMALY -> MarketEvent.volume(symbol, onset, options.volumeMultiple(),
                    options.volumeDuration());
            case VOLATILITY_BURST -> MarketEvent.volatility(symbol, onset, options.volatilityMultiple(),
                    seconds(options.minBurstDuration(), options.maxBurstDuration()));
        };
    }

    private double uniform(double min, double max) {
        return max > min ? random.nextDouble(min, max) : min;
    }

    /** Rounded to 0.1 %, so labels read as a person would state the move. */
    private static double tenths(double percent) {
        return Math.max(0.1, Math.round(percent * 10) / 10.0);
    }

    /** A whole number of seconds between the two, inclusive. */
    private Duration seconds(Duration min, Duration max) {
        long low = min.toSeconds();
        long high = Math.max(low, max.toSeconds());
        return Duration.ofSeconds(low + random.nextLong(high - low + 1));
    }

    private record Placed(MarketEvent event, long order) {
    }
}
