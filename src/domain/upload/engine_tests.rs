//! Scheduler tests: order, limits, retries, pause/resume, conflicts and resuming from a record.

use super::*;
use crate::domain::upload::protocol::{Protocol, S3Flavor};
use crate::domain::upload::resume::{match_picked, PickedFile};

const HOUR: i64 = 3_600_000;

fn file(name: &str, size: u64) -> NewUpload {
    NewUpload {
        kind: TaskKind::File,
        folder: "cloudreve://my".into(),
        rel_path: name.into(),
        name: name.into(),
        size,
        last_modified: Some(1_000),
        mime: None,
        policy_id: "p".into(),
    }
}

fn session(id: &str, chunk_size: u64, concurrency: usize) -> SessionInfo {
    SessionInfo {
        id: id.into(),
        uri: format!("cloudreve://my/{id}"),
        chunk_size,
        expires_ms: 10 * HOUR,
        chunk_concurrency: concurrency,
        callback_secret: "k".into(),
        protocol: Protocol::Local,
    }
}

fn s3_session(id: &str, chunk_size: u64, concurrency: usize) -> SessionInfo {
    SessionInfo {
        protocol: Protocol::S3 {
            flavor: S3Flavor::S3,
            callback: "s3".into(),
            part_urls: vec![],
            complete_url: "c".into(),
        },
        ..session(id, chunk_size, concurrency)
    }
}

fn sends(actions: &[Action]) -> Vec<(TaskId, usize)> {
    actions
        .iter()
        .filter_map(|a| match a {
            Action::SendChunk { task, index, .. } => Some((*task, *index)),
            _ => None,
        })
        .collect()
}

fn creates(actions: &[Action]) -> Vec<TaskId> {
    actions
        .iter()
        .filter_map(|a| match a {
            Action::CreateSession { task } => Some(*task),
            _ => None,
        })
        .collect()
}

fn retryable() -> Failure {
    Failure::new(FailureKind::Retryable, "network")
}

fn engine() -> Engine {
    Engine::new("t", 42)
}

#[test]
fn files_start_in_order_up_to_the_file_limit() {
    let mut e = engine();
    e.set_file_limit(2);
    let (_, ids) = e.add_batch((0..5).map(|i| file(&format!("f{i}"), 10)).collect(), None);
    assert_eq!(creates(&e.next_actions(0)), vec![ids[0], ids[1]]);
    // Nothing more while both slots are taken.
    assert!(e.next_actions(0).is_empty());
    e.session_created(ids[0], session("a", 0, 1));
    let a = e.next_actions(0);
    assert_eq!(sends(&a), vec![(ids[0], 0)]);
    e.chunk_done(ids[0], 0, None);
    assert_eq!(e.task(ids[0]).unwrap().state, TaskState::Done);
    assert_eq!(creates(&e.next_actions(0)), vec![ids[2]]);
}

#[test]
fn the_file_limit_is_clamped() {
    let mut e = engine();
    e.set_file_limit(0);
    assert_eq!(e.file_limit(), 1);
    e.set_file_limit(500);
    assert_eq!(e.file_limit(), 20);
}

#[test]
fn chunks_go_in_order_within_the_chunk_concurrency_and_the_last_waits_for_all_others() {
    let mut e = engine();
    let (_, ids) = e.add_batch(vec![file("big", 50)], None);
    let id = ids[0];
    e.next_actions(0);
    e.session_created(id, session("s", 10, 3));
    assert_eq!(sends(&e.next_actions(0)), vec![(id, 0), (id, 1), (id, 2)]);
    e.chunk_done(id, 1, None);
    assert_eq!(sends(&e.next_actions(0)), vec![(id, 3)]);
    e.chunk_done(id, 0, None);
    e.chunk_done(id, 3, None);
    // Chunk 4 completes the upload: not while chunk 2 is still in flight.
    assert!(sends(&e.next_actions(0)).is_empty());
    e.chunk_done(id, 2, None);
    let a = e.next_actions(0);
    assert_eq!(sends(&a), vec![(id, 4)]);
    assert!(matches!(
        a[0],
        Action::SendChunk {
            start: 40,
            end: 50,
            ..
        }
    ));
    assert_eq!(e.task(id).unwrap().state, TaskState::Uploading);
    e.chunk_done(id, 4, None);
    assert_eq!(e.task(id).unwrap().state, TaskState::Done);
    assert_eq!(e.totals().sent, 50);
}

