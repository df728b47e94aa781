//! `/profile/:id`: a user's public page: their name and the shares they made public
//! (`GET /user/info/{id}`, `GET /user/shares/{id}`, cursor pages behind "Load more").

use cloudreve_api::endpoints::user::GetUserInfo;
use cloudreve_api::models::{ListUserSharesRequest, Share};
use cloudreve_api::ApiError;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::browser;
use crate::components::common::error_view::ErrorView;
use crate::components::common::toast_list::ToastList;
use crate::i18n::{use_i18n, Key};
use crate::state::session::use_session;

/// Links fetched per page.
const PAGE_SIZE: i64 = 50;

/// A user's public profile.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let user = LocalResource::new(move || {
        let req = GetUserInfo { id: id.get() };
        async move { session.call(&req).await }
    });
    let shares = RwSignal::new(Vec::<Share>::new());
    let next = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    let loading = RwSignal::new(false);
    let load = move |fresh: bool| {
        let req = ListUserSharesRequest {
            id: id.get_untracked(),
            page_size: PAGE_SIZE,
            next_page_token: if fresh { None } else { next.get_untracked() },
            ..ListUserSharesRequest::default()
        };
        loading.set(true);
        leptos::task::spawn_local(async move {
            match session.call(&req).await {
                Ok(page) => {
                    if fresh {
                        shares.set(page.shares);
                    } else {
                        shares.update(|v| v.extend(page.shares));
                    }
                    next.set(page.pagination.next_token.filter(|t| !t.is_empty()));
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
            loading.set(false);
        });
    };
    Effect::new(move |_| {
        id.track();
        load(true);
    });
    view! {
        <main class="cr-profile" id="cr-main">
            {move || match user.get() {
                Some(Ok(u)) => view! {
                    <header class="cr-share-header">
                        <span class="cr-share-header__avatar" aria-hidden="true">{u.nickname.chars().next().map(|c| c.to_uppercase().to_string()).unwrap_or_default()}</span>
                        <div class="cr-share-header__text">
                            <h1 class="cr-share-header__name">{u.nickname.clone()}</h1>
                            <p class="cr-share-header__meta">{i18n.text(Key::PublicShares)}</p>
                        </div>
                    </header>
                }.into_any(),
                Some(Err(e)) => view! { <ErrorView error=e/> }.into_any(),
                None => view! { <p class="cr-status" role="status">{i18n.text(Key::Loading)}</p> }.into_any(),
            }}
            {move || error.get().map(|e| view! { <ErrorView error=e on_retry=Callback::new(move |_| load(true))/> })}
            <ul class="cr-profile__shares" aria-label=i18n.text(Key::PublicShares)>
                <For each=move || shares.get() key=|s| s.id.clone() let:share>
                    <li class="cr-share-row">
                        <div class="cr-share-row__text">
                            <a class="cr-share-row__name" href=share.url.clone()>{share.name.clone()}</a>
                            <span class="cr-share-row__meta">
                                {share.created_at.unix_millis().map(browser::local_datetime).unwrap_or_default()}
                                " · "{i18n.tf(Key::ShareViews, &[("views", &share.visited.to_string())])}
                            </span>
                        </div>
                    </li>
                </For>
            </ul>
            <Show when=move || shares.with(Vec::is_empty) && !loading.get() && error.with(Option::is_none)>
                <p class="cr-status cr-status--empty">{i18n.text(Key::NoPublicShares)}</p>
            </Show>
            <Show when=move || next.with(Option::is_some)>
                <button type="button" class="cr-button" disabled=loading on:click=move |_| load(false)>{i18n.text(Key::LoadMore)}</button>
            </Show>
        </main>
        <ToastList/>
    }
}
