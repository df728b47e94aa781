-- Anonymous visitors may zip a share when the anonymous group has `archive_download` (as in CE, the
-- admin decides), so an archive session's requester may be nobody. SQLite cannot drop NOT NULL in
-- place: the table is rebuilt and its rows (short-lived, signed URLs still out there) kept.
CREATE TABLE archive_sessions_new (
    id         TEXT PRIMARY KEY,                                         -- UUID, the URL's {session}
    owner_id   INTEGER REFERENCES users(id) ON DELETE CASCADE,           -- NULL: an anonymous visitor
    uris       TEXT NOT NULL,                                            -- JSON array of cloudreve URIs
    expires_at INTEGER NOT NULL                                          -- unix s; expired rows are purged
);
INSERT INTO archive_sessions_new (id, owner_id, uris, expires_at)
    SELECT id, owner_id, uris, expires_at FROM archive_sessions;
DROP TABLE archive_sessions;
ALTER TABLE archive_sessions_new RENAME TO archive_sessions;
