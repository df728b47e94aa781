//! The list view of a folder: name, size, modified, created, in sortable columns.
//!
//! Virtualised: only the rows on screen (plus a margin) exist in the DOM, whatever the folder's size;
//! spacers stand in for the rest. Rows have one exact height (`ROW_HEIGHT`, matched by the CSS), so
//! positions are arithmetic, not measurements. Names are text nodes, never HTML. ARIA: a
//! multi-selectable grid whose rows carry `aria-rowindex` and `aria-selected`.

use cloudreve_api::models::FileResponse;
use cloudreve_api::CrUri;
use leptos::prelude::*;

use crate::browser;
use crate::components::common::icons::{FileIcon, FolderIcon};
use crate::components::explorer::explorer_keys;
use crate::components::explorer::inline_rename::InlineRename;
use crate::components::explorer::item_events::{self, DropTarget, LongPress};
use crate::components::explorer::item_key::item_key;
use crate::components::explorer::viewport::{use_viewport, Viewport};
use crate::domain::list_keys;
use crate::domain::name_jump::NameJump;
use crate::domain::size_format::format_size;
use crate::domain::sort::{Sort, SortKey};
use crate::domain::visible_range::VisibleRange;
use crate::i18n::{use_i18n, Key};
use crate::links;
use crate::state::explorer::{use_explorer, Command, Explorer};

/// Height of one row in px; `.cr-files__row` in `style/explorer.css` must say the same.
pub const ROW_HEIGHT: f64 = 40.0;
/// Height of the sticky header in px (`.cr-files__head`).
const HEADER_HEIGHT: f64 = 36.0;
/// Rows rendered beyond each edge of the viewport, so fast scrolling shows no gaps.
const OVERSCAN: usize = 12;
/// How close to the end (in rows) the view asks for the next page.
pub const PREFETCH_ROWS: usize = 80;

