//! Who a WOPI request acts as: the `access_token` query names a live viewer session, which must
//! be for the file in the path; the session's user must still own the file. Every WOPI route takes
//! [`Access`], so none can skip the check.

use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use cloudreve_api::CrUri;
use serde::Deserialize;

use super::error::WopiError;
use crate::ids::Kind;
use crate::routes::file_info::uri_of;
use crate::state::{now_millis, AppState};
use crate::store::files::{self, FileRow, TYPE_FILE};
use crate::store::users::{self, UserRow};
use crate::store::viewer_sessions::{self, ViewerSession};

/// The query every WOPI request carries.
#[derive(Debug, Default, Deserialize)]
struct TokenQuery {
    #[serde(default)]
    access_token: String,
}

/// A checked WOPI request.
#[derive(Debug, Clone)]
pub struct Access {
    /// The session.
    pub session: ViewerSession,
    /// The file, as it is now.
    pub file: FileRow,
    /// The user the client acts as (the file's owner).
    pub user: UserRow,
    /// Where the file is in its owner's `my` tree; `None` once it is in the trash.
    pub uri: Option<CrUri>,
}

impl Access {
    /// Writes need the owner's file in `my`, opened at its current version (file.md §7).
    pub fn writable(&self) -> bool {
        self.uri.is_some() && self.session.version_id.is_none()
    }

    /// [`WopiError::Denied`] unless [`Access::writable`].
    pub fn ensure_writable(&self) -> Result<(), WopiError> {
        if self.writable() {
            Ok(())
        } else {
            Err(WopiError::Denied("The session is read-only"))
        }
    }
}

impl FromRequestParts<AppState> for Access {
    type Rejection = WopiError;

    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, Self::Rejection> {
        let denied = || WopiError::Denied("Invalid access token");
        let Query(q) = Query::<TokenQuery>::from_request_parts(parts, s)
            .await
            .map_err(|_| denied())?;
        let Path(file_id) = Path::<String>::from_request_parts(parts, s)
            .await
            .map_err(|_| WopiError::NotFound)?;
        let file_id = s.ids.decode(Kind::File, &file_id);
        s.db.call(move |c| {
            let Some(session) = viewer_sessions::by_token(c, &q.access_token, now_millis())? else {
                return Ok(Err(denied()));
            };
            if file_id != Some(session.file_id) {
                return Ok(Err(WopiError::Denied("The token is for another file")));
            }
            let file = files::by_id(c, session.file_id)?.filter(|f| f.file_type == TYPE_FILE);
            let user = users::by_id(c, session.user_id)?.filter(|u| u.status == "active");
            Ok(match (file, user) {
                (None, _) => Err(WopiError::NotFound),
                (Some(file), Some(user)) if file.owner_id == user.id => {
                    let uri = uri_of(c, &file)?;
                    Ok(Access {
                        session,
                        file,
                        user,
                        uri,
                    })
                }
                _ => Err(denied()),
            })
        })
        .await?
    }
}
