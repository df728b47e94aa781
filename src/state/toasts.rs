//! Short notices after an action ("3 items moved", "Could not rename: …"), announced politely to
//! screen readers and dismissed after a few seconds.

use leptos::prelude::*;

/// How long a notice stays.
const TOAST_MS: u64 = 5_000;

/// One notice.
#[derive(Debug, Clone, PartialEq)]
pub struct Toast {
    /// Unique within the app's life.
    pub id: u64,
    /// The text (plain text, never HTML).
    pub text: String,
    /// An error rather than a confirmation.
    pub error: bool,
}

/// The notices on screen.
#[derive(Clone, Copy)]
pub struct Toasts {
    /// Current notices, oldest first.
    pub list: RwSignal<Vec<Toast>>,
    next: StoredValue<u64>,
}

impl Toasts {
    /// Shows a confirmation.
    pub fn info(&self, text: impl Into<String>) {
        self.push(text.into(), false);
    }

    /// Shows an error.
    pub fn error(&self, text: impl Into<String>) {
        self.push(text.into(), true);
    }

    fn push(&self, text: String, error: bool) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.list.update(|l| l.push(Toast { id, text, error }));
        let list = self.list;
        set_timeout(
            move || list.update(|l| l.retain(|t| t.id != id)),
            std::time::Duration::from_millis(TOAST_MS),
        );
    }

    /// Removes a notice now.
    pub fn dismiss(&self, id: u64) {
        self.list.update(|l| l.retain(|t| t.id != id));
    }
}

/// Creates the notices service.
pub fn provide_toasts() -> Toasts {
    let t = Toasts {
        list: RwSignal::new(Vec::new()),
        next: StoredValue::new(0),
    };
    provide_context(t);
    t
}

/// The app's notices.
pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}
