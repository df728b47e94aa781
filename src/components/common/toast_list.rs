//! The notices on screen, in a polite live region (errors are announced assertively).

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};
use crate::state::toasts::use_toasts;

/// Shows the app's notices.
#[component]
pub fn ToastList() -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    view! {
        <ul class="cr-toasts" aria-live="polite">
            <For each=move || toasts.list.get() key=|t| t.id let:toast>
                <li class="cr-toast" class:cr-toast--error=toast.error role=if toast.error { "alert" } else { "status" }>
                    <span>{toast.text.clone()}</span>
                    <button type="button" aria-label=i18n.text(Key::Close) on:click=move |_| toasts.dismiss(toast.id)>"×"</button>
                </li>
            </For>
        </ul>
    }
}
