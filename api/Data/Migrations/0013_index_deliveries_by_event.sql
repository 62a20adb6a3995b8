-- Removing old events (feed retention) cascades to their webhook deliveries: find those by event, not by a scan.
CREATE INDEX webhook_deliveries_event_idx ON webhook_deliveries (event_id);
