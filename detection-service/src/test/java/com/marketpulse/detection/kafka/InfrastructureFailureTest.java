package com.marketpulse.detection.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class InfrastructureFailureTest {

    @Test
    void aDatabaseOrBrokerOutageIsWaitedOutNotDeadLettered() {
        assertThat(KafkaConfig.isInfrastructure(new ListenerExecutionFailedException("listener failed",
                new DataAccessResourceFailureException("connection refused")))).isTrue();
        assertThat(KafkaConfig.isInfrastructure(new IllegalStateException("could not publish",
                new NotLeaderOrFollowerException("moved")))).isTrue();
    }

    @Test
    void aRecordTheDatabaseRefusesIsTheRecordsFault() {
        assertThat(KafkaConfig.isInfrastructure(new ListenerExecutionFailedException("listener failed",
                new DataIntegrityViolationException("violates check constraint")))).isFalse();
        assertThat(KafkaConfig.isInfrastructure(new IllegalArgumentException("bad"))).isFalse();
    }
}
