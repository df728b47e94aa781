-- WOPI viewer sessions (file.md §7) and WOPI locks.
--
-- A session lets a WOPI client act as `user_id` on `file_id` only. The access token is
-- `<id>.<128 random characters>`; only its SHA-256 is kept, so the database cannot replay it.
CREATE TABLE viewer_sessions (
    id         TEXT PRIMARY KEY,                                          -- UUID, the token's prefix
    token_hash TEXT NOT NULL,                                             -- hex SHA-256 of the whole token
    file_id    INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    version_id INTEGER,                                                   -- a kept version opened read-only; NULL: current
    expires_at INTEGER NOT NULL                                           -- unix ms; expired rows are purged
);
-- A WOPI lock is an ordinary `viewer` lock (so every other writer meets 40073) that also carries
-- the client's lock string (X-WOPI-Lock).
ALTER TABLE locks ADD COLUMN wopi_lock TEXT;
