/** The detector's model: bootstrapped, stored and versioned, trained from the archive, swapped while running. */
package com.marketpulse.detection.model;
