//! The text and markdown viewer (`monaco` and `markdown` apps): loads the file, shows it
//! highlighted or rendered, and edits it. Saving sends the version the editor started from, so a
//! newer version on the server is never overwritten unasked (40076 opens [`StaleDialog`]); any
//! other failure is shown and the text is kept.

use std::sync::Arc;

use cloudreve_api::models::FileResponse;
use cloudreve_api::uri::CrUri;
use leptos::prelude::*;

use crate::components::dialogs::name_dialog::NameDialog;
use crate::components::dialogs::stale_dialog::{StaleChoice, StaleDialog};
use crate::components::viewers::code_view::CodeView;
use crate::components::viewers::markdown_view::MarkdownView;
use crate::components::viewers::text_editor::TextEditor;
use crate::domain::highlight::langs;
use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Key};
use crate::state::preview::use_preview;
use crate::state::session::use_session;
use crate::state::text_file::{is_stale, load_text, save_new_text, save_text, Loaded};

/// `file` in the text viewer, rendered as markdown when `markdown`.
#[component]
pub fn TextViewer(
    /// The file.
    file: FileResponse,
    /// Render as markdown instead of highlighted text.
    markdown: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let loaded = {
        let file = file.clone();
        LocalResource::new(move || {
            let file = file.clone();
            async move { load_text(session, &file).await }
        })
    };
    move || match &*loaded.read() {
        None => view! { <p class="cr-viewer__card" role="status">{i18n.text(Key::Loading)}</p> }
            .into_any(),
        Some(Err(e)) => {
            view! { <p class="cr-viewer__card" role="alert">{error_message(e, i18n.locale())}</p> }
                .into_any()
        }
        Some(Ok(doc)) => view! { <TextDoc file=file.clone() doc=doc.clone() markdown/> }.into_any(),
    }
}

/// What the save line says.
#[derive(Debug, Clone, PartialEq)]
enum Status {
    Idle,
    Saving,
    Saved,
    Failed(String),
}

