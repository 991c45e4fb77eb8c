-- Backtest jobs (issue 14): api-service owns the jobs, detection-service the results (detection.alerts and
-- detection.bars rows whose run_id is the job's id). A deleted job keeps its row, marked deleted_at, so that its
-- results in detection's schema (which the API may only read) stay unreachable through the API.

CREATE TABLE backtests (
    -- the run id every event of the run carries
    id                 UUID PRIMARY KEY,
    owner_id           BIGINT           NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name               TEXT             NOT NULL,
    -- what it replays, for people: 'upload trades.csv (trades-csv, 12.0 MB)', 'archive BTC/USD ... '
    input              TEXT             NOT NULL,
    -- the command's input as published (BacktestCommand.Input as JSON)
    command_input      JSONB            NOT NULL,
    -- BacktestCommand.Overrides as JSON
    overrides          JSONB            NOT NULL,
    state              TEXT             NOT NULL
        CHECK (state IN ('QUEUED', 'RUNNING', 'DRAINING', 'DONE', 'FAILED', 'CANCELLED')),
    rows_read          BIGINT           NOT NULL DEFAULT 0,
    published          BIGINT           NOT NULL DEFAULT 0,
    dead_lettered      BIGINT           NOT NULL DEFAULT 0,
    bad_rows           BIGINT           NOT NULL DEFAULT 0,
    -- [{"line": 17, "reason": "..."}], the first ones ingestion reported
    first_bad_rows     JSONB            NOT NULL DEFAULT '[]',
    event_time_from    TIMESTAMPTZ,
    event_time_reached TIMESTAMPTZ,
    rows_per_second    DOUBLE PRECISION NOT NULL DEFAULT 0,
    eta_seconds        BIGINT,
    bytes_read         BIGINT           NOT NULL DEFAULT 0,
    bytes_total        BIGINT           NOT NULL DEFAULT 0,
    error              TEXT,
    -- when ingestion made the last report applied: an older one arriving late is ignored
    progress_at        TIMESTAMPTZ,
    -- DRAINING: the offsets (topic:partition -> offset) every consumer group of the pipeline must reach, and
    -- which stage of the pipeline they are for (1: the replay inputs, 2: feature-service's replay outputs)
    drain_marks        JSONB,
    drain_stage        INTEGER,
    -- the upload's bytes on disk (0 once deleted): counted against the owner's quota
    stored_bytes       BIGINT           NOT NULL DEFAULT 0,
    -- the upload's file name in the shared upload directory (NULL for an archive range)
    upload_file        TEXT,
    created_at         TIMESTAMPTZ      NOT NULL,
    published_at       TIMESTAMPTZ,
    finished_at        TIMESTAMPTZ,
    deleted_at         TIMESTAMPTZ
);

CREATE INDEX backtests_by_owner ON backtests (owner_id, created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX backtests_draining ON backtests (state) WHERE state = 'DRAINING' AND deleted_at IS NULL;
CREATE INDEX backtests_finished ON backtests (finished_at) WHERE deleted_at IS NULL;
