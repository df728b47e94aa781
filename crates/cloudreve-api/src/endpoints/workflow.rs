//! Background task endpoints (workflow.md): list, progress, archives, remote downloads, relocate, import.

use serde::{Deserialize, Serialize};

use crate::endpoint;
use crate::endpoint::{Auth, Endpoint, Method, Payload};
use crate::models::{
    CreateArchiveRequest, CreateRemoteDownloadRequest, ExtractArchiveRequest, ImportFilesRequest,
    ListTasksRequest, RelocateRequest, SelectDownloadFilesRequest, TaskListResponse,
    TaskProgressMap, TaskResponse,
};
use crate::uri::encode_component;

// GET /workflow: one page of the caller's tasks.
endpoint!(ListTasksRequest, Get "/workflow", Required, Query => TaskListResponse);
// POST /workflow/archive: compress files into a new archive.
endpoint!(CreateArchiveRequest, Post "/workflow/archive", Required, Json => TaskResponse);
// POST /workflow/extract: extract an archive into a folder.
endpoint!(ExtractArchiveRequest, Post "/workflow/extract", Required, Json => TaskResponse);
// POST /workflow/download: one task per source (doc-bug: an array, not one object).
endpoint!(CreateRemoteDownloadRequest, Post "/workflow/download", Required, Json => Vec<TaskResponse>);
// POST /workflow/reloacte (sic): [Pro] move blobs to another storage policy.
endpoint!(RelocateRequest, Post "/workflow/reloacte", Required, Json => TaskResponse);
// POST /workflow/import: index external files (admin only).
endpoint!(ImportFilesRequest, Post "/workflow/import", Required, Json => TaskResponse);

impl Endpoint for SelectDownloadFilesRequest {
    const METHOD: Method = Method::Patch;
    const PATH: &'static str = "/workflow/download/{id}";
    const AUTH: Auth = Auth::Required;
    const PAYLOAD: Payload = Payload::Json;
    type Response = ();

    fn path(&self) -> String {
        format!("/workflow/download/{}", encode_component(&self.id))
    }
}

/// `DELETE /workflow/download/{id}`: cancel a running remote download.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CancelDownloadTask {
    /// Task id.
    #[serde(skip)]
    pub id: String,
}

impl Endpoint for CancelDownloadTask {
    const METHOD: Method = Method::Delete;
    const PATH: &'static str = "/workflow/download/{id}";
    const AUTH: Auth = Auth::Required;
    const PAYLOAD: Payload = Payload::None;
    type Response = ();

    fn path(&self) -> String {
        format!("/workflow/download/{}", encode_component(&self.id))
    }
}

/// `GET /workflow/progress/{id}`: in-memory progress of a running task (`{}` when none).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetTaskProgress {
    /// Task id.
    #[serde(skip)]
    pub id: String,
}

impl Endpoint for GetTaskProgress {
    const METHOD: Method = Method::Get;
    const PATH: &'static str = "/workflow/progress/{id}";
    const AUTH: Auth = Auth::Required;
    const PAYLOAD: Payload = Payload::None;
    type Response = TaskProgressMap;

    fn path(&self) -> String {
        format!("/workflow/progress/{}", encode_component(&self.id))
    }
}

/// The endpoints of this area.
pub(crate) fn infos() -> Vec<endpoint::EndpointInfo> {
    use crate::endpoint::info;
    vec![
        info::<CreateRemoteDownloadRequest>(),
        info::<SelectDownloadFilesRequest>(),
        info::<CancelDownloadTask>(),
        info::<ListTasksRequest>(),
        info::<GetTaskProgress>(),
        info::<CreateArchiveRequest>(),
        info::<ExtractArchiveRequest>(),
        info::<RelocateRequest>(),
        info::<ImportFilesRequest>(),
    ]
}
