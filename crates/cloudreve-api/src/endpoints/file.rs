//! File endpoints (file.md).

use crate::endpoint;
use crate::models::{
    CreateDownloadUrlRequest, CreateFileRequest, DeleteFilesRequest, FileResponse,
    FileThumbResponse, FileUrlResponse, ForceUnlockRequest, GetFileInfoRequest, GetThumbRequest,
    ListFilesRequest, ListResponse, MoveFilesRequest, PatchMetadataRequest, PinFileRequest,
    RenameFileRequest, RestoreFilesRequest, UnpinFileRequest, UpdateViewRequest,
};

// GET /file: list a folder or search.
endpoint!(ListFilesRequest, Get "/file", Optional, Query => ListResponse);
// POST /file/create: create an empty file or a folder.
endpoint!(CreateFileRequest, Post "/file/create", Optional, Json => FileResponse);
// GET /file/info: one item, optionally with versions and a folder summary.
endpoint!(GetFileInfoRequest, Get "/file/info", Optional, Query => FileResponse);
// POST /file/rename: rename an item.
endpoint!(RenameFileRequest, Post "/file/rename", Optional, Json => FileResponse);
// POST /file/move: move or copy items into a folder.
endpoint!(MoveFilesRequest, Post "/file/move", Optional, Json => ());
// DELETE /file: move items to the trash, or delete them for good.
endpoint!(DeleteFilesRequest, Delete "/file", Optional, Json => ());
// POST /file/restore: put trashed items back where they were.
endpoint!(RestoreFilesRequest, Post "/file/restore", Required, Json => ());
// DELETE /file/lock: release the locks named by a 40073 answer.
endpoint!(ForceUnlockRequest, Delete "/file/lock", Optional, Json => ());
// PATCH /file/metadata: set or remove metadata keys on items.
endpoint!(PatchMetadataRequest, Patch "/file/metadata", Optional, Json => ());
// PATCH /file/view: store a folder's explorer view.
endpoint!(UpdateViewRequest, Patch "/file/view", Required, Json => ());
// PUT /file/pin: add a sidebar pin.
endpoint!(PinFileRequest, Put "/file/pin", Required, Json => ());
// DELETE /file/pin: remove a sidebar pin.
endpoint!(UnpinFileRequest, Delete "/file/pin", Required, Json => ());
// POST /file/url: temporary download or preview URLs.
endpoint!(CreateDownloadUrlRequest, Post "/file/url", Optional, Json => FileUrlResponse);
// GET /file/thumb: a thumbnail URL.
endpoint!(GetThumbRequest, Get "/file/thumb", Optional, Query => FileThumbResponse);

/// The endpoints of this area.
pub(crate) fn infos() -> Vec<crate::endpoint::EndpointInfo> {
    use crate::endpoint::info;
    vec![
        info::<ListFilesRequest>(),
        info::<CreateFileRequest>(),
        info::<GetFileInfoRequest>(),
        info::<RenameFileRequest>(),
        info::<MoveFilesRequest>(),
        info::<DeleteFilesRequest>(),
        info::<RestoreFilesRequest>(),
        info::<ForceUnlockRequest>(),
        info::<PatchMetadataRequest>(),
        info::<UpdateViewRequest>(),
        info::<PinFileRequest>(),
        info::<UnpinFileRequest>(),
        info::<CreateDownloadUrlRequest>(),
        info::<GetThumbRequest>(),
    ]
}
