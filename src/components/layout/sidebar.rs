//! The navigation: My files, Trash, Shared with me, and storage usage at the bottom.

use cloudreve_api::models::Capacity;
use cloudreve_api::{CrUri, FileSystem};
use leptos::prelude::*;

use super::folder_tree::FolderTree;
use super::storage_usage::StorageUsage;
use crate::components::common::icons::{FolderIcon, SharedIcon, TrashIcon};
use crate::i18n::{use_i18n, Key};
use crate::links;
use crate::state::session::use_session;

/// The category views: a search preset per kind (file.md §2 `category`).
const CATEGORIES: [(&str, Key); 4] = [
    ("image", Key::Images),
    ("video", Key::Videos),
    ("audio", Key::Audio),
    ("document", Key::Documents),
];

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
    let session = use_session();
    let categories = CATEGORIES
        .into_iter()
        .map(|(name, key)| {
            let mut uri = CrUri::my();
            uri.query.push(("category".into(), name.into()));
            view! { <li><a class="cr-nav__link cr-nav__link--small" href=links::home(&uri) on:click=move |_| open.set(false)>{i18n.text(key)}</a></li> }
        })
        .collect_view();
    let pins = move || {
        session
            .user()
            .map(|u| u.pined)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|p| CrUri::parse(&p.uri).ok().map(|u| (u, p.name)))
            .map(|(uri, name)| {
                let label = if name.is_empty() { uri.name().to_string() } else { name };
                let target = uri.to_string();
                let unpin = Action::new_local(move |_: &()| {
                    let req = cloudreve_api::models::UnpinFileRequest { uri: target.clone() };
                    async move {
                        if session.call(&req).await.is_ok() {
                            let _ = session.reload_user().await;
                        }
                    }
                });
                let remove_label = i18n.tf(Key::Unpin, &[("name", &label)]);
                view! {
                    <li class="cr-nav__pin">
                        <a class="cr-nav__link cr-nav__link--small" href=links::home(&uri) on:click=move |_| open.set(false)>{label}</a>
                        <button type="button" class="cr-nav__unpin" aria-label=remove_label on:click=move |_| { unpin.dispatch(()); }>"×"</button>
                    </li>
                }
            })
            .collect_view()
    };
    let entry = move |fs: FileSystem, key: Key, icon: AnyView| {
        let href = links::home(&CrUri::root(fs.clone()));
        let is_current = move || current.get().as_ref() == Some(&fs);
        view! {
            <li>
                <a href=href class="cr-nav__link" aria-current=move || is_current().then_some("page") on:click=move |_| open.set(false)>
                    {icon}
                    <span>{i18n.text(key)}</span>
                </a>
            </li>
        }
    };
    view! {
        <div class="cr-backdrop" class:cr-backdrop--open=move || open.get() on:click=move |_| open.set(false) aria-hidden="true"></div>
        <aside id="cr-sidebar" class="cr-sidebar" class:cr-sidebar--open=move || open.get()>
            <nav class="cr-nav" aria-label=i18n.text(Key::Navigation)>
                <ul class="cr-nav__list">
                    {entry(FileSystem::My, Key::MyFiles, view! { <FolderIcon/> }.into_any())}
                    <li><FolderTree/></li>
                    {entry(FileSystem::SharedWithMe, Key::SharedWithMe, view! { <SharedIcon/> }.into_any())}
                    <li>
                        <a href="/shares" class="cr-nav__link" on:click=move |_| open.set(false)>
                            <SharedIcon/>
                            <span>{i18n.text(Key::MyShares)}</span>
                        </a>
                    </li>
                    {entry(FileSystem::Trash, Key::Trash, view! { <TrashIcon/> }.into_any())}
                </ul>
                <h2 class="cr-nav__heading">{i18n.text(Key::Categories)}</h2>
                <ul class="cr-nav__list">{categories}</ul>
                <Show when=move || session.user().is_some_and(|u| !u.pined.is_empty())>
                    <h2 class="cr-nav__heading">{i18n.text(Key::Pins)}</h2>
                    <ul class="cr-nav__list">{pins}</ul>
                </Show>
            </nav>
            <StorageUsage capacity/>
        </aside>
    }
}
