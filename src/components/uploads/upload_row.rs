//! One entry of the upload queue: path, state or error, a progress bar, and the buttons that apply
//! to its state.

use leptos::prelude::*;

use crate::domain::size_format::format_size;
use crate::domain::upload::engine::Engine;
use crate::domain::upload::task::{Task, TaskId, TaskState};
use crate::i18n::{use_i18n, Key};
use crate::state::uploads::use_uploads;

/// What a row shows, copied out of the engine for the rows on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct RowData {
    /// The task.
    pub id: TaskId,
    /// Path relative to the pick (identifies the row in tests).
    pub rel_path: String,
    /// Shown path (with the new name when "keep both" renamed it).
    pub path: String,
    /// Where it is.
    pub state: TaskState,
    /// Bytes sent.
    pub sent: u64,
    /// Bytes.
    pub size: u64,
    /// The last error, if any.
    pub error: Option<String>,
}

impl RowData {
    /// The row of `t`.
    pub fn of(t: &Task) -> Self {
        RowData {
            id: t.id,
            rel_path: t.rel_path.clone(),
            path: if t.name == t.original_name {
                t.rel_path.clone()
            } else {
                format!("{} → {}", t.rel_path, t.name)
            },
            state: t.state,
            sent: t.sent_bytes(),
            size: t.size,
            error: t.error.as_ref().map(|e| e.message.clone()),
        }
    }
}

/// `sent` of `size` bytes in whole percent (rounded down, so 100 means all of it); an empty file is
/// at 100 once `finished`.
pub fn percent(sent: u64, size: u64, finished: bool) -> u32 {
    sent.saturating_mul(100)
        .checked_div(size)
        .map_or(if finished { 100 } else { 0 }, |p| p as u32)
}

fn state_key(s: TaskState) -> Key {
    match s {
        TaskState::Queued => Key::UploadQueued,
        TaskState::NeedsFile => Key::UploadNeedsFile,
        TaskState::Starting => Key::UploadStarting,
        TaskState::Uploading => Key::UploadUploading,
        TaskState::Completing => Key::UploadCompleting,
        TaskState::Paused => Key::UploadPaused,
        TaskState::AwaitingChoice => Key::UploadAwaiting,
        TaskState::Failed => Key::UploadFailed,
        TaskState::Done => Key::UploadDone,
        TaskState::Cancelled => Key::UploadCancelled,
        TaskState::Skipped => Key::UploadSkipped,
    }
}

/// A row of the queue.
#[component]
pub fn UploadRow(row: RowData) -> impl IntoView {
    // Rows are rebuilt on every queue change and on a language switch (the panel tracks both), so
    // their text is computed once here.
    let locale = use_i18n().locale_untracked();
    let t = move |key: Key| key.text(locale);
    let uploads = use_uploads();
    let id = row.id;
    let percent = percent(row.sent, row.size, row.state == TaskState::Done);
    let status = match (&row.error, row.state) {
        (Some(e), TaskState::Failed) => format!("{} · {e}", t(Key::UploadFailed)),
        (Some(e), TaskState::Uploading | TaskState::Queued | TaskState::Completing) => {
            crate::i18n::fill(t(Key::UploadRetrying), &[("error", e)])
        }
        (_, s) => t(state_key(s)).to_string(),
    };
    let bytes = format!(
        "{} / {}",
        format_size(row.sent as i64),
        format_size(row.size as i64)
    );
    let path = row.path.clone();
    let button = move |key: Key, action: &'static str, command: fn(&mut Engine, TaskId)| {
        let label = format!("{} {}", t(key), path);
        view! {
            <button type="button" class="cr-upload__button" data-action=action aria-label=label.clone() title=label
                on:click=move |_| uploads.command(id, command)>{t(key)}</button>
        }
    };
    let s = row.state;
    let can_pause = matches!(
        s,
        TaskState::Queued | TaskState::Starting | TaskState::Uploading | TaskState::Completing
    );
    let can_cancel = !s.is_finished();
    view! {
        <li class="cr-upload" data-state=format!("{s:?}").to_lowercase() data-upload=row.rel_path.clone()>
            <div class="cr-upload__head">
                <span class="cr-upload__name" title=row.path.clone()>{row.path.clone()}</span>
                <span class="cr-upload__bytes">{bytes}</span>
            </div>
            <div class="cr-progress" role="progressbar" aria-valuemin="0" aria-valuemax="100"
                aria-valuenow=percent.to_string() aria-label=row.path.clone()>
                <div class="cr-progress__bar" style=format!("width:{percent}%")></div>
            </div>
            <div class="cr-upload__foot">
                <span class="cr-upload__status" class:cr-upload__status--error=s == TaskState::Failed title=status.clone()>{status.clone()}</span>
                <span class="cr-upload__actions">
                    {can_pause.then(|| button(Key::Pause, "pause", Engine::pause))}
                    {(s == TaskState::Paused).then(|| button(Key::Resume, "resume", Engine::resume))}
                    {(s == TaskState::Failed).then(|| button(Key::Retry, "retry", Engine::retry))}
                    {can_cancel.then(|| button(Key::Cancel, "cancel", Engine::cancel))}
                </span>
            </div>
        </li>
    }
}
