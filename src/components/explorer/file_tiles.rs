//! The grid view (thumbnail tiles with the name under them) and the gallery view (square
//! thumbnails of an adjustable size), virtualised by rows of tiles like the list is by rows.
//!
//! ARIA: a multi-selectable grid; each rendered row of tiles is a `row`, each tile a `gridcell`.
//! Dragging on the background draws a rubber band that selects the tiles it touches, computed from
//! the layout so it reaches tiles that are scrolled out of the DOM.

use cloudreve_api::models::FileResponse;
use cloudreve_api::CrUri;
use leptos::prelude::*;

use crate::components::explorer::explorer_keys;
use crate::components::explorer::file_list::{
    background_click, background_menu, near_end_effect, ItemName,
};
use crate::components::explorer::item_events::{self, DropTarget, LongPress};
use crate::components::explorer::item_key::item_key;
use crate::components::explorer::thumbnail::Thumbnail;
use crate::components::explorer::viewport::{use_viewport, Viewport};
use crate::domain::grid_layout::{GridLayout, Rect};
use crate::domain::name_jump::NameJump;
use crate::i18n::{use_i18n, Key};
use crate::state::explorer::{use_explorer, Command, Explorer};

/// Space between tiles in px.
const GAP: f64 = 8.0;
/// Padding of the tile area in px (`.cr-tiles` in the CSS).
const PAD: f64 = 8.0;
/// Smallest grid tile width in px.
const GRID_TILE: f64 = 168.0;
/// Height of the name line under a grid tile's picture, in px.
const GRID_CAPTION: f64 = 40.0;
/// Rows rendered beyond each edge of the viewport.
const OVERSCAN: usize = 3;

/// Which tiled view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TileStyle {
    /// Picture and name.
    Grid,
    /// Square pictures only.
    Gallery,
}

/// The tiled views of the explorer's items.
#[component]
pub fn FileTiles(
    /// Grid or gallery.
    style: TileStyle,
) -> impl IntoView {
    let i18n = use_i18n();
    let ex = use_explorer();
    let vp = use_viewport();
    let layout = Memo::new(move |_| {
        let width = vp.width.get() - 2.0 * PAD;
        match style {
            TileStyle::Grid => GridLayout::fit(width, GRID_TILE, GAP, GRID_CAPTION),
            TileStyle::Gallery => {
                GridLayout::fit(width, f64::from(ex.gallery_size.get()), GAP, 0.0)
            }
        }
    });
    let len = Memo::new(move |_| ex.files.with(Vec::len));
    let rows = Memo::new(move |_| {
        layout.get().visible_rows(
            vp.scroll_top.get() - PAD,
            vp.height.get(),
            len.get(),
            OVERSCAN,
        )
    });
    let items_end = Signal::derive(move || layout.get().items_of(rows.get(), len.get()).end);
    near_end_effect(ex, items_end, len, 200);
    let jump = StoredValue::new(NameJump::default());
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let g = layout.get_untracked();
        let page = (vp.height.get_untracked() / g.row_height).max(1.0) as usize;
        if let Some(next) = explorer_keys::handle(ex, &ev, g.cols, page, jump) {
            show_tile(vp, g, next);
        }
    };
    let band = RubberBand::new();
    let visible_rows = move || {
        let (g, r, n) = (layout.get(), rows.get(), len.get());
        (r.start..r.end)
            .map(|row| {
                let items = ex.files.with(|f| {
                    let lo = (row * g.cols).min(n);
                    let hi = (lo + g.cols).min(n);
                    f.get(lo..hi)
                        .unwrap_or_default()
                        .iter()
                        .cloned()
                        .enumerate()
                        .map(|(k, file)| (lo + k, file))
                        .collect::<Vec<_>>()
                });
                (row, items)
            })
            .collect::<Vec<_>>()
    };
    let columns = move || format!("repeat({}, minmax(0, 1fr))", layout.get().cols);
    view! {
        <div class="cr-files-viewport cr-tiles-viewport" data-cr-scroll="" node_ref=vp.node tabindex="0"
            on:scroll=move |_| vp.measure() on:keydown=on_key
            on:click=move |ev| if !band.swallow_click() { background_click(ex, &ev) }
            on:contextmenu=move |ev| background_menu(ex, &ev)
            on:pointerdown=move |ev| band.start(vp, &ev)
            on:pointermove=move |ev| band.extend(ex, vp, layout.get_untracked(), &ev)
            on:pointerup=move |_| band.finish()
            on:pointercancel=move |_| band.finish()>
            <div class="cr-tiles"
                class:cr-tiles--gallery=style == TileStyle::Gallery
                role="grid" aria-multiselectable="true"
                aria-label=i18n.text(Key::FilesCaption)
                aria-rowcount=move || layout.get().rows(len.get()).to_string()
                aria-colcount=move || layout.get().cols.to_string()
                style:--cr-tile-row=move || format!("{}px", layout.get().row_height)>
                <div aria-hidden="true" style:height=move || format!("{}px", rows.get().space_above(layout.get().row_height))></div>
                <For each=visible_rows key=move |(row, items)| format!("{row}:{}:{}", layout.get_untracked().cols, items.iter().map(|(i, f)| item_key(*i, f)).collect::<String>()) let:line>
                    <div class="cr-tiles__row" role="row" aria-rowindex=(line.0 + 1).to_string() style:grid-template-columns=columns>
                        {line.1.into_iter().map(|(index, file)| view! { <Tile file index style/> }).collect_view()}
                    </div>
                </For>
                <div aria-hidden="true" style:height=move || format!("{}px", rows.get().space_below(layout.get().row_height, layout.get().rows(len.get())))></div>
            </div>
            {move || band.rect.get().map(|r| view! {
                <div class="cr-band" aria-hidden="true"
                    style:left=format!("{}px", r.left + PAD) style:top=format!("{}px", r.top + PAD)
                    style:width=format!("{}px", r.right - r.left) style:height=format!("{}px", r.bottom - r.top)></div>
            })}
        </div>
    }
}

