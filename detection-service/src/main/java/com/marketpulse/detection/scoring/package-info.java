/**
 * Pure scoring logic, no Spring: the normalized feature space, the Isolation Forest wrapper, the rules that
 * classify an anomaly and the severity and explanation of a finding.
 */
package com.marketpulse.detection.scoring;
