-- Quiet-hours digests (issue 16): the alerts held for one channel until the end of its owner's quiet hours go out
-- there as ONE message. Each held alert keeps its own delivery row (so the unique key (channel, alert, severity) still
-- de-duplicates it); at the end they are carried by one digest delivery, a row of this same table, which is claimed,
-- retried, logged and paused like any delivery.

-- While set, the delivery waits for the digest formed at this instant (the end of the quiet hours that held it) and
-- is never claimed alone. Cleared when the digest is formed, or when the delivery turns out to be the only one held
-- for its channel then (it goes out as a normal single-alert message).
ALTER TABLE deliveries ADD COLUMN held_until TIMESTAMPTZ;

-- a digest: its payload is {digest: true, heldUntil, alerts: [{alert, impact}, ...]}
ALTER TABLE deliveries ADD COLUMN digest BOOLEAN NOT NULL DEFAULT FALSE;

-- a held delivery carried by a digest (state DIGESTED): the digest's state and attempts are its own
ALTER TABLE deliveries ADD COLUMN digest_id UUID REFERENCES deliveries (id) ON DELETE CASCADE;

ALTER TABLE deliveries DROP CONSTRAINT deliveries_state_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_state_check
    CHECK (state IN ('PENDING', 'SENT', 'FAILED', 'DIGESTED'));

CREATE INDEX deliveries_held ON deliveries (held_until) WHERE held_until IS NOT NULL;
CREATE INDEX deliveries_by_digest ON deliveries (digest_id) WHERE digest_id IS NOT NULL;

-- alerts already held when this version starts wait for the digest too
UPDATE deliveries SET held_until = (payload ->> 'heldUntil')::timestamptz
WHERE state = 'PENDING' AND attempts = 0 AND NOT test AND payload ->> 'heldUntil' IS NOT NULL;
