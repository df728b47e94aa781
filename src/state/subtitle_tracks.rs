//! Subtitle tracks for a video: its subtitle files fetched, SubRip converted to WebVTT, and each
//! handed to `<track>` as a Blob URL (same-origin, so it works whatever host serves the file).

use cloudreve_api::models::FileResponse;
use wasm_bindgen::JsValue;

use crate::domain::subtitles::{self, SubtitleFile};
use crate::state::url_cache::UrlCache;

/// One track ready for `<track>`.
#[derive(Debug, Clone, PartialEq)]
pub struct Track {
    /// Shown in the player's captions menu.
    pub label: String,
    /// `srclang`, when the label is a language tag.
    pub lang: Option<String>,
    /// A `blob:` URL of the WebVTT text; revoke it with [`release`].
    pub url: String,
}

/// The subtitles among `siblings` for `video`, in the folder's order (the first is the default).
/// Files that cannot be fetched are left out.
pub async fn load(urls: UrlCache, video: &FileResponse, siblings: &[FileResponse]) -> Vec<Track> {
    let names: Vec<&str> = siblings.iter().map(|f| f.name.as_str()).collect();
    let mut tracks = Vec::new();
    for SubtitleFile { index, label, srt } in subtitles::for_video(&video.name, &names) {
        let Some(file) = siblings.get(index) else {
            continue;
        };
        let Some(text) = fetch_text(urls, file).await else {
            continue;
        };
        let vtt = if srt {
            subtitles::srt_to_vtt(&text)
        } else {
            text
        };
        if let Some(url) = blob_url(&vtt) {
            let lang = subtitles::is_language_tag(&label).then(|| label.clone());
            tracks.push(Track { label, lang, url });
        }
    }
    tracks
}

/// Frees the Blob URLs of `tracks`.
pub fn release(tracks: &[Track]) {
    for t in tracks {
        let _ = web_sys::Url::revoke_object_url(&t.url);
    }
}

async fn fetch_text(urls: UrlCache, file: &FileResponse) -> Option<String> {
    let url = urls.get(file).await.ok()?;
    let res = gloo_net::http::Request::get(&url).send().await.ok()?;
    if !res.ok() {
        return None;
    }
    res.text().await.ok()
}

fn blob_url(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/vtt");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}
