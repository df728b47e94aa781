//! `/shares`: the links I shared (`GET /share`, cursor pages loaded as the list scrolls, only the
//! rows on screen rendered), in creation, view or download order, with open, copy and delete.

use cloudreve_api::models::{DeleteShareRequest, ListMySharesRequest, Share};
use cloudreve_api::ApiError;
use leptos::prelude::*;

use crate::browser;
use crate::components::common::error_view::ErrorView;
use crate::components::dialogs::edit_share_dialog::EditShareDialog;
use crate::components::explorer::viewport::{rows_on_screen, use_viewport};
use crate::components::layout::shell::Shell;
use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Key};
use crate::pages::files_page::require_session;
use crate::state::session::{use_session, Session};
use crate::state::toasts::use_toasts;

/// Height of one row in px (`.cr-share-row` in the CSS).
const ROW_HEIGHT: f64 = 64.0;
/// Links fetched per page.
const PAGE_SIZE: i64 = 50;

/// What the list is ordered by: (`order_by`, descending).
type Order = (&'static str, bool);

/// The loaded links and where the next page starts.
#[derive(Clone, Copy)]
struct Pages {
    items: RwSignal<Vec<Share>>,
    next: RwSignal<Option<String>>,
    loading: RwSignal<bool>,
    error: RwSignal<Option<ApiError>>,
    /// Bumped on every fresh start, so an answer for an older order is dropped.
    generation: RwSignal<u32>,
}

impl Pages {
    fn new() -> Self {
        Pages {
            items: RwSignal::new(Vec::new()),
            next: RwSignal::new(None),
            loading: RwSignal::new(false),
            error: RwSignal::new(None),
            generation: RwSignal::new(0),
        }
    }

    /// Loads the first page (`fresh`) or the next one.
    fn load(self, session: Session, order: Order, fresh: bool) {
        if fresh {
            self.generation.update(|g| *g += 1);
            self.items.set(Vec::new());
            self.next.set(None);
        } else if self.loading.get_untracked() || self.next.with_untracked(Option::is_none) {
            return;
        }
        let generation = self.generation.get_untracked();
        let req = ListMySharesRequest {
            page_size: PAGE_SIZE,
            order_by: Some(order.0.into()),
            order_direction: Some(if order.1 { "desc" } else { "asc" }.into()),
            next_page_token: if fresh {
                None
            } else {
                self.next.get_untracked()
            },
        };
        self.loading.set(true);
        leptos::task::spawn_local(async move {
            let result = session.call(&req).await;
            if self.generation.get_untracked() != generation {
                return;
            }
            match result {
                Ok(page) => {
                    self.items.update(|v| v.extend(page.shares));
                    self.next
                        .set(page.pagination.next_token.filter(|t| !t.is_empty()));
                    self.error.set(None);
                }
                Err(e) => self.error.set(Some(e)),
            }
            self.loading.set(false);
        });
    }
}

/// The "My shares" page.
#[component]
pub fn MySharesPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let toasts = use_toasts();
    require_session(session, Memo::new(|_| false));
    let order = RwSignal::new(("id", true));
    let pages = Pages::new();
    Effect::new(move |_| {
        let o = order.get();
        if session.signed_in() {
            pages.load(session, o, true);
        }
    });
    let vp = use_viewport();
    let len = Memo::new(move |_| pages.items.with(Vec::len));
    let range = rows_on_screen(vp, ROW_HEIGHT, len, move || {
        pages.load(session, order.get_untracked(), false)
    });
    let delete = move |id: String| {
        let req = DeleteShareRequest { id: id.clone() };
        leptos::task::spawn_local(async move {
            match session.call(&req).await {
                Ok(()) => pages.items.update(|v| v.retain(|s| s.id != id)),
                Err(e) => toasts.error(error_message(&e, i18n.locale_untracked())),
            }
        });
    };
    let editing = RwSignal::new(None::<Share>);
    let rows = move || {
        let r = range.get();
        pages
            .items
            .with(|v| v.get(r.start..r.end).unwrap_or_default().to_vec())
    };
    let orders: [(Key, Order); 3] = [
        (Key::SharesNewest, ("id", true)),
        (Key::SharesMostViewed, ("views", true)),
        (Key::SharesMostDownloaded, ("downloads", true)),
    ];
    view! {
        <Shell current=Signal::derive(|| None)>
            <div class="cr-shares">
                <div class="cr-shares__head">
                    <h1 class="cr-shares__title">{i18n.text(Key::MyShares)}</h1>
                    <label class="cr-shares__order">
                        <span class="cr-visually-hidden">{i18n.text(Key::SortBy)}</span>
                        <select class="cr-select" name="share-order" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some((_, o)) = orders.iter().find(|(_, o)| o.0 == v) { order.set(*o) }
                        }>
                            {orders.into_iter().map(|(k, o)| view! { <option value=o.0 selected=move || order.get().0 == o.0>{i18n.text(k)}</option> }).collect_view()}
                        </select>
                    </label>
                </div>
                {move || pages.error.get().map(|e| view! { <ErrorView error=e on_retry=Callback::new(move |_| pages.load(session, order.get_untracked(), true))/> })}
                <Show when=move || !(len.get() == 0 && !pages.loading.get() && pages.error.with(Option::is_none))
                    fallback=move || view! { <p class="cr-status cr-status--empty">{i18n.text(Key::SharesEmpty)}</p> }>
                    <div class="cr-shares__viewport" node_ref=vp.node on:scroll=move |_| vp.measure() role="list" aria-label=i18n.text(Key::MyShares)>
                        <div aria-hidden="true" style:height=move || format!("{}px", range.get().space_above(ROW_HEIGHT))></div>
                        <For each=rows key=|s| (s.id.clone(), s.expired, s.expires.clone()) let:share>
                            <ShareRow share on_delete=Callback::new(delete) on_edit=Callback::new(move |s: Share| editing.set(Some(s)))/>
                        </For>
                        <div aria-hidden="true" style:height=move || format!("{}px", range.get().space_below(ROW_HEIGHT, len.get()))></div>
                    </div>
                </Show>
                {move || editing.get().map(|share| view! {
                    <EditShareDialog share on_close=Callback::new(move |()| editing.set(None))
                        on_saved=Callback::new(move |updated: Share| {
                            editing.set(None);
                            pages.items.update(|v| if let Some(s) = v.iter_mut().find(|s| s.id == updated.id) { *s = updated });
                        })/>
                })}
                <p class="cr-status cr-status--count" aria-live="polite">
                    {move || i18n.tf(Key::ItemCount, &[("count", &len.get().to_string())])}
                    {move || pages.loading.get().then(|| format!(" · {}", i18n.t(Key::Loading)))}
                </p>
            </div>
        </Shell>
    }
}