/// A virtualised list of the explorer's items.
#[component]
pub fn FileList(
    /// The current order, shown on the headers.
    #[prop(optional, into)]
    sort: Option<Signal<Sort>>,
    /// Called with a column when its header is clicked; headers are plain text without it.
    #[prop(optional, into)]
    on_sort: Option<Callback<SortKey>>,
    /// The columns that can be sorted (all, when not given).
    #[prop(optional, into)]
    sortable: Option<Signal<Vec<SortKey>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ex = use_explorer();
    // A column the server cannot order by gets a plain header.
    let sorter = move |key: SortKey| {
        on_sort.filter(|_| sortable.is_none_or(|s| s.with_untracked(|s| s.contains(&key))))
    };
    let vp = use_viewport();
    let len = Memo::new(move |_| ex.files.with(Vec::len));
    let range = Memo::new(move |_| {
        VisibleRange::compute(
            vp.scroll_top.get(),
            vp.height.get(),
            ROW_HEIGHT,
            len.get(),
            OVERSCAN,
        )
    });
    near_end_effect(
        ex,
        Signal::derive(move || range.get().end),
        len,
        PREFETCH_ROWS,
    );
    let jump = StoredValue::new(NameJump::default());
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let page = (vp.height.get_untracked() / ROW_HEIGHT) as usize;
        if let Some(next) = explorer_keys::handle(ex, &ev, 1, page, jump) {
            show_row(vp, next);
        }
    };
    let rows = move || {
        let r = range.get();
        ex.files.with(|f| {
            f.get(r.start..r.end)
                .unwrap_or_default()
                .iter()
                .cloned()
                .enumerate()
                .map(|(i, file)| (r.start + i, file))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="cr-files-viewport" data-cr-scroll="" node_ref=vp.node tabindex="0"
            on:scroll=move |_| vp.measure() on:keydown=on_key
            on:click=move |ev| background_click(ex, &ev)
            on:contextmenu=move |ev| background_menu(ex, &ev)>
            <div class="cr-files" role="grid" aria-multiselectable="true" aria-label=i18n.text(Key::FilesCaption) aria-rowcount=move || (len.get() + 1).to_string()>
                <div class="cr-files__head" role="row" aria-rowindex="1">
                    <ColumnHeader key=SortKey::Name on_sort=sorter(SortKey::Name) label=Key::Name class="cr-files__name" sort/>
                    <ColumnHeader key=SortKey::Size on_sort=sorter(SortKey::Size) label=Key::Size class="cr-files__size" sort/>
                    <ColumnHeader key=SortKey::UpdatedAt on_sort=sorter(SortKey::UpdatedAt) label=Key::Modified class="cr-files__date" sort/>
                    <ColumnHeader key=SortKey::CreatedAt on_sort=sorter(SortKey::CreatedAt) label=Key::Created class="cr-files__date cr-files__created" sort/>
                </div>
                <div role="rowgroup">
                    <div class="cr-files__spacer" aria-hidden="true" style:height=move || format!("{}px", range.get().space_above(ROW_HEIGHT))></div>
                    <For each=rows key=|(i, f)| item_key(*i, f) let:item>
                        <FileRow file=item.1 index=item.0/>
                    </For>
                    <div class="cr-files__spacer" aria-hidden="true" style:height=move || format!("{}px", range.get().space_below(ROW_HEIGHT, len.get()))></div>
                </div>
            </div>
        </div>
    }
}

/// Scrolls row `index` into view and focuses it.
fn show_row(vp: Viewport, index: usize) {
    if let Some(el) = vp.node.get_untracked() {
        let top = list_keys::scroll_to_show(
            index,
            ROW_HEIGHT,
            HEADER_HEIGHT,
            f64::from(el.client_height()),
            f64::from(el.scroll_top()),
        );
        vp.scroll_to(top);
    }
    vp.focus_item(index);
}

/// Asks for the next page whenever the rendered range comes within `margin` items of the end.
pub fn near_end_effect(ex: Explorer, end: Signal<usize>, len: Memo<usize>, margin: usize) {
    Effect::new(move |_| {
        let (e, n) = (end.get(), len.get());
        if n > 0 && e + margin >= n && !ex.complete.get_untracked() {
            ex.send(Command::NearEnd);
        }
    });
}

/// Whether an event happened outside every item (on the background of a view).
fn on_background(ev: &web_sys::MouseEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            el.closest("[data-cr-item], [role=columnheader]")
                .ok()
                .flatten()
                .is_none()
        })
}

/// A click on the background clears the selection (unless a modifier is held).
pub fn background_click(ex: Explorer, ev: &web_sys::MouseEvent) {
    if on_background(ev) && !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() {
        ex.selection.update(|s| s.clear());
    }
}

/// A right click on the background opens the folder's menu.
pub fn background_menu(ex: Explorer, ev: &web_sys::MouseEvent) {
    if on_background(ev) {
        ev.prevent_default();
        ex.send(Command::Menu {
            x: f64::from(ev.client_x()),
            y: f64::from(ev.client_y()),
            on_item: false,
        });
    }
}

/// A header cell; a button that sorts by its column when the list is sortable.
#[component]
fn ColumnHeader(
    key: SortKey,
    label: Key,
    class: &'static str,
    sort: Option<Signal<Sort>>,
    on_sort: Option<Callback<SortKey>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = move || sort.map(|s| s.get()).filter(|s| s.key == key);
    let aria_sort = move || match state() {
        Some(s) if s.desc => "descending",
        Some(_) => "ascending",
        None => "none",
    };
    let arrow = move || match state() {
        Some(s) if s.desc => " ↓",
        Some(_) => " ↑",
        None => "",
    };
    view! {
        <span role="columnheader" class=class aria-sort=aria_sort>
            {match on_sort {
                Some(cb) => view! {
                    <button type="button" class="cr-files__sort" on:click=move |_| cb.run(key)>
                        {move || i18n.t(label)}<span aria-hidden="true">{arrow}</span>
                    </button>
                }
                .into_any(),
                None => view! { <span>{move || i18n.t(label)}</span> }.into_any(),
            }}
        </span>
    }
}

