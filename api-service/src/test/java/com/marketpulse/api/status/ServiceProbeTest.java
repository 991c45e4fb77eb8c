package com.marketpulse.api.status;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceProbeTest {

    @Test
    void theVenueIsReadFromIngestionsSourceHealthAndAbsentElsewhere() {
        assertThat(ServiceProbe.venue("{\"status\":\"UP\",\"components\":{\"source\":{\"status\":\"UP\",\"details\":"
                + "{\"source\":\"alpaca\",\"venue\":\"us-1\"}}}}")).isEqualTo("us-1");
        assertThat(ServiceProbe.venue("{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"}}}")).isNull();
        assertThat(ServiceProbe.venue("not json")).isNull();
        assertThat(ServiceProbe.venue("")).isNull();
    }
}
