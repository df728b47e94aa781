//! Reading a file again through the handle of the item it was dropped in, after a reload: only when
//! the browser still grants read access without asking (Chromium does after "Allow on every visit"),
//! since asking needs a click the page cannot make for the user.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileSystemDirectoryHandle, FileSystemFileHandle};

use crate::uploads::resume_store;
use crate::uploads::sources::Picked;

/// Calls `method` of `target` with `args` and awaits the promise it returns.
async fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: js_sys::Function =
        js_sys::Reflect::get(target, &JsValue::from_str(method))?.dyn_into()?;
    let promise: js_sys::Promise = f
        .apply(target, &args.iter().collect::<js_sys::Array>())?
        .dyn_into()?;
    JsFuture::from(promise).await
}

/// Whether `handle` may be read now without a prompt.
async fn readable(handle: &JsValue) -> bool {
    let mode = js_sys::Object::new();
    if js_sys::Reflect::set(&mode, &"mode".into(), &"read".into()).is_err() {
        return false;
    }
    call(handle, "queryPermission", &[mode.into()])
        .await
        .ok()
        .and_then(|state| state.as_string())
        .is_some_and(|state| state == "granted")
}

/// The file at `rel_path` (the path as dropped: the first segment is `root` itself) if the browser
/// lets the page read it without asking; `None` otherwise (then the user picks it again).
pub async fn reopen(root: &JsValue, rel_path: &str) -> Option<File> {
    if !readable(root).await {
        return None;
    }
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

/// The files of `user`'s remembered uploads (`(uid, rel_path)`) that the kept handles can read
/// again without asking, ready to attach. Handles whose upload is no longer remembered are
/// forgotten on the way.
pub async fn reopen_kept(user: &str, uploads: &[(String, String)]) -> Vec<Picked> {
    let Ok(kept) = resume_store::handles(user).await else {
        return Vec::new();
    };
    let mut picked = Vec::new();
    for (uid, handle) in kept {
        match uploads.iter().find(|(u, _)| *u == uid) {
            Some((_, rel_path)) => {
                if let Some(file) = reopen(&handle, rel_path).await {
                    picked.push(Picked {
                        rel_path: rel_path.clone(),
                        file: Some(file),
                        root: None,
                    });
                }
            }
            None => {
                let _ = resume_store::delete(&uid).await;
            }
        }
    }
    picked
}
