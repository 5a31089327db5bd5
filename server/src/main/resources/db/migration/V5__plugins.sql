-- Drop-in plugins: what admins decided about each (enabled, settings) and the state plugins share between nodes.

-- One row per plugin name ever discovered. A newly found plugin is inserted disabled: code dropped into a folder
-- runs only once an admin enables it. settings is a JSON object of the admin's values, SECRETs included (they are
-- never returned by the API or written to the audit log).
CREATE TABLE plugin (
    name       VARCHAR(64)              NOT NULL PRIMARY KEY,
    enabled    BOOLEAN DEFAULT FALSE    NOT NULL,
    settings   CLOB                     NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(64)              NOT NULL
);

-- SharedState of each plugin: short texts by key, changed with compare-and-set statements so that several nodes
-- answering calls at once cannot lose each other's updates.
CREATE TABLE plugin_state (
    plugin      VARCHAR(64)              NOT NULL,
    state_key   VARCHAR(200)             NOT NULL,
    state_value VARCHAR(4000)            NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (plugin, state_key)
);
