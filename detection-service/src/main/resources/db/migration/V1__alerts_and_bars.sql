-- detection-service owns this schema: alerts, one-minute bars (and later models, backtests).
-- api-service only reads these tables.

CREATE TABLE alerts (
    -- deterministic: symbol, type, episode start and run; a redelivered vector can never make a second row
    alert_id      TEXT PRIMARY KEY,
    symbol        TEXT             NOT NULL,
    type          TEXT             NOT NULL CHECK (type IN ('PRICE_SPIKE', 'VOLUME_ANOMALY', 'VOLATILITY_BURST')),
    direction     TEXT             NOT NULL CHECK (direction IN ('UP', 'DOWN')),
    severity      INTEGER          NOT NULL CHECK (severity BETWEEN 0 AND 100),
    level         TEXT             NOT NULL,
    event_time    TIMESTAMPTZ      NOT NULL,
    end_time      TIMESTAMPTZ      NOT NULL,
    price         DOUBLE PRECISION NOT NULL,
    score         DOUBLE PRECISION NOT NULL,
    model_version TEXT             NOT NULL,
    explanation   TEXT             NOT NULL,
    detected_at   TIMESTAMPTZ      NOT NULL,
    updated_at    TIMESTAMPTZ      NOT NULL,
    -- NULL for live alerts; the backtest run id otherwise
    run_id        TEXT
);

CREATE INDEX alerts_live_by_time ON alerts (event_time DESC, alert_id DESC) WHERE run_id IS NULL;
CREATE INDEX alerts_live_by_symbol_time ON alerts (symbol, event_time DESC, alert_id DESC) WHERE run_id IS NULL;
CREATE INDEX alerts_by_run ON alerts (run_id, event_time) WHERE run_id IS NOT NULL;

CREATE TABLE bars (
    symbol     TEXT             NOT NULL,
    start_time TIMESTAMPTZ      NOT NULL,
    end_time   TIMESTAMPTZ      NOT NULL,
    open       DOUBLE PRECISION NOT NULL,
    high       DOUBLE PRECISION NOT NULL,
    low        DOUBLE PRECISION NOT NULL,
    close      DOUBLE PRECISION NOT NULL,
    volume     DOUBLE PRECISION NOT NULL,
    trades     BIGINT           NOT NULL,
    -- '' for live bars, so that the key needs no NULL handling
    run_id     TEXT             NOT NULL DEFAULT '',
    PRIMARY KEY (symbol, run_id, start_time)
);