#[test]
fn a_failed_chunk_is_retried_after_a_growing_delay() {
    let mut e = engine();
    let (_, ids) = e.add_batch(vec![file("a", 20)], None);
    let id = ids[0];
    e.next_actions(0);
    e.session_created(id, session("s", 10, 1));
    assert_eq!(sends(&e.next_actions(0)), vec![(id, 0)]);
    e.chunk_failed(id, 0, retryable(), 1_000);
    let first = e.next_wakeup().unwrap();
    assert!((1_500..2_500).contains(&first), "{first}");
    assert!(sends(&e.next_actions(first - 1)).is_empty());
    assert_eq!(sends(&e.next_actions(first)), vec![(id, 0)]);
    e.chunk_failed(id, 0, retryable(), first);
    let second = e.next_wakeup().unwrap() - first;
    assert!((1_000..3_000).contains(&second), "{second}");
    let now = first + second;
    assert_eq!(sends(&e.next_actions(now)), vec![(id, 0)]);
    e.chunk_done(id, 0, None);
    assert_eq!(e.task(id).unwrap().chunks[0].attempts, 0);
    assert_eq!(sends(&e.next_actions(now)), vec![(id, 1)]);
}

#[test]
fn a_file_fails_alone_after_max_attempts() {
    let mut e = engine();
    e.max_attempts = 3;
    let (_, ids) = e.add_batch(vec![file("bad", 10), file("good", 10)], None);
    e.next_actions(0);
    e.session_created(ids[0], session("b", 0, 1));
    e.session_created(ids[1], session("g", 0, 1));
    let mut now = 0;
    e.next_actions(now);
    for _ in 0..3 {
        e.chunk_failed(ids[0], 0, retryable(), now);
        now = e.next_wakeup().unwrap_or(now);
        e.next_actions(now);
    }
    assert_eq!(e.task(ids[0]).unwrap().state, TaskState::Failed);
    e.chunk_done(ids[1], 0, None);
    assert_eq!(e.task(ids[1]).unwrap().state, TaskState::Done);
    let totals = e.totals();
    assert_eq!((totals.done, totals.failed), (1, 1));
    // Retry resets the attempts and sends again.
    e.retry(ids[0]);
    assert_eq!(sends(&e.next_actions(now)), vec![(ids[0], 0)]);
}

#[test]
fn a_fatal_chunk_error_aborts_the_other_chunks_of_the_file() {
    let mut e = engine();
    let (_, ids) = e.add_batch(vec![file("a", 30)], None);
    let id = ids[0];
    e.next_actions(0);
    e.session_created(id, session("s", 10, 2));
    e.next_actions(0);
    e.chunk_failed(id, 0, Failure::new(FailureKind::Fatal, "quota"), 0);
    let a = e.next_actions(0);
    assert_eq!(a, vec![Action::AbortChunk { task: id, index: 1 }]);
    assert_eq!(e.task(id).unwrap().state, TaskState::Failed);
    // The aborted chunk's late error report changes nothing.
    e.chunk_failed(id, 1, retryable(), 0);
    assert_eq!(e.task(id).unwrap().chunks[1].attempts, 0);
}

#[test]
fn pause_aborts_in_flight_chunks_and_resume_sends_only_what_is_missing() {
    let mut e = engine();
    let (_, ids) = e.add_batch(vec![file("a", 40)], None);
    let id = ids[0];
    e.next_actions(0);
    e.session_created(id, session("s", 10, 2));
    e.next_actions(0);
    e.chunk_progress(id, 1, 5);
    e.chunk_done(id, 0, None);
    assert_eq!(e.task(id).unwrap().sent_bytes(), 15);
    e.pause(id);
    let a = e.next_actions(0);
    assert_eq!(a, vec![Action::AbortChunk { task: id, index: 1 }]);
    assert_eq!(e.task(id).unwrap().sent_bytes(), 10);
    assert!(!e.busy());
    assert!(e.next_actions(0).is_empty());
    e.resume(id);
    assert_eq!(sends(&e.next_actions(0)), vec![(id, 1), (id, 2)]);
    assert_eq!(e.task(id).unwrap().session.as_ref().unwrap().id, "s");
}