#[component]
fn TextDoc(file: FileResponse, doc: Loaded, markdown: bool) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let preview = use_preview();
    let text = RwSignal::new(Arc::<str>::from(doc.text));
    let editing = RwSignal::new(false);
    let dirty = RwSignal::new(false);
    let status = RwSignal::new(Status::Idle);
    // The version the next save replaces (`previous`).
    let base = StoredValue::new(file.primary_entity.clone());
    let stale = RwSignal::new(false);
    let asking_name = RwSignal::new(false);
    let area = NodeRef::<leptos::html::Textarea>::new();
    let name = file.name.clone();
    let uri = file.path.clone();

    Effect::new(move |_| preview.unsaved.set(dirty.get()));
    on_cleanup(move || preview.unsaved.set(false));
    let unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if dirty.get_untracked() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    on_cleanup(move || unload.remove());

    // The editor's text: the text box's while editing, else the last one shown.
    let current = move || match area.get_untracked().filter(|_| editing.get_untracked()) {
        Some(t) => t.value(),
        None => text.get_untracked().to_string(),
    };
    let save_to = {
        let uri = uri.clone();
        move |target: String, previous: Option<String>| {
            let body = current();
            let same_file = target == uri;
            status.set(Status::Saving);
            leptos::task::spawn_local(async move {
                let saved = if same_file {
                    save_text(session, target, previous, body).await
                } else {
                    save_new_text(session, target, body).await
                };
                match saved {
                    Ok(saved) if same_file => {
                        base.set_value(saved.primary_entity.clone());
                        dirty.set(false);
                        status.set(Status::Saved);
                        preview.update_file(saved);
                    }
                    Ok(saved) => {
                        // Saved under another name: that file is now the one on view.
                        dirty.set(false);
                        preview.open(saved);
                    }
                    Err(e) if is_stale(&e) => {
                        status.set(Status::Idle);
                        stale.set(true);
                    }
                    Err(e) => {
                        status.set(Status::Failed(error_message(&e, i18n.locale_untracked())))
                    }
                }
            });
        }
    };
    let save = {
        let (save_to, uri) = (save_to.clone(), uri.clone());
        move || {
            if status.get_untracked() != Status::Saving {
                save_to(uri.clone(), Some(base.get_value()));
            }
        }
    };
    let toggle = move |_| {
        if editing.get_untracked() {
            text.set(Arc::from(current()));
        }
        editing.update(|e| *e = !*e);
    };
    let keydown = {
        let save = save.clone();
        move |ev: web_sys::KeyboardEvent| {
            if (ev.ctrl_key() || ev.meta_key()) && ev.key().eq_ignore_ascii_case("s") {
                ev.prevent_default();
                save();
            }
        }
    };
    let choose = {
        let (save_to, uri) = (save_to.clone(), uri.clone());
        Callback::new(move |c: StaleChoice| {
            stale.set(false);
            match c {
                StaleChoice::Overwrite => save_to(uri.clone(), None),
                StaleChoice::SaveAs => asking_name.set(true),
            }
        })
    };
    let save_as = {
        let uri = uri.clone();
        Callback::new(move |new_name: String| {
            asking_name.set(false);
            let target = CrUri::parse(&uri).ok().and_then(|u| u.parent());
            if let Some(folder) = target {
                save_to(folder.join(&new_name).to_string(), None);
            }
        })
    };
    let status_text = move || match status.get() {
        Status::Saving => i18n.t(Key::TextSaving).to_string(),
        Status::Saved if !dirty.get() => i18n.t(Key::TextSaved).to_string(),
        Status::Failed(e) => i18n.tf(Key::TextNotSaved, &[("error", &e)]),
        _ if dirty.get() => i18n.t(Key::TextUnsaved).to_string(),
        _ => String::new(),
    };
    let lang = langs::for_file(&name);
    let body = {
        let name = name.clone();
        move || {
            let name = name.clone();
            if editing.get() {
                let on_change = Callback::new(move |()| dirty.set(true));
                let initial = text.get_untracked().to_string();
                view! { <TextEditor initial name node=area on_change/> }.into_any()
            } else if markdown {
                view! { <MarkdownView text=text.get() name/> }.into_any()
            } else {
                view! { <CodeView text=text.get() lang name/> }.into_any()
            }
        }
    };
    let view_label = if markdown {
        Key::TextPreview
    } else {
        Key::TextView
    };
    let stale_name = name.clone();
    view! {
        <div class="cr-text" on:keydown=keydown>
            <div class="cr-text__bar" role="toolbar" aria-label=name.clone()>
                <button type="button" class="cr-button" data-action="toggle-edit" aria-pressed=move || editing.get().to_string()
                    on:click=toggle>{move || i18n.t(if editing.get() { view_label } else { Key::TextEdit })}</button>
                <button type="button" class="cr-button cr-button--primary" data-action="save"
                    disabled=move || !dirty.get() || status.get() == Status::Saving
                    on:click=move |_| save()>{i18n.text(Key::Save)}</button>
                <span class="cr-text__status" role="status"
                    class:cr-text__status--error=move || matches!(status.get(), Status::Failed(_))>{status_text}</span>
            </div>
            {doc.lossy.then(|| view! { <p class="cr-text__notice" role="note">{i18n.text(Key::TextLossy)}</p> })}
            <div class="cr-text__body">{body}</div>
            {move || stale.get().then(|| view! {
                <StaleDialog name=stale_name.clone() on_choose=choose on_close=Callback::new(move |()| stale.set(false))/>
            })}
            {move || asking_name.get().then(|| view! {
                <NameDialog title=Key::SaveAsTitle confirm=Key::Save initial=name.clone()
                    on_submit=save_as on_close=Callback::new(move |()| asking_name.set(false))/>
            })}
        </div>
    }
}
