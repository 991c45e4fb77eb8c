-- Telegram channels (issue 16) are linked by their owner sending "/start <code>" to the bot. The API issues the
-- one-time code and shows it once; only its SHA-256 is kept (a newer code for the channel replaces it). delivery-service
-- polls the bot, matches the code here and records the linked chat in its own schema (it cannot write this one).

CREATE TABLE telegram_link_codes (
    channel_id   BIGINT      PRIMARY KEY REFERENCES alert_channels (id) ON DELETE CASCADE,
    code_hash    TEXT        NOT NULL UNIQUE,
    -- the bot answers "Linked to MarketPulse as <account>": delivery-service may not read api.users
    account_name TEXT        NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'marketpulse_delivery') THEN
        GRANT SELECT ON telegram_link_codes TO marketpulse_delivery;
    END IF;
END
$$;
