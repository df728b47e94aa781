//! The details of one item beside the list: kind, size, dates, location, storage policy, tags, and
//! for folders the recursive size and counts on demand (that walk can be slow on the server).

use cloudreve_api::models::{FileResponse, GetFileInfoRequest};
use cloudreve_api::CrUri;
use leptos::prelude::*;

use crate::browser;
use crate::components::activity::activity_list::ActivityList;
use crate::components::dialogs::tags_dialog::tags_of;
use crate::components::explorer::info_links::InfoLinks;
use crate::domain::size_format::format_size;
use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Key};
use crate::state::session::use_session;

/// Details of `file`.
#[component]
pub fn InfoPanel(
    /// The item (as listed; the panel fetches the rest).
    file: FileResponse,
    /// Called when the panel is closed.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let uri = file.path.clone();
    let reload = RwSignal::new(0u32);
    let details = {
        let uri = uri.clone();
        LocalResource::new(move || {
            reload.track();
            let req = GetFileInfoRequest {
                uri: Some(uri.clone()),
                extended: Some(true),
                ..GetFileInfoRequest::default()
            };
            async move { session.call(&req).await }
        })
    };
    let summary = Action::new_local(move |_: &()| {
        let req = GetFileInfoRequest {
            uri: Some(uri.clone()),
            folder_summary: Some(true),
            ..GetFileInfoRequest::default()
        };
        async move { session.call(&req).await }
    });
    let date = |t: &cloudreve_api::Timestamp| {
        t.unix_millis()
            .map(browser::local_datetime)
            .unwrap_or_default()
    };
    let location = CrUri::parse(&file.path)
        .ok()
        .and_then(|u| u.parent())
        .map(|p| {
            if p.is_root() {
                "/".to_string()
            } else {
                format!("/{}", p.segments.join("/"))
            }
        })
        .unwrap_or_default();
    let is_folder = file.is_folder();
    let tags = tags_of(&file).into_iter().collect::<Vec<_>>().join(", ");
    let row =
        move |label: Key, value: String| view! { <dt>{move || i18n.t(label)}</dt><dd>{value}</dd> };
    view! {
        <aside class="cr-info" aria-label=i18n.text(Key::Info)>
            <div class="cr-info__head">
                <h2 class="cr-info__title">{file.name.clone()}</h2>
                <button type="button" class="cr-button cr-button--quiet" aria-label=i18n.text(Key::Close) on:click=move |_| on_close.run(())>"×"</button>
            </div>
            <dl class="cr-info__list">
                {row(Key::Kind, i18n.t(if is_folder { Key::Folder } else { Key::File }).to_string())}
                {(!is_folder).then(|| row(Key::Size, format_size(file.size)))}
                {row(Key::Modified, date(&file.updated_at))}
                {row(Key::Created, date(&file.created_at))}
                {row(Key::Where, location)}
                {(!tags.is_empty()).then(|| row(Key::Tags, tags))}
                {move || match &*details.read() {
                    Some(Ok(d)) => d.extended_info.as_ref().map(|x| {
                        let policy = x.storage_policy.as_ref().map(|p| p.name.clone()).unwrap_or_default();
                        view! {
                            {row(Key::StoragePolicy, policy)}
                            {row(Key::SpaceUsed, format_size(x.storage_used))}
                        }
                    }).into_any(),
                    Some(Err(e)) => view! { <dd class="cr-field__error">{error_message(e, i18n.locale())}</dd> }.into_any(),
                    None => ().into_any(),
                }}
            </dl>
            {move || match &*details.read() {
                Some(Ok(d)) => d.extended_info.clone().map(|info| view! {
                    <InfoLinks info on_changed=Callback::new(move |()| reload.update(|v| *v += 1))/>
                }),
                _ => None,
            }}
            <Show when=move || is_folder>
                {move || match summary.value().get() {
                    Some(Ok(f)) => f.folder_summary.map(|s| view! {
                        <p class="cr-info__summary">{i18n.tf(Key::FolderSummary, &[
                            ("size", &format_size(s.size)), ("files", &s.files.to_string()), ("folders", &s.folders.to_string()),
                        ])}</p>
                    }).into_any(),
                    Some(Err(e)) => view! { <p class="cr-field__error">{error_message(&e, i18n.locale())}</p> }.into_any(),
                    None => view! {
                        <button type="button" class="cr-button" disabled=move || summary.pending().get()
                            on:click=move |_| { summary.dispatch(()); }>{i18n.text(Key::CalculateSize)}</button>
                    }.into_any(),
                }}
            </Show>
            // Activity is kept for one's own files (file.md: only users who can see the file).
            {(file.owned && !file.path.contains("@share")).then(|| {
                let full = CrUri::parse(&file.path).map(|u| format!("/activity?path={}", cloudreve_api::uri::encode_component(&u.to_string()))).unwrap_or_default();
                view! {
                    <section class="cr-info__activity" aria-label=i18n.text(Key::Activity)>
                        <div class="cr-info__activity-head">
                            <h3 class="cr-info__subtitle">{i18n.text(Key::Activity)}</h3>
                            <a href=full data-action="full-activity">{i18n.text(Key::ActivityOpenFull)}</a>
                        </div>
                        <ActivityList uri=file.path.clone() class="cr-activity-feed__viewport--panel"/>
                    </section>
                }
            })}
        </aside>
    }
}
