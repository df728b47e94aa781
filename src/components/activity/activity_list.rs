//! A feed as a list that loads pages as it scrolls and renders only the rows on screen (so ten
//! thousand entries scroll like ten), with its filter, its order, and "show newer" for what
//! happened since it opened (checked every half minute while it is open).

use leptos::prelude::*;

use crate::components::activity::activity_row::ActivityRow;
use crate::components::common::error_view::ErrorView;
use crate::components::explorer::viewport::{rows_on_screen, use_viewport};
use crate::domain::activity::Filter;
use crate::i18n::{use_i18n, Key};
use crate::state::activity_feed::ActivityFeed;
use crate::state::session::use_session;

/// Height of one row in px (`.cr-activity` in the CSS).
const ROW_HEIGHT: f64 = 64.0;
/// How often to look for newer entries, ms.
const NEWER_EVERY_MS: u64 = 30_000;

fn filter_label(f: Filter) -> Key {
    match f {
        Filter::All => Key::ActivityAll,
        Filter::Mine => Key::ActivityMine,
        Filter::Updates => Key::ActivityUpdates,
        Filter::Reads => Key::ActivityReads,
    }
}

/// The feed of `uri`.
#[component]
pub fn ActivityList(
    /// The file or folder.
    uri: String,
    /// Extra class for the scrolling box (its height comes from the place it is shown in).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let feed = ActivityFeed::new(session, uri.clone());
    let subject = StoredValue::new(uri);
    let me = session.user().map(|u| u.id);
    feed.restart();

    let vp = use_viewport();
    let len = Memo::new(move |_| feed.items.with(Vec::len));
    let range = rows_on_screen(vp, ROW_HEIGHT, len, move || feed.load_next());
    let rows = move || {
        let r = range.get();
        feed.items
            .with(|v| v.get(r.start..r.end).unwrap_or_default().to_vec())
    };
    let checked = RwSignal::new(false);
    let check = move || {
        leptos::task::spawn_local(async move {
            feed.check_newer().await;
            checked.set(true);
        });
    };
    if let Ok(timer) =
        set_interval_with_handle(check, std::time::Duration::from_millis(NEWER_EVERY_MS))
    {
        on_cleanup(move || timer.clear());
    }
    // The rows the user was reading stay where they were when newer ones go above them.
    let show_newer = move |_| {
        let added = feed.show_newer();
        checked.set(false);
        // Read from the element: a scroll event may not have reported the latest position yet.
        let top = vp
            .node
            .get_untracked()
            .map_or(0.0, |el| f64::from(el.scroll_top()));
        if added > 0 && top > 0.0 {
            vp.scroll_to(top + added as f64 * ROW_HEIGHT);
        } else {
            vp.measure();
        }
    };
    let newer = move || feed.newer.with(Vec::len);
    let me = StoredValue::new(me);
    view! {
        <div class="cr-activity-feed">
            <div class="cr-activity-feed__controls">
                <label>
                    <span class="cr-visually-hidden">{i18n.text(Key::ActivityFilter)}</span>
                    <select class="cr-select" name="activity-filter" on:change=move |ev| {
                        feed.filter.set(Filter::from_query(&event_target_value(&ev)));
                        feed.restart();
                    }>
                        {Filter::ALL.into_iter().map(|f| view! {
                            <option value=f.query().unwrap_or("") selected=move || feed.filter.get() == f>{i18n.text(filter_label(f))}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span class="cr-visually-hidden">{i18n.text(Key::SortBy)}</span>
                    <select class="cr-select" name="activity-order" on:change=move |ev| {
                        feed.newest_first.set(event_target_value(&ev) == "desc");
                        feed.restart();
                    }>
                        <option value="desc" selected=move || feed.newest_first.get()>{i18n.text(Key::ActivityNewestFirst)}</option>
                        <option value="asc" selected=move || !feed.newest_first.get()>{i18n.text(Key::ActivityOldestFirst)}</option>
                    </select>
                </label>
                <Show when=move || { newer() > 0 } fallback=move || view! {
                    <button type="button" class="cr-button cr-button--quiet" data-action="check-newer" on:click=move |_| check()>
                        {move || i18n.t(if checked.get() { Key::ActivityNothingNewer } else { Key::ActivityCheckNewer })}
                    </button>
                }>
                    <button type="button" class="cr-button" data-action="show-newer" on:click=show_newer>
                        {move || i18n.tf(Key::ActivityShowNewer, &[("count", &newer().to_string())])}
                    </button>
                </Show>
            </div>
            {move || feed.error.get().map(|e| view! { <ErrorView error=e on_retry=Callback::new(move |_| feed.retry())/> })}
            <Show when=move || !(len.get() == 0 && feed.finished.get())
                fallback=move || view! { <p class="cr-status cr-status--empty">{i18n.text(Key::ActivityEmpty)}</p> }>
                <div class=format!("cr-activity-feed__viewport {class}") node_ref=vp.node on:scroll=move |_| vp.measure()>
                    <ul class="cr-activity-feed__list" aria-label=i18n.text(Key::Activity) aria-busy=move || feed.loading.get().to_string()>
                        <li aria-hidden="true" class="cr-activity-feed__space" style:height=move || format!("{}px", range.get().space_above(ROW_HEIGHT))></li>
                        <For each=rows key=|a| a.id.clone() let:activity>
                            <ActivityRow activity subject=subject.get_value() me=me.get_value()/>
                        </For>
                        <li aria-hidden="true" class="cr-activity-feed__space" style:height=move || format!("{}px", range.get().space_below(ROW_HEIGHT, len.get()))></li>
                    </ul>
                    <p class="cr-status" role="status">
                        {move || if feed.loading.get() { i18n.t(Key::Loading) } else if feed.finished.get() && len.get() > 0 { i18n.t(Key::ActivityEnd) } else { "" }}
                    </p>
                </div>
            </Show>
        </div>
    }
}