#[test]
fn pause_all_and_resume_all() {
    let mut e = engine();
    let (_, ids) = e.add_batch(vec![file("a", 10), file("b", 10)], None);
    e.next_actions(0);
    e.for_all(Engine::pause);
    assert!(ids
        .iter()
        .all(|id| e.task(*id).unwrap().state == TaskState::Paused));
    // The sessions being created when paused are kept for the resume.
    e.session_created(ids[0], session("a", 0, 1));
    assert!(e.next_actions(0).is_empty());
    e.for_all(Engine::resume);
    let a = e.next_actions(0);
    assert_eq!(sends(&a), vec![(ids[0], 0)]);
    // The second one's request is still out: no duplicate session request.
    assert!(creates(&a).is_empty());
    e.start_failed(ids[1], retryable(), 0);
    e.session_created(ids[1], session("b", 0, 1));
    assert_eq!(sends(&e.next_actions(0)), vec![(ids[1], 0)]);
}

#[test]
fn cancel_deletes_the_session_even_when_it_arrives_later() {
    let mut e = engine();
    let (_, ids) = e.add_batch(vec![file("a", 20), file("b", 20)], None);
    e.next_actions(0);
    e.session_created(ids[0], session("sa", 10, 1));
    e.next_actions(0);
    e.cancel(ids[0]);
    e.cancel(ids[1]);
    let a = e.next_actions(0);
    assert!(a.contains(&Action::AbortChunk {
        task: ids[0],
        index: 0
    }));
    assert!(a.contains(&Action::DeleteSession {
        id: "sa".into(),
        uri: "cloudreve://my/sa".into()
    }));
    e.session_created(ids[1], session("sb", 10, 1));
    assert_eq!(
        e.next_actions(0),
        vec![Action::DeleteSession {
            id: "sb".into(),
            uri: "cloudreve://my/sb".into()
        }]
    );
    assert!(!e.busy());
    e.clear_finished();
    assert!(e.is_empty());
}

#[test]
fn a_name_conflict_asks_once_per_batch_and_the_choice_covers_it() {
    let mut e = engine();
    let (batch, ids) = e.add_batch(vec![file("a.txt", 1), file("b.txt", 1)], None);
    e.next_actions(0);
    let exists = || Failure::new(FailureKind::NameExists, "exists");
    e.start_failed(ids[0], exists(), 0);
    e.start_failed(ids[1], exists(), 0);
    assert_eq!(e.next_actions(0), vec![Action::AskConflict { batch }]);
    assert!(e.next_actions(0).is_empty());
    e.choose(batch, ConflictChoice::KeepBoth);
    assert_eq!(e.task(ids[0]).unwrap().name, "a (1).txt");
    assert_eq!(creates(&e.next_actions(0)), ids);
    // "a (1).txt" exists too: numbered again without asking.
    e.start_failed(ids[0], exists(), 0);
    assert_eq!(e.task(ids[0]).unwrap().name, "a (2).txt");
    assert!(!e
        .next_actions(0)
        .iter()
        .any(|a| matches!(a, Action::AskConflict { .. })));
}

#[test]
fn overwrite_and_skip_choices() {
    let mut e = engine();
    let (batch, ids) = e.add_batch(vec![file("a", 1)], Some(ConflictChoice::Overwrite));
    assert!(e.task(ids[0]).unwrap().overwrite);
    assert_eq!(e.choice(batch), Some(ConflictChoice::Overwrite));
    let (batch2, ids2) = e.add_batch(vec![file("b", 1)], None);
    e.next_actions(0);
    e.start_failed(ids2[0], Failure::new(FailureKind::NameExists, "x"), 0);
    e.choose(batch2, ConflictChoice::Overwrite);
    assert!(e.task(ids2[0]).unwrap().overwrite);
    assert_eq!(e.task(ids2[0]).unwrap().state, TaskState::Queued);
    // Still a conflict while overwriting (a folder has the name): the file fails.
    e.next_actions(0);
    e.start_failed(ids2[0], Failure::new(FailureKind::NameExists, "x"), 0);
    assert_eq!(e.task(ids2[0]).unwrap().state, TaskState::Failed);
    let (batch3, ids3) = e.add_batch(vec![file("c", 1)], Some(ConflictChoice::Skip));
    e.next_actions(0);
    e.start_failed(ids3[0], Failure::new(FailureKind::NameExists, "x"), 0);
    assert_eq!(e.task(ids3[0]).unwrap().state, TaskState::Skipped);
    assert_eq!(e.choice(batch3), Some(ConflictChoice::Skip));
    let _ = batch;
}

