/**
 * The Alpaca crypto feed: the WebSocket stream (documented flow, error handling, reconnect with back-off and
 * jitter, dead-connection detection) and the REST historical trades used to close gaps, with de-duplication by
 * trade id. No Spring here; the source package wires it.
 */
package com.marketpulse.ingestion.alpaca;
