/**
 * Picks the source ({@code MARKETPULSE_SOURCE}: alpaca, simulator or replay), runs it in the application's
 * lifecycle (after the publisher starts, before it stops) and reports its health.
 */
package com.marketpulse.ingestion.source;
