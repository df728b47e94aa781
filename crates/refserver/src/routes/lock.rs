//! `DELETE /file/lock` (file.md §Force unlock), and the check every mutation runs first: fail with
//! 40073 and the conflicting locks (errors.md §3) when the items it touches are locked.

use axum::extract::State;
use cloudreve_api::models::{ConflictDetail, ForceUnlockRequest, LockApplication, LockOwner};
use cloudreve_api::CrUri;
use rusqlite::Connection;

use super::file_info::uri_of;
use super::ApiRouter;
use crate::error::{ok, ApiResult, AppError};
use crate::extract::ApiJson;
use crate::state::{now_secs, AppState};
use crate::store::files::{self, TYPE_FOLDER};
use crate::store::locks::{self, LockRow, Scope};

/// Most tokens one request may release (CE's binding limit).
const MAX_TOKENS: usize = 16_384;

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<ForceUnlockRequest, _, _>(unlock)
}

/// Knowing a token is enough, as in CE: tokens are only shown to the owner of the locked item.
async fn unlock(
    State(s): State<AppState>,
    ApiJson(req): ApiJson<ForceUnlockRequest>,
) -> ApiResult<()> {
    if req.tokens.len() > MAX_TOKENS {
        return Err(AppError::Param(format!(
            "Parameter error: at most {MAX_TOKENS} tokens"
        )));
    }
    let released =
        s.db.call(move |c| {
            let tx = c.transaction()?;
            let released = locks::release(&tx, &req.tokens, now_secs())?;
            tx.commit()?;
            Ok(released)
        })
        .await?;
    if !released {
        return Err(AppError::Param("failed to unlock file".into()));
    }
    ok(())
}

/// Fails with 40073 when a live lock stops an operation of `requester` on `scopes`.
pub(super) fn ensure_unlocked(
    c: &Connection,
    requester: i64,
    scopes: &[Scope],
) -> Result<(), AppError> {
    let found = locks::conflicts(c, scopes, now_secs())?;
    if found.is_empty() {
        return Ok(());
    }
    let details = found
        .iter()
        .map(|l| detail(c, requester, l))
        .collect::<Result<_, _>>()?;
    Err(AppError::Locked(details))
}

/// [`ensure_unlocked`] for the items of a batch; items that do not resolve are left to the
/// per-item pass, which reports them.
pub(super) fn ensure_batch_unlocked(
    c: &Connection,
    requester: i64,
    targets: &[(String, CrUri)],
    scopes_of: impl Fn(&Connection, &CrUri) -> Result<Vec<Scope>, AppError>,
) -> Result<(), AppError> {
    let scopes: Vec<Scope> = targets
        .iter()
        .filter_map(|(_, uri)| scopes_of(c, uri).ok())
        .flatten()
        .collect();
    ensure_unlocked(c, requester, &scopes)
}

/// How a lock is shown to `requester`: its owner sees the absolute path and the token; anyone
/// else sees neither (this server has no shared views yet to express a relative path in).
fn detail(c: &Connection, requester: i64, lock: &LockRow) -> Result<ConflictDetail, AppError> {
    let file = files::by_id(c, lock.file_id)?;
    let owns = file.as_ref().is_some_and(|f| f.owner_id == requester);
    let path = match (&file, owns) {
        (Some(f), true) => uri_of(c, f)?.map(|u| u.to_string()).unwrap_or_default(),
        _ => String::new(),
    };
    Ok(ConflictDetail {
        path,
        token: if owns {
            lock.token.clone()
        } else {
            String::new()
        },
        owner: LockOwner {
            application: LockApplication {
                app_type: lock.app_type.clone(),
                ..LockApplication::default()
            },
        },
        lock_type: i32::from(lock.file_type == TYPE_FOLDER),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_owner_sees_path_and_token() {
        let (db, _dir) = crate::db::scratch(2);
        db.with(|c| {
            let root = files::root(c, 1, 0).expect("root");
            let doc = files::create(c, &root, "doc.txt", 0, 0, None, 0).expect("file");
            let token =
                locks::create(c, doc.id, 1, "viewer", now_secs() + 60, now_secs()).expect("lock");
            let lock = &locks::conflicts(c, &[Scope::Node(doc.id)], now_secs()).expect("q")[0];
            let mine = detail(c, 1, lock).expect("detail");
            assert_eq!(
                (mine.path.as_str(), mine.token.as_str(), mine.lock_type),
                ("cloudreve://my/doc.txt", token.as_str(), 0)
            );
            assert_eq!(mine.owner.application.app_type, "viewer");
            let theirs = detail(c, 2, lock).expect("detail");
            assert!(theirs.path.is_empty() && theirs.token.is_empty());
        });
    }
}
