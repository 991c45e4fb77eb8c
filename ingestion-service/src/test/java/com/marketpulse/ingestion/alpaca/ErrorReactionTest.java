package com.marketpulse.ingestion.alpaca;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorReactionTest {

    @ParameterizedTest(name = "{0} (subscribing: {1}) -> {2}")
    @CsvSource({
            "400, false, REPORT", "400, true, STOP",
            "401, false, RECONNECT",
            "402, false, STOP", "402, true, STOP",
            "403, false, CONTINUE",
            "404, false, RECONNECT",
            "405, false, REPORT", "405, true, STOP",
            "406, false, RECONNECT_AFTER_LIMIT",
            "407, false, RECONNECT",
            "408, false, STOP", "409, false, STOP", "410, false, STOP", "411, false, STOP",
            "500, false, RECONNECT",
            "499, false, REPORT"})
    void everyDocumentedErrorCodeHasAReaction(int code, boolean subscribing, ErrorReaction expected) {
        assertThat(ErrorReaction.to(code, subscribing)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "stopping on {0} names {1}")
    @CsvSource({"402, ALPACA_API_KEY", "405, MARKETPULSE_SYMBOLS", "400, MARKETPULSE_SYMBOLS", "409, plan"})
    void aStopReasonSaysWhatToFix(int code, String hint) {
        assertThat(ErrorReaction.stopReason(code, "msg", List.of("BTC/USD"))).contains(hint).contains(Integer.toString(code));
    }
}
