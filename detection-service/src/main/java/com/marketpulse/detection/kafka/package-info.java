/** Kafka wiring shared by the service's listeners: topics, JSON values, the dead-letter error handler. */
package com.marketpulse.detection.kafka;
