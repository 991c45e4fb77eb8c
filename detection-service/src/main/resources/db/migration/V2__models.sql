-- Versioned detector models. The newest row is the model in use; every instance loads it at start and
-- swaps to a newer one while running. alerts.model_version holds 'v' || version (or 'bootstrap-<seed>' for a
-- model that was never stored).

CREATE TABLE models (
    version       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- 'bootstrap' (simulated normal feature vectors) or 'archive' (features of archived ticks)
    source        TEXT        NOT NULL CHECK (source IN ('bootstrap', 'archive')),
    trained_at    TIMESTAMPTZ NOT NULL,
    training_rows INTEGER     NOT NULL CHECK (training_rows >= 2),
    trees         INTEGER     NOT NULL CHECK (trees >= 1),
    -- the coordinates the forest was grown on, in order, so a model never meets vectors of another layout
    features      TEXT        NOT NULL,
    -- Smile's IsolationForest, Java-serialized (read back through an allow-list filter)
    forest        BYTEA       NOT NULL,
    -- what it was trained from, for people: e.g. '48 files, 2026-11-20..2026-11-24, 3 symbols'
    notes         TEXT        NOT NULL DEFAULT ''
);
