-- Users, groups, the file tree, revoked logins and per-installation secrets.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE groups (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    permission  TEXT NOT NULL,      -- boolset, wire form
    max_storage INTEGER NOT NULL    -- bytes
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    nickname      TEXT NOT NULL,
    password_hash TEXT,             -- argon2 PHC string; NULL = passwordless
    status        TEXT NOT NULL DEFAULT 'active',
    group_id      INTEGER NOT NULL REFERENCES groups(id),
    totp_secret   TEXT,             -- base32; NULL = no 2FA
    language      TEXT NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL  -- unix ms
);

CREATE TABLE files (
    id         INTEGER PRIMARY KEY,
    owner_id   INTEGER NOT NULL REFERENCES users(id),
    parent_id  INTEGER REFERENCES files(id),   -- NULL for a user's root folder
    name       TEXT NOT NULL,
    type       INTEGER NOT NULL,               -- 0 file, 1 folder
    size       INTEGER NOT NULL DEFAULT 0,
    blob       TEXT,                           -- file name under data/blobs; NULL for folders/empty
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (parent_id, name)
);
CREATE UNIQUE INDEX files_root ON files(owner_id) WHERE parent_id IS NULL;
CREATE INDEX files_children ON files(parent_id, type, name COLLATE NOCASE);

CREATE TABLE revoked_logins (
    root_token_id TEXT PRIMARY KEY,
    expires_at    INTEGER NOT NULL  -- unix s; rows past this may be purged
);

-- The three built-in groups. Permission boolsets (models.md §Group permission bits):
-- Admin {0,2,3,4,5,7,9,12}, User {2,3,4,7}, Anonymous {1,7} (share_download lets visitors open shares).
INSERT INTO groups (id, name, permission, max_storage) VALUES
    (1, 'Admin', 'vRI=', 1099511627776),
    (2, 'User', 'nA==', 1073741824),
    (3, 'Anonymous', 'gg==', 0);
