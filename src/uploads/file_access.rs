//! Reading a file again through the handle of the item it was dropped in, after a reload. Where the
//! browser still grants read access (Chromium after "Allow on every visit") this needs nothing from
//! the user; where it would ask, the question can only come from a click ([`ask`]).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileSystemDirectoryHandle, FileSystemFileHandle};

use crate::uploads::resume_store;
use crate::uploads::sources::Picked;

/// A kept handle the browser wants the user to confirm before the page reads through it.
#[derive(Debug, Clone)]
pub struct Waiting {
    /// Path of the upload's file as dropped (its first segment is the handle's item).
    pub rel_path: String,
    /// The dropped item's `FileSystemHandle`.
    pub handle: JsValue,
}

/// Calls `method` of `target` with `{mode: "read"}`; the promise it returns.
fn with_read_mode(target: &JsValue, method: &str) -> Result<js_sys::Promise, JsValue> {
    let mode = js_sys::Object::new();
    js_sys::Reflect::set(&mode, &"mode".into(), &"read".into())?;
    let f: js_sys::Function =
        js_sys::Reflect::get(target, &JsValue::from_str(method))?.dyn_into()?;
    f.call1(target, &mode)?.dyn_into()
}

/// The permission state a promise of `queryPermission`/`requestPermission` settles to.
async fn state(promise: Result<js_sys::Promise, JsValue>) -> Option<String> {
    JsFuture::from(promise.ok()?).await.ok()?.as_string()
}

/// The file at `rel_path` (the path as dropped: the first segment is `root` itself), once reading
/// is allowed.
async fn file_at(root: &JsValue, rel_path: &str) -> Option<File> {
    let segments: Vec<&str> = rel_path.split('/').filter(|s| !s.is_empty()).collect();
    let file_handle: FileSystemFileHandle = match segments.as_slice() {
        [_] => root.clone().dyn_into().ok()?,
        [_, folders @ .., name] => {
            let mut dir: FileSystemDirectoryHandle = root.clone().dyn_into().ok()?;
            for folder in folders {
                dir = JsFuture::from(dir.get_directory_handle(folder))
                    .await
                    .ok()?
                    .dyn_into()
                    .ok()?;
            }
            JsFuture::from(dir.get_file_handle(name))
                .await
                .ok()?
                .dyn_into()
                .ok()?
        }
        [] => return None,
    };
    JsFuture::from(file_handle.get_file())
        .await
        .ok()?
        .dyn_into()
        .ok()
}

fn picked(rel_path: &str, file: File) -> Picked {
    Picked {
        rel_path: rel_path.to_string(),
        file: Some(file),
        root: None,
    }
}

/// For `user`'s remembered uploads (`(uid, rel_path)`): the files the kept handles can read again
/// without asking, ready to attach, and the handles the browser would ask about first. Handles
/// whose upload is no longer remembered are forgotten on the way.
pub async fn reopen_kept(user: &str, uploads: &[(String, String)]) -> (Vec<Picked>, Vec<Waiting>) {
    let Ok(kept) = resume_store::handles(user).await else {
        return (Vec::new(), Vec::new());
    };
    let (mut ready, mut waiting) = (Vec::new(), Vec::new());
    for (uid, handle) in kept {
        let Some((_, rel_path)) = uploads.iter().find(|(u, _)| *u == uid) else {
            let _ = resume_store::delete(&uid).await;
            continue;
        };
        match state(with_read_mode(&handle, "queryPermission"))
            .await
            .as_deref()
        {
            Some("granted") => {
                if let Some(file) = file_at(&handle, rel_path).await {
                    ready.push(picked(rel_path, file));
                }
            }
            Some("prompt") => waiting.push(Waiting {
                rel_path: rel_path.clone(),
                handle,
            }),
            // Refused, or a browser without the API: the picker is the way.
            _ => {}
        }
    }
    (ready, waiting)
}

/// Asks the browser for read access through every waiting handle. Call it straight from a click:
/// browsers only ask during a user gesture. Await the answers with [`after_asking`].
pub fn ask(waiting: &[Waiting]) -> Vec<Option<js_sys::Promise>> {
    waiting
        .iter()
        .map(|w| with_read_mode(&w.handle, "requestPermission").ok())
        .collect()
}

/// The files of the waiting handles the user allowed.
pub async fn after_asking(
    waiting: Vec<Waiting>,
    asked: Vec<Option<js_sys::Promise>>,
) -> Vec<Picked> {
    let mut ready = Vec::new();
    for (w, promise) in waiting.into_iter().zip(asked) {
        let Some(promise) = promise else { continue };
        if state(Ok(promise)).await.as_deref() == Some("granted") {
            if let Some(file) = file_at(&w.handle, &w.rel_path).await {
                ready.push(picked(&w.rel_path, file));
            }
        }
    }
    ready
}
