package com.marketpulse.files.archive;

import com.marketpulse.events.Symbols;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The Hive-style directories of one kind: {@code <root>/date=YYYY-MM-DD/symbol=BTC-USD/<file>}, the date that of the
 * event time in UTC. Only files exactly there belong to the kind, so that the trades at the archive root never see
 * the {@code quotes/} and {@code bars/} beside them.
 */
public final class ArchiveLayout {

    private static final String DATE = "date=";
    private static final String SYMBOL = "symbol=";

    private ArchiveLayout() {
    }

    public static Path directory(Path root, String symbol, Instant eventTime) {
        return root.resolve(DATE + date(eventTime)).resolve(SYMBOL + Symbols.toPath(symbol));
    }

    public static LocalDate date(Instant eventTime) {
        return eventTime.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** The kind's files whose name matches, sorted by path (date, symbol, partition, offset). */
    public static List<Path> files(Path root, Predicate<String> name) {
        return files(root, directory -> true, name);
    }

    /**
     * As {@link #files(Path, Predicate)}, only in the {@code date=.../symbol=...} directories that {@code directory}
     * accepts (given the date and the symbol as written in the path, e.g. {@code BTC-USD}).
     */
    public static List<Path> files(Path root, Predicate<Partition> directory, Predicate<String> name) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.find(root, 3, (path, attributes) -> attributes.isRegularFile()
                && root.relativize(path).getNameCount() == 3
                && name.test(path.getFileName().toString())
                && partition(path).filter(directory).isPresent())) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the archive " + root, e);
        }
    }

    private static Optional<Partition> partition(Path file) {
        String symbol = file.getParent().getFileName().toString();
        String date = file.getParent().getParent().getFileName().toString();
        if (!symbol.startsWith(SYMBOL) || !date.startsWith(DATE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Partition(LocalDate.parse(date.substring(DATE.length())),
                    symbol.substring(SYMBOL.length())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** One {@code date=.../symbol=...} directory. */
    public record Partition(LocalDate date, String pathSymbol) {
    }
}
