//! `/s/:id/:password?`: share links (the shares issue builds the real viewer).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{use_i18n, Key};

/// Placeholder for shared links.
#[component]
pub fn SharePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main class="cr-centered" id="cr-main">
            <h1>{i18n.text(Key::ShareComingSoon)}</h1>
            <A href="/home">{i18n.text(Key::GoHome)}</A>
        </main>
    }
}
