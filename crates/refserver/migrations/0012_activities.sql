-- What happened to files (file.md §List file activities): one row per event, and one scope row
-- for the file and each folder above it at the time, so a folder's feed holds everything that
-- happened inside it, even to items moved out or deleted since.
CREATE TABLE activities (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    file_id    INTEGER NOT NULL,          -- the item (no foreign key: the history outlives it)
    actor_id   INTEGER,                   -- NULL: an anonymous visitor or the system
    category   INTEGER NOT NULL,          -- file.md §Activity categories
    content    TEXT NOT NULL,             -- the LogEntry as JSON
    entity_id  INTEGER,                   -- the version (blob) concerned
    created_at INTEGER NOT NULL           -- unix ms
);

CREATE TABLE activity_scopes (
    file_id     INTEGER NOT NULL,
    activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    PRIMARY KEY (file_id, activity_id)
) WITHOUT ROWID;
