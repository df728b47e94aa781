//! The frame around a file on view: a full-window modal `<dialog>` (the browser traps focus and
//! makes the page inert) with the file's name, "Open with", download and close, and the app's view
//! below. Which app renders is decided by [`crate::state::preview`]; this file only dispatches.

use leptos::prelude::*;

use crate::components::dialogs::unsaved_dialog::UnsavedDialog;
use crate::components::viewers::archive_viewer::ArchiveViewer;
use crate::components::viewers::custom_frame::CustomFrame;
use crate::components::viewers::image_viewer::ImageViewer;
use crate::components::viewers::media_player::MediaPlayer;
use crate::components::viewers::no_preview::NoPreview;
use crate::components::viewers::pdf_viewer::PdfViewer;
use crate::components::viewers::text_viewer::TextViewer;
use crate::components::viewers::wopi_frame::WopiFrame;
use crate::domain::size_format::format_size;
use crate::domain::viewer_choice::{App, Builtin, Candidate};
use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, I18n, Key};
use crate::state::downloads::download_file;
use crate::state::explorer::Explorer;
use crate::state::preview::{use_preview, Opened};
use crate::state::session::use_session;

/// Renders the file on view, if any. The frame stays while files change inside it, so a viewer
/// that steps through a folder keeps its dialog, focus and state.
#[component]
pub fn ViewerHost() -> impl IntoView {
    let preview = use_preview();
    let open = Memo::new(move |_| preview.opened.with(Option::is_some));
    move || open.get().then(|| view! { <ViewerFrame/> })
}

/// The label of an app in "Open with": ours for built-in apps, the server's name otherwise (or the
/// id, when the server's name is one of its own translation keys).
fn app_label(i18n: I18n, c: &Candidate) -> String {
    let key = match c.app {
        App::Builtin(Builtin::Image) => Some(Key::ViewerImage),
        App::Builtin(Builtin::Video) => Some(Key::ViewerVideo),
        App::Builtin(Builtin::Audio) => Some(Key::ViewerAudio),
        App::Builtin(Builtin::Pdf) => Some(Key::ViewerPdf),
        App::Builtin(Builtin::Code) => Some(Key::ViewerCode),
        App::Builtin(Builtin::Markdown) => Some(Key::ViewerMarkdown),
        App::Builtin(Builtin::Archive) => Some(Key::ViewerArchive),
        _ => None,
    };
    match key {
        Some(k) => i18n.t(k).to_string(),
        None if c.label.is_empty() || (c.label.contains('.') && !c.label.contains(' ')) => {
            c.id.clone()
        }
        None => c.label.clone(),
    }
}

#[component]
fn ViewerFrame() -> impl IntoView {
    let i18n = use_i18n();
    let preview = use_preview();
    let session = use_session();
    // Toasts sit below the modal's top layer, so the frame shows its own errors.
    let failure = RwSignal::new(None::<String>);
    let explorer = use_context::<Explorer>();
    let node = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        if let Some(d) = node.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    let asking = RwSignal::new(false);
    let close_now = move || {
        asking.set(false);
        preview.close();
        if let Some(ex) = explorer {
            ex.focus_view();
        }
    };
    // An editor with unsaved changes is asked about first.
    let close = move || {
        if preview.unsaved.get_untracked() {
            asking.set(true);
        } else {
            close_now();
        }
    };
    let name = Memo::new(move |_| {
        preview
            .opened
            .with(|o| o.as_ref().map(|o| o.file.name.clone()))
            .unwrap_or_default()
    });
    let download = Callback::new(move |()| {
        let Some(file) = preview
            .opened
            .with_untracked(|o| o.as_ref().map(|o| o.file.clone()))
        else {
            return;
        };
        let hint = explorer.and_then(|ex| ex.hint.get_untracked());
        leptos::task::spawn_local(async move {
            if let Err(e) = download_file(session, &file, None, hint).await {
                failure.set(Some(error_message(&e, i18n.locale_untracked())));
            }
        });
    });
    // The app's view is rebuilt for a new opening or another app, not when the app moves on.
    let shown = Memo::new(move |_| {
        preview.opened.with(|o| {
            o.as_ref()
                .map(|o| (o.opening, o.app.as_ref().map(|a| a.id.clone())))
        })
    });
    // Read the memo (not just `track` it): memos are lazy, and one never read never updates.
    let body = move || {
        shown.get()?;
        preview.opened.get_untracked().map(|o| {
            failure.set(None);
            app_view(&o, download, i18n)
        })
    };
    view! {
        <dialog class="cr-viewer" node_ref=node aria-label=name data-viewer-for=name
            on:cancel=move |ev: leptos::ev::Event| { ev.prevent_default(); close() }>
            <header class="cr-viewer__bar">
                <h2 class="cr-viewer__title">{name}</h2>
                <OpenWith/>
                <button type="button" class="cr-button" data-action="download" on:click=move |_| download.run(())>
                    {i18n.text(Key::Download)}
                </button>
                <button type="button" class="cr-button cr-button--quiet" data-action="close-viewer"
                    aria-label=i18n.text(Key::Close) on:click=move |_| close()>"×"</button>
            </header>
            {move || failure.get().map(|f| view! { <p class="cr-viewer__error" role="alert">{f}</p> })}
            <div class="cr-viewer__body">{body}</div>
            {move || asking.get().then(|| view! {
                <UnsavedDialog name=name.get_untracked() on_discard=Callback::new(move |()| close_now())
                    on_close=Callback::new(move |()| asking.set(false))/>
            })}
        </dialog>
    }
}

