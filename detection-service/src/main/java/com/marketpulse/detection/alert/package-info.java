/**
 * The scoring edge: market features in from Kafka, scored by detection-core's pipeline, alerts out to PostgreSQL
 * and market.alerts.
 */
package com.marketpulse.detection.alert;
