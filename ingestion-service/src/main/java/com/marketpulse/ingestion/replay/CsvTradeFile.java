package com.marketpulse.ingestion.replay;

import java.io.BufferedReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A CSV of trades, gzipped or not: {@code timestamp,symbol,price,size[,label]}, with or without a header. With a header, columns
 * are found by name (also {@code trade_id} and {@code side} when present). Blank lines and {@code #} comments are
 * ignored; line numbers count every physical line, so a reported line number is the one an editor shows.
 */
final class CsvTradeFile implements TradeFile {

    private static final List<String> POSITIONAL = List.of("timestamp", "symbol", "price", "size", "label");

    private final AtomicLong bytes = new AtomicLong();
    private final BufferedReader reader;
    private final String fileName;
    private Map<String, Integer> columns;
    private long line;

    CsvTradeFile(Path path) throws IOException {
        this.reader = new BufferedReader(new InputStreamReader(
                ungzipped(new CountingInputStream(Files.newInputStream(path), bytes)), StandardCharsets.UTF_8), 1 << 16);
        this.fileName = path.getFileName().toString();
    }

    /** A gzipped CSV (told by its magic bytes, not its name) is read unzipped, as it streams. */
    private static InputStream ungzipped(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }

    @Override
    public long bytesRead() {
        return bytes.get();
    }

    @Override
    public TradeRow next() throws IOException {
        String text;
        while ((text = reader.readLine()) != null) {
            line++;
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            List<String> fields = split(text);
            if (columns == null) {
                columns = header(fields);
                if (!columns.isEmpty()) {
                    continue;
                }
                columns = positions(POSITIONAL);
            }
            return row(fields);
        }
        return null;
    }

    private TradeRow row(List<String> fields) {
        int required = Math.max(Math.max(columns.get("timestamp"), columns.get("symbol")),
                Math.max(columns.get("price"), columns.get("size")));
        if (fields.size() <= required) {
            return new TradeRow.Bad(line, "expected at least " + (required + 1) + " fields, found " + fields.size());
        }
        Instant time;
        try {
            time = TradeFields.time(field(fields, "timestamp"));
        } catch (IllegalArgumentException e) {
            return new TradeRow.Bad(line, e.getMessage());
        }
        return TradeFields.row(line, fileName, time, field(fields, "symbol"), field(fields, "price"),
                field(fields, "size"), field(fields, "label"), field(fields, "trade_id"), field(fields, "side"));
    }

    private String field(List<String> fields, String name) {
        Integer index = columns.get(name);
        return index == null || index >= fields.size() ? null : fields.get(index);
    }

    /** Column positions by name when the row is a header (it names a timestamp column); empty otherwise. */
    private static Map<String, Integer> header(List<String> fields) {
        List<String> names = fields.stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList();
        if (!names.contains("timestamp") && !names.contains("event_time")) {
            return Map.of();
        }
        List<String> canonical = names.stream().map(n -> switch (n) {
            case "event_time", "time" -> "timestamp";
            case "id", "i" -> "trade_id";
            case "tks", "taker_side" -> "side";
            default -> n;
        }).toList();
        Map<String, Integer> map = positions(canonical);
        for (String needed : List.of("symbol", "price", "size")) {
            if (!map.containsKey(needed)) {
                throw new IllegalArgumentException("the CSV header has no '" + needed + "' column: " + fields);
            }
        }
        return map;
    }

    private static Map<String, Integer> positions(List<String> names) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.putIfAbsent(names.get(i), i);
        }
        return map;
    }

    /** Splits on commas; a field may be wrapped in double quotes (with {@code ""} for a quote inside). */
    static List<String> split(String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
