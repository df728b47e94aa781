-- Archive downloads (file.md §Create download URL, `archive`): who asked for which items. The zip
-- is built when the signed URL is fetched, from these URIs and the owner's rights at that time, so
-- the URL stays short however many items it covers.
CREATE TABLE archive_sessions (
    id         TEXT PRIMARY KEY,                                         -- UUID, the URL's {session}
    owner_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    uris       TEXT NOT NULL,                                            -- JSON array of cloudreve URIs
    expires_at INTEGER NOT NULL                                          -- unix s; expired rows are purged
);
