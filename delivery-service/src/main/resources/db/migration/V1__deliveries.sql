-- delivery-service owns this schema: what it decided for each holder of an alert's coin, each delivery to a channel
-- (with its retry state, so a restart mid-retry resumes), every attempt, and each channel's run of failures. It reads
-- the API's portfolios, rules, snoozes and channels (schema api) and never writes them.

-- One decision per user, alert and severity: a redelivered record finds its decision made and does nothing; an
-- episode that grows (same alert id, higher severity) is decided again.
CREATE TABLE decisions (
    user_id    BIGINT           NOT NULL,
    alert_id   TEXT             NOT NULL,
    severity   INTEGER          NOT NULL,
    symbol     TEXT             NOT NULL,
    type       TEXT             NOT NULL,
    -- the alert's event time: cooldowns are measured between alerts in event time
    event_time TIMESTAMPTZ      NOT NULL,
    price      DOUBLE PRECISION NOT NULL,
    outcome    TEXT             NOT NULL CHECK (outcome IN ('DELIVER', 'HOLD', 'SUPPRESS')),
    -- alert-rules' Decision.Reason when held or suppressed
    reason     TEXT,
    decided_at TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, alert_id, severity)
);

-- what the cooldown looks up: the user's last alert of a coin and type that was told (or held for them)
CREATE INDEX decisions_told ON decisions (user_id, symbol, type, event_time DESC) WHERE outcome <> 'SUPPRESS';

-- At most one delivery of an alert (at a severity) to a channel: the unique key makes a second one impossible unless
-- the service dies between sending and recording the send.
CREATE TABLE deliveries (
    -- sent as deliveryId and X-MarketPulse-Delivery: a receiver drops one it has seen
    id              UUID        PRIMARY KEY,
    channel_id      BIGINT      NOT NULL,
    user_id         BIGINT      NOT NULL,
    alert_id        TEXT        NOT NULL,
    severity        INTEGER     NOT NULL,
    -- what is sent, less the delivery id: the alert and the holding's impact (json, not jsonb: kept as written)
    payload         JSON        NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    -- due (quiet hours: their end; a retry: after its back-off; a claimed one: when its claim lapses)
    next_attempt_at TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ,
    last_error      TEXT,
    UNIQUE (channel_id, alert_id, severity)
);

CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX deliveries_by_user ON deliveries (user_id, created_at DESC);

-- the delivery log: every attempt and its outcome
CREATE TABLE attempts (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id  UUID        NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    attempted_at TIMESTAMPTZ NOT NULL,
    -- SENT, RETRY (a 5xx, 429, timeout or connection failure), FAILED (refused target, 4xx, attempts used up)
    outcome      TEXT        NOT NULL,
    http_status  INTEGER,
    detail       TEXT
);

CREATE INDEX attempts_by_delivery ON attempts (delivery_id, attempted_at);

-- A channel that keeps failing is paused; its owner changing or re-enabling it (api.alert_channels.updated_at after
-- paused_at) resumes it.
CREATE TABLE channel_health (
    channel_id           BIGINT      PRIMARY KEY,
    consecutive_failures INTEGER     NOT NULL DEFAULT 0,
    paused_at            TIMESTAMPTZ
);
