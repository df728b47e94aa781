-- Share links (share.md). A share exposes one file or folder of its owner's `my` tree; visitors
-- reach it through the `share` file system. Counters live on the row.
CREATE TABLE shares (
    id               INTEGER PRIMARY KEY,
    owner_id         INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    file_id          INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    password         TEXT NOT NULL DEFAULT '',   -- '' = public
    expires_at       INTEGER,                    -- unix ms; NULL = never
    remain_downloads INTEGER,                    -- NULL = unlimited
    downloaded       INTEGER NOT NULL DEFAULT 0,
    visited          INTEGER NOT NULL DEFAULT 0,
    share_view       INTEGER NOT NULL DEFAULT 0,
    show_readme      INTEGER NOT NULL DEFAULT 0,
    created_at       INTEGER NOT NULL            -- unix ms
);
CREATE INDEX shares_by_owner ON shares(owner_id, id);
CREATE INDEX shares_by_file ON shares(file_id);
