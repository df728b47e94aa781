//! `/home?path=<cloudreve URI>`: the file manager. The URL is the source of truth for the folder.

use cloudreve_api::models::{
    CreateFileRequest, CreateType, FileResponse, ListFilesRequest, ListResponse,
};
use cloudreve_api::{ApiError, Code, CrUri};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::components::common::error_view::ErrorView;
use crate::components::explorer::breadcrumbs::Breadcrumbs;
use crate::components::explorer::file_list::FileList;
use crate::components::layout::shell::Shell;
use crate::domain::sort::{Sort, SortKey};
use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Key};
use crate::links;
use crate::state::session::{use_session, CallExtras, Session};

/// Items fetched per page.
const PAGE_SIZE: i64 = 500;

fn list_request(uri: &CrUri, sort: Sort, next: Option<String>) -> ListFilesRequest {
    ListFilesRequest {
        uri: uri.to_string(),
        page_size: Some(PAGE_SIZE),
        order_by: Some(sort.key.as_str().into()),
        order_direction: Some(sort.direction().into()),
        next_page_token: next,
        ..ListFilesRequest::default()
    }
}

/// Sends signed-out visitors to sign in, and back here afterwards.
fn require_session(session: Session) {
    let location = use_location();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if !session.signed_in() {
            let back = links::path_and_query(
                &location.pathname.get_untracked(),
                &location.search.get_untracked(),
            );
            navigate(
                &links::sign_in(&back),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
}

/// The file manager page.
#[component]
pub fn FilesPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    require_session(session);
    let location = use_location();
    let parsed =
        Memo::new(
            move |_| match location.search.with(|q| links::query_param(q, "path")) {
                None => Ok(CrUri::my()),
                Some(p) => CrUri::parse(&p).map_err(|e| ApiError::Server {
                    code: Code::ParamErr,
                    msg: e.to_string(),
                    correlation_id: None,
                }),
            },
        );
    let uri = Signal::derive(move || parsed.get().unwrap_or_else(|_| CrUri::my()));
    let sort = Memo::new(move |_| {
        location.search.with(|q| {
            Sort::from_params(
                links::query_param(q, "order_by").as_deref(),
                links::query_param(q, "order_direction").as_deref(),
            )
        })
    });
    let navigate = use_navigate();
    // Every in-page navigation goes through here: a folder in an order.
    let go = move |target: &CrUri, order: Sort| {
        navigate(&links::home_sorted(target, order), Default::default())
    };
    let on_sort = {
        let go = go.clone();
        Callback::new(move |key: SortKey| {
            go(&uri.get_untracked(), sort.get_untracked().clicked(key))
        })
    };
    let on_open = {
        let go = go.clone();
        Callback::new(move |item: FileResponse| {
            if item.is_folder() {
                if let Ok(target) = CrUri::parse(&item.path) {
                    go(&target, sort.get_untracked());
                }
            }
        })
    };
    let on_parent = Callback::new(move |()| {
        if let Some(parent) = uri.get_untracked().parent() {
            go(&parent, sort.get_untracked());
        }
    });
    let reload = RwSignal::new(0u32);
    let usage_version = RwSignal::new(0u32);
    // A new listing cancels the one still loading, and leaving the page cancels whatever is in flight.
    let in_flight = StoredValue::new_local(None::<web_sys::AbortController>);
    let cancel_in_flight = move || {
        if let Some(c) = in_flight.try_update_value(Option::take).flatten() {
            c.abort();
        }
    };
    on_cleanup(cancel_in_flight);
    let listing = LocalResource::new(move || {
        reload.track();
        let target = parsed.get();
        let order = sort.get();
        cancel_in_flight();
        let controller = web_sys::AbortController::new().ok();
        let extras = CallExtras {
            abort: controller.as_ref().map(web_sys::AbortController::signal),
            ..CallExtras::default()
        };
        in_flight.set_value(controller);
        async move {
            if !session.signed_in() {
                return Err(ApiError::Server {
                    code: Code::CheckLogin,
                    msg: String::new(),
                    correlation_id: None,
                });
            }
            session
                .call_with(&list_request(&target?, order, None), &extras)
                .await
        }
    });
    // The list lives at page level and stays mounted across loads: a view rebuilt inside a Suspend on
    // every load would have its prop signals disposed while the old rows still react to `files`.
    let files = RwSignal::new(Vec::<FileResponse>::new());
    let next = RwSignal::new(None::<String>);
    Effect::new(move |_| match &*listing.read() {
        Some(Ok(l)) => {
            files.set(l.files.clone());
            next.set(l.pagination.next_token.clone());
        }
        _ => {
            files.set(Vec::new());
            next.set(None);
        }
    });
    let load_more = Action::new_local(move |token: &String| {
        let folder = uri.get_untracked();
        let req = list_request(&folder, sort.get_untracked(), Some(token.clone()));
        async move {
            let page: ListResponse = session.call(&req).await?;
            // The user may have moved to another folder while this page was loading.
            if uri.get_untracked() == folder {
                files.update(|v| v.extend(page.files));
                next.set(page.pagination.next_token);
            }
            Ok::<(), ApiError>(())
        }
    });

    // The next cursor page, unless one is loading already (the list asks on every scroll near the end).
    let load_next = move || {
        if !load_more.pending().get_untracked() {
            if let Some(token) = next.get_untracked() {
                load_more.dispatch(token);
            }
        }
    };

    view! {
        <Shell current=Signal::derive(move || Some(uri.get().fs)) usage_version>
            <div class="cr-toolbar">
                <Breadcrumbs uri/>
                <NewFolder parent=uri on_created=Callback::new(move |_| reload.update(|v| *v += 1))/>
            </div>
            {move || match &*listing.read() {
                None => view! { <p class="cr-status" role="status">{move || i18n.t(Key::Loading)}</p> }.into_any(),
                Some(Err(e)) if e.code() == Some(Code::CheckLogin) && !session.signed_in() => ().into_any(),
                Some(Err(e)) => view! { <ErrorView error=e.clone() on_retry=Callback::new(move |_| reload.update(|v| *v += 1))/> }.into_any(),
                Some(Ok(_)) => ().into_any(),
            }}
            <Show when=move || matches!(&*listing.read(), Some(Ok(_)))>
                <Show when=move || !files.with(Vec::is_empty) fallback=move || view! { <p class="cr-status">{move || i18n.t(Key::EmptyFolder)}</p> }>
                    <FileList files on_near_end=Callback::new(move |_| load_next()) sort=Signal::from(sort) on_sort on_open on_parent/>
                </Show>
                <p class="cr-status cr-status--count" aria-live="polite">
                    {move || i18n.tf(Key::ItemCount, &[("count", &files.with(Vec::len).to_string())])}
                    {move || load_more.pending().get().then(|| format!(" · {}", i18n.t(Key::Loading)))}
                </p>
                {move || load_more.value().get().and_then(Result::err).map(|e| view! { <ErrorView error=e on_retry=Callback::new(move |_| load_next())/> })}
            </Show>
        </Shell>
    }
}

/// "New folder": a button that opens a one-field form.
#[component]
fn NewFolder(
    /// Folder to create in.
    parent: Signal<CrUri>,
    /// Called after a folder was created.
    on_created: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let open = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let create = Action::new_local(move |name: &String| {
        let req = CreateFileRequest {
            uri: parent.get_untracked().join(name.trim()).to_string(),
            file_type: CreateType::Folder,
            err_on_conflict: true,
            metadata: None,
        };
        async move { session.call(&req).await.map(|_| ()) }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = create.value().get() {
            open.set(false);
            name.set(String::new());
            on_created.run(());
        }
    });
    let writable = move || parent.get().fs == cloudreve_api::FileSystem::My;
    view! {
        <Show when=writable>
            <Show
                when=move || open.get()
                fallback=move || view! { <button type="button" class="cr-button" on:click=move |_| open.set(true)>{move || i18n.t(Key::NewFolder)}</button> }
            >
                <form class="cr-inline-form" on:submit=move |ev| { ev.prevent_default(); if !name.get_untracked().trim().is_empty() { create.dispatch(name.get_untracked()); } }>
                    <label class="cr-field cr-field--inline">
                        <span class="cr-visually-hidden">{move || i18n.t(Key::FolderName)}</span>
                        <input class="cr-input" name="folder-name" placeholder=move || i18n.t(Key::FolderName) autofocus=true
                            prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                    </label>
                    <button type="submit" class="cr-button cr-button--primary" disabled=move || create.pending().get()>{move || i18n.t(Key::Create)}</button>
                    <button type="button" class="cr-button cr-button--quiet" on:click=move |_| open.set(false)>{move || i18n.t(Key::Cancel)}</button>
                    <span class="cr-inline-form__error" role="alert">
                        {move || create.value().get().and_then(Result::err).map(|e| error_message(&e, i18n.locale()))}
                    </span>
                </form>
            </Show>
        </Show>
    }
}
