package com.marketpulse.detection.archive;

import com.marketpulse.files.archive.ArchiveReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marketpulse.detection.support.IntegrationTest;
import com.marketpulse.detection.support.Topic;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** The running service archives what arrives on market.quotes and market.source-bars, beside the trades. */
class QuoteAndBarArchiverIT extends IntegrationTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00.000000003Z");

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void archivesPublishedQuotesAsParquetUnderQuotesAndReadsARangeBackInEventTimeOrder() {
        List<Quote> quotes = IntStream.range(0, 90).mapToObj(i -> Quote.live("alpaca", "us",
                i % 3 == 0 ? "SOL/USD" : "BTC/USD", T0.plusMillis(1_500L * i), 90_000.0 + i, 0.2, 90_008.0 + i, 0.3))
                .toList();
        quotes.subList(0, 45).forEach(q -> Topic.sendJson(brokers, Topics.MARKET_QUOTES, q.symbol(), q));
        Topic.sendBytes(brokers, Topics.MARKET_QUOTES, "BTC/USD", "{\"bidPrice\": ".getBytes(StandardCharsets.UTF_8));
        quotes.subList(45, 90).forEach(q -> Topic.sendJson(brokers, Topics.MARKET_QUOTES, q.symbol(), q));

        List<Quote> btc = quotes.stream().filter(q -> q.symbol().equals("BTC/USD")).toList();
        Instant end = T0.plusSeconds(3600);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                ArchiveReader.quotes(archiveDirectory()).read("BTC/USD", T0, end)).containsAll(btc));

        assertThat(ArchiveReader.quotes(archiveDirectory()).read("BTC/USD", T0, end).stream()
                .filter(q -> q.eventTime().isBefore(T0.plusSeconds(135)))).containsExactlyElementsOf(btc);
        assertThat(ArchiveReader.quotes(archiveDirectory()).files()).extracting(
                f -> archiveDirectory().relativize(f.getParent()).toString())
                .contains("quotes/date=2026-12-01/symbol=BTC-USD", "quotes/date=2026-12-01/symbol=SOL-USD");
        assertThat(TickArchiveReader.files(archiveDirectory())).as("trades see no quote file")
                .noneMatch(f -> archiveDirectory().relativize(f).startsWith("quotes"));
        assertThat(Topic.readAll(brokers, Topics.deadLetter(Topics.MARKET_QUOTES))).extracting(ConsumerRecord::value)
                .anySatisfy(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("{\"bidPrice\": "));
    }

    @Test
    void archivesSourceBarsAndTheirCorrectionsAsTheyComeAndReadsTheLastVersion() {
        Instant firstMinute = T0.plusSeconds(7200).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        List<SourceBar> bars = IntStream.range(0, 30).mapToObj(i -> bar(firstMinute.plusSeconds(60L * i),
                100 + i, false)).toList();
        SourceBar correction = bar(firstMinute.plusSeconds(60L * 4), 90, true);
        bars.forEach(b -> Topic.sendJson(brokers, Topics.MARKET_SOURCE_BARS, b.symbol(), b));
        Topic.sendJson(brokers, Topics.MARKET_SOURCE_BARS, correction.symbol(), correction);

        List<SourceBar> expected = bars.stream().map(b -> b.eventId().equals(correction.eventId()) ? correction : b)
                .toList();
        Instant end = firstMinute.plusSeconds(3600);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                ArchiveReader.bars(archiveDirectory()).read("ETH/USD", firstMinute, end))
                .containsExactlyElementsOf(expected));

        long versions = ArchiveReader.bars(archiveDirectory()).files().stream()
                .flatMap(f -> ArchiveReader.bars(archiveDirectory()).read(f).stream())
                .filter(row -> row.event().eventId().equals(correction.eventId())).count();
        assertThat(versions).as("the first version and the correction are both archived").isEqualTo(2);
    }

    private static SourceBar bar(Instant start, double close, boolean corrected) {
        return new SourceBar(SourceBar.idOf("alpaca", "us", "ETH/USD", start, null), "ETH/USD", start,
                start.plusSeconds(60), 100, Math.max(100, close), Math.min(100, close), close, corrected ? 0 : 4.5,
                corrected ? 0 : 7, corrected ? 0 : 100.4, corrected, "alpaca", "us", null);
    }
}
