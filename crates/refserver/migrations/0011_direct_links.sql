-- Direct links (file.md §Direct links): permanent public links `/f/{id}/{name}` to a file's current
-- content, and how many files one request may link (the group's `direct_link_batch_size`; 0 = none).
CREATE TABLE direct_links (
    id         INTEGER PRIMARY KEY,
    file_id    INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    owner_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    downloaded INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL                -- unix ms
);
CREATE INDEX direct_links_by_file ON direct_links(file_id);
ALTER TABLE groups ADD COLUMN direct_link_batch_size INTEGER NOT NULL DEFAULT 0;
UPDATE groups SET direct_link_batch_size = 10 WHERE id IN (1, 2);
