//! The entries of a zip (`GET /file/archive`), browsed folder by folder without extracting
//! anything. Rows are virtualised: an archive folder with 50,000 entries renders what fits.

use std::rc::Rc;
use std::sync::Arc;

use cloudreve_api::models::{FileResponse, ListArchiveRequest};
use leptos::prelude::*;

use crate::browser;
use crate::components::explorer::viewport::use_viewport;
use crate::domain::archive_tree::{children, crumbs, ArchiveItem};
use crate::domain::size_format::format_size;
use crate::domain::visible_range::VisibleRange;
use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Key};
use crate::state::session::use_session;

/// Height of one row in px (`.cr-archive__row` in the CSS).
const ROW: f64 = 36.0;

/// The archive viewer for `file`.
#[component]
pub fn ArchiveViewer(
    /// The archive.
    file: FileResponse,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let uri = file.path.clone();
    let listing = LocalResource::new(move || {
        let req = ListArchiveRequest {
            uri: uri.clone(),
            ..ListArchiveRequest::default()
        };
        async move { session.call(&req).await.map(|l| Rc::new(l.files)) }
    });
    let dir = RwSignal::new(String::new());
    let vp = use_viewport();
    let items = Memo::new(move |_| match &*listing.read() {
        Some(Ok(files)) => Arc::new(children(files, &dir.get())),
        _ => Arc::new(Vec::new()),
    });
    let enter = move |path: String| {
        dir.set(path);
        vp.scroll_to(0.0);
    };
    let row = move |item: ArchiveItem, index: usize| {
        let date = item
            .updated_ms
            .map(browser::local_datetime)
            .unwrap_or_default();
        let size = if item.is_dir {
            String::new()
        } else {
            format_size(item.size)
        };
        let name = if item.is_dir {
            let path = item.path.clone();
            view! { <button type="button" class="cr-link" on:click=move |_| enter(path.clone())>{format!("{}/", item.name)}</button> }.into_any()
        } else {
            view! { <span>{item.name.clone()}</span> }.into_any()
        };
        view! {
            <li class="cr-archive__row" role="row" aria-rowindex=index + 1 data-entry=item.path.clone()>
                <span class="cr-archive__name" role="gridcell">{name}</span>
                <span class="cr-archive__size" role="gridcell">{size}</span>
                <span class="cr-archive__date" role="gridcell">{date}</span>
            </li>
        }
    };
    let rows = move || {
        let items = items.get();
        let range =
            VisibleRange::compute(vp.scroll_top.get(), vp.height.get(), ROW, items.len(), 8);
        let above = range.space_above(ROW);
        let below = range.space_below(ROW, items.len());
        view! {
            <li aria-hidden="true" style=format!("height: {above}px")></li>
            {items[range.start..range.end].iter().cloned().enumerate().map(|(i, item)| row(item, range.start + i)).collect_view()}
            <li aria-hidden="true" style=format!("height: {below}px")></li>
        }
    };
    let trail = move || {
        let top = view! { <li><button type="button" class="cr-link" on:click=move |_| enter(String::new())>{file.name.clone()}</button></li> };
        let rest = crumbs(&dir.get())
            .into_iter()
            .map(|(name, path)| view! { <li><button type="button" class="cr-link" on:click=move |_| enter(path.clone())>{name}</button></li> })
            .collect_view();
        view! { <ol class="cr-archive__crumbs">{top}{rest}</ol> }
    };
    view! {
        <div class="cr-archive" data-viewer="archive">
            <nav aria-label=i18n.text(Key::ViewerArchive)>{trail}</nav>
            {move || match &*listing.read() {
                None => view! { <p class="cr-status" role="status">{i18n.text(Key::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="cr-viewer__error" role="alert">{error_message(e, i18n.locale())}</p> }.into_any(),
                Some(Ok(_)) => view! {
                    <div class="cr-archive__scroll" node_ref=vp.node on:scroll=move |_| vp.measure()>
                        <ul class="cr-archive__list" role="grid" aria-rowcount=move || items.with(|i| i.len())>{rows}</ul>
                    </div>
                }.into_any(),
            }}
        </div>
    }
}
