//! The keyboard model shared by every folder view: arrows move focus and selection (Shift extends,
//! Ctrl/Cmd moves focus only), Space toggles, Enter opens, Backspace goes up, Delete deletes, F2
//! renames, Ctrl/Cmd+A selects all, Esc clears, the menu key opens the context menu, and letters
//! jump to a name.

use leptos::prelude::*;

use crate::browser;
use crate::domain::list_keys;
use crate::domain::name_jump::{self, NameJump};
use crate::domain::selection::Modifiers;
use crate::state::explorer::{Command, Explorer};

/// Handles a key press in a view laid out `cols` items per row with `page_rows` rows on screen.
/// Returns the item that should receive focus and be scrolled into view.
pub fn handle(
    ex: Explorer,
    ev: &web_sys::KeyboardEvent,
    cols: usize,
    page_rows: usize,
    jump: StoredValue<NameJump>,
) -> Option<usize> {
    let key = ev.key();
    let command_key = ev.ctrl_key() || ev.meta_key();
    let focused = ex.focused.get_untracked();
    let len = ex.files.with_untracked(Vec::len);
    let send = |ev: &web_sys::KeyboardEvent, c: Command| {
        ev.prevent_default();
        ex.send(c);
        None
    };
    match key.as_str() {
        "Enter" => return focused.and_then(|i| send(ev, Command::Open(i))),
        "Backspace" => return send(ev, Command::Parent),
        "Delete" => return send(ev, Command::Delete),
        "F2" => return send(ev, Command::Rename),
        "a" | "A" if command_key => return send(ev, Command::SelectAll),
        "Escape" => {
            ex.selection.update(|s| s.clear());
            return None;
        }
        "F10" if !ev.shift_key() => return None,
        "ContextMenu" | "F10" => {
            let (x, y) = focused.map(item_corner).unwrap_or((40.0, 120.0));
            return send(
                ev,
                Command::Menu {
                    x,
                    y,
                    on_item: focused.is_some(),
                },
            );
        }
        " " => {
            if let Some(i) = focused {
                ev.prevent_default();
                ex.click(
                    i,
                    Modifiers {
                        toggle: true,
                        range: false,
                    },
                );
            }
            return None;
        }
        _ => {}
    }
    if let Some(next) = list_keys::step(focused, &key, len, page_rows, cols) {
        ev.prevent_default();
        if command_key {
            ex.focused.set(Some(next));
        } else {
            ex.click(
                next,
                Modifiers {
                    toggle: false,
                    range: ev.shift_key(),
                },
            );
        }
        return Some(next);
    }
    // Type-to-jump: one printable character, no command modifiers.
    let mut chars = key.chars();
    if let (Some(ch), None) = (chars.next(), chars.next()) {
        if !command_key && !ev.alt_key() && !ch.is_control() && ch != ' ' {
            let prefix = jump
                .try_update_value(|j| j.push(ch, browser::now_ms() as f64).to_string())
                .unwrap_or_default();
            let from = focused.unwrap_or(len.saturating_sub(1));
            let found = ex.files.with_untracked(|f| {
                let names: Vec<&str> = f.iter().map(|x| x.name.as_str()).collect();
                name_jump::find(&names, from, &prefix)
            });
            if let Some(i) = found {
                ev.prevent_default();
                ex.click(i, Modifiers::default());
                return Some(i);
            }
        }
    }
    None
}

/// Where to open a keyboard-invoked context menu: beside the focused item's element.
fn item_corner(index: usize) -> (f64, f64) {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("[data-cr-index=\"{index}\"]"))
                .ok()
                .flatten()
        })
        .map(|el| {
            let r = el.get_bounding_client_rect();
            (r.left() + 24.0, r.bottom())
        })
        .unwrap_or((40.0, 120.0))
}
