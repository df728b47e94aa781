//! Asked when a save finds a newer version on the server (40076): overwrite it, save the text as
//! a new file, or cancel and keep editing. The text is never lost whichever is chosen.

use leptos::prelude::*;

use crate::components::dialogs::modal::Modal;
use crate::i18n::{use_i18n, Key};

/// What to do with a save that lost the race.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaleChoice {
    /// Save anyway, replacing the newer version.
    Overwrite,
    /// Ask for a name and save there.
    SaveAs,
}

/// The stale-version question about the file `name`.
#[component]
pub fn StaleDialog(
    /// The file's name.
    name: String,
    /// Called with the choice.
    on_choose: Callback<StaleChoice>,
    /// Called on cancel.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Modal title=Signal::derive(move || i18n.t(Key::StaleTitle).to_string()) on_close>
            <p class="cr-dialog__text">{move || i18n.tf(Key::StaleText, &[("name", &name)])}</p>
            <div class="cr-dialog__actions">
                <button type="button" class="cr-button cr-button--quiet" on:click=move |_| on_close.run(())>
                    {i18n.text(Key::Cancel)}
                </button>
                <button type="button" class="cr-button" data-action="save-as"
                    on:click=move |_| on_choose.run(StaleChoice::SaveAs)>{i18n.text(Key::StaleSaveAs)}</button>
                <button type="button" class="cr-button cr-button--primary" data-action="overwrite"
                    on:click=move |_| on_choose.run(StaleChoice::Overwrite)>{i18n.text(Key::StaleOverwrite)}</button>
            </div>
        </Modal>
    }
}
