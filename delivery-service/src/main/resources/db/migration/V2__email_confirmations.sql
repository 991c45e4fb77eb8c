-- The confirmation mail of each email channel's pending link, sent at least once (and normally once) per token: the
-- API writes the token's hash to api.alert_channels, delivery-service queues one row per (channel, hash) it sees and
-- sends it with the same claim-and-retry as deliveries. A new address (a new hash) is a new row.
CREATE TABLE email_confirmations (
    channel_id      BIGINT      NOT NULL,
    token_hash      BYTEA       NOT NULL,
    -- DROPPED: the link was followed, replaced by a newer one, expired, or its channel removed before it was sent
    state           TEXT        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SENT', 'FAILED', 'DROPPED')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ,
    last_error      TEXT,
    PRIMARY KEY (channel_id, token_hash)
);

CREATE INDEX email_confirmations_due ON email_confirmations (next_attempt_at) WHERE state = 'PENDING';
