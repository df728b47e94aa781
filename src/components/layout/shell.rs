//! The signed-in page frame: top bar, sidebar drawer and the content area.

use cloudreve_api::endpoints::user::GetCapacity;
use cloudreve_api::FileSystem;
use leptos::prelude::*;

use super::sidebar::Sidebar;
use super::top_bar::TopBar;
use crate::components::common::toast_list::ToastList;
use crate::i18n::{use_i18n, Key};
use crate::state::session::use_session;

/// Frames `children` with navigation.
#[component]
pub fn Shell(
    /// The file system on screen, to highlight in the navigation.
    #[prop(into)]
    current: Signal<Option<FileSystem>>,
    /// Bumped by pages after changes that may alter storage usage.
    #[prop(optional, into)]
    usage_version: Signal<u32>,
    /// The page content.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let menu_open = RwSignal::new(false);
    let capacity = LocalResource::new(move || {
        usage_version.track();
        async move { session.call(&GetCapacity).await.ok() }
    });
    let capacity = Signal::derive(move || capacity.get().flatten());
    view! {
        <a class="cr-skip" href="#cr-main">{i18n.text(Key::SkipToContent)}</a>
        <div class="cr-shell">
            <TopBar menu_open/>
            <Sidebar open=menu_open current capacity/>
            <main id="cr-main" class="cr-main" tabindex="-1">{children()}</main>
        </div>
        <ToastList/>
    }
}
