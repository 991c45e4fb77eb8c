-- "Send a test alert" (POST /api/me/channels/{id}/test): the API records the request here; delivery-service polls
-- this table (read only) and turns each request into one delivery of a clearly marked test alert through the
-- channel's real sender, recording in its own schema (delivery.test_sends) which requests it took, so each is sent
-- once. No market alert is made, so nobody else can receive it.
CREATE TABLE channel_test_requests (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel_id   BIGINT      NOT NULL REFERENCES alert_channels (id) ON DELETE CASCADE,
    user_id      BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- the rate limit looks up a channel's latest request
CREATE INDEX channel_test_requests_by_channel ON channel_test_requests (channel_id, requested_at DESC);

-- delivery-service reads the requests, nothing more (docker/postgres/marketpulse-roles.sql grants the same when the
-- role is created after this migration ran)
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'marketpulse_delivery') THEN
        GRANT SELECT ON channel_test_requests TO marketpulse_delivery;
    END IF;
END
$$;
