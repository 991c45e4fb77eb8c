-- Backtests (issue 14): what detection needs to judge a run and what the API needs to score it. A run's alerts and
-- chart bars are rows of alerts and bars under its run_id; api-service only reads these tables (the roles script's
-- default privileges grant it SELECT on every table this schema's owner creates).

-- One row per run, from api-service's START on backtest.commands: the detector settings that differ from the live
-- ones for this run (NULL keeps the live value; the min_* replace every symbol's minimum).
CREATE TABLE backtest_runs (
    run_id              TEXT PRIMARY KEY,
    owner               TEXT             NOT NULL,
    move_sigmas         DOUBLE PRECISION CHECK (move_sigmas > 0),
    volume_multiple     DOUBLE PRECISION CHECK (volume_multiple > 0),
    volatility_multiple DOUBLE PRECISION CHECK (volatility_multiple > 0),
    cooldown_seconds    BIGINT           CHECK (cooldown_seconds >= 0),
    min_move_1m         DOUBLE PRECISION CHECK (min_move_1m > 0),
    min_move_5m         DOUBLE PRECISION CHECK (min_move_5m > 0),
    min_move_15m        DOUBLE PRECISION CHECK (min_move_15m > 0),
    min_notional_5m     DOUBLE PRECISION CHECK (min_notional_5m > 0),
    min_volatility_10m  DOUBLE PRECISION CHECK (min_volatility_10m > 0),
    -- NULL while only a CANCEL has arrived (commands of one run are ordered, but a START can be lost to a DLT)
    requested_at        TIMESTAMPTZ,
    -- set by a CANCEL: the run's features and bars still in flight are skipped
    cancelled_at        TIMESTAMPTZ
);

-- Ground truth a run's input carried (market.labels.replay), to score its alerts against: one row per label.
CREATE TABLE backtest_labels (
    run_id     TEXT             NOT NULL,
    label_id   TEXT             NOT NULL,
    symbol     TEXT             NOT NULL,
    kind       TEXT             NOT NULL CHECK (kind IN ('PRICE_SPIKE', 'VOLUME_ANOMALY', 'VOLATILITY_BURST')),
    start_time TIMESTAMPTZ      NOT NULL,
    end_time   TIMESTAMPTZ      NOT NULL CHECK (end_time >= start_time),
    magnitude  DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_id, label_id)
);

CREATE INDEX backtest_labels_by_time ON backtest_labels (run_id, start_time);
