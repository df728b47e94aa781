//! The text box of the text and markdown editors: a plain `<textarea>` (accessible, fast, with the
//! browser's undo). Tab inserts four spaces; Esc then Tab leaves the box, so keyboard users are
//! never trapped. The value is read by the owner on save, not copied on every keystroke.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

/// Spaces a Tab inserts.
const INDENT: &str = "    ";

/// An editable copy of `initial`.
#[component]
pub fn TextEditor(
    /// The starting text.
    initial: String,
    /// The file name, for the label.
    name: String,
    /// The element, for its owner to read the value.
    node: NodeRef<leptos::html::Textarea>,
    /// Called on every change.
    on_change: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    // After Esc, the next Tab moves focus instead of indenting.
    let tab_leaves = StoredValue::new(false);
    Effect::new(move |_| {
        if let Some(t) = node.get() {
            let _ = t.focus();
        }
    });
    let keydown = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            // Keep the viewer open: Esc here only releases Tab.
            ev.prevent_default();
            tab_leaves.set_value(true);
        }
        "Tab" if !tab_leaves.get_value() && !ev.shift_key() && !ev.ctrl_key() && !ev.alt_key() => {
            ev.prevent_default();
            if let Some(t) = node.get_untracked() {
                let (start, end) = (t.selection_start(), t.selection_end());
                if let (Ok(Some(start)), Ok(Some(end))) = (start, end) {
                    let _ = t.set_range_text_with_start_and_end_and_mode(INDENT, start, end, "end");
                    on_change.run(());
                }
            }
        }
        _ => tab_leaves.set_value(false),
    };
    view! {
        <div class="cr-editor">
            <textarea class="cr-editor__area" node_ref=node spellcheck="false" autocapitalize="off"
                autocomplete="off" wrap="off" aria-describedby="cr-editor-hint"
                aria-label=move || i18n.tf(Key::TextEditorLabel, &[("name", &name)])
                prop:value=initial on:input=move |_| on_change.run(()) on:keydown=keydown></textarea>
            <p class="cr-editor__hint" id="cr-editor-hint">{i18n.text(Key::TextEditorHint)}</p>
        </div>
    }
}
