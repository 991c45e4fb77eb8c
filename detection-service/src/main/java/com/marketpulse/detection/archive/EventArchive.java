package com.marketpulse.detection.archive;

import com.marketpulse.files.archive.ArchiveLayout;
import com.marketpulse.files.archive.Archived;
import com.marketpulse.files.archive.EventSchema;
import com.marketpulse.files.archive.EventFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash-safe Parquet files of the events of one kind (trades, quotes or source bars), per Kafka partition of its
 * topic, in that kind's {@linkplain EventSchema#root directory} of the archive.
 * <p>
 * The records of one partition are written in <em>generations</em>: a generation starts at the first offset after
 * the last committed one and holds one file per {@code date=YYYY-MM-DD/symbol=BTC-USD/} directory it touches,
 * each written under a hidden temporary name ({@code .part-p0-<first>.parquet.tmp}). When the generation reaches
 * {@code maxRecords} events or {@code maxAge}, {@link #seal} closes every file, fsyncs it, renames it atomically to
 * {@code part-p<partition>-<first offset>-<last offset>.parquet}, fsyncs the directory and returns the offset to
 * commit. The caller commits only then.
 * <p>
 * A crash before the commit leaves temporary files and perhaps some renamed files whose offset range was never
 * committed. {@link #recover} removes both before the partition is read again from its committed offset, so the
 * re-read events are written exactly once; names are deterministic, so re-writing a range replaces its file.
 * <p>
 * Not thread-safe: one Kafka consumer thread drives it. The kinds never share a directory, so the partition numbers
 * in file names (each kind's topic has its own partition 0) cannot meet.
 *
 * @param <E> the event record
 */
public class EventArchive<E> {

    private static final Logger log = LoggerFactory.getLogger(EventArchive.class);
    private static final Pattern SEALED = Pattern.compile("part-p(\\d+)-(\\d{20})-(\\d{20})\\.parquet");
    private static final Pattern TEMPORARY = Pattern.compile("\\.part-p(\\d+)-(\\d{20})\\.parquet\\.tmp");

    private final Path root;
    private final EventSchema<E> schema;
    private final int maxRecords;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<Integer, Generation> generations = new HashMap<>();

    /**
     * @param archiveRoot the root of the whole archive; the kind's files go to its directory there
     * @param maxRecords  a generation is sealed at this many events …
     * @param maxAge      … or this long after its first record was read, whichever comes first
     */
    EventArchive(Path archiveRoot, EventSchema<E> schema, int maxRecords, Duration maxAge, Clock clock) {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("maxRecords must be at least 1: " + maxRecords);
        }
        this.root = schema.root(archiveRoot);
        this.schema = schema;
        this.maxRecords = maxRecords;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /**
     * Prepares a partition to be read from {@code nextOffset}: drops its open generation, its temporary files and
     * every sealed file whose range reaches {@code nextOffset} or beyond (written but never committed).
     */
    public void recover(int partition, long nextOffset) {
        abandon(partition);
        for (Path file : archiveFiles()) {
            String name = file.getFileName().toString();
            Matcher temporary = TEMPORARY.matcher(name);
            Matcher sealed = SEALED.matcher(name);
            if (temporary.matches() && Integer.parseInt(temporary.group(1)) == partition) {
                delete(file, "temporary file of an unfinished generation");
            } else if (sealed.matches() && Integer.parseInt(sealed.group(1)) == partition
                    && Long.parseLong(sealed.group(3)) >= nextOffset) {
                delete(file, "file of an uncommitted generation (committed offset " + nextOffset + ")");
            }
        }
    }

    /** The kind this archive holds. */
    EventSchema<E> schema() {
        return schema;
    }

    /**
     * Adds one event read from {@code partition} at {@code offset}.
     *
     * @throws IllegalStateException when the offset is not past the open generation's last one: the record was read
     *                               again without the generation being abandoned, and writing it would double it
     */
    public void append(int partition, long offset, E event) {
        Generation generation = next(partition, offset);
        Path directory = ArchiveLayout.directory(root, schema.symbol(event), schema.eventTime(event));
        try {
            generation.file(directory).write(new Archived<>(event, partition, offset));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + schema.eventId(event) + " to the " + schema.kind()
                    + " archive", e);
        }
        generation.last = offset;
        generation.next = offset + 1;
        generation.records++;
    }

    /** Counts a record that holds no event (sent to the dead-letter topic) into the generation's offset range. */
    public void skip(int partition, long offset) {
        Generation generation = next(partition, offset);
        generation.last = offset;
        generation.next = offset + 1;
    }

    /** The partitions whose generation is full or old enough to seal. */
    public List<Integer> due() {
        Instant now = clock.instant();
        return generations.values().stream()
                .filter(g -> g.records >= maxRecords || !now.isBefore(g.openedAt.plus(maxAge)))
                .map(g -> g.partition).toList();
    }

    /** The events in the partition's open generation (0 when none is open). */
    public int pending(int partition) {
        Generation generation = generations.get(partition);
        return generation == null ? 0 : generation.records;
    }

    /** The partitions with an open generation. */
    public List<Integer> open() {
        return List.copyOf(generations.keySet());
    }

    /**
     * Makes the partition's generation durable and visible.
     *
     * @return the offset to commit (the last offset of the generation + 1); empty when nothing was open
     */
    public OptionalLong seal(int partition) {
        Generation generation = generations.remove(partition);
        if (generation == null) {
            return OptionalLong.empty();
        }
        try {
            for (EventFile<E> file : generation.files.values()) {
                file.close();
                force(file.temporary, StandardOpenOption.WRITE);
            }
            for (EventFile<E> file : generation.files.values()) {
                Path target = file.temporary.resolveSibling(String.format("part-p%d-%020d-%020d.parquet", partition,
                        generation.first, generation.last));
                move(file.temporary, target);
                force(target.getParent(), StandardOpenOption.READ);
            }
        } catch (IOException e) {
            generation.discard();
            throw new UncheckedIOException("cannot seal the " + schema.kind() + " archive generation of partition "
                    + partition, e);
        }
        return OptionalLong.of(generation.last + 1);
    }

    /** Drops the partition's open generation and its temporary files; its events will be read again. */
    public void abandon(int partition) {
        Generation generation = generations.remove(partition);
        if (generation != null) {
            generation.discard();
        }
    }

    /** The partition's generation, opened at {@code offset} if none is; refuses an offset it already holds. */
    private Generation next(int partition, long offset) {
        Generation generation = generations.computeIfAbsent(partition, p -> new Generation(p, offset,
                clock.instant()));
        if (offset < generation.next) {
            throw new IllegalStateException("offset " + offset + " of partition " + partition + " is already in the "
                    + schema.kind() + " archive's open generation (" + generation.first + "-" + generation.last
                    + "): read again without a rewind");
        }
        return generation;
    }

    private List<Path> archiveFiles() {
        return ArchiveLayout.files(root, name -> SEALED.matcher(name).matches() || TEMPORARY.matcher(name).matches());
    }

    private static void delete(Path file, String why) {
        try {
            if (Files.deleteIfExists(file)) {
                log.info("Archive recovery deleted {}: {}", file, why);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the archive's file system cannot rename atomically: " + to, e);
        }
    }

    /** fsync: the file's bytes, or a directory's entries after a rename. */
    private static void force(Path path, StandardOpenOption mode) throws IOException {
        try (FileChannel channel = FileChannel.open(path, mode)) {
            channel.force(true);
        }
    }

    /** The open files of one partition's generation, by directory. */
    private final class Generation {
        final int partition;
        final long first;
        final Instant openedAt;
        final Map<Path, EventFile<E>> files = new LinkedHashMap<>();
        long last;
        /** The lowest offset the generation may take next. */
        long next;
        int records;

        Generation(int partition, long first, Instant openedAt) {
            this.partition = partition;
            this.first = first;
            this.last = first;
            this.next = first;
            this.openedAt = openedAt;
        }

        EventFile<E> file(Path directory) throws IOException {
            EventFile<E> file = files.get(directory);
            if (file == null) {
                Files.createDirectories(directory);
                file = new EventFile<>(directory.resolve(String.format(".part-p%d-%020d.parquet.tmp", partition,
                        first)), schema);
                files.put(directory, file);
            }
            return file;
        }

        void discard() {
            List<IOException> failures = new ArrayList<>();
            for (EventFile<E> file : files.values()) {
                try {
                    file.closeQuietly();
                    Files.deleteIfExists(file.temporary);
                } catch (IOException e) {
                    failures.add(e);
                }
            }
            failures.forEach(e -> log.warn("Could not remove a temporary archive file: {}", e.getMessage()));
        }
    }
}