#[test]
fn session_requests_are_retried_with_backoff() {
    let mut e = engine();
    let (_, ids) = e.add_batch(vec![file("a", 1)], None);
    e.next_actions(0);
    e.start_failed(ids[0], retryable(), 0);
    assert_eq!(e.task(ids[0]).unwrap().state, TaskState::Queued);
    let at = e.next_wakeup().unwrap();
    assert!(creates(&e.next_actions(at - 1)).is_empty());
    assert_eq!(creates(&e.next_actions(at)), ids);
    e.start_failed(ids[0], Failure::new(FailureKind::Fatal, "quota"), at);
    assert_eq!(e.task(ids[0]).unwrap().state, TaskState::Failed);
}

#[test]
fn s3_parts_go_in_parallel_then_complete_is_called_and_retried() {
    let mut e = engine();
    let (_, ids) = e.add_batch(vec![file("a", 30)], None);
    let id = ids[0];
    e.next_actions(0);
    e.session_created(id, s3_session("s", 10, 3));
    assert_eq!(sends(&e.next_actions(0)), vec![(id, 0), (id, 1), (id, 2)]);
    e.chunk_done(id, 2, Some("\"e3\"".into()));
    e.chunk_done(id, 0, Some("\"e1\"".into()));
    assert!(e.next_actions(0).is_empty());
    e.chunk_done(id, 1, Some("\"e2\"".into()));
    assert_eq!(e.task(id).unwrap().state, TaskState::Completing);
    assert_eq!(e.next_actions(0), vec![Action::Complete { task: id }]);
    assert!(e.next_actions(0).is_empty());
    e.complete_failed(id, retryable(), 0);
    let at = e.next_wakeup().unwrap();
    assert_eq!(e.next_actions(at), vec![Action::Complete { task: id }]);
    e.completed(id);
    assert_eq!(e.task(id).unwrap().state, TaskState::Done);
}

#[test]
fn empty_folders_are_created_as_tasks() {
    let mut e = engine();
    let (_, ids) = e.add_batch(
        vec![NewUpload {
            kind: TaskKind::Folder,
            ..file("empty", 0)
        }],
        None,
    );
    assert_eq!(
        e.next_actions(0),
        vec![Action::CreateFolder { task: ids[0] }]
    );
    e.folder_created(ids[0]);
    assert_eq!(e.task(ids[0]).unwrap().state, TaskState::Done);
}

#[test]
fn resume_from_a_record_skips_the_chunks_already_sent() {
    let mut e = engine();
    let (_, ids) = e.add_batch(vec![file("a", 40)], None);
    let id = ids[0];
    e.next_actions(0);
    e.session_created(id, s3_session("s", 10, 2));
    e.next_actions(0);
    e.chunk_done(id, 0, Some("\"e1\"".into()));
    e.chunk_done(id, 1, Some("\"e2\"".into()));
    let (records, forget) = e.take_dirty();
    assert!(forget.is_empty());
    assert_eq!(records.len(), 1);
    let json = serde_json::to_string(&records[0]).unwrap();

    // A new page.
    let mut page = Engine::new("p2", 1);
    let record = serde_json::from_str(&json).unwrap();
    let id2 = page.restore(record);
    assert_eq!(page.task(id2).unwrap().state, TaskState::NeedsFile);
    assert!(page.next_actions(0).is_empty());
    page.attach_file(id2);
    assert_eq!(sends(&page.next_actions(0)), vec![(id2, 2), (id2, 3)]);
    page.chunk_done(id2, 2, Some("\"e3\"".into()));
    page.chunk_done(id2, 3, Some("\"e4\"".into()));
    let t = page.task(id2).unwrap();
    let etags: Vec<_> = t.chunks.iter().map(|c| c.etag.clone().unwrap()).collect();
    assert_eq!(etags, ["\"e1\"", "\"e2\"", "\"e3\"", "\"e4\""]);
    assert_eq!(t.state, TaskState::Completing);
}

#[test]
fn a_finished_upload_is_forgotten_by_the_store() {
    let mut e = engine();
    let (_, ids) = e.add_batch(vec![file("a", 1)], None);
    e.next_actions(0);
    e.session_created(ids[0], session("s", 0, 1));
    assert_eq!(e.take_dirty().0.len(), 1);
    e.next_actions(0);
    e.chunk_done(ids[0], 0, None);
    let (keep, forget) = e.take_dirty();
    assert!(keep.is_empty());
    assert_eq!(forget, vec![e.task(ids[0]).unwrap().uid.clone()]);
}

