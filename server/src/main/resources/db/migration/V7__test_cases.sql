-- Saved test cases: an 8x8 event and the answer the rules must give it. Every validation and publish runs them all;
-- a failing case blocks the publish unless a publisher overrides it (audited).

-- event is the JSON as 8x8 sends it (whole envelope or only the CALL_ACTION payload), as the author gave it or as the
-- call log kept it (numbers masked). expectation is a JSON object: {"rule": "set/id"}, {"callflow": …} (both may be
-- given) or {"fallback": true}. revision increases on every change; an edit based on another one is refused (409).
CREATE TABLE test_case (
    name        VARCHAR(100)             NOT NULL PRIMARY KEY,
    description VARCHAR(2000),
    event       VARCHAR(1000000)         NOT NULL,
    expectation VARCHAR(1000000)         NOT NULL,
    -- The call-log entry (webhook_event.id) the case was made from, if any. Not a foreign key: the log is purged.
    source_call BIGINT,
    revision    BIGINT                   NOT NULL,
    created_by  VARCHAR(64)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(64)              NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