/// Scrolls the row of tile `index` into view and focuses the tile.
fn show_tile(vp: Viewport, g: GridLayout, index: usize) {
    let top = (index / g.cols) as f64 * g.row_height + PAD;
    let (scroll, height) = (vp.scroll_top.get_untracked(), vp.height.get_untracked());
    if top < scroll {
        vp.scroll_to(top - PAD);
    } else if top + g.row_height > scroll + height {
        vp.scroll_to(top + g.row_height - height);
    }
    vp.focus_item(index);
}

/// A rubber-band selection in progress (mouse only; touch scrolls).
#[derive(Clone, Copy)]
struct RubberBand {
    origin: StoredValue<Option<(f64, f64)>>,
    rect: RwSignal<Option<Rect>>,
    dragged: StoredValue<bool>,
}

impl RubberBand {
    fn new() -> Self {
        RubberBand {
            origin: StoredValue::new(None),
            rect: RwSignal::new(None),
            dragged: StoredValue::new(false),
        }
    }

    /// A point of the event in content coordinates.
    fn point(vp: Viewport, ev: &web_sys::PointerEvent) -> Option<(f64, f64)> {
        let el = vp.node.get_untracked()?;
        let r = el.get_bounding_client_rect();
        Some((
            f64::from(ev.client_x()) - r.left() - PAD,
            f64::from(ev.client_y()) - r.top() + f64::from(el.scroll_top()) - PAD,
        ))
    }

    fn start(&self, vp: Viewport, ev: &web_sys::PointerEvent) {
        use wasm_bindgen::JsCast;
        self.dragged.set_value(false);
        let on_item = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.closest("[data-cr-item]").ok().flatten().is_some());
        if ev.pointer_type() != "mouse" || ev.button() != 0 || on_item {
            return;
        }
        self.origin.set_value(Self::point(vp, ev));
    }

    fn extend(&self, ex: Explorer, vp: Viewport, g: GridLayout, ev: &web_sys::PointerEvent) {
        let (Some(a), Some(b)) = (self.origin.get_value(), Self::point(vp, ev)) else {
            return;
        };
        if !self.dragged.get_value() && (a.0 - b.0).abs() + (a.1 - b.1).abs() < 6.0 {
            return;
        }
        self.dragged.set_value(true);
        let r = Rect::spanning(a, b);
        self.rect.set(Some(r));
        let hits = g.items_in(r, GAP, ex.files.with_untracked(Vec::len));
        let keep = ev.ctrl_key() || ev.meta_key() || ev.shift_key();
        ex.files.with_untracked(|f| {
            let ids: Vec<&str> = hits
                .iter()
                .filter_map(|&i| f.get(i))
                .map(|x| x.id.as_str())
                .collect();
            ex.selection.update(|s| {
                if !keep {
                    s.clear();
                }
                s.add(&ids);
            });
        });
    }

    fn finish(&self) {
        self.origin.set_value(None);
        self.rect.set(None);
    }

    /// Whether the click that ends a band drag should be ignored (it is not a background click).
    fn swallow_click(&self) -> bool {
        std::mem::take(&mut *self.dragged.write_value())
    }
}

#[component]
fn Tile(file: FileResponse, index: usize, style: TileStyle) -> impl IntoView {
    let ex = use_explorer();
    let is_folder = file.is_folder();
    let id = file.id.clone();
    let selected = Memo::new(move |_| ex.selection.with(|s| s.contains(&id)));
    let drop = DropTarget::new(is_folder.then(|| CrUri::parse(&file.path).ok()).flatten());
    let press = LongPress::new();
    let title = file.name.clone();
    view! {
        <div
            class="cr-tile"
            class:cr-tile--folder=is_folder
            class:cr-tile--selected=move || selected.get()
            class:cr-drop-hover=move || drop.hover.get()
            role="gridcell"
            title=title
            data-cr-item=""
            data-cr-index=index.to_string()
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
            <Thumbnail file=file.clone()/>
            <ItemName file class=if style == TileStyle::Gallery { "cr-tile__name cr-tile__name--overlay" } else { "cr-tile__name" }/>
        </div>
    }
}
