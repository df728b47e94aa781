//! The list view of a folder: name, size, modified; folders are links into themselves.
//!
//! Names are rendered as text nodes, never as HTML, so hostile file names stay harmless.

use cloudreve_api::models::FileResponse;
use cloudreve_api::CrUri;
use leptos::prelude::*;

use crate::browser;
use crate::components::common::icons::{FileIcon, FolderIcon};
use crate::domain::size_format::format_size;
use crate::i18n::{use_i18n, Key};
use crate::links;

/// A table of `files`.
#[component]
pub fn FileList(
    /// The items, in the order to show them.
    #[prop(into)]
    files: Signal<Vec<FileResponse>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="cr-files">
            <caption class="cr-visually-hidden">{move || i18n.t(Key::FilesCaption)}</caption>
            <thead>
                <tr>
                    <th scope="col" class="cr-files__name">{move || i18n.t(Key::Name)}</th>
                    <th scope="col" class="cr-files__size">{move || i18n.t(Key::Size)}</th>
                    <th scope="col" class="cr-files__date">{move || i18n.t(Key::Modified)}</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || files.get() key=|f| f.id.clone() let:file>
                    <FileRow file/>
                </For>
            </tbody>
        </table>
    }
}

#[component]
fn FileRow(file: FileResponse) -> impl IntoView {
    let i18n = use_i18n();
    let is_folder = file.is_folder();
    let size = if is_folder {
        String::new()
    } else {
        format_size(file.size)
    };
    let modified = file
        .updated_at
        .unix_millis()
        .map(browser::local_datetime)
        .unwrap_or_default();
    let name = file.name.clone();
    let target = CrUri::parse(&file.path).ok();
    let name_cell = match (is_folder, target) {
        (true, Some(uri)) => view! {
            <a href=links::home(&uri) class="cr-files__link">
                <FolderIcon/>
                <span class="cr-visually-hidden">{move || i18n.t(Key::Folder)}" "</span>
                <span class="cr-files__label">{name}</span>
            </a>
        }
        .into_any(),
        _ => view! {
            <span class="cr-files__link">
                <FileIcon/>
                <span class="cr-files__label">{name}</span>
            </span>
        }
        .into_any(),
    };
    view! {
        <tr class="cr-files__row" class:cr-files__row--folder=is_folder>
            <td class="cr-files__name">{name_cell}</td>
            <td class="cr-files__size">{size}</td>
            <td class="cr-files__date">{modified}</td>
        </tr>
    }
}
