//! Edit a share link (`POST /share/{id}`): a new expiry and download limit replace the old ones (so
//! an expired link comes back), the password and counters stay (share.md §Edit share link).

use cloudreve_api::models::{CreateShareRequest, EditShareRequest, GetShareInfoRequest, Share};
use leptos::prelude::*;

use crate::components::dialogs::modal::Modal;
use crate::components::dialogs::share_limits::{limit_of, ExpiryChoice, ShareLimits};
use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Key};
use crate::state::session::use_session;

/// The edit dialog of `share`; `on_saved` gets the link's new state.
#[component]
pub fn EditShareDialog(
    /// The link as listed.
    share: Share,
    /// Called with the link after saving.
    on_saved: Callback<Share>,
    /// Called when the dialog closes.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let expiry = ExpiryChoice::default();
    let tried = RwSignal::new(false);
    let downloads = RwSignal::new(String::new());
    let share_view = RwSignal::new(share.share_view);
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let id = share.id.clone();
    let is_folder = share.is_folder();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let Ok(expire) = expiry.seconds() else { return };
        let id = id.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            // The edit names the shared item by its place in my files, which only the owner's
            // extended info gives.
            let info = GetShareInfoRequest {
                id: id.clone(),
                owner_extended: Some(true),
                ..GetShareInfoRequest::default()
            };
            let result = async {
                let current = session.call(&info).await?;
                let req = EditShareRequest {
                    id: id.clone(),
                    body: CreateShareRequest {
                        uri: current.source_uri,
                        expire,
                        downloads: downloads.with_untracked(|d| limit_of(d).unwrap_or(0)),
                        share_view: share_view.get_untracked(),
                        show_readme: current.show_readme,
                        ..CreateShareRequest::default()
                    },
                };
                session.call(&req).await?;
                session
                    .call(&GetShareInfoRequest {
                        id,
                        ..GetShareInfoRequest::default()
                    })
                    .await
            }
            .await;
            busy.set(false);
            match result {
                Ok(updated) => on_saved.run(updated),
                Err(e) => failure.set(Some(error_message(&e, i18n.locale_untracked()))),
            }
        });
    };
    let name = share.name.clone();
    view! {
        <Modal title=Signal::derive(move || i18n.tf(Key::EditShareTitle, &[("name", &name)])) on_close>
            <form class="cr-dialog__form" on:submit=submit>
                <ShareLimits expiry checked=tried downloads share_view is_folder/>
                <p class="cr-field__error" role="alert">{move || failure.get()}</p>
                <div class="cr-dialog__actions">
                    <button type="button" class="cr-button cr-button--quiet" on:click=move |_| on_close.run(())>{i18n.text(Key::Cancel)}</button>
                    <button type="submit" class="cr-button cr-button--primary" disabled=busy>{i18n.text(Key::Save)}</button>
                </div>
            </form>
        </Modal>
    }
}
