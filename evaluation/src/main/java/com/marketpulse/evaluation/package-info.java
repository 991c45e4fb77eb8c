/**
 * The measured quality of detection: the real simulator, feature math, detector and episode logic run together
 * on a virtual clock over seeded, labelled streams ({@link com.marketpulse.evaluation.EvaluationCommand}), with
 * the alert-to-label matching in {@link com.marketpulse.evaluation.Matching}. Plain Java: Spring Boot's binder
 * reads the shared configuration, no application context is started.
 */
package com.marketpulse.evaluation;
