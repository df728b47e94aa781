-- Generated thumbnails (one per source blob, shared by copies) and locks on files.
CREATE TABLE thumbnails (
    id          INTEGER PRIMARY KEY,
    source_blob TEXT NOT NULL UNIQUE,   -- blob the thumbnail was made from
    blob        TEXT NOT NULL,          -- the thumbnail's own file under data/blobs
    size        INTEGER NOT NULL,
    created_at  INTEGER NOT NULL        -- unix ms
);

CREATE TABLE locks (
    token      TEXT PRIMARY KEY,
    file_id    INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    owner_id   INTEGER NOT NULL REFERENCES users(id),   -- who took the lock
    app_type   TEXT NOT NULL,                           -- errors.md §3 owner.application.type
    zero_depth INTEGER NOT NULL DEFAULT 0,              -- 1: a folder lock that does not cover children
    expires_at INTEGER NOT NULL                         -- unix s; expired rows are ignored and purged
);
CREATE INDEX locks_file ON locks(file_id);
