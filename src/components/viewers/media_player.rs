//! Video and music: the browser's own player, a playlist of the folder's loaded files of the same
//! kind (the next plays at the end), subtitles from the same folder, and the position remembered
//! per file version so a reopened file resumes where it stopped.

use cloudreve_api::models::FileResponse;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::components::viewers::no_preview::NoPreview;
use crate::domain::resume_position;
use crate::domain::viewer_choice::Builtin;
use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Key};
use crate::state::folder_walk::use_folder_walk;
use crate::state::preview::use_preview;
use crate::state::resume_store::{remember, resume_at};
use crate::state::session::use_session;
use crate::state::subtitle_tracks::{self, Track};
use crate::state::url_cache::UrlCache;

/// The media element an event came from.
fn media(ev: &leptos::ev::Event) -> Option<web_sys::HtmlMediaElement> {
    ev.target()?.dyn_into().ok()
}

/// `file` in the video (`kind` [`Builtin::Video`]) or music player.
#[component]
pub fn MediaPlayer(
    /// The file opened.
    file: FileResponse,
    /// [`Builtin::Video`] or [`Builtin::Audio`].
    kind: Builtin,
    /// Downloads the file on view.
    on_download: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let preview = use_preview();
    let walk = use_folder_walk();
    let urls = UrlCache::new(use_session(), walk.hint());
    let same_kind = move |f: &FileResponse| !f.is_folder() && kind.shows(&f.name);
    let current = RwSignal::new(file);
    let playlist = Memo::new(move |_| walk.matching(same_kind));
    // Switching tracks plays the next at once; the first file waits for the user.
    let autoplay = RwSignal::new(false);
    let decode_failed = RwSignal::new(false);
    let src = LocalResource::new(move || {
        let f = current.get();
        async move { urls.get(&f).await }
    });
    let failure = move || {
        if decode_failed.get() {
            return Some(i18n.t(Key::MediaFailed).to_string());
        }
        match &*src.read() {
            Some(Err(e)) => Some(error_message(e, i18n.locale())),
            _ => None,
        }
    };
    let tracks = subtitles_of(current, urls);

    // Positions are written only for the file whose metadata the element has loaded, so events of
    // the previous source (after a switch) never land on the next file.
    let loaded_id = StoredValue::new(None::<String>);
    let element = StoredValue::new_local(None::<web_sys::HtmlMediaElement>);
    let last_save = StoredValue::new(None::<f64>);
    let save = move |el: &web_sys::HtmlMediaElement, force: bool| {
        let Some(f) = current.try_get_untracked() else {
            return;
        };
        if loaded_id.get_value().as_deref() != Some(f.id.as_str()) || el.ended() {
            return;
        }
        let now = browser::now_ms() as f64;
        if force || resume_position::due(last_save.get_value(), now) {
            last_save.set_value(Some(now));
            remember(&f, Some(el.current_time()));
        }
    };
    on_cleanup(move || {
        if let Some(el) = element.get_value() {
            save(&el, true);
        }
    });
    let switch = move |f: FileResponse| {
        if current.with_untracked(|c| c.id == f.id) {
            return;
        }
        // The element of the file left behind goes away with its source: keep its position.
        if let Some(el) = element.get_value() {
            save(&el, true);
        }
        autoplay.set(true);
        decode_failed.set(false);
        loaded_id.set_value(None);
        last_save.set_value(None);
        current.set(f.clone());
        preview.update_file(f);
    };
    let on_meta = move |ev: leptos::ev::Event| {
        let Some(el) = media(&ev) else { return };
        let f = current.get_untracked();
        if let Some(at) = resume_at(&f, el.duration()) {
            el.set_current_time(at);
        }
        loaded_id.set_value(Some(f.id));
        element.set_value(Some(el));
    };
    let on_ended = move |_| {
        let f = current.get_untracked();
        remember(&f, None);
        let list = playlist.get_untracked();
        let next = list
            .iter()
            .position(|x| x.id == f.id)
            .and_then(|i| list.get(i + 1));
        if let Some(next) = next {
            switch(next.clone());
        }
    };
    let player = move || {
        let url = match &*src.read() {
            Some(Ok(url)) => url.clone(),
            _ => return ().into_any(),
        };
        let track_views = move || {
            tracks
                .get()
                .into_iter()
                .enumerate()
                .map(|(i, t)| view! { <track kind="subtitles" src=t.url label=t.label srclang=t.lang default=i == 0/> })
                .collect_view()
        };
        let name = current.get_untracked().name;
        let (meta, ended) = (on_meta, on_ended);
        let tick = move |ev: leptos::ev::Event| {
            if let Some(el) = media(&ev) {
                save(&el, false)
            }
        };
        if kind == Builtin::Video {
            view! {
                <video class="cr-player__media" controls playsinline preload="metadata" src=url autoplay=autoplay
                    aria-label=name on:loadedmetadata=meta on:ended=ended on:timeupdate=tick
                    on:pause=move |ev| { if let Some(el) = media(&ev) { save(&el, true) } }
                    on:error=move |_| decode_failed.set(true)>{track_views}</video>
            }
            .into_any()
        } else {
            view! {
                <div class="cr-player__audio">
                    <p class="cr-player__title">{move || current.with(|c| c.name.clone())}</p>
                    <audio class="cr-player__media" controls preload="metadata" src=url autoplay=autoplay
                        aria-label=name on:loadedmetadata=meta on:ended=ended on:timeupdate=tick
                        on:pause=move |ev| { if let Some(el) = media(&ev) { save(&el, true) } }
                        on:error=move |_| decode_failed.set(true)>{track_views}</audio>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <div class="cr-player" data-viewer=kind.id()>
            <div class="cr-player__stage">
                {move || match failure() {
                    Some(reason) => view! { <NoPreview file=current.get() reason on_download/> }.into_any(),
                    None => player.into_any(),
                }}
            </div>
            <Playlist items=playlist current=Signal::derive(move || current.with(|c| c.id.clone()))
                on_pick=Callback::new(switch)/>
        </div>
    }
}

/// The subtitle tracks of the file on view, reloaded when it changes; Blob URLs freed after use.
fn subtitles_of(current: RwSignal<FileResponse>, urls: UrlCache) -> RwSignal<Vec<Track>> {
    let walk = use_folder_walk();
    let tracks = RwSignal::new(Vec::<Track>::new());
    Effect::new(move |_| {
        let f = current.get();
        subtitle_tracks::release(&tracks.get_untracked());
        tracks.set(Vec::new());
        let siblings = walk.with_files(<[FileResponse]>::to_vec);
        leptos::task::spawn_local(async move {
            let loaded = subtitle_tracks::load(urls, &f, &siblings).await;
            if current.try_with_untracked(|c| c.id == f.id) == Some(true) {
                tracks.set(loaded);
            } else {
                subtitle_tracks::release(&loaded);
            }
        });
    });
    on_cleanup(move || {
        if let Some(t) = tracks.try_get_untracked() {
            subtitle_tracks::release(&t);
        }
    });
    tracks
}

/// The folder's files of the player's kind; the one playing is marked.
#[component]
fn Playlist(
    /// The files, in folder order.
    items: Memo<Vec<FileResponse>>,
    /// The id of the file playing.
    current: Signal<String>,
    /// A file was picked.
    on_pick: Callback<FileResponse>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        (items.with(Vec::len) > 1).then(|| {
            view! {
                <nav class="cr-player__list" aria-label=i18n.text(Key::Playlist)>
                    <ol>
                        {move || items.get().into_iter().map(|f| {
                            let id = f.id.clone();
                            let name = f.name.clone();
                            let is_current = Signal::derive(move || current.with(|c| *c == id));
                            view! {
                                <li>
                                    <button type="button" class="cr-player__item" class:cr-player__item--current=is_current
                                        aria-current=move || is_current.get().then_some("true") title=name.clone()
                                        on:click=move |_| on_pick.run(f.clone())>{name.clone()}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                </nav>
            }
        })
    }
}
