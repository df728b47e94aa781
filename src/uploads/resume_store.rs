//! Unfinished uploads remembered in IndexedDB (localStorage is too small for thousands of records
//! and blocks the page). One object per upload: `{uid, user, json}` where `json` is a
//! [`ResumeRecord`]; records of other accounts on the same browser are never shown. A second store
//! keeps, per upload, the handle of the dropped item its file came from (`{uid, user, handle}`,
//! handles are structured-cloneable), so a reloaded page may read the file again by itself.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransactionMode};

use crate::domain::upload::resume::ResumeRecord;

const DB_NAME: &str = "cloudreve-web";
const STORE: &str = "uploads";
const HANDLES: &str = "handles";
/// Version 2 added [`HANDLES`].
const VERSION: u32 = 2;

thread_local! {
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// Resolves when `req` succeeds; the request's own handlers are the promise's resolve and reject,
/// so no Rust closure has to outlive the call.
async fn done(req: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await?;
    req.result()
}

async fn db() -> Result<IdbDatabase, JsValue> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let factory = web_sys::window()
        .ok_or(JsValue::NULL)?
        .indexed_db()?
        .ok_or(JsValue::NULL)?;
    let open = factory.open_with_u32(DB_NAME, VERSION)?;
    let request = open.clone();
    let upgrade = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Ok(db) = request.result() {
            let db: IdbDatabase = db.unchecked_into();
            let names = db.object_store_names();
            for name in [STORE, HANDLES] {
                if !names.contains(name) {
                    let params = web_sys::IdbObjectStoreParameters::new();
                    params.set_key_path(&JsValue::from_str("uid"));
                    let _ = db.create_object_store_with_optional_parameters(name, &params);
                }
            }
        }
    });
    open.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db: IdbDatabase = done(&open).await?.unchecked_into();
    // A newer version of the app opened in another tab cannot upgrade the database while this
    // connection is open: close it and open it again on the next call.
    let closing = db.clone();
    let on_version_change = wasm_bindgen::closure::Closure::once_into_js(move || {
        closing.close();
        DB.with(|d| *d.borrow_mut() = None);
    });
    db.set_onversionchange(Some(on_version_change.unchecked_ref()));
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

async fn store_named(name: &str, mode: IdbTransactionMode) -> Result<IdbObjectStore, JsValue> {
    db().await?
        .transaction_with_str_and_mode(name, mode)?
        .object_store(name)
}

async fn store(mode: IdbTransactionMode) -> Result<IdbObjectStore, JsValue> {
    store_named(STORE, mode).await
}

/// The stored object `{uid, user, <key>: value}`.
fn entry(uid: &str, user: &str, key: &str, value: &JsValue) -> Result<JsValue, JsValue> {
    let entry = js_sys::Object::new();
    js_sys::Reflect::set(&entry, &"uid".into(), &uid.into())?;
    js_sys::Reflect::set(&entry, &"user".into(), &user.into())?;
    js_sys::Reflect::set(&entry, &key.into(), value)?;
    Ok(entry.into())
}

/// Every object of store `name` that belongs to `user`.
async fn all_of(name: &str, user: &str) -> Result<Vec<JsValue>, JsValue> {
    let store = store_named(name, IdbTransactionMode::Readonly).await?;
    let all: js_sys::Array = done(&store.get_all()?).await?.unchecked_into();
    Ok(all
        .iter()
        .filter(|v| {
            js_sys::Reflect::get(v, &"user".into())
                .ok()
                .and_then(|u| u.as_string())
                .is_some_and(|u| u == user)
        })
        .collect())
}

/// Remembers (or updates) `record` for `user`.
pub async fn put(user: &str, record: &ResumeRecord) -> Result<(), JsValue> {
    let json = serde_json::to_string(record).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let value = entry(&record.uid, user, "json", &json.into())?;
    let store = store(IdbTransactionMode::Readwrite).await?;
    done(&store.put(&value)?).await.map(drop)
}

/// Forgets the upload `uid` and its handle, in one transaction.
pub async fn delete(uid: &str) -> Result<(), JsValue> {
    let names: js_sys::Array = [STORE, HANDLES]
        .iter()
        .map(|n| JsValue::from_str(n))
        .collect();
    let tx = db()
        .await?
        .transaction_with_str_sequence_and_mode(&names, IdbTransactionMode::Readwrite)?;
    let key = JsValue::from_str(uid);
    tx.object_store(STORE)?.delete(&key)?;
    // Requests of a transaction complete in order: the last one done means both are.
    done(&tx.object_store(HANDLES)?.delete(&key)?)
        .await
        .map(drop)
}

/// Remembers, for `user`'s uploads (by uid), the `FileSystemHandle` each file can be read from
/// again; one transaction for the lot (a dropped folder brings thousands).
pub async fn put_handles(user: &str, handles: &[(String, JsValue)]) -> Result<(), JsValue> {
    let store = store_named(HANDLES, IdbTransactionMode::Readwrite).await?;
    let mut last = None;
    for (uid, handle) in handles {
        last = Some(store.put(&entry(uid, user, "handle", handle)?)?);
    }
    match last {
        Some(request) => done(&request).await.map(drop),
        None => Ok(()),
    }
}

/// The handles remembered for `user`'s uploads, by upload uid.
pub async fn handles(user: &str) -> Result<Vec<(String, JsValue)>, JsValue> {
    let field = |v: &JsValue, name: &str| js_sys::Reflect::get(v, &name.into()).ok();
    Ok(all_of(HANDLES, user)
        .await?
        .iter()
        .filter_map(|v| Some((field(v, "uid")?.as_string()?, field(v, "handle")?)))
        .collect())
}

/// Every remembered upload of `user`; unreadable records are dropped.
pub async fn load(user: &str) -> Result<Vec<ResumeRecord>, JsValue> {
    Ok(all_of(STORE, user)
        .await?
        .iter()
        .filter_map(|v| js_sys::Reflect::get(v, &"json".into()).ok()?.as_string())
        .filter_map(|json| serde_json::from_str(&json).ok())
        .collect())
}
