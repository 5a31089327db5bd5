-- Number masking: pairs of parties who reach each other through a virtual number without seeing each other's number,
-- created by a booking backend through /api/masking/sessions and looked up (from memory) on every masked call.

-- Users may now hold the masking role, which reaches nothing but the masking API.
ALTER TABLE app_user DROP CONSTRAINT app_user_role;
ALTER TABLE app_user ADD CONSTRAINT app_user_role
    CHECK (role IN ('VIEWER', 'EDITOR', 'PUBLISHER', 'ADMIN', 'MASKING'));

-- Every session, live, ended or expired, until the purge deletes it CALLROUTE_MASKING_RETENTION after it ended or
-- expired. Sessions never change except to end (ended_at) or to give up their reference (live_reference).
-- updated_at moves on every change: other nodes read the rows changed since their last look to update their index.
CREATE TABLE masking_session (
    id             VARCHAR(40)              NOT NULL PRIMARY KEY,
    virtual_number VARCHAR(16)              NOT NULL,
    party_a        VARCHAR(16)              NOT NULL,
    party_b        VARCHAR(16)              NOT NULL,
    reference      VARCHAR(128),
    -- The reference while the session holds it: set at create, cleared when the session ends or when a new create
    -- with the same reference finds it expired. The unique index makes "one live session per reference" hold under
    -- concurrent creates (NULLs do not collide); reference keeps the value for listing and history.
    live_reference VARCHAR(128),
    recording      BOOLEAN DEFAULT FALSE    NOT NULL,
    greeting       VARCHAR(3000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     VARCHAR(64)              NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE,
    ended_at       TIMESTAMP WITH TIME ZONE,
    ended_by       VARCHAR(64),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX masking_session_live_reference ON masking_session (live_reference);
CREATE INDEX masking_session_reference ON masking_session (reference, created_at);
CREATE INDEX masking_session_virtual_number ON masking_session (virtual_number, created_at);
CREATE INDEX masking_session_party_a ON masking_session (party_a, created_at);
CREATE INDEX masking_session_party_b ON masking_session (party_b, created_at);
CREATE INDEX masking_session_created ON masking_session (created_at);
CREATE INDEX masking_session_updated ON masking_session (updated_at);
CREATE INDEX masking_session_ended ON masking_session (ended_at);
CREATE INDEX masking_session_expires ON masking_session (expires_at);

-- Who may be reached through which virtual number right now: one row per party of every session that is not ended
-- (an expired one keeps its rows until a create for the same pair or the purge removes them). The primary key is
-- what guarantees that no two live sessions share a (virtual number, party), even when two creates race: the
-- second insert fails and that create answers 409.
CREATE TABLE masking_party (
    virtual_number VARCHAR(16) NOT NULL,
    party          VARCHAR(16) NOT NULL,
    session_id     VARCHAR(40) NOT NULL REFERENCES masking_session (id) ON DELETE CASCADE,
    PRIMARY KEY (virtual_number, party)
);
CREATE INDEX masking_party_session ON masking_party (session_id);

-- The masking session a CALL_ACTION was answered with (filled by the call path), so a user can list the calls of a
-- booking: GET /api/masking/sessions/{id}/calls. Not a foreign key: the call log outlives purged sessions.
ALTER TABLE webhook_event ADD COLUMN masking_session_id VARCHAR(40);
CREATE INDEX webhook_event_masking_session ON webhook_event (masking_session_id);
