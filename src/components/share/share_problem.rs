//! What a visitor sees when a share's listing fails: a password prompt (40069), a page for shares
//! that are gone (404), a sign-in page when their group may not open shares (403), or the general
//! error view.

use cloudreve_api::{ApiError, Code, CrUri};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::components::common::error_view::ErrorView;
use crate::i18n::{use_i18n, Key};
use crate::links;
use crate::state::session::use_session;

/// Explains `error` for the share at `uri`.
#[component]
pub fn ShareProblem(
    /// The listing's failure.
    error: ApiError,
    /// Where the visitor is.
    uri: CrUri,
    /// Loads the listing again.
    on_retry: Callback<()>,
    /// Where a link with a password leads: the share's root in this page's route.
    to_uri: Callback<CrUri, String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    match error.code() {
        Some(Code::IncorrectPassword) => {
            let wrong = uri.password.is_some();
            let entered = RwSignal::new(String::new());
            let navigate = use_navigate();
            let submit = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let p = entered.get_untracked().trim().to_string();
                if p.is_empty() {
                    return;
                }
                let mut next = uri.clone();
                next.password = Some(p);
                navigate(
                    &to_uri.run(next),
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            };
            view! {
                <form class="cr-share-lock" on:submit=submit>
                    <p class="cr-share-lock__text">{i18n.text(Key::SharePasswordPrompt)}</p>
                    <label class="cr-field">
                        <span>{i18n.text(Key::SharePassword)}</span>
                        <input class="cr-input" name="share-password" type="password" autocomplete="off" autofocus
                            aria-invalid=wrong.to_string() prop:value=entered on:input=move |ev| entered.set(event_target_value(&ev))/>
                    </label>
                    {wrong.then(|| view! { <p class="cr-field__error" role="alert">{i18n.text(Key::SharePasswordWrong)}</p> })}
                    <button type="submit" class="cr-button cr-button--primary">{i18n.text(Key::ShareUnlock)}</button>
                </form>
            }
            .into_any()
        }
        Some(Code::NotFound) => view! {
            <div class="cr-share-gone" role="alert">
                <p class="cr-share-gone__text">{i18n.text(Key::ShareGone)}</p>
            </div>
        }
        .into_any(),
        Some(Code::NoPermission | Code::CheckLogin) if !session.signed_in() => {
            let location = use_location();
            let back = links::path_and_query(
                &location.pathname.get_untracked(),
                &location.search.get_untracked(),
            );
            view! {
                <div class="cr-share-gone" role="alert">
                    <p class="cr-share-gone__text">{i18n.text(Key::ShareSignInNeeded)}</p>
                    <a class="cr-button cr-button--primary" href=links::sign_in(&back)>{i18n.text(Key::SignIn)}</a>
                </div>
            }
            .into_any()
        }
        _ => view! { <ErrorView error on_retry/> }.into_any(),
    }
}
