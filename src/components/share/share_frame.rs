//! The frame of a share for visitors without an account: a slim bar with the brand and a sign-in
//! link, then the share. Signed-in visitors get the normal app frame instead.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::common::toast_list::ToastList;
use crate::i18n::{use_i18n, Key};
use crate::links;

/// Frames `children` for an anonymous visitor.
#[component]
pub fn ShareFrame(
    /// The share page.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let sign_in = move || {
        links::sign_in(&links::path_and_query(
            &location.pathname.get(),
            &location.search.get(),
        ))
    };
    view! {
        <a class="cr-skip" href="#cr-main">{i18n.text(Key::SkipToContent)}</a>
        <div class="cr-share-shell">
            <header class="cr-topbar cr-topbar--share">
                <span class="cr-topbar__brand">"Cloudreve"</span>
                <a class="cr-button cr-button--quiet cr-topbar__signin" href=sign_in>{i18n.text(Key::SignIn)}</a>
            </header>
            <main id="cr-main" class="cr-main cr-main--share" tabindex="-1">{children()}</main>
        </div>
        <ToastList/>
    }
}
