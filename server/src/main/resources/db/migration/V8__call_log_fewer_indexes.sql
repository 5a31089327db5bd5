-- Issue 9: the call log writer keeps every index on webhook_event up to date for every webhook, on the same cores
-- as the calls; an index whose key lands at random places (numbers, rule names) also makes H2 write a whole index
-- page again for nearly every row. These five were dropped (docs/PERFORMANCE.md has the cost per row before and
-- after); the queries keep what they need (CallLogQueryPlanTest):
-- * the number filter of GET /api/calls (source_number IN (…) OR destination_number IN (…)) never used its two
--   indexes: H2 plans it as a newest-first scan of the primary key that stops at the page size;
-- * the rule filter of GET /api/calls is now planned the same way — cheap for rules that fire, a longer scan for a
--   rule that has not fired for a long time (a time window, from/to, bounds it by received_at);
-- * the analytics (hits per rule, menu funnels) select their time window through webhook_event_received.
-- Kept: received_at (windows, purge), session_id, event_id (a test case from a call), masking_session_id.
DROP INDEX webhook_event_menu_in;
DROP INDEX webhook_event_menu_out;
DROP INDEX webhook_event_source_number;
DROP INDEX webhook_event_destination_number;
DROP INDEX webhook_event_rule;
