package com.marketpulse.files;

/** A row that could not be read, with its 1-based line number and why: reported, never silently dropped. */
public record BadRow(long line, String reason) {
}
