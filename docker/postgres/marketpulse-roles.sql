-- MarketPulse's least-privilege database roles, run by the PostgreSQL superuser in the marketpulse database: by the
-- postgres image on first start (docker/compose.yaml mounts it into /docker-entrypoint-initdb.d) and by the local
-- stack at every start (local-stack's Postgres reads this very file from its classpath). It is idempotent, so an
-- operator can also run it by hand on a database from before these roles:
--   docker compose exec postgres psql -U postgres -d marketpulse -f /docker-entrypoint-initdb.d/10-marketpulse-roles.sql
--
-- detection-service owns schema detection (alerts, bars, models; its Flyway migrates it), api-service owns schema api
-- (accounts, portfolios, alert rules and channels, revoked tokens) and only reads detection.*, delivery-service owns
-- schema delivery (decisions, deliveries, attempts) and only reads the api tables that say who holds what and where
-- to send. None is a superuser nor owns the database: none can run programs on the server (COPY ... FROM PROGRAM),
-- read another's secrets or write another's data.
--
-- The passwords come from the environment (psql's \getenv; the local stack substitutes them the same way).
\getenv detection_password MARKETPULSE_DETECTION_DB_PASSWORD
\getenv api_password MARKETPULSE_API_DB_PASSWORD
\getenv delivery_password MARKETPULSE_DELIVERY_DB_PASSWORD

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'marketpulse_detection') THEN
        CREATE ROLE marketpulse_detection;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'marketpulse_api') THEN
        CREATE ROLE marketpulse_api;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'marketpulse_delivery') THEN
        CREATE ROLE marketpulse_delivery;
    END IF;
END
$$;
ALTER ROLE marketpulse_detection WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'detection_password';
ALTER ROLE marketpulse_api WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'api_password';
ALTER ROLE marketpulse_delivery WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'delivery_password';

-- Nobody but the superuser creates objects outside the two schemas (PostgreSQL 15+ already revokes this by default;
-- a cluster upgraded from an older version keeps the old grant).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- Each service owns its schema, so its Flyway creates and alters tables there and nowhere else.
CREATE SCHEMA IF NOT EXISTS detection AUTHORIZATION marketpulse_detection;
CREATE SCHEMA IF NOT EXISTS api AUTHORIZATION marketpulse_api;
CREATE SCHEMA IF NOT EXISTS delivery AUTHORIZATION marketpulse_delivery;
ALTER SCHEMA detection OWNER TO marketpulse_detection;
ALTER SCHEMA api OWNER TO marketpulse_api;
ALTER SCHEMA delivery OWNER TO marketpulse_delivery;
REVOKE ALL ON SCHEMA detection FROM PUBLIC;
REVOKE ALL ON SCHEMA api FROM PUBLIC;
REVOKE ALL ON SCHEMA delivery FROM PUBLIC;

-- A database from before these roles had every table owned by one login: hand each table (with its identity
-- sequences and indexes) to the service whose schema holds it, or that service's next migration would fail.
DO $$
DECLARE
    stale record;
BEGIN
    FOR stale IN
        SELECT n.nspname AS schema_name, c.relname AS table_name,
               CASE n.nspname WHEN 'detection' THEN 'marketpulse_detection' ELSE 'marketpulse_api' END AS owner
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN ('detection', 'api') AND c.relkind IN ('r', 'p')
          AND pg_get_userbyid(c.relowner) <> CASE n.nspname WHEN 'detection' THEN 'marketpulse_detection'
                                                            ELSE 'marketpulse_api' END
    LOOP
        EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', stale.schema_name, stale.table_name, stale.owner);
    END LOOP;
END
$$;

-- The API reads detection's tables: those there today and, through default privileges, every table detection's
-- Flyway adds later (default privileges apply to objects marketpulse_detection creates). Read only: no INSERT,
-- UPDATE, DELETE, TRUNCATE or CREATE there. detection gets nothing on schema api.
GRANT USAGE ON SCHEMA detection TO marketpulse_api;
GRANT SELECT ON ALL TABLES IN SCHEMA detection TO marketpulse_api;
ALTER DEFAULT PRIVILEGES FOR ROLE marketpulse_detection IN SCHEMA detection GRANT SELECT ON TABLES TO marketpulse_api;

-- The API reads delivery's tables (a channel's pause, the delivery log) to show them to their owner: those there
-- today and every table delivery's Flyway adds later. Read only; delivery's tables hold no secrets.
GRANT USAGE ON SCHEMA delivery TO marketpulse_api;
GRANT SELECT ON ALL TABLES IN SCHEMA delivery TO marketpulse_api;
ALTER DEFAULT PRIVILEGES FOR ROLE marketpulse_delivery IN SCHEMA delivery GRANT SELECT ON TABLES TO marketpulse_api;

-- delivery-service reads who holds a coin, their rules, snoozes and channels, and the owners' test-send requests, and
-- nothing else of schema api (no users, password hashes or tokens). api-service's migrations V3 and V7 grant this
-- when they create those tables; this covers a database where they were created before the delivery role existed.
-- Read only, and nothing on detection.
GRANT USAGE ON SCHEMA api TO marketpulse_delivery;
DO $$
DECLARE
    readable text;
BEGIN
    FOREACH readable IN ARRAY ARRAY['portfolio_holdings', 'alert_rule_sets', 'alert_snoozes', 'alert_channels',
                                    'telegram_link_codes',
                                    'channel_test_requests'] LOOP
        IF to_regclass('api.' || readable) IS NOT NULL THEN
            EXECUTE format('GRANT SELECT ON api.%I TO marketpulse_delivery', readable);
        END IF;
    END LOOP;
END
$$;
