-- The call log's decision trace (issue 6): why each CALL_ACTION got its answer, written with the event by the
-- recorder, off the call path. Numbers are stored masked unless CALLROUTE_CALL_LOG_NUMBERS=full (the virtual
-- number, ours, is kept); rows older than CALLROUTE_CALL_LOG_RETENTION are purged.
ALTER TABLE webhook_event ADD COLUMN source_number VARCHAR(40);
ALTER TABLE webhook_event ADD COLUMN destination_number VARCHAR(40);
-- From arrival to answer, parsing and serialising included (decision_micros is the decision alone).
ALTER TABLE webhook_event ADD COLUMN total_micros BIGINT;
-- The rules version that answered; 0 for rules not published as a version.
ALTER TABLE webhook_event ADD COLUMN rules_version INT;
-- ruleSet/ruleId of the deciding rule without the version (rule_name carries "@v7"), for per-rule analytics.
ALTER TABLE webhook_event ADD COLUMN deciding_rule VARCHAR(200);
-- JSON array of every rule that matched, the winner first.
ALTER TABLE webhook_event ADD COLUMN matched_rules VARCHAR(2000);
ALTER TABLE webhook_event ADD COLUMN menu_in VARCHAR(200);
ALTER TABLE webhook_event ADD COLUMN menu_out VARCHAR(200);
-- key:<k>, digits:<n> (several keys: may be a PIN, never stored), timeout, or NULL when no prompt was answered.
ALTER TABLE webhook_event ADD COLUMN dtmf VARCHAR(32);
-- The fallback's reason as a short code (no_match, deadline, error…); fallback_reason has the sentence.
ALTER TABLE webhook_event ADD COLUMN fallback_kind VARCHAR(64);
-- JSON array of {plugin, calls, micros, failures}; NULL when no plugin was called.
ALTER TABLE webhook_event ADD COLUMN plugin_calls VARCHAR(2000);

CREATE INDEX webhook_event_rule ON webhook_event (deciding_rule, received_at);
-- A test case is saved from a call by 8x8's eventId as well as by log id.
CREATE INDEX webhook_event_event_id ON webhook_event (event_id);
CREATE INDEX webhook_event_menu_in ON webhook_event (menu_in, received_at);
CREATE INDEX webhook_event_menu_out ON webhook_event (menu_out, received_at);
CREATE INDEX webhook_event_source_number ON webhook_event (source_number);
CREATE INDEX webhook_event_destination_number ON webhook_event (destination_number);
