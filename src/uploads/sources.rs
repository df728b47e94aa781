//! Where files to upload come from: the file and folder pickers, a drop (folder trees walked, empty
//! folders kept), and the clipboard. Everything becomes a list of [`Picked`] entries with paths
//! relative to what the user chose; a drop also keeps each dropped item's file-system handle where
//! the browser gives one, so a reloaded page can read the files again without asking.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, File, FileList, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry,
};

/// One file or empty folder to upload.
#[derive(Debug, Clone)]
pub struct Picked {
    /// Path relative to the pick: `a.txt`, `Photos/2024/a.jpg`, `Photos/empty`.
    pub rel_path: String,
    /// The file; `None` for an empty folder.
    pub file: Option<File>,
    /// The `FileSystemHandle` of the dropped item the file is in (the file itself, or the folder
    /// its path starts with), where the browser has the File System Access API.
    pub root: Option<JsValue>,
}

impl Picked {
    /// The last path segment.
    pub fn name(&self) -> &str {
        self.rel_path.rsplit('/').next().unwrap_or(&self.rel_path)
    }

    /// The folders above it (`["Photos", "2024"]`).
    pub fn parents(&self) -> Vec<&str> {
        let mut parts: Vec<&str> = self.rel_path.split('/').filter(|s| !s.is_empty()).collect();
        parts.pop();
        parts
    }
}

/// The files of a picker's `FileList`; a folder picker (`webkitdirectory`) gives each file its
/// `webkitRelativePath` (browsers list no empty folders there).
pub fn from_file_list(list: &FileList) -> Vec<Picked> {
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|file| {
            let rel = js_sys::Reflect::get(&file, &JsValue::from_str("webkitRelativePath"))
                .ok()
                .and_then(|v| v.as_string())
                .filter(|p| !p.is_empty())
                .unwrap_or_else(|| file.name());
            Picked {
                rel_path: rel,
                file: Some(file),
                root: None,
            }
        })
        .collect()
}

/// The files pasted: only files (a copied picture arrives as one).
pub fn from_clipboard(data: &DataTransfer) -> Vec<Picked> {
    data.files().map(|l| from_file_list(&l)).unwrap_or_default()
}

/// One dropped item: its entry, and the promise of its `FileSystemHandle` where the browser has
/// `getAsFileSystemHandle`.
pub type DroppedItem = (FileSystemEntry, Option<js_sys::Promise>);

/// The entries of a drop, taken synchronously: the browser empties the `DataTransfer` once the
/// event handler returns. Walk them with [`walk`], then give the files their handles with
/// [`with_roots`].
pub fn drop_entries(data: &DataTransfer) -> Vec<DroppedItem> {
    let items = data.items();
    (0..items.length())
        .filter_map(|i| items.get(i))
        .filter(|item| item.kind() == "file")
        .filter_map(|item| {
            let entry = item.webkit_get_as_entry().ok().flatten()?;
            let handle = js_sys::Reflect::get(&item, &JsValue::from_str("getAsFileSystemHandle"))
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                .and_then(|f| f.call0(&item).ok())
                .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
            Some((entry, handle))
        })
        .collect()
}

/// Gives each of `picked` the handle of the dropped item its path starts with. A handle the
/// browser refuses is left out: that file can still be picked again after a reload.
pub async fn with_roots(
    mut picked: Vec<Picked>,
    roots: Vec<(String, js_sys::Promise)>,
) -> Vec<Picked> {
    let mut handles = Vec::with_capacity(roots.len());
    for (name, promise) in roots {
        if let Ok(handle) = JsFuture::from(promise).await {
            if !handle.is_null() && !handle.is_undefined() {
                handles.push((name, handle));
            }
        }
    }
    for p in picked.iter_mut().filter(|p| p.file.is_some()) {
        let top = p.rel_path.split('/').next().unwrap_or_default();
        p.root = handles
            .iter()
            .find(|(name, _)| name == top)
            .map(|(_, h)| h.clone());
    }
    picked
}

/// The files of a drop without entry support (plain files only).
pub fn drop_files(data: &DataTransfer) -> Vec<Picked> {
    from_clipboard(data)
}

/// Every file below `entries`, and every folder that has nothing in it. Entries that cannot be
/// read (permissions, vanished) are skipped and counted.
pub async fn walk(entries: Vec<FileSystemEntry>) -> (Vec<Picked>, usize) {
    let mut out = Vec::new();
    let mut unreadable = 0;
    let mut stack: Vec<(FileSystemEntry, String)> = entries
        .into_iter()
        .rev()
        .map(|e| {
            let name = e.name();
            (e, name)
        })
        .collect();
    while let Some((entry, rel)) = stack.pop() {
        if entry.is_directory() {
            match read_dir(entry.unchecked_ref()).await {
                Ok(children) if children.is_empty() => out.push(Picked {
                    rel_path: rel,
                    file: None,
                    root: None,
                }),
                Ok(children) => {
                    for child in children.into_iter().rev() {
                        let path = format!("{rel}/{}", child.name());
                        stack.push((child, path));
                    }
                }
                Err(_) => unreadable += 1,
            }
        } else if entry.is_file() {
            match file_of(entry.unchecked_ref()).await {
                Ok(file) => out.push(Picked {
                    rel_path: rel,
                    file: Some(file),
                    root: None,
                }),
                Err(_) => unreadable += 1,
            }
        }
    }
    (out, unreadable)
}

/// All children of a folder: `readEntries` returns them in batches until an empty one.
async fn read_dir(dir: &FileSystemDirectoryEntry) -> Result<Vec<FileSystemEntry>, JsValue> {
    let reader = dir.create_reader();
    let mut all = Vec::new();
    loop {
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            if let Err(e) = reader.read_entries_with_callback_and_callback(&resolve, &reject) {
                let _ = reject.call1(&JsValue::NULL, &e);
            }
        });
        let batch: js_sys::Array = JsFuture::from(promise).await?.unchecked_into();
        if batch.length() == 0 {
            return Ok(all);
        }
        all.extend(batch.iter().map(|e| e.unchecked_into::<FileSystemEntry>()));
    }
}

async fn file_of(entry: &FileSystemFileEntry) -> Result<File, JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        entry.file_with_callback_and_callback(&resolve, &reject);
    });
    Ok(JsFuture::from(promise).await?.unchecked_into())
}
