package com.marketpulse.ingestion.source;

/** The health of a source: up or not, and a sentence saying why. */
record SourceStatus(boolean up, String state, String detail) {

    static SourceStatus up(String state, String detail) {
        return new SourceStatus(true, state, detail);
    }

    static SourceStatus down(String state, String detail) {
        return new SourceStatus(false, state, detail);
    }
}
