//! The queue's storage: tasks in the order they were added, which is also id order, so lookups are
//! binary searches and the n-th row of the panel is an index. A plain `Vec` also costs less wasm
//! than a `BTreeMap` instantiation.

use super::task::{Task, TaskId};

/// Tasks ordered by id.
#[derive(Debug, Default)]
pub struct TaskList(Vec<Task>);

impl TaskList {
    fn position(&self, id: TaskId) -> Option<usize> {
        self.0.binary_search_by_key(&id, |t| t.id).ok()
    }

    /// Adds `task`, whose id must be larger than every id so far (ids only grow).
    pub fn push(&mut self, task: Task) {
        debug_assert!(self.0.last().is_none_or(|t| t.id < task.id));
        self.0.push(task);
    }

    /// The task `id`.
    pub fn get(&self, id: &TaskId) -> Option<&Task> {
        self.position(*id).map(|i| &self.0[i])
    }

    /// The task `id`, mutably.
    pub fn get_mut(&mut self, id: &TaskId) -> Option<&mut Task> {
        self.position(*id).map(move |i| &mut self.0[i])
    }

    /// Removes the task `id`.
    pub fn remove(&mut self, id: &TaskId) -> Option<Task> {
        self.position(*id).map(|i| self.0.remove(i))
    }

    /// Tasks in order.
    pub fn values(&self) -> std::slice::Iter<'_, Task> {
        self.0.iter()
    }

    /// Task ids in order.
    pub fn keys(&self) -> impl Iterator<Item = &TaskId> {
        self.0.iter().map(|t| &t.id)
    }

    /// The `n`-th task.
    pub fn nth(&self, n: usize) -> Option<&Task> {
        self.0.get(n)
    }

    /// Keeps the tasks `keep` accepts.
    pub fn retain(&mut self, keep: impl FnMut(&Task) -> bool) {
        self.0.retain(keep);
    }

    /// Number of tasks.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A small set of ids (dirty tasks, batches already asked about).
#[derive(Debug, Default)]
pub struct IdSet(Vec<u64>);

impl IdSet {
    /// Adds `id`; whether it was new.
    pub fn insert(&mut self, id: u64) -> bool {
        if self.0.contains(&id) {
            return false;
        }
        self.0.push(id);
        true
    }

    /// Removes `id`.
    pub fn remove(&mut self, id: &u64) {
        self.0.retain(|x| x != id);
    }

    /// Takes every id out.
    pub fn take(&mut self) -> Vec<u64> {
        std::mem::take(&mut self.0)
    }
}
