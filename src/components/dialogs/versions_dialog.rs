//! The versions of a file (`extended_info.entities` of type 0, file.md §Versions): open, download,
//! make current, delete. Each action reports its own error on its row, and the list reloads after
//! a change.

use cloudreve_api::models::{
    DeleteVersion, Entity, FileResponse, FileVersionRequest, GetFileInfoRequest, SetCurrentVersion,
};
use cloudreve_api::ApiError;
use leptos::prelude::*;

use crate::browser;
use crate::components::dialogs::modal::Modal;
use crate::domain::size_format::format_size;
use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Key};
use crate::state::content_url::{content_url, UrlRequest};
use crate::state::downloads::download_file;
use crate::state::session::use_session;

/// Entity type of a version (models.md §Entity).
const VERSION: i32 = 0;

/// The versions of `file`; `on_changed` receives the file after its current version changed.
#[component]
pub fn VersionsDialog(
    /// The file.
    file: FileResponse,
    /// Called with the file's new state after "make current".
    on_changed: Callback<FileResponse>,
    /// Called when the dialog closes.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let uri = file.path.clone();
    let reload = RwSignal::new(0u32);
    let info = LocalResource::new({
        let uri = uri.clone();
        move || {
            reload.track();
            let req = GetFileInfoRequest {
                uri: Some(uri.clone()),
                extended: Some(true),
                ..GetFileInfoRequest::default()
            };
            async move { session.call(&req).await }
        }
    });
    let failure = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(None::<String>);
    let report = move |r: Result<(), ApiError>| match r {
        Ok(()) => failure.set(None),
        Err(e) => failure.set(Some(error_message(&e, i18n.locale_untracked()))),
    };
    let stored_file = StoredValue::new(file.clone());
    let open = move |entity: String| {
        let uri = stored_file.with_value(|f| f.path.clone());
        // The window opens now, inside the click, so no pop-up blocker stops it; the URL follows.
        let tab = web_sys::window().and_then(|w| w.open_with_url("about:blank").ok().flatten());
        leptos::task::spawn_local(async move {
            let req = UrlRequest {
                uri,
                entity: Some(entity),
                ..UrlRequest::default()
            };
            match content_url(session, req).await {
                Ok(url) => {
                    if let Some(tab) = tab {
                        let _ = tab.location().set_href(&url);
                    }
                }
                Err(e) => {
                    if let Some(tab) = tab {
                        let _ = tab.close();
                    }
                    report(Err(e));
                }
            }
        });
    };
    let download = move |entity: String| {
        let file = stored_file.get_value();
        leptos::task::spawn_local(async move {
            report(download_file(session, &file, Some(entity), None).await);
        });
    };
    let make_current = {
        let uri = uri.clone();
        move |entity: String| {
            let req = SetCurrentVersion(FileVersionRequest {
                uri: uri.clone(),
                version: entity,
            });
            let info_req = GetFileInfoRequest {
                uri: Some(uri.clone()),
                ..GetFileInfoRequest::default()
            };
            leptos::task::spawn_local(async move {
                let result = session.call(&req).await;
                if result.is_ok() {
                    if let Ok(f) = session.call(&info_req).await {
                        on_changed.run(f);
                    }
                    reload.update(|v| *v += 1);
                }
                report(result);
            });
        }
    };
    let delete = move |entity: String| {
        let req = DeleteVersion(FileVersionRequest {
            uri: stored_file.with_value(|f| f.path.clone()),
            version: entity,
        });
        leptos::task::spawn_local(async move {
            let result = session.call(&req).await;
            if result.is_ok() {
                reload.update(|v| *v += 1);
            }
            confirming.set(None);
            report(result);
        });
    };
    let row = move |v: Entity, current: bool| {
        let date = v
            .created_at
            .unix_millis()
            .map(browser::local_datetime)
            .unwrap_or_default();
        let by = v
            .created_by
            .as_ref()
            .map(|u| u.nickname.clone())
            .unwrap_or_default();
        let id = StoredValue::new(v.id.clone());
        let make_current = make_current.clone();
        view! {
            <li class="cr-dialog__item cr-version" data-version=v.id.clone() data-current=current.to_string()>
                <span class="cr-dialog__item-name">
                    {date}
                    {current.then(|| view! { <span class="cr-tag">{i18n.text(Key::CurrentVersion)}</span> })}
                </span>
                <span class="cr-dialog__item-detail">{format_size(v.size)}{(!by.is_empty()).then(|| format!(" · {by}"))}</span>
                <span class="cr-version__actions">
                    <button type="button" class="cr-button cr-button--quiet" on:click=move |_| open(id.get_value())>{i18n.text(Key::Open)}</button>
                    <button type="button" class="cr-button cr-button--quiet" on:click=move |_| download(id.get_value())>{i18n.text(Key::Download)}</button>
                    {(!current).then(|| view! {
                        <button type="button" class="cr-button cr-button--quiet" on:click=move |_| make_current(id.get_value())>{i18n.text(Key::MakeCurrent)}</button>
                        {move || if confirming.get().as_deref() == Some(id.get_value().as_str()) {
                            view! { <button type="button" class="cr-button cr-button--danger" on:click=move |_| delete(id.get_value())>{i18n.text(Key::ConfirmDelete)}</button> }.into_any()
                        } else {
                            view! { <button type="button" class="cr-button cr-button--danger-quiet" on:click=move |_| confirming.set(Some(id.get_value()))>{i18n.text(Key::Delete)}</button> }.into_any()
                        }}
                    })}
                </span>
            </li>
        }
    };
    let title = i18n.tf(Key::VersionsOf, &[("name", &file.name)]);
    view! {
        <Modal title=Signal::derive(move || title.clone()) on_close>
            {move || failure.get().map(|f| view! { <p class="cr-field__error" role="alert">{f}</p> })}
            {move || match &*info.read() {
                None => view! { <p role="status">{i18n.text(Key::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="cr-field__error" role="alert">{error_message(e, i18n.locale())}</p> }.into_any(),
                Some(Ok(f)) => {
                    let current = f.primary_entity.clone();
                    let mut versions: Vec<Entity> = f
                        .extended_info
                        .as_ref()
                        .map(|x| x.entities.iter().filter(|e| e.entity_type == VERSION).cloned().collect())
                        .unwrap_or_default();
                    versions.sort_by_key(|v| std::cmp::Reverse(v.created_at.unix_millis()));
                    let row = row.clone();
                    view! {
                        <ul class="cr-dialog__list" aria-label=i18n.text(Key::Versions)>
                            {versions.into_iter().map(|v| { let is_current = v.id == current; row.clone()(v, is_current) }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <div class="cr-dialog__actions">
                <button type="button" class="cr-button" on:click=move |_| on_close.run(())>{i18n.text(Key::Close)}</button>
            </div>
        </Modal>
    }
}
