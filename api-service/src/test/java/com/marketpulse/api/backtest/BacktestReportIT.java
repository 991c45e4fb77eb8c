package com.marketpulse.api.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.marketpulse.api.Http;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;

import tools.jackson.databind.JsonNode;

/**
 * The report of a small labelled run, scored by hand with ./evaluate.sh's rule (a label is found by the first alert
 * of its type raised from its start to 5 minutes after its end; an alert is caused by a label when it is raised or
 * lasts within that window, whatever its type).
 */
class BacktestReportIT extends BacktestTestSupport {

    private static final Instant T = Instant.parse("2024-11-12T12:00:00Z");

    @Test
    void theReportCountsAndScoresALabelledRunAsComputedByHand() {
        String token = newUser();
        String run = startArchiveRun(token);
        labelledFixture(run);

        JsonNode report = http.get("/api/backtests/" + run + "/report", token).json();

        assertThat(report.get("alerts").asLong()).isEqualTo(6);
        assertThat(report.get("countsByType").get("PRICE_SPIKE").asLong()).isEqualTo(4);
        assertThat(report.get("countsByType").get("VOLUME_ANOMALY").asLong()).isEqualTo(1);
        assertThat(report.get("countsByType").get("VOLATILITY_BURST").asLong()).isEqualTo(1);
        assertThat(report.get("perDay").get(0).get("day").asString()).isEqualTo("2024-11-12");
        assertThat(report.get("perDay").get(0).get("alerts").asLong()).isEqualTo(5);
        assertThat(report.get("perDay").get(1).get("day").asString()).isEqualTo("2024-11-13");
        assertThat(report.get("perDay").get(1).get("byType").get("PRICE_SPIKE").asLong()).isEqualTo(1);
        assertThat(report.get("labelled").asBoolean()).isTrue();

        // PRICE_SPIKE: A1, A2 caused by L1, A4 too late for L2, A6 far from any: precision 2/4; L1 found after 60 s,
        // L2 missed: recall 1/2
        assertScore(score(report, "PRICE_SPIKE"), 4, 2, 0.5, 2, 1, 0.5, 60L);
        assertScore(score(report, "VOLUME_ANOMALY"), 1, 1, 1.0, 1, 1, 1.0, 180L);
        // a volatility burst within L1's window is caused by it, though no label expects that type
        assertScore(score(report, "VOLATILITY_BURST"), 1, 1, 1.0, 0, 0, null, null);
        // every type: 4 of 6 alerts caused, 2 of 3 labels found, delays 60 s and 180 s: the upper median, as
        // ./evaluate.sh prints it
        assertScore(report.get("overall"), 6, 4, 4 / 6.0, 3, 2, 2 / 3.0, 180L);
        assertThat(report.get("missed")).hasSize(1);
        assertThat(report.get("missed").get(0).get("start").asString()).isEqualTo(T.plusSeconds(7200).toString());
        assertThat(report.get("missed").get(0).get("kind").asString()).isEqualTo("PRICE_SPIKE");

        JsonNode chart = report.get("charts").get(0);
        assertThat(chart.get("symbol").asString()).isEqualTo("BTC/USD");
        assertThat(chart.get("interval").asString()).isEqualTo("1m");
        assertThat(chart.get("bars")).hasSize(3);
        assertThat(chart.get("markers")).hasSize(6);
        assertThat(chart.get("markers").get(0).get("time").asString()).isEqualTo(T.plusSeconds(60).toString());
    }

