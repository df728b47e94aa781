-- File versions (file.md §Versions): the blobs a file has had and still keeps.
--
-- `files.blob`/`files.size` stay the file's current content, so every reader of the tree is
-- unchanged. `files.version_id` names the versions row of that content; it is NULL for content
-- written before it was versioned (or by a copy), whose entity id is then the file's own
-- (`EntityRef::File`). It carries no foreign key: the two tables point at each other, and the
-- versions rows of a file go with it (ON DELETE CASCADE).
CREATE TABLE versions (
    id         INTEGER PRIMARY KEY,
    file_id    INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    blob       TEXT,                               -- NULL: empty content
    size       INTEGER NOT NULL,
    created_at INTEGER NOT NULL,                   -- unix ms
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX versions_file ON versions(file_id);
CREATE INDEX versions_blob ON versions(blob);
ALTER TABLE files ADD COLUMN version_id INTEGER;
