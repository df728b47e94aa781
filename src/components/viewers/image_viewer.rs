//! The lightbox: the picture on view, its thumbnail at once and the original as soon as it has
//! loaded, the neighbours' originals fetched ahead, and ←/→ (buttons, keys, swipes) through the
//! folder's pictures, loading the folder's next page when the loaded ones run out.

use cloudreve_api::models::FileResponse;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::viewers::lightbox_stage::{LightboxStage, Zoom};
use crate::components::viewers::no_preview::NoPreview;
use crate::domain::file_kind::thumbnail_likely;
use crate::domain::lightbox_geometry::{Swipe, ZOOM_STEP};
use crate::domain::viewer_choice::Builtin;
use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Key};
use crate::state::folder_walk::use_folder_walk;
use crate::state::preview::use_preview;
use crate::state::session::use_session;
use crate::state::thumbs::{use_thumbs, Thumb};
use crate::state::url_cache::UrlCache;

/// Pictures the lightbox steps through.
fn is_picture(f: &FileResponse) -> bool {
    !f.is_folder() && Builtin::Image.shows(&f.name)
}

/// Fetches and decodes `url` off screen, so swapping it in never shows a half-loaded picture.
async fn decoded(url: &str) -> Result<web_sys::HtmlImageElement, ()> {
    let img = web_sys::HtmlImageElement::new().map_err(drop)?;
    img.set_src(url);
    wasm_bindgen_futures::JsFuture::from(img.decode())
        .await
        .map_err(drop)?;
    Ok(img)
}