    @Test
    void theAlertsAndTheReportDownloadAsCsv() {
        String token = newUser();
        String run = startArchiveRun(token);
        labelledFixture(run);

        Http.Response alerts = http.get("/api/backtests/" + run + "/alerts?format=csv", token);
        assertThat(alerts.status()).isEqualTo(200);
        assertThat(alerts.contentType()).startsWith("text/csv");
        assertThat(alerts.header("Content-Disposition")).contains("attachment", "backtest-" + run + "-alerts.csv");
        String[] lines = alerts.body().split("\r\n");
        assertThat(lines).hasSize(7);
        assertThat(lines[0]).isEqualTo("id,symbol,type,direction,severity,level,event_time,end_time,price,score,"
                + "explanation");
        assertThat(lines[1]).startsWith("a1-" + run + ",BTC/USD,PRICE_SPIKE,UP,70,HIGH,2024-11-12T12:01:00Z,"
                + "2024-11-12T12:03:00Z,").endsWith(",\"BTC/USD +3.1 % in 1 min, \"\"6.2×\"\" its usual move\"");
        assertThat(lines[6]).startsWith("a6-" + run + ",BTC/USD,PRICE_SPIKE");

        Http.Response report = http.get("/api/backtests/" + run + "/report?format=csv", token);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().split("\r\n")).containsExactly(
                "type,alerts,caused,precision,labels,found,recall,median_delay_s",
                "PRICE_SPIKE,4,2,0.500,2,1,0.500,60",
                "VOLUME_ANOMALY,1,1,1.000,1,1,1.000,180",
                "VOLATILITY_BURST,1,1,1.000,0,0,,",
                "ALL,6,4,0.667,3,2,0.667,180");
        assertThat(http.get("/api/backtests/" + run + "/alerts", token).json()).hasSize(6);
        assertProblem(http.get("/api/backtests/" + run + "/report?format=xml", token), 400, "json or csv");
    }

    @Test
    void twoRunsCompareSideBySide() {
        String token = newUser();
        String a = startArchiveRun(token);
        String b = startArchiveRun(token);
        labelledFixture(a);
        // b saw the first move a little later and missed the rest, but raised one alert a did not
        store(alert("b1-" + b, AlertType.PRICE_SPIKE, 90, 150, b));
        store(alert("b2-" + b, AlertType.VOLUME_ANOMALY, 30_000, 30_100, b));

        JsonNode compared = http.get("/api/backtests/compare?a=" + a + "&b=" + b, token).json();

        assertThat(compared.get("a").get("run").get("id").asString()).isEqualTo(a);
        assertThat(compared.get("a").get("alerts").asLong()).isEqualTo(6);
        assertThat(compared.get("b").get("alerts").asLong()).isEqualTo(2);
        assertThat(compared.get("inBoth").asLong()).as("a1 and a2 both overlap b1").isEqualTo(2);
        List<String> onlyA = ids(compared.get("a").get("onlyHere"));
        assertThat(onlyA).containsExactly("a3-" + a, "a4-" + a, "a5-" + a, "a6-" + a);
        assertThat(ids(compared.get("b").get("onlyHere"))).containsExactly("b2-" + b);
        assertThat(compared.get("a").get("overall").get("recall").asDouble()).isEqualTo(2 / 3.0);
        assertThat(compared.get("b").get("overall").isNull()).isTrue();
        assertThat(compared.get("b").get("countsByType").get("VOLUME_ANOMALY").asLong()).isEqualTo(1);
    }

    /**
     * Labels L1 (+3 % in 5 min from 12:00), L2 (+3 % in 1 min from 14:00), L3 (volume 10× for 10 min from 16:00);
     * alerts A1 PRICE_SPIKE 12:01, A2 PRICE_SPIKE 12:02:30, A3 VOLATILITY_BURST 12:04, A4 PRICE_SPIKE 14:07
     * (L2's window ended 14:06), A5 VOLUME_ANOMALY 16:03, A6 PRICE_SPIKE the next day; three chart bars.
     */
    private void labelledFixture(String run) {
        label(run, "PRICE_SPIKE", 0, 300, 0.03);
        label(run, "PRICE_SPIKE", 7200, 7260, 0.03);
        label(run, "VOLUME_ANOMALY", 14_400, 15_000, 10);
        store(alert("a1-" + run, AlertType.PRICE_SPIKE, 60, 180, run));
        store(alert("a2-" + run, AlertType.PRICE_SPIKE, 150, 200, run));
        store(alert("a3-" + run, AlertType.VOLATILITY_BURST, 240, 400, run));
        store(alert("a4-" + run, AlertType.PRICE_SPIKE, 7620, 7650, run));
        store(alert("a5-" + run, AlertType.VOLUME_ANOMALY, 14_580, 14_700, run));
        store(alert("a6-" + run, AlertType.PRICE_SPIKE, 45_000, 45_060, run));
        for (int minute = 0; minute < 3; minute++) {
            jdbc.sql("""
                            INSERT INTO detection.bars (symbol, start_time, end_time, open, high, low, close, volume,
                                trades, run_id) VALUES ('BTC/USD', :start, :end, 100, 101, 99, 100.5, 3, 12, :run)""")
                    .param("start", Timestamp.from(T.plusSeconds(60L * minute)))
                    .param("end", Timestamp.from(T.plusSeconds(60L * minute + 60))).param("run", run).update();
        }
    }

    private void label(String run, String kind, long start, long end, double magnitude) {
        jdbc.sql("INSERT INTO detection.backtest_labels (run_id, label_id, symbol, kind, start_time, end_time, "
                        + "magnitude) VALUES (:run, :label, 'BTC/USD', :kind, :start, :end, :magnitude)")
                .param("run", run).param("label", kind + "@" + start).param("kind", kind).param("start", Timestamp.from(T.plusSeconds(start)))
                .param("end", Timestamp.from(T.plusSeconds(end))).param("magnitude", magnitude).update();
    }

    private static Alert alert(String id, AlertType type, long start, long end, String run) {
        return new Alert(id, "BTC/USD", type, Direction.UP, 70, SeverityLevel.of(70), T.plusSeconds(start),
                T.plusSeconds(end), 100.5, 0.6, "v1", "BTC/USD +3.1 % in 1 min, \"6.2×\" its usual move",
                T.plusSeconds(start), run);
    }

    private static JsonNode score(JsonNode report, String type) {
        for (JsonNode score : report.get("scores")) {
            if (score.get("type").asString().equals(type)) {
                return score;
            }
        }
        throw new AssertionError("no score of " + type);
    }

    private static void assertScore(JsonNode score, long alerts, long caused, Double precision, long labels,
                                    long found, Double recall, Long medianDelay) {
        assertThat(score.get("alerts").asLong()).isEqualTo(alerts);
        assertThat(score.get("caused").asLong()).isEqualTo(caused);
        assertThat(score.get("precision").isNull() ? null : score.get("precision").asDouble()).isEqualTo(precision);
        assertThat(score.get("labels").asLong()).isEqualTo(labels);
        assertThat(score.get("found").asLong()).isEqualTo(found);
        assertThat(score.get("recall").isNull() ? null : score.get("recall").asDouble()).isEqualTo(recall);
        assertThat(score.get("medianDelaySeconds").isNull() ? null : score.get("medianDelaySeconds").asLong())
                .isEqualTo(medianDelay);
    }

    private static List<String> ids(JsonNode alerts) {
        List<String> ids = new ArrayList<>();
        alerts.forEach(a -> ids.add(a.get("id").asString()));
        return ids;
    }
}
