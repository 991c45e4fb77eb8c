-- Email channels (issue 16): an address receives alerts only once its owner followed the link mailed to it. The API
-- keeps only the link token's SHA-256 (a database reader cannot confirm someone else's address); the token itself
-- is sealed for delivery-service into secret_sealed, which mails the link. A new address needs a new confirmation.
ALTER TABLE alert_channels
    -- when the owner followed the link; NULL: nothing is sent to the address
    ADD COLUMN confirmed_at       TIMESTAMPTZ,
    -- SHA-256 of the one-time token in the link, NULL once used (or for other types)
    ADD COLUMN confirm_token_hash BYTEA,
    ADD COLUMN confirm_expires_at TIMESTAMPTZ;

-- following a link finds its channel by the token's hash; delivery-service finds the confirmations still to mail
CREATE UNIQUE INDEX alert_channels_confirm_token ON alert_channels (confirm_token_hash)
    WHERE confirm_token_hash IS NOT NULL;
