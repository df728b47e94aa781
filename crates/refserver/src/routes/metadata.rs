//! `PATCH /file/metadata` (file.md §Patch metadata): set or remove public metadata keys on the
//! caller's own items, each item on its own (partial failure → 40081).

pub(super) mod rules;

use axum::extract::State;
use cloudreve_api::models::PatchMetadataRequest;
use cloudreve_api::{Code, FileSystem};

pub use self::rules::EMOJI_PRESET;
use super::file::check_owner;
use super::file_ops::{
    check_batch, each_in_transaction, finish, not_supported, partition, resolve,
};
use super::lock::ensure_batch_unlocked;
use super::ApiRouter;
use crate::error::{ApiResult, AppError};
use crate::extract::{ApiJson, AuthUser};
use crate::state::{now_millis, AppState};
use crate::store::activities::{category, NewActivity};
use crate::store::locks::Scope;
use crate::store::metadata;

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<PatchMetadataRequest, _, _>(patch)
}

async fn patch(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(req): ApiJson<PatchMetadataRequest>,
) -> ApiResult<()> {
    // Patches are checked before any item is touched, as in CE: one bad key fails the request.
    for p in &req.patches {
        rules::check(&s.ids, p).map_err(AppError::Param)?;
    }
    check_batch(&req.uris)?;
    let (targets, mut failures) = partition(&req.uris, |u| match u.fs {
        FileSystem::My if !u.is_search() => check_owner(&s, &u, &user).map(|()| u),
        _ => Err(not_supported()),
    });
    let patches = req.patches;
    let more =
        s.db.call(move |c| {
            ensure_batch_unlocked(c, user.id, &targets, |c, uri| {
                Ok(vec![Scope::Node(resolve(c, user.id, uri)?.id)])
            })?;
            let (_, failed) = each_in_transaction(c, targets, |tx, uri| {
                let row = resolve(tx, user.id, uri)?;
                if row.parent_id.is_none() {
                    return Err(not_supported());
                }
                // Unreachable through `my` URIs today (they only reach the caller's own tree);
                // kept for when shared items can be addressed.
                if row.owner_id != user.id {
                    return Err(AppError::code(Code::OwnerOnly, "Only owner can do this"));
                }
                for p in &patches {
                    if p.remove {
                        metadata::remove(tx, row.id, &p.key)?;
                    } else {
                        metadata::set(tx, row.id, &p.key, p.value.as_deref().unwrap_or(""))?;
                    }
                }
                NewActivity::new(
                    row.id,
                    Some(user.id),
                    category::UPDATE_METADATA,
                    &uri.to_string(),
                )
                .record(tx, now_millis())?;
                Ok(())
            })?;
            Ok(failed)
        })
        .await?;
    failures.extend(more);
    finish(failures)
}
