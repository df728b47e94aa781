-- Storage policies as data, folder mounts, and upload sessions (file.md §5).

-- One row per storage policy. Columns every type shares are real columns (they are on the wire or
-- decide the protocol); what only one type needs (an S3 bucket, endpoint, keys...) lives in the JSON
-- object `settings`, read by that type's code alone.
CREATE TABLE policies (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL,
    type                TEXT NOT NULL,                      -- 'local' (more types add their own code)
    chunk_size          INTEGER NOT NULL DEFAULT 26214400,  -- bytes; 0 = the whole file in one request
    max_size            INTEGER NOT NULL DEFAULT 0,         -- bytes per file; 0 = unlimited
    allowed_suffix      TEXT NOT NULL DEFAULT '[]',         -- JSON array of extensions; [] = all
    denied_suffix       TEXT NOT NULL DEFAULT '[]',         -- JSON array of extensions
    allowed_name_regexp TEXT NOT NULL DEFAULT '',
    denied_name_regexp  TEXT NOT NULL DEFAULT '',
    chunk_concurrency   INTEGER NOT NULL DEFAULT 3,         -- chunks a client may send at once
    relay               INTEGER NOT NULL DEFAULT 0,         -- 1: data goes through this server
    settings            TEXT NOT NULL DEFAULT '{}'          -- JSON object, type-specific
);
INSERT INTO policies (id, name, type) VALUES (1, 'Default storage policy', 'local');

-- SQLite refuses ADD COLUMN ... REFERENCES with a non-NULL default while foreign keys are on, so the
-- group's policy is checked by the code that writes it (the test hook) instead.
ALTER TABLE groups ADD COLUMN policy_id INTEGER NOT NULL DEFAULT 1;
-- A folder mount: this folder and everything below it (down to the next mount) use this policy.
ALTER TABLE files ADD COLUMN policy_id INTEGER REFERENCES policies(id);

-- An upload in progress. The part file is data/uploads/<id>; the placeholder (or the existing file a
-- `version` upload replaces) is `file_id`, locked by `lock_token` until the session ends.
CREATE TABLE upload_sessions (
    id              TEXT PRIMARY KEY,                   -- UUID we generate
    owner_id        INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    file_id         INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    placeholder     INTEGER NOT NULL,                   -- 1: file_id was created by this upload
    uri             TEXT NOT NULL,                      -- the target URI, as answered
    size            INTEGER NOT NULL,
    chunk_size      INTEGER NOT NULL,
    policy_id       INTEGER NOT NULL REFERENCES policies(id),
    expires_at      INTEGER NOT NULL,                   -- unix s
    callback_secret TEXT NOT NULL,
    lock_token      TEXT NOT NULL,
    last_modified   INTEGER,                            -- unix ms, applied on completion
    mime_type       TEXT,
    metadata        TEXT NOT NULL DEFAULT '{}',         -- JSON object, applied on completion
    entity_type     TEXT NOT NULL DEFAULT '',           -- '' or 'version'
    created_at      INTEGER NOT NULL                    -- unix ms
);
CREATE INDEX upload_sessions_expiry ON upload_sessions(expires_at);

-- Chunks received in full; a re-sent chunk keeps its one row.
CREATE TABLE upload_chunks (
    session_id TEXT NOT NULL REFERENCES upload_sessions(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    PRIMARY KEY (session_id, idx)
);
