//! The i18n layer: every UI string is a [`Key`] with English and Simplified Chinese text.
//!
//! Keys are an enum, so a missing translation is a compile error, and the tables cost no parse at
//! start-up. [`I18n`] is the reactive service; reading a text inside a view re-renders on a switch.

pub mod code_messages;
pub mod errors;
mod keys;

use leptos::prelude::*;

pub use keys::Key;

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    /// English.
    En,
    /// Simplified Chinese.
    ZhCn,
}

impl Locale {
    /// Every supported locale, in menu order.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::ZhCn];

    /// BCP 47 tag (also Cloudreve's `language` value).
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en-US",
            Locale::ZhCn => "zh-CN",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::ZhCn => "简体中文",
        }
    }

    /// The best locale for a tag such as `zh-Hans-CN` or `en-GB`; English otherwise.
    pub fn from_tag(tag: &str) -> Locale {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Locale::ZhCn
        } else {
            Locale::En
        }
    }
}

/// Replaces `{name}` placeholders in `template`.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The reactive i18n service.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

const STORAGE_KEY: &str = "cr_locale";

impl I18n {
    /// A service starting in `locale`.
    pub fn new(locale: Locale) -> Self {
        I18n {
            locale: RwSignal::new(locale),
        }
    }

    /// The current locale (tracked).
    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// The current locale, without tracking (for text built outside views).
    pub fn locale_untracked(&self) -> Locale {
        self.locale.get_untracked()
    }

    /// Switches language and remembers the choice.
    pub fn set_locale(&self, locale: Locale) {
        self.locale.set(locale);
        crate::browser::store(STORAGE_KEY, locale.tag());
    }

    /// The text of `key` in the current locale (tracked).
    pub fn t(&self, key: Key) -> &'static str {
        key.text(self.locale.get())
    }

    /// The text of `key` as a reactive view or attribute value that follows the locale.
    ///
    /// Every call returns the same closure type, so the render code for a translated label is
    /// compiled once for the whole app instead of once per `move || i18n.t(..)` closure.
    pub fn text(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(key)
    }

    /// The text of `key` with `{name}` placeholders filled (tracked).
    pub fn tf(&self, key: Key, args: &[(&str, &str)]) -> String {
        fill(self.t(key), args)
    }
}

/// Provides [`I18n`], starting from the saved choice or the browser language, and keeps `<html lang>`
/// in step.
pub fn provide_i18n() -> I18n {
    let saved = crate::browser::load(STORAGE_KEY);
    let tag = saved
        .or_else(crate::browser::navigator_language)
        .unwrap_or_default();
    let i18n = I18n::new(Locale::from_tag(&tag));
    Effect::new(move |_| crate::browser::set_html_attribute("lang", i18n.locale().tag()));
    provide_context(i18n);
    i18n
}

/// The [`I18n`] service of this app.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_placeholders() {
        assert_eq!(Locale::from_tag("zh-Hans-CN"), Locale::ZhCn);
        assert_eq!(Locale::from_tag("en-GB"), Locale::En);
        assert_eq!(Locale::from_tag(""), Locale::En);
        assert_eq!(
            fill("{used} of {total}", &[("used", "1 KB"), ("total", "2 KB")]),
            "1 KB of 2 KB"
        );
    }

    #[test]
    fn every_key_has_both_languages() {
        for &k in Key::ALL {
            for l in Locale::ALL {
                assert!(!k.text(l).trim().is_empty(), "{k:?} {l:?}");
            }
            if !matches!(k, Key::Email | Key::Language) {
                assert_ne!(
                    k.text(Locale::En),
                    k.text(Locale::ZhCn),
                    "{k:?} looks untranslated"
                );
            }
        }
    }
}