/// The name of an item: a link into folders (so middle click opens a tab), plain text for files.
#[component]
pub fn ItemName(file: FileResponse, class: &'static str) -> impl IntoView {
    let ex = use_explorer();
    let id = file.id.clone();
    let editing = Memo::new(move |_| ex.renaming.with(|r| r.as_deref() == Some(id.as_str())));
    let stored = StoredValue::new(file);
    move || {
        let file = stored.get_value();
        if editing.get() {
            view! { <span class=class><InlineRename file/></span> }.into_any()
        } else {
            view! { <ItemLabel file class/> }.into_any()
        }
    }
}

/// The name as a link (folders) or text (files).
#[component]
fn ItemLabel(file: FileResponse, class: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let name = file.name.clone();
    // A placeholder of an upload in progress (file.md §5): its content is not there yet.
    let uploading = file
        .metadata
        .as_ref()
        .is_some_and(|m| m.contains_key("sys:upload_session_id"));
    match (file.is_folder(), CrUri::parse(&file.path).ok()) {
        (true, Some(uri)) => view! {
            // Modified clicks select (handled by the item), they do not open tabs.
            <a href=links::home(&uri) class=class draggable="false"
                on:click=move |ev| if ev.ctrl_key() || ev.meta_key() || ev.shift_key() { ev.prevent_default() }>
                <FolderIcon/>
                <span class="cr-visually-hidden">{i18n.text(Key::Folder)}" "</span>
                <span class="cr-files__label">{name}</span>
            </a>
        }
        .into_any(),
        _ => view! {
            <span class=class>
                <FileIcon/>
                <span class="cr-files__label">{name}</span>
                {uploading.then(|| view! { <span class="cr-file__uploading">{i18n.text(Key::UploadUploading)}</span> })}
            </span>
        }
        .into_any(),
    }
}

#[component]
fn FileRow(file: FileResponse, index: usize) -> impl IntoView {
    let ex = use_explorer();
    let is_folder = file.is_folder();
    let size = if is_folder {
        String::new()
    } else {
        format_size(file.size)
    };
    let date = |t: &cloudreve_api::Timestamp| {
        t.unix_millis()
            .map(browser::local_datetime)
            .unwrap_or_default()
    };
    let (modified, created) = (date(&file.updated_at), date(&file.created_at));
    let id = file.id.clone();
    let selected = Memo::new(move |_| ex.selection.with(|s| s.contains(&id)));
    let drop = DropTarget::new(is_folder.then(|| CrUri::parse(&file.path).ok()).flatten());
    let press = LongPress::new();
    view! {
        <div
            class="cr-files__row"
            class:cr-files__row--folder=is_folder
            class:cr-files__row--selected=move || selected.get()
            class:cr-drop-hover=move || drop.hover.get()
            role="row"
            data-cr-item=""
            data-cr-index=index.to_string()
            aria-rowindex=(index + 2).to_string()
            aria-selected=move || selected.get().to_string()
            tabindex=move || if ex.focused.get() == Some(index) { "0" } else { "-1" }
            draggable=move || ex.can_move().to_string()
            on:click=move |ev| item_events::click(ex, index, &ev)
            on:dblclick=move |_| ex.send(Command::Open(index))
            on:contextmenu=move |ev| item_events::context_menu(ex, index, &ev)
            on:pointerdown=move |ev| press.down(ex, index, &ev)
            on:pointerup=move |_| press.cancel()
            on:pointercancel=move |_| press.cancel()
            on:pointermove=move |ev| press.moved(&ev)
            on:dragstart=move |ev| item_events::drag_start(ex, index, &ev)
            on:dragover=move |ev| drop.over(&ev)
            on:dragleave=move |_| drop.leave()
            on:drop=move |ev| drop.drop(ex, &ev)
        >
            <span role="gridcell" class="cr-files__name"><ItemName file class="cr-files__link"/></span>
            <span role="gridcell" class="cr-files__size">{size}</span>
            <span role="gridcell" class="cr-files__date">{modified}</span>
            <span role="gridcell" class="cr-files__date cr-files__created">{created}</span>
        </div>
    }
}
