//! The lightbox's stage: one picture fitted to the space, zoomed by the wheel, a double-click or the
//! tools, dragged when zoomed and swiped to the next picture when not. The numbers come from
//! [`crate::domain::lightbox_geometry`]; this file only reads events and writes the transform.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::lightbox_geometry::{self as geo, Size, Swipe, View};

/// The zoom, pan and rotation of the picture on stage, shared with the tools.
#[derive(Clone, Copy)]
pub struct Zoom {
    /// How the picture is shown.
    pub view: RwSignal<View>,
    natural: RwSignal<Size>,
    stage: RwSignal<Size>,
    original: Signal<bool>,
}

impl Zoom {
    /// A fitted, unrotated picture; `original` says whether the shown source is the original
    /// (which is never stretched beyond 1:1) rather than its thumbnail.
    pub fn new(original: Signal<bool>) -> Self {
        Zoom {
            view: RwSignal::new(View::default()),
            natural: RwSignal::new(Size::default()),
            stage: RwSignal::new(Size::default()),
            original,
        }
    }

    /// The element size of the fitted picture (tracked).
    fn shown(&self) -> Size {
        geo::fit(
            self.natural.get(),
            self.stage.get(),
            self.view.with(|v| v.turns),
            !self.original.get(),
        )
    }

    fn shown_untracked(&self) -> Size {
        untrack(|| self.shown())
    }

    /// Zooms by `factor` about the point `at` (from the stage centre).
    pub fn by_at(&self, factor: f64, at: (f64, f64)) {
        let (shown, stage) = (self.shown_untracked(), self.stage.get_untracked());
        self.view
            .update(|v| *v = geo::zoom_at(*v, factor, at, shown, stage));
    }

    /// Zooms by `factor` about the centre.
    pub fn by(&self, factor: f64) {
        self.by_at(factor, (0.0, 0.0));
    }

    /// Back to fitted, centred and upright.
    pub fn reset(&self) {
        self.view.set(View::default());
    }

    /// Another picture is coming: back to fitted, its size unknown until it loads.
    pub fn next_picture(&self) {
        self.reset();
        self.natural.set(Size::default());
    }

    /// A quarter turn clockwise.
    pub fn rotate(&self) {
        self.view.update(|v| *v = geo::rotate(*v));
    }

    /// Whether the picture is zoomed in (tracked).
    pub fn zoomed(&self) -> bool {
        self.view.with(View::zoomed)
    }

    fn pan(&self, x: f64, y: f64) {
        let (shown, stage) = (self.shown_untracked(), self.stage.get_untracked());
        self.view
            .update(|v| *v = geo::clamp(View { x, y, ..*v }, shown, stage));
    }

    fn toggle(&self, at: (f64, f64)) {
        let (natural, shown, stage) = (
            self.natural.get_untracked(),
            self.shown_untracked(),
            self.stage.get_untracked(),
        );
        self.view
            .update(|v| *v = geo::toggle_zoom(*v, at, natural, shown, stage));
    }
}

/// A pointer pressed on the stage.
#[derive(Clone, Copy)]
struct Press {
    id: i32,
    x: f64,
    y: f64,
    at_ms: f64,
    from: View,
}

/// The picture `src` on stage.
#[component]
pub fn LightboxStage(
    /// The picture's URL (thumbnail, then original); nothing shows while `None`.
    #[prop(into)]
    src: Signal<Option<String>>,
    /// The picture's text alternative (its file name).
    #[prop(into)]
    alt: Signal<String>,
    /// Zoom, pan and rotation.
    zoom: Zoom,
    /// A swipe on the unzoomed picture.
    on_swipe: Callback<Swipe>,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let press = StoredValue::new(None::<Press>);
    let measure = move || {
        if let Some(el) = node.get_untracked() {
            let size = Size::new(f64::from(el.client_width()), f64::from(el.client_height()));
            if size != zoom.stage.get_untracked() {
                zoom.stage.set(size);
            }
        }
    };
    Effect::new(move |_| {
        if node.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    // Event positions from the stage's centre, where the transform's origin sits.
    let from_centre = move |x: i32, y: i32| {
        node.get_untracked()
            .map(|el| {
                let r = el.get_bounding_client_rect();
                (
                    f64::from(x) - r.left() - r.width() / 2.0,
                    f64::from(y) - r.top() - r.height() / 2.0,
                )
            })
            .unwrap_or_default()
    };
    let on_load = move |ev: leptos::ev::Event| {
        let Some(img) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlImageElement>().ok())
        else {
            return;
        };
        measure();
        zoom.natural.set(Size::new(
            f64::from(img.natural_width()),
            f64::from(img.natural_height()),
        ));
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let factor = if ev.delta_y() < 0.0 {
            geo::ZOOM_STEP
        } else {
            1.0 / geo::ZOOM_STEP
        };
        zoom.by_at(factor, from_centre(ev.client_x(), ev.client_y()));
    };
    let on_down = move |ev: leptos::ev::PointerEvent| {
        if !ev.is_primary() || ev.button() > 0 {
            return;
        }
        if let Some(el) = node.get_untracked() {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        press.set_value(Some(Press {
            id: ev.pointer_id(),
            x: f64::from(ev.client_x()),
            y: f64::from(ev.client_y()),
            at_ms: ev.time_stamp(),
            from: zoom.view.get_untracked(),
        }));
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let Some(p) = press.get_value().filter(|p| p.id == ev.pointer_id()) else {
            return;
        };
        if p.from.zoomed() {
            let (dx, dy) = (
                f64::from(ev.client_x()) - p.x,
                f64::from(ev.client_y()) - p.y,
            );
            zoom.pan(p.from.x + dx, p.from.y + dy);
        }
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        let Some(p) = press.get_value().filter(|p| p.id == ev.pointer_id()) else {
            return;
        };
        press.set_value(None);
        if !p.from.zoomed() {
            let (dx, dy) = (
                f64::from(ev.client_x()) - p.x,
                f64::from(ev.client_y()) - p.y,
            );
            if let Some(s) = geo::swipe(dx, dy, ev.time_stamp() - p.at_ms) {
                on_swipe.run(s);
            }
        }
    };
    let style = move || {
        let transform = zoom.view.with(View::transform);
        let s = zoom.shown();
        if s.w > 0.0 {
            format!(
                "width:{:.1}px;height:{:.1}px;transform:{transform}",
                s.w, s.h
            )
        } else {
            format!("transform:{transform}")
        }
    };
    view! {
        <div class="cr-lightbox__stage" node_ref=node class:cr-lightbox__stage--zoomed=move || zoom.zoomed()
            on:wheel=on_wheel on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up
            on:pointercancel=move |_| press.set_value(None)
            on:dblclick=move |ev| zoom.toggle(from_centre(ev.client_x(), ev.client_y()))>
            <img class="cr-lightbox__img" src=move || src.get() alt=alt draggable="false"
                hidden=move || src.with(Option::is_none) style=style on:load=on_load/>
        </div>
    }
}
