-- Test sends (issue 16): a request the owner made through the API (api.channel_test_requests, read only here)
-- becomes one delivery of a test alert. The request id is the key, so each request is taken once, whichever instance
-- polls first and however often: the row is claimed first, its delivery written in the same transaction (hence the
-- deferred check).
CREATE TABLE test_sends (
    request_id  BIGINT      PRIMARY KEY,
    delivery_id UUID        NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    taken_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- the delivery log marks test deliveries (their alert is not a market alert)
ALTER TABLE deliveries ADD COLUMN test BOOLEAN NOT NULL DEFAULT FALSE;

-- The API shows each user their delivery log and their channels' pauses: read only, no secrets in these tables.
-- docker/postgres/marketpulse-roles.sql grants the same (with default privileges for later tables) when the API's
-- role exists; this covers a database where it was created after delivery-service's schema.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'marketpulse_api') THEN
        GRANT USAGE ON SCHEMA delivery TO marketpulse_api;
        GRANT SELECT ON deliveries, attempts, channel_health, test_sends TO marketpulse_api;
    END IF;
END
$$;
