//! Partial failures of a batch (40081): every failed item with its own localized reason and request
//! id, so the user knows exactly what did not happen.

use std::rc::Rc;

use cloudreve_api::{ApiError, CrUri};
use leptos::prelude::*;

use crate::components::dialogs::modal::Modal;
use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Key};

/// Lists the failed items.
#[component]
pub fn FailuresDialog(
    /// Failed resource URIs with their errors.
    items: Rc<Vec<(String, ApiError)>>,
    /// Called when dismissed.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let rows = items
        .iter()
        .map(|(uri, err)| {
            let name = CrUri::parse(uri)
                .map(|u| u.segments.join("/"))
                .unwrap_or_else(|_| uri.clone());
            let reason = error_message(err, locale);
            let request = err.correlation_id().map(str::to_string);
            view! {
                <li class="cr-dialog__item">
                    <span class="cr-dialog__item-name">{name}</span>
                    <span class="cr-dialog__item-detail">{reason}</span>
                    {request.map(|id| view! { <span class="cr-dialog__item-id">{move || i18n.tf(Key::RequestId, &[("id", &id)])}</span> })}
                </li>
            }
        })
        .collect_view();
    let count = items.len();
    view! {
        <Modal title=Signal::derive(move || i18n.tf(Key::SomeFailed, &[("count", &count.to_string())])) on_close>
            <ul class="cr-dialog__list" aria-label=i18n.text(Key::FailedItems)>{rows}</ul>
            <div class="cr-dialog__actions">
                <button type="button" class="cr-button cr-button--primary" autofocus=true on:click=move |_| on_close.run(())>{i18n.text(Key::Close)}</button>
            </div>
        </Modal>
    }
}
