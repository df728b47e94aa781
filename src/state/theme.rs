//! Light, dark or follow-system theme, applied as `data-theme` on `<html>` and remembered.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::browser;

/// The user's theme choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeMode {
    /// Always light.
    Light,
    /// Always dark.
    Dark,
    /// Whatever the system prefers.
    System,
}

impl ThemeMode {
    /// Every mode, in menu order.
    pub const ALL: [ThemeMode; 3] = [ThemeMode::System, ThemeMode::Light, ThemeMode::Dark];

    /// Stored/attribute value.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeMode::Light => "light",
            ThemeMode::Dark => "dark",
            ThemeMode::System => "system",
        }
    }

    /// Parses a stored value; unknown text means [`ThemeMode::System`].
    pub fn parse(s: &str) -> Self {
        match s {
            "light" => ThemeMode::Light,
            "dark" => ThemeMode::Dark,
            _ => ThemeMode::System,
        }
    }
}

const STORAGE_KEY: &str = "cr_theme";

/// The theme service.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    mode: RwSignal<ThemeMode>,
    system_dark: RwSignal<bool>,
}

impl Theme {
    /// The chosen mode (tracked).
    pub fn mode(&self) -> ThemeMode {
        self.mode.get()
    }

    /// Chooses a mode and remembers it.
    pub fn set_mode(&self, mode: ThemeMode) {
        self.mode.set(mode);
        browser::store(STORAGE_KEY, mode.as_str());
    }

    /// Chooses a mode for this page only (the embedded viewer follows its host, not the
    /// visitor's stored choice).
    pub fn set_temporarily(&self, mode: ThemeMode) {
        self.mode.set(mode);
    }

    /// Whether the page is dark right now (tracked).
    pub fn is_dark(&self) -> bool {
        match self.mode.get() {
            ThemeMode::Dark => true,
            ThemeMode::Light => false,
            ThemeMode::System => self.system_dark.get(),
        }
    }
}

/// Provides [`Theme`] and keeps `<html data-theme>` in step with it and with the system setting.
pub fn provide_theme() -> Theme {
    let theme = Theme {
        mode: RwSignal::new(ThemeMode::parse(
            &browser::load(STORAGE_KEY).unwrap_or_default(),
        )),
        system_dark: RwSignal::new(browser::prefers_dark()),
    };
    if let Some(mql) =
        web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
    {
        let system_dark = theme.system_dark;
        let on_change = Closure::<dyn Fn()>::new(move || system_dark.set(browser::prefers_dark()));
        let _ = mql.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        // The listener lives as long as the page.
        on_change.forget();
    }
    Effect::new(move |_| {
        browser::set_html_attribute("data-theme", if theme.is_dark() { "dark" } else { "light" })
    });
    provide_context(theme);
    theme
}

/// The [`Theme`] of this app.
pub fn use_theme() -> Theme {
    expect_context::<Theme>()
}
