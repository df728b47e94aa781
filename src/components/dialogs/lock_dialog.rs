//! The lock-conflict dialog (40073): which items are locked and by what, and a force-unlock that
//! releases the locks the user owns and retries the operation.

use cloudreve_api::models::ConflictDetail;
use leptos::prelude::*;

use crate::components::dialogs::modal::Modal;
use crate::i18n::{use_i18n, Key};

/// Lists `conflicts` and offers to unlock.
#[component]
pub fn LockDialog(
    /// The conflicting locks.
    conflicts: Vec<ConflictDetail>,
    /// Called with the tokens to release.
    on_unlock: Callback<Vec<String>>,
    /// Called on cancel.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let tokens: Vec<String> = conflicts
        .iter()
        .map(|c| c.token.clone())
        .filter(|t| !t.is_empty())
        .collect();
    let can_unlock = !tokens.is_empty();
    let rows = conflicts
        .into_iter()
        .map(|c| {
            let place = cloudreve_api::CrUri::parse(&c.path)
                .map(|u| u.segments.join("/"))
                .unwrap_or(c.path.clone());
            let holder = c.owner.application.app_type.clone();
            view! {
                <li class="cr-dialog__item">
                    <span class="cr-dialog__item-name">{if place.is_empty() { "—".to_string() } else { place }}</span>
                    <span class="cr-dialog__item-detail">{move || i18n.tf(Key::LockedBy, &[("app", &holder)])}</span>
                </li>
            }
        })
        .collect_view();
    let tokens = StoredValue::new(tokens);
    view! {
        <Modal title=Signal::derive(move || i18n.t(Key::LockedTitle).to_string()) on_close>
            <p class="cr-dialog__text">{move || i18n.t(if can_unlock { Key::LockedBody } else { Key::LockedNotYours })}</p>
            <ul class="cr-dialog__list">{rows}</ul>
            <div class="cr-dialog__actions">
                <button type="button" class="cr-button cr-button--quiet" on:click=move |_| on_close.run(())>{i18n.text(Key::Cancel)}</button>
                <Show when=move || can_unlock>
                    <button type="button" class="cr-button cr-button--danger" on:click=move |_| on_unlock.run(tokens.get_value())>{i18n.text(Key::ForceUnlock)}</button>
                </Show>
            </div>
        </Modal>
    }
}
