//! Pointer behaviour every item shares in every view: click selects (Ctrl/Cmd toggles, Shift
//! extends), double click opens, right click or a long touch opens the context menu, and dragging
//! carries the selection to a drop target (a folder, a breadcrumb, a tree node).

use cloudreve_api::CrUri;
use leptos::prelude::*;

use crate::domain::selection::Modifiers;
use crate::state::explorer::{Command, Explorer};

/// The drag payload type: a JSON array of item URIs.
pub const DRAG_TYPE: &str = "application/x-cloudreve-uris";
/// How long a touch must rest on an item to open its menu.
const LONG_PRESS_MS: u64 = 550;

/// The modifiers of a mouse event, with Cmd counting as Ctrl (macOS).
pub fn modifiers(ev: &web_sys::MouseEvent) -> Modifiers {
    Modifiers {
        toggle: ev.ctrl_key() || ev.meta_key(),
        range: ev.shift_key(),
    }
}

/// A click on item `index`.
pub fn click(ex: Explorer, index: usize, ev: &web_sys::MouseEvent) {
    ex.click(index, modifiers(ev));
}

/// A right click on item `index`.
pub fn context_menu(ex: Explorer, index: usize, ev: &web_sys::MouseEvent) {
    ev.prevent_default();
    ex.ensure_selected(index);
    ex.send(Command::Menu {
        x: f64::from(ev.client_x()),
        y: f64::from(ev.client_y()),
        on_item: true,
    });
}

/// Long-press detection for touch screens, where there is no right click.
#[derive(Clone, Copy)]
pub struct LongPress {
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    at: StoredValue<(f64, f64)>,
}

impl LongPress {
    /// A detector with no press in progress.
    pub fn new() -> Self {
        LongPress {
            timer: StoredValue::new_local(None),
            at: StoredValue::new((0.0, 0.0)),
        }
    }

    /// A pointer went down on item `index`; touch pointers start the timer.
    pub fn down(&self, ex: Explorer, index: usize, ev: &web_sys::PointerEvent) {
        self.cancel();
        if ev.pointer_type() != "touch" {
            return;
        }
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        self.at.set_value((x, y));
        let handle = set_timeout_with_handle(
            move || {
                ex.ensure_selected(index);
                ex.send(Command::Menu {
                    x,
                    y,
                    on_item: true,
                });
            },
            std::time::Duration::from_millis(LONG_PRESS_MS),
        );
        self.timer.set_value(handle.ok());
    }

    /// The pointer moved: a finger that travels more than a few px is scrolling, not pressing.
    pub fn moved(&self, ev: &web_sys::PointerEvent) {
        let (x, y) = self.at.get_value();
        if (f64::from(ev.client_x()) - x).hypot(f64::from(ev.client_y()) - y) > 10.0 {
            self.cancel();
        }
    }

    /// The pointer lifted or was cancelled: no long press.
    pub fn cancel(&self) {
        if let Some(h) = self.timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
    }
}

impl Default for LongPress {
    fn default() -> Self {
        Self::new()
    }
}

/// Starts dragging item `index` (and the rest of the selection, if it is selected).
pub fn drag_start(ex: Explorer, index: usize, ev: &web_sys::DragEvent) {
    ex.ensure_selected(index);
    let uris: Vec<String> = ex.targets().into_iter().map(|f| f.path).collect();
    if let (Some(dt), Ok(json)) = (ev.data_transfer(), serde_json::to_string(&uris)) {
        let _ = dt.set_data(DRAG_TYPE, &json);
        let _ = dt.set_data("text/plain", &uris.join("\n"));
        dt.set_effect_allowed("copyMove");
    }
}

/// Whether a drag carries items of ours.
fn carries_items(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer()
        .map(|dt| {
            dt.types()
                .iter()
                .any(|t| t.as_string().as_deref() == Some(DRAG_TYPE))
        })
        .unwrap_or(false)
}

/// Whether the drop should copy rather than move (Ctrl on Linux/Windows, Option on macOS).
fn wants_copy(ev: &web_sys::DragEvent) -> bool {
    ev.ctrl_key() || ev.alt_key()
}

/// Handlers that make an element a drop target for folder `dst`; `hover` is true while a drag of
/// ours is over it (for the highlight).
#[derive(Clone, Copy)]
pub struct DropTarget {
    /// True while items are dragged over the target.
    pub hover: RwSignal<bool>,
    dst: StoredValue<Option<CrUri>>,
}

impl DropTarget {
    /// A drop target for `dst` (none: the element accepts nothing).
    pub fn new(dst: Option<CrUri>) -> Self {
        DropTarget {
            hover: RwSignal::new(false),
            dst: StoredValue::new(dst),
        }
    }

    /// `dragover`: accept our drags and show whether they will move or copy.
    pub fn over(&self, ev: &web_sys::DragEvent) {
        if self.dst.with_value(Option::is_none) || !carries_items(ev) {
            return;
        }
        ev.prevent_default();
        if let Some(dt) = ev.data_transfer() {
            dt.set_drop_effect(if wants_copy(ev) { "copy" } else { "move" });
        }
        self.hover.set(true);
    }

    /// `dragleave`.
    pub fn leave(&self) {
        self.hover.set(false);
    }

    /// `drop`: move or copy the dragged items here (never an item into itself).
    pub fn drop(&self, ex: Explorer, ev: &web_sys::DragEvent) {
        self.hover.set(false);
        let Some(dst) = self.dst.get_value() else {
            return;
        };
        let Some(json) = ev
            .data_transfer()
            .and_then(|dt| dt.get_data(DRAG_TYPE).ok())
        else {
            return;
        };
        ev.prevent_default();
        let dst_text = dst.to_string();
        let uris: Vec<String> = serde_json::from_str::<Vec<String>>(&json)
            .unwrap_or_default()
            .into_iter()
            .filter(|u| *u != dst_text)
            .collect();
        if !uris.is_empty() {
            ex.send(Command::Drop {
                uris,
                dst: dst_text,
                copy: wants_copy(ev),
            });
        }
    }
}
