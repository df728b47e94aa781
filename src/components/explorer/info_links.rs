//! The links to one item in its details: its share links and direct links (the owner's
//! `extended_info`), each with copy and delete.

use cloudreve_api::models::{DeleteDirectLink, DeleteShareRequest, ExtendedInfo};
use cloudreve_api::ApiError;
use leptos::prelude::*;

use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Key};
use crate::state::session::use_session;

/// Which kind of link a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Share,
    Direct,
}

/// The item's share and direct links; `on_changed` runs after one is deleted.
#[component]
pub fn InfoLinks(
    /// The item's extended details.
    info: ExtendedInfo,
    /// Called after a deletion, to load the details again.
    on_changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let failure = RwSignal::new(None::<String>);
    let rows: Vec<(Kind, String, String)> = info
        .shares
        .iter()
        .map(|s| (Kind::Share, s.id.clone(), s.url.clone()))
        .chain(
            info.direct_links
                .iter()
                .map(|l| (Kind::Direct, l.id.clone(), l.url.clone())),
        )
        .collect();
    if rows.is_empty() {
        return ().into_any();
    }
    let delete = move |kind: Kind, id: String| {
        leptos::task::spawn_local(async move {
            let result: Result<(), ApiError> = match kind {
                Kind::Share => session.call(&DeleteShareRequest { id }).await,
                Kind::Direct => session.call(&DeleteDirectLink { id }).await,
            };
            match result {
                Ok(()) => on_changed.run(()),
                Err(e) => failure.set(Some(error_message(&e, i18n.locale_untracked()))),
            }
        });
    };
    view! {
        <section class="cr-info__links" aria-label=i18n.text(Key::Links)>
            <h3 class="cr-info__subtitle">{i18n.text(Key::Links)}</h3>
            <ul class="cr-info__link-list">
                {rows.into_iter().map(|(kind, id, url)| {
                    let copy_url = url.clone();
                    let label = i18n.t(if kind == Kind::Share { Key::Share } else { Key::DirectLinks });
                    view! {
                        <li class="cr-info__link" data-link-kind=if kind == Kind::Share { "share" } else { "direct" }>
                            <span class="cr-badge">{label}</span>
                            <input class="cr-input" readonly prop:value=url aria-label=label/>
                            <button type="button" class="cr-button cr-button--quiet" on:click=move |_| {
                                let text = copy_url.clone();
                                leptos::task::spawn_local(async move { let _ = crate::browser::copy_text(&text).await; });
                            }>{i18n.text(Key::Copy)}</button>
                            <button type="button" class="cr-button cr-button--danger-quiet" data-action="delete-link"
                                on:click=move |_| delete(kind, id.clone())>{i18n.text(Key::Delete)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="cr-field__error" role="alert">{move || failure.get()}</p>
        </section>
    }
    .into_any()
}
