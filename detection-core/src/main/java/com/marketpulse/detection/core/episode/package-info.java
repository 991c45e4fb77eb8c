/**
 * Pure episode logic, no Spring: consecutive findings of one symbol and type (and run) make one alert with a
 * deterministic id, updated while the episode lasts and closed after a cooldown.
 */
package com.marketpulse.detection.core.episode;
