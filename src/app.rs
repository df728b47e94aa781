//! `<App/>`: the services and the route table (the only place routes are listed).

use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::api::Transport;
use crate::components::downloads::tree_download_panel::TreeDownloadPanel;
use crate::components::uploads::conflict_dialog::ConflictDialog;
use crate::components::uploads::upload_panel::UploadPanel;
use crate::i18n::provide_i18n;
use crate::pages::activity_page::ActivityPage;
use crate::pages::embed_page::EmbedPage;
use crate::pages::files_page::FilesPage;
use crate::pages::my_shares_page::MySharesPage;
use crate::pages::not_found_page::NotFoundPage;
use crate::pages::profile_page::ProfilePage;
use crate::pages::share_page::SharePage;
use crate::pages::sign_in_page::SignInPage;
use crate::state::preview::Preview;
use crate::state::session::provide_session;
use crate::state::theme::provide_theme;
use crate::state::thumbs::Thumbs;
use crate::state::toasts::provide_toasts;
use crate::state::tree_download::TreeDownloads;
use crate::state::uploads::Uploads;

/// The application.
#[component]
pub fn App() -> impl IntoView {
    let i18n = provide_i18n();
    provide_theme();
    let session = provide_session(Transport::from_page());
    Thumbs::provide(session);
    provide_toasts();
    Uploads::provide(session, i18n);
    Preview::provide(session);
    TreeDownloads::provide(session, i18n);
    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=|| view! { <Redirect path="/home"/> }/>
                <Route path=path!("/home") view=FilesPage/>
                <Route path=path!("/session") view=SignInPage/>
                <Route path=path!("/shares") view=MySharesPage/>
                <Route path=path!("/activity") view=ActivityPage/>
                <Route path=path!("/profile/:id") view=ProfilePage/>
                <Route path=path!("/s/:id") view=SharePage/>
                <Route path=path!("/s/:id/:password") view=SharePage/>
                <Route path=path!("/embed/s/:id") view=EmbedPage/>
                <Route path=path!("/embed/s/:id/:password") view=EmbedPage/>
            </Routes>
            <UploadPanel/>
            <ConflictDialog/>
            <TreeDownloadPanel/>
        </Router>
    }
}
