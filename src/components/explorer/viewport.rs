//! The scroll container every folder view shares: its scroll position and size as signals, kept
//! current on scroll and resize, so the views can compute which items are on screen.

use leptos::prelude::*;

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
