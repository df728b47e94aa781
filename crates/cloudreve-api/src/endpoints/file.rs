//! File endpoints (file.md).

use crate::endpoint;
use crate::endpoint::{Endpoint, Payload};
use crate::models::{
    ArchiveListResponse, CreateDirectLinksRequest, CreateDownloadUrlRequest, CreateFileRequest,
    CreateUploadSessionRequest, CreateViewerSessionRequest, DeleteDirectLink, DeleteFilesRequest,
    DeletePermissionRequest, DeleteUploadSessionRequest, DeleteVersion, DirectLinkResponse,
    FileActivitiesResponse, FileResponse, FileThumbResponse, FileUrlResponse, ForceUnlockRequest,
    GetFileInfoRequest, GetThumbRequest, ListActivitiesRequest, ListArchiveRequest,
    ListFilesRequest, ListResponse, MountPolicyRequest, MoveFilesRequest, PatchMetadataRequest,
    PinFileRequest, RenameFileRequest, RestoreFilesRequest, SetCurrentVersion, UnpinFileRequest,
    UpdateContentRequest, UpdateViewRequest, UploadChunk, UploadCredential, ViewerSessionResponse,
};
use crate::uri::encode_component;
use crate::{Auth, Method};

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

// PUT /file/upload: start an upload session.
endpoint!(CreateUploadSessionRequest, Put "/file/upload", Optional, Json => UploadCredential);
// DELETE /file/upload: cancel an upload session.
endpoint!(DeleteUploadSessionRequest, Delete "/file/upload", Optional, Json => ());
// PUT /file/content: overwrite a small file with the raw body.
endpoint!(UpdateContentRequest, Put "/file/content", Optional, Query => crate::models::FileResponse);
// PUT /file/viewerSession: open a file in a WOPI app.
endpoint!(CreateViewerSessionRequest, Put "/file/viewerSession", Optional, Json => ViewerSessionResponse);
// POST /file/version/current: make a version current.
endpoint!(SetCurrentVersion, Post "/file/version/current", Optional, Json => ());
// DELETE /file/version: delete a non-current version.
endpoint!(DeleteVersion, Delete "/file/version", Optional, Json => ());
// PUT /file/source: create direct links (40081 answers still carry the links that worked).
endpoint!(CreateDirectLinksRequest, Put "/file/source", Required, Json => Vec<DirectLinkResponse>);
// GET /file/archive: list an archive's entries.
endpoint!(ListArchiveRequest, Get "/file/archive", Optional, Query => ArchiveListResponse);
// GET /file/activities: a file's audit trail.
endpoint!(ListActivitiesRequest, Get "/file/activities", Optional, Query => FileActivitiesResponse);
// PATCH /file/policy: mount a storage policy on a folder.
endpoint!(MountPolicyRequest, Patch "/file/policy", Required, Json => ());
// POST /file/permission: set per-file permissions.
endpoint!(crate::models::SetPermissionRequest, Post "/file/permission", Required, Json => ());
// DELETE /file/permission: drop explicit permissions.
endpoint!(DeletePermissionRequest, Delete "/file/permission", Required, Json => ());

impl Endpoint for UploadChunk {
    const METHOD: Method = Method::Post;
    const PATH: &'static str = "/file/upload/{sid}/{index}";
    const AUTH: Auth = Auth::Optional;
    const PAYLOAD: Payload = Payload::None;
    type Response = ();

    fn path(&self) -> String {
        format!(
            "/file/upload/{}/{}",
            encode_component(&self.session_id),
            self.index
        )
    }
}

impl Endpoint for DeleteDirectLink {
    const METHOD: Method = Method::Delete;
    const PATH: &'static str = "/file/source/{id}";
    const AUTH: Auth = Auth::Required;
    const PAYLOAD: Payload = Payload::None;
    type Response = ();

    fn path(&self) -> String {
        format!("/file/source/{}", encode_component(&self.id))
    }
}

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
        info::<CreateUploadSessionRequest>(),
        info::<UploadChunk>(),
        info::<DeleteUploadSessionRequest>(),
        info::<UpdateContentRequest>(),
        info::<CreateViewerSessionRequest>(),
        info::<SetCurrentVersion>(),
        info::<DeleteVersion>(),
        info::<CreateDirectLinksRequest>(),
        info::<DeleteDirectLink>(),
        info::<ListArchiveRequest>(),
        info::<ListActivitiesRequest>(),
        info::<MountPolicyRequest>(),
        info::<DeletePermissionRequest>(),
        info::<crate::models::SetPermissionRequest>(),
    ]
}
