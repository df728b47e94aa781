//! `/activity?path=<cloudreve URI>`: the whole activity feed of one file or folder, as tall as the
//! window, with a way back to the folder that holds it.

use cloudreve_api::CrUri;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::activity::activity_list::ActivityList;
use crate::components::layout::shell::Shell;
use crate::i18n::{use_i18n, Key};
use crate::links;
use crate::pages::files_page::require_session;
use crate::state::session::use_session;

/// The activity page.
#[component]
pub fn ActivityPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    require_session(session, Memo::new(|_| false));
    let location = use_location();
    let uri = Memo::new(move |_| {
        location
            .search
            .with(|q| links::query_param(q, "path"))
            .and_then(|p| CrUri::parse(&p).ok())
            .unwrap_or_else(CrUri::my)
    });
    view! {
        <Shell current=Signal::derive(move || Some(uri.get().fs))>
            <div class="cr-activity-page">
                {move || {
                    let u = uri.get();
                    let name = if u.name().is_empty() { i18n.t(Key::MyFiles).to_string() } else { u.name().to_string() };
                    let back = u.parent().unwrap_or_else(|| u.clone());
                    view! {
                        <div class="cr-activity-page__head">
                            <h1 class="cr-activity-page__title">{i18n.tf(Key::ActivityOf, &[("name", &name)])}</h1>
                            <a class="cr-button cr-button--quiet" href=links::home(&back)>{i18n.text(Key::Back)}</a>
                        </div>
                        <ActivityList uri=u.to_string() class="cr-activity-feed__viewport--page"/>
                    }
                }}
            </div>
        </Shell>
    }
}