/// One link: what it shares, its state and counters, and what can be done with it.
#[component]
fn ShareRow(share: Share, on_delete: Callback<String>, on_edit: Callback<Share>) -> impl IntoView {
    let i18n = use_i18n();
    let confirming = RwSignal::new(false);
    let copied = RwSignal::new(false);
    let created = share
        .created_at
        .unix_millis()
        .map(browser::local_datetime)
        .unwrap_or_default();
    let state = if share.expired {
        i18n.t(Key::ShareExpiredBadge).to_string()
    } else {
        share
            .expires
            .as_ref()
            .and_then(|t| t.unix_millis())
            .map(|ms| i18n.tf(Key::ShareExpires, &[("date", &browser::local_datetime(ms))]))
            .unwrap_or_default()
    };
    let stats = i18n.tf(
        Key::ShareStats,
        &[
            ("views", &share.visited.to_string()),
            ("downloads", &share.downloaded.to_string()),
        ],
    );
    let url = share.url.clone();
    let copy_url = url.clone();
    let id = share.id.clone();
    let stored = StoredValue::new(share.clone());
    view! {
        <div class="cr-share-row" role="listitem" data-share-id=share.id.clone() class:cr-share-row--expired=share.expired>
            <div class="cr-share-row__text">
                <a class="cr-share-row__name" href=url target="_blank" rel="noopener noreferrer">{share.name.clone()}</a>
                <span class="cr-share-row__meta">
                    {created}" · "{stats}
                    {share.is_private.then(|| view! { " · "<span class="cr-badge">{i18n.text(Key::SharePassword)}</span> })}
                    {(!state.is_empty()).then(|| view! { " · "<span class="cr-share-row__state">{state.clone()}</span> })}
                </span>
            </div>
            <div class="cr-share-row__actions">
                <button type="button" class="cr-button cr-button--quiet" on:click=move |_| on_edit.run(stored.get_value())>{i18n.text(Key::EditShare)}</button>
                <button type="button" class="cr-button cr-button--quiet" on:click=move |_| {
                    let text = copy_url.clone();
                    leptos::task::spawn_local(async move { copied.set(crate::browser::copy_text(&text).await.is_ok()) });
                }>{move || i18n.t(if copied.get() { Key::Copied } else { Key::Copy })}</button>
                <Show when=move || confirming.get() fallback=move || view! {
                    <button type="button" class="cr-button cr-button--danger-quiet" on:click=move |_| confirming.set(true)>{i18n.text(Key::Delete)}</button>
                }>
                    {
                        let id = id.clone();
                        view! { <button type="button" class="cr-button cr-button--danger" on:click=move |_| on_delete.run(id.clone())>{i18n.text(Key::ConfirmDeleteShare)}</button> }
                    }
                </Show>
            </div>
        </div>
    }
}
