/** Kafka wiring: the dead-letter topic of market.alerts and the one error handler of the alert listener. */
package com.marketpulse.delivery.kafka;
