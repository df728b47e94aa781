//! The render key of an item: it changes when the item's position or anything shown of it changes,
//! so a keyed view re-renders a renamed or retagged item but keeps the others.

use cloudreve_api::models::FileResponse;

/// Position, id, name, modification time and metadata size, as one string.
pub fn item_key(index: usize, f: &FileResponse) -> String {
    format!(
        "{index}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        f.id,
        f.name,
        f.updated_at.0,
        f.metadata.as_ref().map_or(0, |m| m.len())
    )
}
