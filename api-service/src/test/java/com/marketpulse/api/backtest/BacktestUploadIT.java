package com.marketpulse.api.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import com.marketpulse.api.Http;
import com.marketpulse.events.BacktestCommand;

class BacktestUploadIT extends BacktestTestSupport {

    private static final Path INCOMING = Path.of(UPLOADS, ".incoming");
    private static final String BARS_HEADER = "timestamp,symbol,open,high,low,close,volume\n";

    @Test
    void anUploadIsWrittenToDiskWhileItArrivesThenStartedWithItsCommand() throws Exception {
        String token = newUser();
        Multipart form = new Multipart().field("minMove5m", "0.05").field("cooldown", "10m").file("big.csv", "");
        byte[] row = "2024-11-01T00:00:00Z,DOT/USD,5.1,5.2,5.0,5.15,1200.5\n".getBytes(StandardCharsets.UTF_8);
        long rows = 20L * 1024 * 1024 / row.length;
        var body = new QueueInputStream();
        HttpRequest request = http.request("/api/backtests", token).timeout(Duration.ofMinutes(2))
                .header("Content-Type", Multipart.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        CompletableFuture<Http.Response> answer = CompletableFuture.supplyAsync(() -> send(request));

        body.write(form.head());
        body.write(BARS_HEADER.getBytes(StandardCharsets.UTF_8));
        writeRows(body, row, rows / 2);
        // half the file sent and the request still open: the server already holds most of it on disk, not in memory
        await().atMost(Duration.ofSeconds(30)).until(() -> largestIncoming() > 8L * 1024 * 1024);
        assertThat(answer).isNotDone();
        writeRows(body, row, rows - rows / 2);
        body.write(Multipart.tail(true));
        body.end();

        Http.Response started = answer.get();
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = started.json().get("id").asString();
        long fileBytes = BARS_HEADER.length() + rows * row.length;
        assertThat(started.json().get("state").asString()).isEqualTo("QUEUED");
        assertThat(started.json().get("storedBytes").asLong()).isEqualTo(fileBytes);
        assertThat(started.header("Location")).endsWith("/api/backtests/" + id);
        assertThat(Files.size(Path.of(UPLOADS, id + ".csv"))).isEqualTo(fileBytes);

        List<BacktestCommand> commands = commandsOf(id, 1, Duration.ofSeconds(15));
        assertThat(commands).hasSize(1);
        BacktestCommand start = commands.getFirst();
        assertThat(start.action()).isEqualTo(BacktestCommand.Action.START);
        assertThat(start.input()).isEqualTo(BacktestCommand.Input.upload(id + ".csv", "candles", null));
        assertThat(start.overrides().minMove5m()).isEqualTo(0.05);
        assertThat(start.overrides().cooldown()).isEqualTo(Duration.ofMinutes(10));
        assertThat(start.overrides().moveSigmas()).isNull();
    }

    @Test
    void aGzippedKlineFileWithItsSymbolIsAccepted() throws IOException {
        String token = newUser();
        String klines = "1730419200000,5.1,5.2,5.0,5.15,1200.5,1730419259999,6180.2,42,600.1,3090.0,0\n";

        Http.Response started = upload(token, new Multipart().field("symbol", "DOT-USD").field("name", "DOT Nov")
                .file("DOTUSDT-1m-2024-11.csv.gz", gzip(klines)));

        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = started.json().get("id").asString();
        assertThat(started.json().get("name").asString()).isEqualTo("DOT Nov");
        assertThat(started.json().get("input").asString()).contains("Binance klines as DOT/USD");
        assertThat(commandsOf(id, 1, Duration.ofSeconds(15)).getFirst().input())
                .isEqualTo(BacktestCommand.Input.upload(id + ".csv.gz", "candles", "DOT/USD"));
    }

    @Test
    void everyBadUploadIsAProblemThatSaysWhatIsWrongAndNothingIsKept() throws IOException {
        String token = newUser();
        long before = storedFiles();

        assertProblem(upload(token, new Multipart().file("notes.txt", "hello,world\nfoo,bar\n")), 422,
                "Unknown format");
        assertProblem(upload(token, new Multipart().file("empty.csv", "")), 422, "is empty");
        assertProblem(upload(token, new Multipart().file("header.csv", BARS_HEADER + "\n\n")), 422,
                "no readable row");
        assertProblem(upload(token, new Multipart().file("only-comments.csv.gz", gzip("# nothing\n"))), 422,
                "holds no rows");
        assertProblem(upload(token, new Multipart().file("bad.csv", BARS_HEADER
                + "2024-11-01T00:00:00Z,DOT/USD,x,5.2,5.0,5.15,1\n")), 422, "open is not a number");
        assertProblem(upload(token, new Multipart().file("trades.csv", "timestamp,symbol,price,size\n"
                + "2024-11-01T00:00:00Z,BTC/USD,-5,1\n")), 422, "price must be a positive number");
        assertProblem(upload(token, new Multipart().file("fake.parquet", "not parquet at all")), 422,
                "not a Parquet file");
        assertProblem(upload(token, new Multipart().file("k.csv",
                "1730419200000,5.1,5.2,5.0,5.15,1200.5,1730419259999,6180.2,42,600.1,3090.0,0\n")), 400,
                "give the field 'symbol'");
        assertProblem(upload(token, new Multipart().field("format", "xlsx").file("a.csv", BARS_HEADER)), 400,
                "Unknown format 'xlsx'");
        assertProblem(upload(token, new Multipart().field("minMove5m", "five").file("a.csv", BARS_HEADER)), 400,
                "'minMove5m' must be a number");
        assertProblem(upload(token, new Multipart().field("minMove5m", "5").file("a.csv", BARS_HEADER
                + "2024-11-01T00:00:00Z,DOT/USD,5.1,5.2,5.0,5.15,1\n")), 400, "fraction");
        assertProblem(upload(token, new Multipart().field("symbol", "DOT/USD")), 400, "Field 'file' is required");

        assertThat(storedFiles()).as("refused uploads are not kept").isEqualTo(before);
        assertThat(http.get("/api/backtests", token).json()).isEmpty();
    }

    @Test
    void anUploadOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() throws IOException {
        String token = newUser();
        byte[] tooLarge = new byte[25 * 1024 * 1024];
        java.util.Arrays.fill(tooLarge, (byte) '1');
        Multipart form = new Multipart().file("huge.csv", tooLarge);

        assertProblem(upload(token, form), 413, "larger than");

        HttpRequest chunked = http.request("/api/backtests", token)
                .header("Content-Type", Multipart.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(form.body())))
                .build();
        Http.Response refused = send(chunked);
        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/backtests", token).json()).isEmpty();
    }

