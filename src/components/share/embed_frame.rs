//! The frame of the embeddable share viewer: no app chrome, the theme from `?theme=` (else the
//! host's preference), and the content height posted to the parent page whenever it changes, so
//! the host can size its iframe (`{type: "cloudreve-embed:height", height}`; nothing else is sent).

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::components::common::toast_list::ToastList;
use crate::links;
use crate::state::theme::{use_theme, ThemeMode};

/// The message type hosts listen for.
pub const HEIGHT_MESSAGE: &str = "cloudreve-embed:height";

/// Frames `children` for an iframe.
#[component]
pub fn EmbedFrame(
    /// The share page.
    children: Children,
) -> impl IntoView {
    let theme = use_theme();
    let location = use_location();
    Effect::new(move |_| {
        let wanted = location.search.with(|q| links::query_param(q, "theme"));
        match wanted.as_deref() {
            Some("dark") => theme.set_temporarily(ThemeMode::Dark),
            Some("light") => theme.set_temporarily(ThemeMode::Light),
            _ => theme.set_temporarily(ThemeMode::System),
        }
    });
    let root = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(el) = root.get() else {
            return;
        };
        let last = std::cell::Cell::new(-1);
        // Polled rather than observed: a few integer reads every 300 ms, and no observer to keep
        // alive.
        let tick = Closure::<dyn Fn()>::new(move || {
            let h = preferred_height(&el);
            if h != last.get() {
                last.set(h);
                post_height(h);
            }
        });
        if let Some(w) = web_sys::window() {
            let f: &js_sys::Function = tick.as_ref().unchecked_ref();
            let _ = f.call0(&wasm_bindgen::JsValue::NULL);
            if let Ok(id) = w.set_interval_with_callback_and_timeout_and_arguments_0(f, 300) {
                on_cleanup(move || {
                    if let Some(w) = web_sys::window() {
                        w.clear_interval_with_handle(id);
                    }
                });
            }
        }
        // The closure lives as long as the page (the interval is cleared when the view goes).
        tick.forget();
    });
    view! {
        <div class="cr-embed" node_ref=root>
            <main id="cr-main" class="cr-main cr-main--embed" tabindex="-1">{children()}</main>
        </div>
        <ToastList/>
    }
}

/// The height the content wants: the frame's root is laid out at its natural height (the file
/// list scrolls inside itself past a cap set in the CSS), so its height is the answer.
fn preferred_height(root: &web_sys::HtmlDivElement) -> i32 {
    root.offset_height().max(120)
}

/// Tells the parent page how tall the viewer's content is.
fn post_height(height: i32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    let _ = parent.post_message(&message, "*");
}
