package com.marketpulse.detection.archive;

import com.marketpulse.files.archive.TickSchema;

import com.marketpulse.events.Tick;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** The archive of trades, at the archive root where they have always been. */
public final class TickArchive extends EventArchive<Tick> {

    public TickArchive(Path root, int maxTicks, Duration maxAge, Clock clock) {
        super(root, TickSchema.TICKS, maxTicks, maxAge, clock);
    }
}
