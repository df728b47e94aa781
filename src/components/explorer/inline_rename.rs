//! Renaming in place: the item's name becomes a text field (stem preselected). Enter saves after
//! the same checks the server makes, Esc or leaving the field cancels. Keys typed here stay here
//! (they must not move the selection or delete items).

use cloudreve_api::models::FileResponse;
use leptos::prelude::*;

use crate::domain::names::{self, NameProblem};
use crate::i18n::{use_i18n, Key};
use crate::state::explorer::{use_explorer, Command};

/// The name field of `file` while it is being renamed.
#[component]
pub fn InlineRename(file: FileResponse) -> impl IntoView {
    let i18n = use_i18n();
    let ex = use_explorer();
    let select = names::stem_len(&file.name, file.is_folder()) as u32;
    let original = file.name.clone();
    let name = RwSignal::new(file.name.clone());
    let id = StoredValue::new(file.id.clone());
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
            let _ = el.set_selection_range(0, select);
        }
    });
    let problem = move || names::check(&name.get()).err();
    let message = move || {
        problem().map(|p| {
            i18n.t(match p {
                NameProblem::Empty => Key::NameEmpty,
                NameProblem::TooLong => Key::NameTooLong,
                NameProblem::BadCharacter => Key::NameBadCharacter,
                NameProblem::Reserved => Key::NameReserved,
            })
        })
    };
    let stop = move || ex.renaming.set(None);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        ev.stop_propagation();
        match ev.key().as_str() {
            "Enter" => {
                ev.prevent_default();
                if problem().is_some() {
                    return;
                }
                let new_name = name.get_untracked().trim().to_string();
                stop();
                if new_name != original {
                    ex.send(Command::RenameTo {
                        id: id.get_value(),
                        name: new_name,
                    });
                }
            }
            "Escape" => {
                ev.prevent_default();
                stop();
            }
            _ => {}
        }
    };
    view! {
        <span class="cr-inline-rename">
            <input class="cr-input cr-inline-rename__input" name="inline-name" node_ref=input autocomplete="off" spellcheck="false"
                aria-label=i18n.text(Key::Rename) aria-invalid=move || problem().is_some().to_string()
                title=move || message().unwrap_or_default()
                prop:value=name on:input=move |ev| name.set(event_target_value(&ev))
                on:keydown=on_key on:click=|ev| ev.stop_propagation() on:dblclick=|ev| ev.stop_propagation()
                on:blur=move |_| stop()/>
            <span class="cr-inline-rename__error" role="alert">{message}</span>
        </span>
    }
}
