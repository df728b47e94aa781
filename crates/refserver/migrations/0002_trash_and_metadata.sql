-- Each user gets a second root, the trash (fs = 1), and files get public metadata
-- (sys:restore_uri and sys:expected_collect_time for trashed items, tags, ...).
ALTER TABLE files ADD COLUMN fs INTEGER NOT NULL DEFAULT 0;   -- 0 my, 1 trash (roots only)
DROP INDEX files_root;
CREATE UNIQUE INDEX files_root ON files(owner_id, fs) WHERE parent_id IS NULL;

CREATE TABLE metadata (
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    key     TEXT NOT NULL,
    value   TEXT NOT NULL,
    PRIMARY KEY (file_id, key)
);
