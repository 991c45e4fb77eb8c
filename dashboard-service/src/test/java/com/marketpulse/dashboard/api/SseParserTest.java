package com.marketpulse.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SseParserTest {

    private final SseParser parser = new SseParser();

    private List<SseEvent> feed(String stream) {
        List<SseEvent> events = new ArrayList<>();
        for (String line : stream.split("\n", -1)) {
            parser.accept(line).ifPresent(events::add);
        }
        return events;
    }

    @Test
    void aBlankLineDispatchesTheEventWithItsTypeAndId() {
        assertThat(feed("event: alert\nid: 7\ndata: {\"a\":1}\n\n"))
                .containsExactly(new SseEvent("alert", "7", "{\"a\":1}"));
    }

    @Test
    void dataLinesAreJoinedByNewlines() {
        assertThat(feed("data: first\ndata: second\n\n"))
                .containsExactly(new SseEvent("message", null, "first\nsecond"));
    }

    @Test
    void commentsAndEventsWithoutDataDispatchNothing() {
        assertThat(feed(": keep-alive\n\nevent: ping\n\nretry: 1000\n\n")).isEmpty();
    }

    @Test
    void theSpaceAfterTheColonIsOptionalAndOnlyOneIsRemoved() {
        assertThat(feed("data:x\n\ndata:  y\n\n")).extracting(SseEvent::data).containsExactly("x", " y");
    }

    @Test
    void theEventTypeResetsButTheLastIdCarriesOver() {
        assertThat(feed("event: alert\nid: 1\ndata: a\n\ndata: b\n\n"))
                .containsExactly(new SseEvent("alert", "1", "a"), new SseEvent("message", "1", "b"));
        assertThat(parser.lastId()).isEqualTo("1");
    }

    @Test
    void aFieldWithoutColonHasAnEmptyValue() {
        assertThat(feed("data\n\n")).containsExactly(new SseEvent("message", null, ""));
    }
}
