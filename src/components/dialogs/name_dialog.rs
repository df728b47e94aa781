//! One dialog for naming things: renaming an item, creating a folder or an empty file. The name is
//! checked as the server checks it while the user types; a file's stem is preselected on rename.

use leptos::prelude::*;

use crate::components::dialogs::modal::Modal;
use crate::domain::names::{self, NameProblem};
use crate::i18n::{use_i18n, Key};

/// Asks for a name.
#[component]
pub fn NameDialog(
    /// The heading.
    title: Key,
    /// The confirm button's label.
    confirm: Key,
    /// The starting text.
    #[prop(optional, into)]
    initial: String,
    /// Whether the named thing is a folder (no extension to protect).
    #[prop(optional)]
    is_folder: bool,
    /// Called with the accepted name.
    on_submit: Callback<String>,
    /// Called on cancel.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let select = names::stem_len(&initial, is_folder) as u32;
    let name = RwSignal::new(initial);
    let touched = RwSignal::new(false);
    let problem = move || names::check(&name.get()).err();
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
            let _ = el.set_selection_range(0, select);
        }
    });
    let message = move || {
        touched.get().then(problem).flatten().map(|p| {
            i18n.t(match p {
                NameProblem::Empty => Key::NameEmpty,
                NameProblem::TooLong => Key::NameTooLong,
                NameProblem::BadCharacter => Key::NameBadCharacter,
                NameProblem::Reserved => Key::NameReserved,
            })
        })
    };
    view! {
        <Modal title=Signal::derive(move || i18n.t(title).to_string()) on_close>
            <form class="cr-dialog__form" on:submit=move |ev| {
                ev.prevent_default();
                touched.set(true);
                if problem().is_none() {
                    on_submit.run(name.get_untracked().trim().to_string());
                }
            }>
                <label class="cr-field">
                    <span>{i18n.text(Key::Name)}</span>
                    <input class="cr-input" name="item-name" node_ref=input autocomplete="off" spellcheck="false"
                        aria-invalid=move || message().is_some().to_string()
                        prop:value=name on:input=move |ev| { touched.set(true); name.set(event_target_value(&ev)) }/>
                </label>
                <p class="cr-field__error" role="alert">{message}</p>
                <div class="cr-dialog__actions">
                    <button type="button" class="cr-button cr-button--quiet" on:click=move |_| on_close.run(())>{i18n.text(Key::Cancel)}</button>
                    <button type="submit" class="cr-button cr-button--primary">{move || i18n.t(confirm)}</button>
                </div>
            </form>
        </Modal>
    }
}
