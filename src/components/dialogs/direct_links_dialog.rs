//! Direct links for the selected files (`PUT /file/source`, one request per file so that each one
//! reports its own failure): each link on its row, and "Copy all" as one line per link.

use cloudreve_api::models::{CreateDirectLinksRequest, FileResponse};
use leptos::prelude::*;

use crate::components::dialogs::modal::Modal;
use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Key};
use crate::state::session::use_session;

/// What became of one file.
#[derive(Debug, Clone, PartialEq)]
enum Made {
    Waiting,
    Link(String),
    Failed(String),
}

/// The direct links of `items`.
#[component]
pub fn DirectLinksDialog(
    /// The files to link.
    items: Vec<FileResponse>,
    /// Called when the dialog closes.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let rows: Vec<(String, RwSignal<Made>)> = items
        .iter()
        .map(|f| (f.name.clone(), RwSignal::new(Made::Waiting)))
        .collect();
    let copied = RwSignal::new(false);
    for (file, (_, state)) in items.iter().zip(&rows) {
        let req = CreateDirectLinksRequest {
            uris: vec![file.path.clone()],
        };
        let state = *state;
        leptos::task::spawn_local(async move {
            state.set(match session.call(&req).await {
                Ok(links) => links
                    .into_iter()
                    .next()
                    .map_or(Made::Failed(String::new()), |l| Made::Link(l.link)),
                Err(e) => Made::Failed(error_message(&e, i18n.locale_untracked())),
            });
        });
    }
    let states: Vec<RwSignal<Made>> = rows.iter().map(|(_, s)| *s).collect();
    let all_links = move || {
        states
            .iter()
            .filter_map(|s| match s.get() {
                Made::Link(l) => Some(l),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let copy_all = move |_| {
        let text = all_links();
        leptos::task::spawn_local(async move {
            copied.set(crate::browser::copy_text(&text).await.is_ok())
        });
    };
    view! {
        <Modal title=Signal::derive(move || i18n.t(Key::DirectLinks).to_string()) on_close>
            <ul class="cr-dialog__list cr-direct-links">
                {rows.into_iter().map(|(name, state)| { let label = name.clone(); view! {
                    <li class="cr-dialog__item cr-direct-link" data-name=name.clone()>
                        <span class="cr-dialog__item-name">{name.clone()}</span>
                        {move || match state.get() {
                            Made::Waiting => view! { <span class="cr-status">{i18n.text(Key::Loading)}</span> }.into_any(),
                            Made::Link(l) => view! { <input class="cr-input" name="direct-link" readonly prop:value=l aria-label=label.clone()/> }.into_any(),
                            Made::Failed(why) => view! { <span class="cr-field__error" role="alert">{why}</span> }.into_any(),
                        }}
                    </li>
                }}).collect_view()}
            </ul>
            <p class="cr-status" role="status">{move || copied.get().then(|| i18n.t(Key::Copied))}</p>
            <div class="cr-dialog__actions">
                <button type="button" class="cr-button cr-button--quiet" on:click=copy_all>{i18n.text(Key::CopyAll)}</button>
                <button type="button" class="cr-button cr-button--primary" on:click=move |_| on_close.run(())>{i18n.text(Key::Done)}</button>
            </div>
        </Modal>
    }
}