#[test]
fn an_expired_session_is_deleted_and_replaced_on_resume() {
    let mut e = engine();
    let (_, ids) = e.add_batch(vec![file("a", 20)], None);
    e.next_actions(0);
    let mut s = session("old", 10, 1);
    s.expires_ms = 100_000;
    e.session_created(ids[0], s);
    e.next_actions(0);
    e.chunk_done(ids[0], 0, None);
    let (records, _) = e.take_dirty();
    let mut page = Engine::new("p2", 1);
    let id = page.restore(records[0].clone());
    page.attach_file(id);
    let a = page.next_actions(200_000);
    assert_eq!(
        a,
        vec![
            Action::DeleteSession {
                id: "old".into(),
                uri: "cloudreve://my/old".into()
            },
            Action::CreateSession { task: id }
        ]
    );
    page.session_created(id, session("new", 10, 1));
    assert_eq!(sends(&page.next_actions(200_000)), vec![(id, 0)]);
}

#[test]
fn a_lost_session_is_replaced_on_retry() {
    let mut e = engine();
    let (_, ids) = e.add_batch(vec![file("a", 20)], None);
    e.next_actions(0);
    e.session_created(ids[0], session("s", 10, 1));
    e.next_actions(0);
    e.chunk_failed(
        ids[0],
        0,
        Failure::new(FailureKind::SessionLost, "expired"),
        0,
    );
    assert_eq!(e.task(ids[0]).unwrap().state, TaskState::Failed);
    e.retry(ids[0]);
    let a = e.next_actions(0);
    assert!(a.contains(&Action::CreateSession { task: ids[0] }));
    assert!(a.iter().any(|x| matches!(x, Action::DeleteSession { .. })));
}

#[test]
fn picked_files_match_waiting_tasks_by_name_size_time_and_path() {
    let mut e = engine();
    let mut a = file("a.txt", 5);
    a.rel_path = "Docs/a.txt".into();
    let mut b = file("a.txt", 5);
    b.rel_path = "Other/a.txt".into();
    let (_, ids) = e.add_batch(vec![a, b, file("c.txt", 7)], None);
    let picked = |rel: &str, name: &str, size| PickedFile {
        rel_path: rel.into(),
        name: name.into(),
        size,
        last_modified: Some(1_000),
    };
    let files = [
        picked("Other/a.txt", "a.txt", 5),
        picked("Docs/a.txt", "a.txt", 5),
        picked("c.txt", "c.txt", 8),
    ];
    let pairs = match_picked(e.tasks(), &files);
    assert_eq!(pairs, vec![(ids[0], 1), (ids[1], 0)]);
}

#[test]
fn totals_and_busy() {
    let mut e = engine();
    assert!(!e.busy());
    let (_, ids) = e.add_batch(vec![file("a", 10), file("b", 30)], None);
    assert!(e.busy());
    e.cancel(ids[1]);
    e.next_actions(0);
    e.session_created(ids[0], session("s", 0, 1));
    e.next_actions(0);
    e.chunk_progress(ids[0], 0, 4);
    let t = e.totals();
    assert_eq!((t.sent, t.total, t.active, t.pending), (4, 10, 1, 1));
}

#[test]
fn signing_out_forgets_every_task_without_touching_the_server_and_ids_never_repeat() {
    let mut e = engine();
    let (_, ids) = e.add_batch(vec![file("a", 20), file("b", 20)], None);
    e.next_actions(0);
    e.session_created(ids[0], session("sa", 10, 1));
    e.next_actions(0);
    e.take_dirty();
    e.forget_all();
    assert!(e.is_empty());
    assert!(!e.busy());
    // No session is deleted and no resume record forgotten: they stay the account's.
    assert!(e.next_actions(0).is_empty());
    assert_eq!(e.take_dirty(), (Vec::new(), Vec::new()));
    // A late answer for a dropped task finds nothing to change.
    e.session_created(ids[1], session("sb", 10, 1));
    e.chunk_done(ids[0], 0, None);
    assert!(e.is_empty());
    // The next account's uploads get new ids.
    let (_, next) = e.add_batch(vec![file("c", 5)], None);
    assert!(
        next.iter().all(|n| !ids.contains(n)),
        "{next:?} after {ids:?}"
    );
}
