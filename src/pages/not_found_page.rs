//! Any unknown address.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{use_i18n, Key};

/// The 404 page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main class="cr-centered" id="cr-main">
            <h1>{i18n.text(Key::NotFoundTitle)}</h1>
            <p>{i18n.text(Key::NotFoundBody)}</p>
            <A href="/home">{i18n.text(Key::GoHome)}</A>
        </main>
    }
}
