//! The scroll container of every virtualised list (folder views, the zip viewer, activity feeds,
//! My shares): its scroll position and size as signals, kept current on scroll and resize, so a
//! list can compute which rows are on screen and when to fetch the next page.

use leptos::prelude::*;

use crate::domain::visible_range::VisibleRange;

/// Rows drawn beyond each edge of the screen in [`rows_on_screen`].
const OVERSCAN: usize = 6;
/// How many rows before the end the next page is asked for in [`rows_on_screen`].
const LOAD_AHEAD: usize = 10;

/// Live measurements of a view's scroll container.
#[derive(Clone, Copy)]
pub struct Viewport {
    /// The scroll container.
    pub node: NodeRef<leptos::html::Div>,
    /// `scrollTop` in px.
    pub scroll_top: RwSignal<f64>,
    /// Visible height in px.
    pub height: RwSignal<f64>,
    /// Inner width in px (tiles per row depend on it).
    pub width: RwSignal<f64>,
}

impl Viewport {
    /// Measures the container again (call from `on:scroll`).
    pub fn measure(&self) {
        if let Some(el) = self.node.get_untracked() {
            self.scroll_top.set(f64::from(el.scroll_top()));
            self.height.set(f64::from(el.client_height()));
            self.width.set(f64::from(el.client_width()));
        }
    }

    /// Scrolls so that `top` is the first visible pixel.
    pub fn scroll_to(&self, top: f64) {
        if let Some(el) = self.node.get_untracked() {
            el.set_scroll_top(top as i32);
        }
        self.measure();
    }

    /// Gives DOM focus to the rendered element of item `index`, once the frame has rendered it.
    pub fn focus_item(&self, index: usize) {
        let node = self.node;
        request_animation_frame(move || {
            use wasm_bindgen::JsCast;
            let el = node
                .get_untracked()
                .and_then(|v| {
                    v.query_selector(&format!("[data-cr-index=\"{index}\"]"))
                        .ok()
                        .flatten()
                })
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(el) = el {
                let _ = el.focus();
            }
        });
    }
}

/// Creates the measurements for a container, starting from the window size until it is mounted.
pub fn use_viewport() -> Viewport {
    let window = web_sys::window();
    let dim = |v: Option<wasm_bindgen::JsValue>, fallback: f64| {
        v.and_then(|v| v.as_f64()).unwrap_or(fallback)
    };
    let vp = Viewport {
        node: NodeRef::new(),
        scroll_top: RwSignal::new(0.0),
        height: RwSignal::new(dim(
            window.as_ref().and_then(|w| w.inner_height().ok()),
            800.0,
        )),
        width: RwSignal::new(dim(
            window.as_ref().and_then(|w| w.inner_width().ok()),
            1000.0,
        )),
    };
    Effect::new(move |_| {
        if vp.node.get().is_some() {
            vp.measure();
        }
    });
    let handle = window_event_listener(leptos::ev::resize, move |_| vp.measure());
    on_cleanup(move || handle.remove());
    vp
}

/// The rows of a list of `len` rows, each `row_height` px, that are on screen in `vp`; `load_more`
/// runs whenever the end is near (the next cursor page of an endless list).
pub fn rows_on_screen(
    vp: Viewport,
    row_height: f64,
    len: Memo<usize>,
    load_more: impl Fn() + 'static,
) -> Memo<VisibleRange> {
    let range = Memo::new(move |_| {
        VisibleRange::compute(
            vp.scroll_top.get(),
            vp.height.get(),
            row_height,
            len.get(),
            OVERSCAN,
        )
    });
    Effect::new(move |_| {
        let (end, n) = (range.get().end, len.get());
        if n > 0 && end + LOAD_AHEAD >= n {
            load_more();
        }
    });
    range
}