/// "Open with": the apps that can open the file on view, when there is a choice.
#[component]
fn OpenWith() -> impl IntoView {
    let i18n = use_i18n();
    let preview = use_preview();
    let apps = Memo::new(move |_| {
        preview.opened.with(|o| {
            o.as_ref()
                .map(|o| {
                    let current = o.app.as_ref().map(|a| a.id.clone()).unwrap_or_default();
                    (o.apps.clone(), current)
                })
                .unwrap_or_default()
        })
    });
    move || {
        let (apps, current) = apps.get();
        (apps.len() > 1).then(|| {
            let options = apps
                .iter()
                .map(|a| {
                    let selected = a.id == current;
                    view! { <option value=a.id.clone() selected=selected>{app_label(i18n, a)}</option> }
                })
                .collect_view();
            view! {
                <label class="cr-viewer__with">
                    <span>{i18n.text(Key::OpenWith)}</span>
                    <select class="cr-input" on:change=move |ev| preview.open_with(&event_target_value(&ev))>{options}</select>
                </label>
            }
        })
    }
}

/// The view of the app chosen for the file. Each app is its own component in this folder.
fn app_view(opened: &Opened, download: Callback<()>, i18n: I18n) -> AnyView {
    let file = opened.file.clone();
    match opened.app.as_ref().map(|a| &a.app) {
        Some(App::Builtin(Builtin::Image)) => {
            view! { <ImageViewer file on_download=download/> }.into_any()
        }
        Some(App::Builtin(kind @ (Builtin::Video | Builtin::Audio))) => {
            view! { <MediaPlayer file kind=*kind on_download=download/> }.into_any()
        }
        Some(App::Builtin(Builtin::Pdf)) => {
            view! { <PdfViewer file on_download=download/> }.into_any()
        }
        Some(App::Builtin(Builtin::Code)) => view! { <TextViewer file markdown=false/> }.into_any(),
        Some(App::Builtin(Builtin::Markdown)) => {
            view! { <TextViewer file markdown=true/> }.into_any()
        }
        Some(App::Builtin(Builtin::Archive)) => view! { <ArchiveViewer file/> }.into_any(),
        Some(App::Custom(template)) => {
            view! { <CustomFrame file template=template.clone()/> }.into_any()
        }
        Some(App::Wopi) => {
            let viewer_id = opened
                .app
                .as_ref()
                .map(|a| a.id.clone())
                .unwrap_or_default();
            view! { <WopiFrame file viewer_id/> }.into_any()
        }
        None => {
            let reason = opened.too_large.map(|max| {
                i18n.tf(
                    Key::TextTooLarge,
                    &[
                        ("size", &format_size(file.size)),
                        ("max", &format_size(max)),
                    ],
                )
            });
            match reason {
                Some(reason) => view! { <NoPreview file reason on_download=download/> }.into_any(),
                None => view! { <NoPreview file on_download=download/> }.into_any(),
            }
        }
    }
}
