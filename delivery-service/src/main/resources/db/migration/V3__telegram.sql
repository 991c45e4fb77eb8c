-- Telegram (issue 16): which chat each TELEGRAM channel is linked to, and the bot's update offset. The API issues a
-- channel's one-time link code (api.telegram_link_codes, only its hash); the user sends "/start <code>" to the bot and
-- this service, polling the bot's updates, links the chat here: it cannot write schema api.

CREATE TABLE telegram_chats (
    channel_id BIGINT      PRIMARY KEY,
    chat_id    BIGINT      NOT NULL,
    -- the code that linked it: a code links one chat only, a repeat from the same chat is answered as linked
    code_hash  TEXT        NOT NULL UNIQUE,
    linked_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row: the next getUpdates offset (update_id + 1 of the last update handled, so a restart neither loses nor
-- replays an update) and the lease of the one instance that polls (Telegram refuses two concurrent getUpdates).
CREATE TABLE telegram_poller (
    id          SMALLINT PRIMARY KEY CHECK (id = 1),
    next_offset BIGINT,
    owner       TEXT,
    lease_until TIMESTAMPTZ
);

INSERT INTO telegram_poller (id) VALUES (1);
