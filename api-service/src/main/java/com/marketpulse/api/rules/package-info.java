/**
 * A user's personal alert rules (alert-rules' {@code RuleSet}, stored as delivery-service reads it) and snoozed
 * coins, under {@code /api/me}.
 */
package com.marketpulse.api.rules;
