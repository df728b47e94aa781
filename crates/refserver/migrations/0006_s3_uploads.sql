-- Uploads that go straight to an S3-compatible bucket (file.md §S3-style multipart).
--
-- An S3 session has no part file: the browser PUTs parts to presigned URLs of the provider's
-- multipart upload `upload_id` on object `object_key`, and the callback turns that object into the
-- file's blob. Both are '' for sessions whose bytes come to this server.
ALTER TABLE upload_sessions ADD COLUMN upload_id TEXT NOT NULL DEFAULT '';
ALTER TABLE upload_sessions ADD COLUMN object_key TEXT NOT NULL DEFAULT '';
