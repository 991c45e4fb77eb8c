-- Alerts that reach people (issue 16): a user's alert rules, snoozed coins and delivery channels. api-service owns
-- them; delivery-service (role marketpulse_delivery) only reads them, with the portfolios, to decide who is told.

CREATE TABLE alert_rule_sets (
    user_id    BIGINT      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- alert-rules' RuleSetJson: time zone, defaults, per-coin overrides
    rules      JSONB       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE alert_snoozes (
    user_id BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    symbol  TEXT        NOT NULL,
    -- no alert of the coin is sent before this
    until   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, symbol)
);

CREATE TABLE alert_channels (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type          TEXT        NOT NULL CHECK (type IN ('WEBHOOK', 'EMAIL', 'TELEGRAM')),
    name          TEXT        NOT NULL,
    -- WEBHOOK: the URL; EMAIL: the address; TELEGRAM: the chat id once linked
    target        TEXT,
    -- the channel's secret (a webhook's signing secret) sealed with delivery-service's public key (alert-rules'
    -- SealedBox): the API cannot read it back, only delivery-service can
    secret_sealed BYTEA,
    enabled       BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- delivery-service resumes a channel it paused for failing once its owner changed or re-enabled it after that
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX alert_channels_by_user ON alert_channels (user_id);

-- delivery-service reads these and nothing else of schema api (no users, no password hashes, no tokens). Its role
-- may not exist yet (a database from before it): docker/postgres/marketpulse-roles.sql grants the same when it does.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'marketpulse_delivery') THEN
        GRANT USAGE ON SCHEMA api TO marketpulse_delivery;
        GRANT SELECT ON portfolio_holdings, alert_rule_sets, alert_snoozes, alert_channels TO marketpulse_delivery;
    END IF;
END
$$;
