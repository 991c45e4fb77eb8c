package com.marketpulse.delivery.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.BadSqlGrammarException;

/** Which failures make the alert's partition wait and which send the record to market.alerts.DLT. */
class FailureKindsTest {

    @Test
    void theDatabaseAwayOrTheApisTablesNotMigratedYetAreWaitedOut() {
        assertThat(KafkaConfig.isInfrastructure(new DataAccessResourceFailureException("down"))).isTrue();
        assertThat(KafkaConfig.isInfrastructure(new BadSqlGrammarException("holders", "SELECT …",
                new SQLException("relation \"api.alert_channels\" does not exist", "42P01")))).isTrue();
        assertThat(KafkaConfig.isInfrastructure(new BadSqlGrammarException("holders", "SELECT …",
                new SQLException("permission denied for table alert_channels", "42501")))).isTrue();
    }

    @Test
    void aRejectedAlertIsNotWaitedForAndNamesItsReason() {
        var rejected = new RejectedAlertException("wrong_stream", "a backtest's alert");

        assertThat(KafkaConfig.isInfrastructure(rejected)).isFalse();
        assertThat(KafkaConfig.reason(new RuntimeException(rejected))).isEqualTo("wrong_stream");
        assertThat(KafkaConfig.reason(new IllegalStateException("other"))).isEqualTo("failed");
    }
}
