//! Asked before closing an editor that holds unsaved changes.

use leptos::prelude::*;

use crate::components::dialogs::modal::Modal;
use crate::i18n::{use_i18n, Key};

/// "Discard unsaved changes to `name`?"
#[component]
pub fn UnsavedDialog(
    /// The file's name.
    name: String,
    /// Called when the user gives the changes up.
    on_discard: Callback<()>,
    /// Called to go back to editing.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Modal title=Signal::derive(move || i18n.t(Key::UnsavedTitle).to_string()) on_close>
            <p class="cr-dialog__text">{move || i18n.tf(Key::UnsavedText, &[("name", &name)])}</p>
            <div class="cr-dialog__actions">
                <button type="button" class="cr-button cr-button--quiet" on:click=move |_| on_close.run(())>
                    {i18n.text(Key::UnsavedKeep)}
                </button>
                <button type="button" class="cr-button cr-button--primary" data-action="discard"
                    on:click=move |_| on_discard.run(())>{i18n.text(Key::UnsavedDiscard)}</button>
            </div>
        </Modal>
    }
}
