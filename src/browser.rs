//! Small, failure-tolerant wrappers over browser APIs (storage, clock, document attributes).
//!
//! Every function degrades to a no-op or `None` when the API is missing (private mode storage, tests),
//! so callers never unwrap DOM data.

/// The `window`, if any.
fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Reads a localStorage entry.
pub fn load(key: &str) -> Option<String> {
    window()?.local_storage().ok()??.get_item(key).ok()?
}

/// Writes a localStorage entry (ignored when storage is unavailable or full).
pub fn store(key: &str, value: &str) {
    if let Some(s) = window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(key, value);
    }
}

/// Removes a localStorage entry.
pub fn remove(key: &str) {
    if let Some(s) = window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.remove_item(key);
    }
}

/// The browser's preferred language tag.
pub fn navigator_language() -> Option<String> {
    window()?.navigator().language()
}

/// Sets an attribute on `<html>`.
pub fn set_html_attribute(name: &str, value: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute(name, value);
    }
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The `content` of `<meta name="{name}">`, if present and non-empty.
pub fn meta(name: &str) -> Option<String> {
    let doc = window()?.document()?;
    let el = doc
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??;
    el.get_attribute("content").filter(|c| !c.trim().is_empty())
}

/// Whether the system asks for a dark colour scheme.
pub fn prefers_dark() -> bool {
    window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Formats Unix milliseconds as a local `YYYY-MM-DD HH:MM`.
pub fn local_datetime(ms: i64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// `ms` in the form a `datetime-local` field holds (`YYYY-MM-DDTHH:MM`, local time).
pub fn local_datetime_field(ms: f64) -> String {
    local_datetime(ms as i64).replacen(' ', "T", 1)
}

/// The moment a `datetime-local` value names (local time), if the browser can read it.
pub fn parse_local_datetime(value: &str) -> Option<f64> {
    if value.is_empty() {
        return None;
    }
    // Date-time forms without an offset are local time (ECMA-262 §21.4.3.2).
    let ms = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(value)).get_time();
    ms.is_finite().then_some(ms)
}

/// Writes `text` to the clipboard (`navigator.clipboard.writeText`); `Err` when the browser has no
/// clipboard or refuses.
pub async fn copy_text(text: &str) -> Result<(), ()> {
    use wasm_bindgen::JsCast;
    let nav = web_sys::window().ok_or(())?.navigator();
    let clipboard = js_sys::Reflect::get(&nav, &"clipboard".into()).map_err(|_| ())?;
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).map_err(|_| ())?;
    let write = write.dyn_into::<js_sys::Function>().map_err(|_| ())?;
    let promise = write
        .call1(&clipboard, &text.into())
        .map_err(|_| ())?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| ())?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(drop)
        .map_err(|_| ())
}
