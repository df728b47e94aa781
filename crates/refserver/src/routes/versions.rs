//! `POST /file/version/current` and `DELETE /file/version` (file.md §Versions): switch a file to one
//! of its kept versions, or forget a version that is not current. Owner only.

use axum::extract::State;
use cloudreve_api::models::{DeleteVersion, FileVersionRequest, SetCurrentVersion};
use cloudreve_api::{Code, FileSystem};
use rusqlite::Connection;

use super::content::no_entity;
use super::file::parse_uri;
use super::file_ops::{not_supported, resolve};
use super::lock::ensure_unlocked;
use super::ApiRouter;
use crate::blobs;
use crate::error::{ok, ApiResult, AppError};
use crate::extract::{ApiJson, AuthUser};
use crate::ids::Kind;
use crate::signing::EntityRef;
use crate::state::{now_millis, AppState};
use crate::store::activities::{category, NewActivity};
use crate::store::files::{FileRow, TYPE_FILE};
use crate::store::locks::Scope;
use crate::store::metadata::{self, THUMB_DISABLED};
use crate::store::users::UserRow;
use crate::store::versions::{self, VersionRow};

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<SetCurrentVersion, _, _>(set_current)
        .serve::<DeleteVersion, _, _>(delete)
}

/// What a request names: the file, whether the version is its current one, and the kept row.
struct Named {
    file: FileRow,
    current: bool,
    version: Option<VersionRow>,
}

/// Resolves `req` for `user` inside `c`: 403 outside `my` (the trash has no version control),
/// 40082 for another user's file, 40016 when missing, 40077 for a version that is not this
/// file's, 40073 when a lock stops the change.
fn named(
    s: &AppState,
    c: &Connection,
    user: &UserRow,
    req: &FileVersionRequest,
) -> Result<Named, AppError> {
    let uri = parse_uri(&req.uri)?;
    if uri.fs != FileSystem::My || uri.is_search() || uri.is_root() {
        return Err(not_supported());
    }
    if let Some(owner) = &uri.id {
        if s.ids.decode(Kind::User, owner) != Some(user.id) {
            return Err(AppError::code(
                Code::OwnerOnly,
                "Only the owner can do this",
            ));
        }
    }
    let file = resolve(c, user.id, &uri)?;
    if file.file_type != TYPE_FILE {
        return Err(no_entity());
    }
    let entity = EntityRef::decode(&s.ids, &req.version).ok_or_else(no_entity)?;
    let current = versions::current_entity(&file) == Some(entity);
    let version = match entity {
        EntityRef::Version(v) => versions::by_id(c, v)?.filter(|v| v.file_id == file.id),
        _ => None,
    };
    if !current && version.is_none() {
        return Err(no_entity());
    }
    ensure_unlocked(c, user.id, &[Scope::Node(file.id)])?;
    Ok(Named {
        file,
        current,
        version,
    })
}

async fn set_current(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(SetCurrentVersion(req)): ApiJson<SetCurrentVersion>,
) -> ApiResult<()> {
    let st = s.clone();
    s.db.call(move |c| {
        let tx = c.transaction()?;
        let n = named(&st, &tx, &user, &req)?;
        if let (false, Some(v)) = (n.current, &n.version) {
            versions::set_current(&tx, &n.file, v, now_millis())?;
            metadata::remove(&tx, n.file.id, THUMB_DISABLED)?;
            NewActivity::new(
                n.file.id,
                Some(user.id),
                category::SET_CURRENT_VERSION,
                &req.uri,
            )
            .entity(v.id)
            .record(&tx, now_millis())?;
        }
        tx.commit()?;
        Ok(())
    })
    .await?;
    ok(())
}

async fn delete(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(DeleteVersion(req)): ApiJson<DeleteVersion>,
) -> ApiResult<()> {
    let st = s.clone();
    let freed =
        s.db.call(move |c| {
            let tx = c.transaction()?;
            let n = named(&st, &tx, &user, &req)?;
            let v = match (n.current, n.version) {
                (false, Some(v)) => v,
                _ => return Err(AppError::Forbidden("Cannot delete current version")),
            };
            let freed = versions::delete(&tx, &v)?;
            NewActivity::new(n.file.id, Some(user.id), category::DELETE_VERSION, &req.uri)
                .entity(v.id)
                .record(&tx, now_millis())?;
            tx.commit()?;
            Ok(freed)
        })
        .await?;
    blobs::remove(&s, freed).await;
    ok(())
}
