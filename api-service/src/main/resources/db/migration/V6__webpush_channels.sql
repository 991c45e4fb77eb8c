-- Web Push channels (issue 16): a browser's push subscription. target holds its endpoint (the push service's URL,
-- https); secret_sealed its keys p256dh and auth (alert-rules' PushSecret), sealed for delivery-service like any
-- channel secret, as whoever holds them can read the notifications. The type list is stated whole, so it stays right
-- whichever of the other channel kinds' migrations ran before.
ALTER TABLE alert_channels DROP CONSTRAINT IF EXISTS alert_channels_type_check;
ALTER TABLE alert_channels ADD CONSTRAINT alert_channels_type_check
    CHECK (type IN ('WEBHOOK', 'EMAIL', 'TELEGRAM', 'WEBPUSH'));
