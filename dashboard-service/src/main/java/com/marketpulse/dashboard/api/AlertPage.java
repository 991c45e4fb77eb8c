package com.marketpulse.dashboard.api;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** One page of alerts, newest first; {@code nextCursor} is null on the last page. */
public record AlertPage(List<AlertDto> items, @Nullable String nextCursor) {

    public AlertPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
