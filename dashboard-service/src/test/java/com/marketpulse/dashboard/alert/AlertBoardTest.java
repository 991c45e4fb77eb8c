package com.marketpulse.dashboard.alert;

import static com.marketpulse.dashboard.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.marketpulse.api.contract.AlertDto;


class AlertBoardTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void showsAlertsNewestFirstWhateverOrderTheyArriveIn() {
        var board = new AlertBoard(10);

        board.merge(List.of(alert("b", "BTC/USD", T0.plusSeconds(2), "b"), alert("a", "BTC/USD", T0, "a")));
        board.merge(List.of(alert("c", "ETH/USD", T0.plusSeconds(1), "c")));

        assertThat(board.newestFirst()).extracting(AlertDto::id).containsExactly("b", "c", "a");
    }

    @Test
    void anAlertSeenTwiceIsShownOnceAndTheLatestVersionWins() {
        var board = new AlertBoard(10);
        board.merge(List.of(alert("a", "BTC/USD", T0, "first version")));

        List<AlertDto> fresh = board.merge(List.of(alert("a", "BTC/USD", T0, "episode grew")));

        assertThat(fresh).isEmpty();
        assertThat(board.newestFirst()).singleElement().extracting(AlertDto::explanation).isEqualTo("episode grew");
    }

    @Test
    void mergeReturnsOnlyTheAlertsNotSeenBefore() {
        var board = new AlertBoard(10);
        board.merge(List.of(alert("a", "BTC/USD", T0, "a")));

        List<AlertDto> fresh = board.merge(List.of(alert("a", "BTC/USD", T0, "a"), alert("b", "BTC/USD", T0.plusSeconds(1), "b")));

        assertThat(fresh).extracting(AlertDto::id).containsExactly("b");
    }

    @Test
    void keepsOnlyTheNewestUpToItsCapacity() {
        var board = new AlertBoard(2);

        List<AlertDto> fresh = board.merge(List.of(alert("old", "BTC/USD", T0, "old"),
                alert("mid", "BTC/USD", T0.plusSeconds(1), "mid"), alert("new", "BTC/USD", T0.plusSeconds(2), "new")));

        assertThat(board.newestFirst()).extracting(AlertDto::id).containsExactly("new", "mid");
        assertThat(fresh).extracting(AlertDto::id).containsExactly("new", "mid");
    }

    @Test
    void clearEmptiesTheBoard() {
        var board = new AlertBoard(2);
        board.merge(List.of(alert("a", "BTC/USD", T0, "a")));

        board.clear();

        assertThat(board.newestFirst()).isEmpty();
        assertThat(board.merge(List.of(alert("a", "BTC/USD", T0, "a")))).hasSize(1);
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new AlertBoard(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
