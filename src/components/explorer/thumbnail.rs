//! The picture of a tile: the server's thumbnail when one is likely and loads, else an icon for the
//! file's kind.

use cloudreve_api::models::FileResponse;
use leptos::prelude::*;

use crate::components::common::icons::{FileIcon, FolderIcon};
use crate::domain::file_kind::{self, FileKind};
use crate::state::explorer::use_explorer;
use crate::state::thumbs::{use_thumbs, Thumb};

/// Metadata key the server sets on files it failed to thumbnail.
const THUMB_DISABLED: &str = "thumb:disabled";

/// A tile's picture.
#[component]
pub fn Thumbnail(file: FileResponse) -> impl IntoView {
    let ex = use_explorer();
    let kind = file_kind::kind_of(&file.name);
    let wanted = !file.is_folder()
        && file.size > 0
        && file_kind::thumbnail_likely(&file.name)
        && !file
            .metadata
            .as_ref()
            .is_some_and(|m| m.contains_key(THUMB_DISABLED));
    let thumb = wanted.then(|| {
        let thumbs = use_thumbs();
        let state = thumbs.want(&file.id, &file.path, ex.hint.get_untracked());
        let id = file.id.clone();
        on_cleanup(move || thumbs.withdraw(&id));
        state
    });
    let broken = RwSignal::new(false);
    let is_folder = file.is_folder();
    let icon = move || {
        view! {
            <span class="cr-tile__icon" data-kind=kind_name(kind)>
                {if is_folder { view! { <FolderIcon/> }.into_any() } else { view! { <FileIcon/> }.into_any() }}
            </span>
        }
    };
    view! {
        <div class="cr-tile__picture">
            {move || match thumb.as_ref().map(|t| t.get()) {
                Some(Thumb::Ready(url)) if !broken.get() => view! {
                    <img class="cr-tile__img" src=url alt="" decoding="async" draggable="false" on:error=move |_| broken.set(true)/>
                }.into_any(),
                _ => icon().into_any(),
            }}
        </div>
    }
}

fn kind_name(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Image => "image",
        FileKind::Video => "video",
        FileKind::Audio => "audio",
        FileKind::Document => "document",
        FileKind::Archive => "archive",
        FileKind::Code => "code",
        FileKind::Other => "other",
    }
}