/// `file` in the lightbox; `on_download` downloads the picture on view.
#[component]
pub fn ImageViewer(
    /// The picture opened.
    file: FileResponse,
    /// Downloads the picture on view.
    on_download: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let preview = use_preview();
    let thumbs = use_thumbs();
    let walk = use_folder_walk();
    let urls = UrlCache::new(use_session(), walk.hint());
    let current = RwSignal::new(file);
    // The decoded original, by file id: a late answer for a picture left behind is ignored.
    let original = RwSignal::new(None::<(String, String)>);
    let failed = RwSignal::new(None::<String>);
    // Neighbours being fetched; held so the requests are not dropped with their elements.
    let ahead = StoredValue::new_local(Vec::<web_sys::HtmlImageElement>::new());
    let is_current = move |id: &str| current.try_with_untracked(|c| c.id == id) == Some(true);

    let thumb = Memo::new(move |_| {
        current
            .with(|f| thumbnail_likely(&f.name).then(|| thumbs.want(&f.id, &f.path, walk.hint())))
    });
    let showing_original = Signal::derive(move || {
        original.with(|o| {
            o.as_ref()
                .is_some_and(|(id, _)| current.with(|c| &c.id == id))
        })
    });
    let src = Signal::derive(move || {
        if showing_original.get() {
            return original.with(|o| o.as_ref().map(|(_, url)| url.clone()));
        }
        thumb.get().and_then(|t| match t.get() {
            Thumb::Ready(url) => Some(url),
            _ => None,
        })
    });
    let zoom = Zoom::new(showing_original);

    Effect::new(move |_| {
        let f = current.get();
        failed.set(None);
        leptos::task::spawn_local(async move {
            let url = match urls.get(&f).await {
                Ok(url) => url,
                Err(e) => {
                    if is_current(&f.id) {
                        failed.set(Some(error_message(&e, i18n.locale_untracked())));
                    }
                    return;
                }
            };
            let loaded = decoded(&url).await;
            if !is_current(&f.id) {
                return;
            }
            match loaded {
                Ok(_) => original.set(Some((f.id.clone(), url))),
                Err(()) => failed.set(Some(Key::ImageFailed.text(i18n.locale_untracked()).into())),
            }
            fetch_ahead(urls, walk.neighbours(&f.id, is_picture), ahead);
        });
    });

    let go = move |forward: bool| {
        let id = current.with_untracked(|c| c.id.clone());
        leptos::task::spawn_local(async move {
            let Some(next) = walk.step(&id, forward, is_picture).await else {
                return;
            };
            if is_current(&id) {
                zoom.next_picture();
                current.set(next.clone());
                preview.update_file(next);
            }
        });
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let in_field = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
        if in_field || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" => go(true),
            "ArrowLeft" => go(false),
            "+" | "=" => zoom.by(ZOOM_STEP),
            "-" | "_" => zoom.by(1.0 / ZOOM_STEP),
            "0" => zoom.reset(),
            "r" | "R" => zoom.rotate(),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());

    let position = Memo::new(move |_| {
        let id = current.with(|c| c.id.clone());
        walk.position(&id, is_picture)
    });
    let at_start = move || position.get().is_none_or(|(n, _, _)| n <= 1);
    let at_end = move || {
        position
            .get()
            .is_none_or(|(n, total, more)| n >= total && !more)
    };
    let on_swipe = Callback::new(move |s: Swipe| go(s == Swipe::Next));
    let position_text = move || {
        position
            .get()
            .map(|(n, t, more)| format!("{n} / {t}{}", if more { "+" } else { "" }))
    };
    let position_label = move || {
        position.get().map(|(n, t, _)| {
            i18n.tf(
                Key::ImagePosition,
                &[("n", &n.to_string()), ("total", &t.to_string())],
            )
        })
    };
    view! {
        <div class="cr-lightbox" data-viewer="image">
            {move || match failed.get() {
                Some(reason) => view! { <NoPreview file=current.get() reason on_download/> }.into_any(),
                None => view! {
                    <LightboxStage src alt=Signal::derive(move || current.with(|c| c.name.clone())) zoom on_swipe/>
                }.into_any(),
            }}
            <div class="cr-lightbox__tools" role="toolbar" aria-label=i18n.text(Key::ImageTools)>
                <Tool label=Key::ImagePrevious glyph="‹" action="previous" disabled=Signal::derive(at_start)
                    on_press=Callback::new(move |()| go(false))/>
                <span class="cr-lightbox__position" title=position_label>{position_text}</span>
                <Tool label=Key::ImageNext glyph="›" action="next" disabled=Signal::derive(at_end)
                    on_press=Callback::new(move |()| go(true))/>
                <Tool label=Key::ZoomOut glyph="−" action="zoom-out" on_press=Callback::new(move |()| zoom.by(1.0 / ZOOM_STEP))/>
                <Tool label=Key::ZoomIn glyph="+" action="zoom-in" on_press=Callback::new(move |()| zoom.by(ZOOM_STEP))/>
                <Tool label=Key::ZoomReset glyph="⤢" action="zoom-reset" on_press=Callback::new(move |()| zoom.reset())/>
                <Tool label=Key::RotateImage glyph="↻" action="rotate" on_press=Callback::new(move |()| zoom.rotate())/>
            </div>
        </div>
    }
}

/// One button of the lightbox's tools: a glyph, named for screen readers by `label`.
#[component]
fn Tool(
    /// Its accessible name (and tooltip).
    label: Key,
    /// What it shows.
    glyph: &'static str,
    /// `data-action`, for tests.
    action: &'static str,
    /// Greyed out.
    #[prop(into, optional)]
    disabled: Signal<bool>,
    /// Pressed.
    on_press: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="button" class="cr-lightbox__tool" data-action=action disabled=disabled
            aria-label=move || i18n.t(label) title=move || i18n.t(label) on:click=move |_| on_press.run(())>
            {glyph}
        </button>
    }
}

/// Starts fetching the originals of `files` (the neighbours), replacing earlier ones.
fn fetch_ahead(
    urls: UrlCache,
    files: Vec<FileResponse>,
    ahead: StoredValue<Vec<web_sys::HtmlImageElement>, LocalStorage>,
) {
    ahead.update_value(Vec::clear);
    for f in files {
        leptos::task::spawn_local(async move {
            let Ok(url) = urls.get(&f).await else {
                return;
            };
            if let Ok(img) = web_sys::HtmlImageElement::new() {
                img.set_src(&url);
                ahead.update_value(|a| a.push(img));
            }
        });
    }
}
