//! A failed load: a localized message, the server's request id, and a retry button.

use cloudreve_api::ApiError;
use leptos::prelude::*;

use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Key};

/// Shows `error` as an alert.
#[component]
pub fn ErrorView(
    /// The failure to explain.
    error: ApiError,
    /// Called by the retry button; no button without it.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let correlation = error.correlation_id().map(str::to_string);
    let message = {
        let error = error.clone();
        move || error_message(&error, i18n.locale())
    };
    view! {
        <div class="cr-error" role="alert">
            <p class="cr-error__title">{i18n.text(Key::ErrorTitle)}</p>
            <p class="cr-error__message">{message}</p>
            {correlation.map(|id| view! { <p class="cr-error__id">{move || i18n.tf(Key::RequestId, &[("id", &id)])}</p> })}
            {on_retry.map(|cb| view! {
                <button type="button" class="cr-button" on:click=move |_| cb.run(())>{i18n.text(Key::Retry)}</button>
            })}
        </div>
    }
}
