//! The share's header: its name, who shared it, views, downloads and expiry
//! (`GET /share/info/{id}?count_views=true`, once per visit).

use cloudreve_api::models::{GetShareInfoRequest, Share};
use cloudreve_api::CrUri;
use leptos::prelude::*;

use crate::browser;
use crate::i18n::{use_i18n, Key};
use crate::state::session::use_session;

/// The header of the share `uri` is in; nothing until the share's info arrives (the listing
/// explains failures).
#[component]
pub fn ShareHeader(
    /// Where the visitor is; only its share id and password matter.
    #[prop(into)]
    uri: Signal<CrUri>,
    /// Download the whole share.
    on_download_all: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
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
        Some(view! {
            <header class="cr-share-header" aria-label=share.name.clone()>
                <span class="cr-share-header__avatar" aria-hidden="true">{initial}</span>
                <div class="cr-share-header__text">
                    <h1 class="cr-share-header__name">{share.name.clone()}</h1>
                    <p class="cr-share-header__meta">
                        <span data-share-owner="">{i18n.tf(Key::ShareBy, &[("name", &owner)])}</span>
                        " · "<span data-share-stats="">{stats}</span>
                        {expires.map(|e| view! { " · "<span>{e}</span> })}
                    </p>
                </div>
                {unlocked.then(|| view! {
                    <button type="button" class="cr-button" data-action="download-share" on:click=move |_| on_download_all.run(())>
                        {i18n.text(Key::ShareDownloadAll)}
                    </button>
                })}
            </header>
        })
    }
}
