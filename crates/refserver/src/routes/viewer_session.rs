//! `PUT /file/viewerSession` (file.md §Create viewer session): a token that lets a WOPI app act as
//! the caller on one of their files, and the app's action URL pointing it at our WOPI host.

use axum::extract::State;
use cloudreve_api::models::{CreateViewerSessionRequest, ViewerSession, ViewerSessionResponse};
use cloudreve_api::Code;

use super::content::no_entity;
use super::content_update::too_large;
use super::file_ops::{my_uri, resolve};
use super::file_url::{owned_entity, wanted_entity};
use super::ApiRouter;
use crate::error::{ok, ApiResult, AppError};
use crate::extract::{ApiJson, AuthUser, SiteUrl};
use crate::ids::Kind;
use crate::signing::EntityRef;
use crate::state::{now_millis, AppState};
use crate::store::files::TYPE_FILE;
use crate::store::{versions, viewer_sessions};

/// Session lifetime (`viewer_session_timeout`, 36,000 s).
pub const SESSION_TTL_MS: i64 = 36_000_000;
/// The answer's `expires` comes this much before the server forgets the session, so a client that
/// renews on time never holds a dead token.
const PADDING_MS: i64 = 60_000;

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<CreateViewerSessionRequest, _, _>(create)
}

/// The lower-case extension of `name`, without the dot.
fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

async fn create(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    SiteUrl(site): SiteUrl,
    ApiJson(req): ApiJson<CreateViewerSessionRequest>,
) -> ApiResult<ViewerSessionResponse> {
    let viewer = s
        .config
        .wopi_viewers
        .iter()
        .find(|v| v.id == req.viewer_id)
        .cloned()
        .ok_or_else(|| AppError::Param("Unknown viewer".into()))?;
    if !matches!(req.preferred_action.as_str(), "view" | "edit") {
        return Err(AppError::Param(
            "preferred_action must be view or edit".into(),
        ));
    }
    let uri = my_uri(&s, &req.uri, &user)?;
    let wanted = wanted_entity(&s, req.version.as_deref())?;
    let (max, now, app) = (s.config.max_edit_size, now_millis(), viewer.clone());
    let (file_id, session, token) =
        s.db.call(move |c| {
            let row = resolve(c, user.id, &uri)?;
            if row.file_type != TYPE_FILE {
                return Err(no_entity());
            }
            if !app.handles(&extension(&row.name)) {
                return Err(AppError::code(
                    Code::InternalSetting,
                    "The app has no action for this file type",
                ));
            }
            // A kept version opens read-only; naming the current one is the same as naming none.
            let (version, size) = match wanted.map(|e| owned_entity(c, &row, e)).transpose()? {
                Some(EntityRef::Version(v)) if Some(v) != row.version_id => {
                    let kept = versions::by_id(c, v)?.ok_or_else(no_entity)?;
                    (Some(kept.id), kept.size)
                }
                _ => (None, row.size),
            };
            if size > max {
                return Err(too_large());
            }
            let (session, token) =
                viewer_sessions::create(c, row.id, user.id, version, now + SESSION_TTL_MS, now)?;
            Ok((row.id, session, token))
        })
        .await?;
    let wopi_src = format!(
        "{site}/api/v4/file/wopi/{}",
        s.ids.encode(Kind::File, file_id)
    );
    ok(ViewerSessionResponse {
        session: ViewerSession {
            id: session.id,
            access_token: token,
            expires: session.expires_at - PADDING_MS,
        },
        wopi_src: viewer.action_for(&wopi_src),
    })
}
