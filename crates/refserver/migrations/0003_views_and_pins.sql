-- Server-side explorer views (file.md §4 "Update view setting") and sidebar pins ("Pins").
-- Views are stored as the ExplorerView JSON the client sent: the server only reads page_size, order
-- and order_direction back, everything else (layout, columns) is the client's business.
CREATE TABLE folder_views (
    file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
    view    TEXT NOT NULL
);

-- Roots without a folder row of their own (trash, shared_with_me) keep their view per user.
CREATE TABLE user_views (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    fs      TEXT NOT NULL,              -- file system name: 'trash', 'shared_with_me'
    view    TEXT NOT NULL,
    PRIMARY KEY (user_id, fs)
);

-- Pins in the order they were added (row id); one pin per normalised URI.
CREATE TABLE pins (
    id      INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    uri     TEXT NOT NULL,
    name    TEXT NOT NULL DEFAULT '',
    UNIQUE (user_id, uri)
);
