//! File endpoints (file.md).

use crate::endpoint;
use crate::models::{CreateFileRequest, FileResponse, ListFilesRequest, ListResponse};

// GET /file: list a folder or search.
endpoint!(ListFilesRequest, Get "/file", Optional, Query => ListResponse);
// POST /file/create: create an empty file or a folder.
endpoint!(CreateFileRequest, Post "/file/create", Optional, Json => FileResponse);
