//! The one question per batch about names that exist already: skip, overwrite as a new version, or
//! keep both under a numbered name.

use leptos::prelude::*;

use crate::components::dialogs::modal::Modal;
use crate::domain::upload::conflict_names::ConflictChoice;
use crate::i18n::{use_i18n, Key};
use crate::state::uploads::{use_uploads, Asking};

/// The answers: label, `data-choice`, choice.
const CHOICES: [(Key, &str, ConflictChoice); 3] = [
    (Key::ConflictSkip, "skip", ConflictChoice::Skip),
    (
        Key::ConflictOverwrite,
        "overwrite",
        ConflictChoice::Overwrite,
    ),
    (Key::ConflictKeepBoth, "keep-both", ConflictChoice::KeepBoth),
];

/// Shows the question while the queue asks one.
#[component]
pub fn ConflictDialog() -> impl IntoView {
    let i18n = use_i18n();
    let uploads = use_uploads();
    let choose = move |c: Option<ConflictChoice>| uploads.choose(c);
    move || {
        uploads.asking.get().map(|asking| {
            let text = match asking {
                Asking::Before(1) => i18n.t(Key::ConflictBeforeOne).to_string(),
                Asking::Before(count) => i18n.tf(Key::ConflictBefore, &[("count", &count.to_string())]),
                Asking::During(_) => i18n.t(Key::ConflictDuring).to_string(),
            };
            view! {
                <Modal title=Signal::derive(move || i18n.t(Key::ConflictTitle).to_string()) on_close=Callback::new(move |()| choose(None))>
                    <div class="cr-dialog__form">
                        <p class="cr-dialog__text">{text}</p>
                        <div class="cr-dialog__actions cr-dialog__actions--stack">
                            {CHOICES.iter().map(|&(key, name, choice)| view! {
                                <button type="button" class="cr-button" class:cr-button--primary=choice == ConflictChoice::KeepBoth
                                    data-choice=name on:click=move |_| choose(Some(choice))>{i18n.text(key)}</button>
                            }).collect_view()}
                        </div>
                    </div>
                </Modal>
            }
        })
    }
}