    @Test
    void theRunningLimitIs429AndTheStorageQuota409() {
        String token = newUser();
        String first = startArchiveRun(token);
        startArchiveRun(token);

        Http.Response third = http.post("/api/backtests", ARCHIVE_DAY, token);
        assertProblem(third, 429, "Too many backtests running: 2 of at most 2");
        assertThat(third.header("Retry-After")).isNotBlank();
        assertProblem(upload(token, new Multipart().file("a.csv", BARS_HEADER
                + "2024-11-01T00:00:00Z,DOT/USD,5.1,5.2,5.0,5.15,1\n")), 429, "Too many backtests running");

        assertThat(http.send("DELETE", "/api/backtests/" + first, null, null, "Bearer " + token).status())
                .isEqualTo(204);
        // the account's stored uploads fill its quota but for 10 bytes
        jdbc.sql("UPDATE api.backtests SET stored_bytes = :bytes WHERE id = CAST(:id AS UUID)")
                .param("bytes", 1024L * 1024 * 1024 - 10).param("id", startArchiveRun(token)).update();
        http.send("POST", "/api/backtests/" + latestId(token) + "/cancel", null, null, "Bearer " + token);

        assertProblem(upload(token, new Multipart().file("a.csv", BARS_HEADER
                + "2024-11-01T00:00:00Z,DOT/USD,5.1,5.2,5.0,5.15,1\n")), 409, "Not enough backtest storage left");
    }

    private String latestId(String token) {
        return http.get("/api/backtests", token).json().get(0).get("id").asString();
    }

    private static void writeRows(QueueInputStream out, byte[] row, long count) throws InterruptedException {
        var chunk = new ByteArrayOutputStream();
        for (int i = 0; i < 1000; i++) {
            chunk.writeBytes(row);
        }
        byte[] thousand = chunk.toByteArray();
        long left = count;
        for (; left >= 1000; left -= 1000) {
            out.write(thousand);
        }
        for (; left > 0; left--) {
            out.write(row);
        }
    }

    private static long largestIncoming() throws IOException {
        try (Stream<Path> files = Files.list(INCOMING)) {
            return files.mapToLong(p -> p.toFile().length()).max().orElse(0);
        }
    }

    private static long storedFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(UPLOADS))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    static byte[] gzip(String text) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    static Instant at(long seconds) {
        return DAY.plusSeconds(seconds);
    }
}
