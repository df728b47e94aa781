//! The share's header: its name, who shared it, views, downloads and expiry
//! (`GET /share/info/{id}?count_views=true`, once per visit).

use cloudreve_api::models::{CreateFileRequest, CreateType, GetShareInfoRequest, Share};
use cloudreve_api::CrUri;
use leptos::prelude::*;

use crate::browser;
use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Key};
use crate::pages::embed_page::is_embedded;
use crate::state::session::use_session;
use crate::state::toasts::use_toasts;

/// The header of the share `uri` is in; nothing until the share's info arrives (the listing
/// explains failures).
#[component]
pub fn ShareHeader(
    /// Where the visitor is; only its share id and password matter.
    #[prop(into)]
    uri: Signal<CrUri>,
    /// Download the whole share.
    on_download_all: Callback<()>,
    /// Set to the share's `show_readme` once its info arrives.
    show_readme: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let toasts = use_toasts();
    let key = Memo::new(move |_| uri.with(|u| (u.id.clone(), u.password.clone())));
    let info = LocalResource::new(move || {
        let (id, password) = key.get();
        async move {
            let id = id?;
            let req = GetShareInfoRequest {
                id,
                password,
                count_views: Some(true),
                ..GetShareInfoRequest::default()
            };
            session.call(&req).await.ok()
        }
    });
    move || {
        let share: Share = info.get().flatten()?;
        show_readme.set(share.show_readme);
        let owner = share.owner.nickname.clone();
        let stats = i18n.tf(
            Key::ShareStats,
            &[
                ("views", &share.visited.to_string()),
                ("downloads", &share.downloaded.to_string()),
            ],
        );
        let expires = share
            .expires
            .as_ref()
            .and_then(|t| t.unix_millis())
            .map(|ms| i18n.tf(Key::ShareExpires, &[("date", &browser::local_datetime(ms))]));
        let initial = owner
            .chars()
            .next()
            .map(|c| c.to_uppercase().to_string())
            .unwrap_or_default();
        let unlocked = share.unlocked;
        // Signed-in visitors keep a shortcut to someone else's share (not their own, not embedded).
        let can_save = unlocked
            && !is_embedded()
            && session
                .user()
                .is_some_and(|u| !u.anonymous && u.id != share.owner.id);
        let save = {
            let share = share.clone();
            let (id, password) = key.get_untracked();
            move |_| {
                let Some(id) = id.clone() else { return };
                let mut metadata = std::collections::BTreeMap::new();
                metadata.insert(
                    "sys:shared_redirect".to_string(),
                    CrUri::share(&id, password.as_deref()).to_string(),
                );
                metadata.insert("sys:shared_owner".to_string(), share.owner.id.clone());
                let req = CreateFileRequest {
                    uri: CrUri::my().join(&share.name).to_string(),
                    file_type: if share.is_folder() {
                        CreateType::Folder
                    } else {
                        CreateType::File
                    },
                    err_on_conflict: true,
                    metadata: Some(metadata),
                };
                leptos::task::spawn_local(async move {
                    match session.call(&req).await {
                        Ok(_) => toasts.info(i18n.t(Key::ShareSaved)),
                        Err(e) => toasts.error(error_message(&e, i18n.locale_untracked())),
                    }
                });
            }
        };
        Some(view! {
            <header class="cr-share-header" aria-label=share.name.clone()>
                <span class="cr-share-header__avatar" aria-hidden="true">{initial}</span>
                <div class="cr-share-header__text">
                    <h1 class="cr-share-header__name">{share.name.clone()}</h1>
                    <p class="cr-share-header__meta">
                        <a data-share-owner="" href=format!("/profile/{}", share.owner.id)>{i18n.tf(Key::ShareBy, &[("name", &owner)])}</a>
                        " · "<span data-share-stats="">{stats}</span>
                        {expires.map(|e| view! { " · "<span>{e}</span> })}
                    </p>
                </div>
                <div class="cr-share-header__actions">
                    {can_save.then(|| view! {
                        <button type="button" class="cr-button" data-action="save-share" on:click=save>{i18n.text(Key::ShareSaveToMine)}</button>
                    })}
                    // A single file has its own Download on its card.
                    {(unlocked && share.is_folder()).then(|| view! {
                        <button type="button" class="cr-button" data-action="download-share" on:click=move |_| on_download_all.run(())>
                            {i18n.text(Key::ShareDownloadAll)}
                        </button>
                    })}
                </div>
            </header>
        })
    }
}
