//! The navigation: My files, Trash, Shared with me, and storage usage at the bottom.

use cloudreve_api::models::Capacity;
use cloudreve_api::{CrUri, FileSystem};
use leptos::prelude::*;

use super::storage_usage::StorageUsage;
use crate::components::common::icons::{FolderIcon, SharedIcon, TrashIcon};
use crate::i18n::{use_i18n, Key};
use crate::links;

/// The sidebar; on narrow screens it is a drawer that `open` shows.
#[component]
pub fn Sidebar(
    /// Whether the drawer is open (narrow screens only).
    open: RwSignal<bool>,
    /// The file system being shown, to mark the current entry.
    #[prop(into)]
    current: Signal<Option<FileSystem>>,
    /// Storage usage to show.
    #[prop(into)]
    capacity: Signal<Option<Capacity>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let entry = move |fs: FileSystem, key: Key, icon: AnyView| {
        let href = links::home(&CrUri::root(fs.clone()));
        let is_current = move || current.get().as_ref() == Some(&fs);
        view! {
            <li>
                <a href=href class="cr-nav__link" aria-current=move || is_current().then_some("page") on:click=move |_| open.set(false)>
                    {icon}
                    <span>{move || i18n.t(key)}</span>
                </a>
            </li>
        }
    };
    view! {
        <div class="cr-backdrop" class:cr-backdrop--open=move || open.get() on:click=move |_| open.set(false) aria-hidden="true"></div>
        <aside id="cr-sidebar" class="cr-sidebar" class:cr-sidebar--open=move || open.get()>
            <nav class="cr-nav" aria-label=move || i18n.t(Key::Navigation)>
                <ul class="cr-nav__list">
                    {entry(FileSystem::My, Key::MyFiles, view! { <FolderIcon/> }.into_any())}
                    {entry(FileSystem::SharedWithMe, Key::SharedWithMe, view! { <SharedIcon/> }.into_any())}
                    {entry(FileSystem::Trash, Key::Trash, view! { <TrashIcon/> }.into_any())}
                </ul>
            </nav>
            <StorageUsage capacity/>
        </aside>
    }
}
