package com.marketpulse.ingestion.publish;

import java.time.Instant;

/** One record waiting in the buffer; its Kafka timestamp is the event time, not the send time. */
record Outgoing(String topic, String key, Object value, Instant eventTime) {
}
