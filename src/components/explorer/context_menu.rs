//! The context menu (right click, long press, the menu key): the actions for the selection or the
//! folder, as an ARIA menu with arrow-key movement; Esc, Tab or a click elsewhere closes it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::file_actions::FileAction;
use crate::i18n::{use_i18n, Key};

/// Menu width used to keep it inside the window, in px (`.cr-menu` in the CSS).
const MENU_WIDTH: f64 = 220.0;
/// Height of one entry in px.
const ENTRY_HEIGHT: f64 = 36.0;

/// The label of an action.
pub fn action_label(a: FileAction) -> Key {
    match a {
        FileAction::Open => Key::Open,
        FileAction::Download => Key::Download,
        FileAction::Rename => Key::Rename,
        FileAction::MoveTo => Key::MoveTo,
        FileAction::CopyTo => Key::CopyTo,
        FileAction::Delete => Key::Delete,
        FileAction::DeleteForGood => Key::DeleteForGood,
        FileAction::Restore => Key::Restore,
        FileAction::Tags => Key::Tags,
        FileAction::Versions => Key::Versions,
        FileAction::Info => Key::Info,
        FileAction::Activity => Key::Activity,
        FileAction::Share => Key::Share,
        FileAction::DirectLinks => Key::DirectLinks,
        FileAction::Pin => Key::PinToSidebar,
        FileAction::SelectAll => Key::SelectAll,
        FileAction::InvertSelection => Key::InvertSelection,
        FileAction::ClearSelection => Key::ClearSelection,
        FileAction::NewFolder => Key::NewFolder,
        FileAction::UploadFiles => Key::UploadFiles,
        FileAction::UploadFolder => Key::UploadFolder,
        FileAction::NewFile => Key::NewFile,
        FileAction::Refresh => Key::Refresh,
        FileAction::EmptyTrash => Key::EmptyTrash,
    }
}

/// A menu of `actions` at viewport point (`x`, `y`).
#[component]
pub fn ContextMenu(
    /// Left edge, px from the viewport's left.
    x: f64,
    /// Top edge, px from the viewport's top.
    y: f64,
    /// The entries.
    actions: Vec<FileAction>,
    /// Called with the chosen action.
    on_pick: Callback<FileAction>,
    /// Called when the menu closes without a choice.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (w, h) = web_sys::window()
        .map(|w| {
            let d = |v: Result<wasm_bindgen::JsValue, _>| {
                v.ok().and_then(|v| v.as_f64()).unwrap_or(800.0)
            };
            (d(w.inner_width()), d(w.inner_height()))
        })
        .unwrap_or((800.0, 600.0));
    let height = actions.len() as f64 * ENTRY_HEIGHT + 8.0;
    let left = x.min(w - MENU_WIDTH - 4.0).max(4.0);
    let top = if y + height > h {
        (y - height).max(4.0)
    } else {
        y
    };
    let menu = NodeRef::<leptos::html::Ul>::new();
    let items = move || -> Vec<web_sys::HtmlElement> {
        menu.get_untracked()
            .and_then(|m| m.query_selector_all("[role=menuitem]").ok())
            .map(|l| {
                (0..l.length())
                    .filter_map(|i| l.item(i)?.dyn_into().ok())
                    .collect()
            })
            .unwrap_or_default()
    };
    Effect::new(move |_| {
        if menu.get().is_some() {
            if let Some(first) = items().first() {
                let _ = first.focus();
            }
        }
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let list = items();
        let active = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element());
        let pos = list.iter().position(|e| {
            active
                .as_ref()
                .is_some_and(|a| a == e.as_ref() as &web_sys::Element)
        });
        let n = list.len();
        let target = match ev.key().as_str() {
            "ArrowDown" => pos.map_or(0, |p| (p + 1) % n.max(1)),
            "ArrowUp" => pos.map_or(n.saturating_sub(1), |p| (p + n - 1) % n.max(1)),
            "Home" => 0,
            "End" => n.saturating_sub(1),
            "Escape" | "Tab" => {
                ev.prevent_default();
                on_close.run(());
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        if let Some(el) = list.get(target) {
            let _ = el.focus();
        }
    };
    let entries = actions
        .into_iter()
        .map(|a| {
            let danger = matches!(a, FileAction::Delete | FileAction::DeleteForGood | FileAction::EmptyTrash);
            view! {
                <li role="none">
                    <button type="button" role="menuitem" class="cr-menu__item" class:cr-menu__item--danger=danger tabindex="-1"
                        on:click=move |_| on_pick.run(a)>{i18n.text(action_label(a))}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="cr-menu-backdrop" on:click=move |_| on_close.run(()) on:contextmenu=move |ev| { ev.prevent_default(); on_close.run(()) }></div>
        <ul class="cr-menu" role="menu" node_ref=menu aria-label=i18n.text(Key::Actions)
            style:left=format!("{left}px") style:top=format!("{top}px") on:keydown=on_key>
            {entries}
        </ul>
    }
}
