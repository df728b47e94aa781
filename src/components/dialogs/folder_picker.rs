//! The move/copy destination picker: a small folder browser with its own location, independent of
//! the page's, that lists folders only and refuses the moved folders themselves and their insides.

use cloudreve_api::models::{FileResponse, ListFilesRequest, ListResponse};
use cloudreve_api::{CrUri, FileSystem};
use leptos::prelude::*;

use crate::components::common::icons::FolderIcon;
use crate::components::dialogs::modal::Modal;
use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Key};
use crate::state::session::use_session;

/// Folders fetched per page in the picker.
const PICKER_PAGE: i64 = 500;

/// Picks a destination folder for `items`.
#[component]
pub fn FolderPicker(
    /// What is being moved or copied.
    items: Vec<FileResponse>,
    /// Copy rather than move (changes the labels).
    copy: bool,
    /// Where to start browsing.
    start: CrUri,
    /// Called with the chosen folder's URI.
    on_pick: Callback<String>,
    /// Called on cancel.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let start = if start.fs == FileSystem::My && !start.is_search() {
        start
    } else {
        CrUri::my()
    };
    let here = RwSignal::new(start);
    let moving: Vec<CrUri> = items
        .iter()
        .filter_map(|f| CrUri::parse(&f.path).ok())
        .collect();
    let moving = StoredValue::new(moving);
    let folders = RwSignal::new(Vec::<FileResponse>::new());
    let next = RwSignal::new(None::<String>);
    let listing = LocalResource::new(move || {
        let uri = here.get();
        async move {
            let req = ListFilesRequest {
                uri: uri.to_string(),
                page_size: Some(PICKER_PAGE),
                order_by: Some("name".into()),
                ..ListFilesRequest::default()
            };
            session.call(&req).await
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(l)) = &*listing.read() {
            folders.set(l.files.iter().filter(|f| f.is_folder()).cloned().collect());
            next.set(l.pagination.next_token.clone());
        }
    });
    let more = Action::new_local(move |token: &String| {
        let uri = here.get_untracked();
        let req = ListFilesRequest {
            uri: uri.to_string(),
            page_size: Some(PICKER_PAGE),
            order_by: Some("name".into()),
            next_page_token: Some(token.clone()),
            ..ListFilesRequest::default()
        };
        async move {
            let page: ListResponse = session.call(&req).await?;
            if here.get_untracked() == uri {
                folders.update(|v| v.extend(page.files.into_iter().filter(|f| f.is_folder())));
                next.set(page.pagination.next_token);
            }
            Ok::<(), cloudreve_api::ApiError>(())
        }
    });
    // A folder cannot go into itself or anything inside it.
    let blocked = move |u: &CrUri| moving.with_value(|m| m.iter().any(|src| u.starts_with(src)));
    let title = move || {
        i18n.t(if copy { Key::CopyTo } else { Key::MoveTo })
            .to_string()
    };
    let place = move || {
        let u = here.get();
        if u.is_root() {
            i18n.t(Key::MyFiles).to_string()
        } else {
            format!("{} / {}", i18n.t(Key::MyFiles), u.segments.join(" / "))
        }
    };
    view! {
        <Modal title=Signal::derive(title) on_close>
            <div class="cr-picker">
                <div class="cr-picker__bar">
                    <button type="button" class="cr-button cr-button--quiet" disabled=move || here.with(CrUri::is_root)
                        aria-label=i18n.text(Key::UpOneLevel)
                        on:click=move |_| if let Some(p) = here.get_untracked().parent() { here.set(p) }>"↑"</button>
                    <span class="cr-picker__place" aria-live="polite">{place}</span>
                </div>
                <ul class="cr-picker__list" role="list" aria-label=i18n.text(Key::Folders)>
                    {move || match &*listing.read() {
                        None => view! { <li class="cr-status">{i18n.t(Key::Loading)}</li> }.into_any(),
                        Some(Err(e)) => view! { <li class="cr-field__error">{error_message(e, i18n.locale())}</li> }.into_any(),
                        Some(Ok(_)) if folders.with(Vec::is_empty) => view! { <li class="cr-status">{i18n.t(Key::NoSubfolders)}</li> }.into_any(),
                        Some(Ok(_)) => folders.get().into_iter().map(|f| {
                            let uri = CrUri::parse(&f.path).ok();
                            let off = uri.as_ref().is_none_or(blocked);
                            let name = f.name.clone();
                            view! {
                                <li>
                                    <button type="button" class="cr-picker__folder" disabled=off
                                        on:click=move |_| if let Some(u) = uri.clone() { here.set(u) }>
                                        <FolderIcon/><span>{name}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view().into_any(),
                    }}
                    <Show when=move || next.with(Option::is_some)>
                        <li><button type="button" class="cr-button cr-button--quiet" disabled=move || more.pending().get()
                            on:click=move |_| if let Some(t) = next.get_untracked() { more.dispatch(t); }>{i18n.text(Key::LoadMore)}</button></li>
                    </Show>
                </ul>
            </div>
            <div class="cr-dialog__actions">
                <button type="button" class="cr-button cr-button--quiet" on:click=move |_| on_close.run(())>{i18n.text(Key::Cancel)}</button>
                <button type="button" class="cr-button cr-button--primary" disabled=move || here.with(blocked)
                    on:click=move |_| on_pick.run(here.get_untracked().to_string())>
                    {move || i18n.t(if copy { Key::CopyHere } else { Key::MoveHere })}
                </button>
            </div>
        </Modal>
    }
}
