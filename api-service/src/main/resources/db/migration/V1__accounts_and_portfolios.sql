-- api-service owns this schema: accounts, credentials, portfolios and revoked bearer tokens.

CREATE TABLE users (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- stored lower-case: user names are case-insensitive
    username            TEXT        NOT NULL UNIQUE,
    -- a Spring Security DelegatingPasswordEncoder hash, e.g. {bcrypt}$2a$10$...
    password_hash       TEXT        NOT NULL,
    -- bumped on a password change: every token issued before it stops working
    security_version    INTEGER     NOT NULL DEFAULT 0,
    -- the seeded demo account; removed at start-up when the demo is switched off
    demo                BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    password_changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE portfolio_holdings (
    user_id  BIGINT         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- BTC/USD
    symbol   TEXT           NOT NULL,
    -- optional amount held
    quantity DOUBLE PRECISION CHECK (quantity >= 0),
    PRIMARY KEY (user_id, symbol)
);

CREATE TABLE revoked_tokens (
    -- the token's jti
    token_id   TEXT PRIMARY KEY,
    -- after this the token is expired anyway and the row can go
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX revoked_tokens_by_expiry ON revoked_tokens (expires_at);
