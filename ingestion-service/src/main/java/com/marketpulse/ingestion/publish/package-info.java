/**
 * Publishing to Kafka: the topics this service declares, one idempotent producer fed from a bounded buffer,
 * health (DOWN while Kafka does not acknowledge) and the ingestion metrics.
 */
package com.marketpulse.ingestion.publish;
