//! `/s/:id/:password?`: a share's short link. Servers answer it with a redirect to the file
//! browser; when the app is served for it instead, the page does the same.

use cloudreve_api::CrUri;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use crate::links;

/// Opens the share's root in the file browser.
#[component]
pub fn SharePage() -> impl IntoView {
    let params = use_params_map();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let (id, password) = params.with(|p| (p.get("id"), p.get("password")));
        if let Some(id) = id.filter(|i| !i.is_empty()) {
            let uri = CrUri::share(&id, password.as_deref().filter(|p| !p.is_empty()));
            navigate(
                &links::home(&uri),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
}
