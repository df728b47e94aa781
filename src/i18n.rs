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

/// Replaces `{name}` placeholders in `template`, and picks plural forms: `{name?one|other}` is
/// `one` when the argument `name` is `1`, else `other` (English needs no more; Chinese none).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
        let open = format!("{{{name}?");
        while let Some(start) = out.find(&open) {
            let Some(len) = out[start..].find('}') else {
                break;
            };
            let forms = &out[start + open.len()..start + len];
            let (one, other) = forms.split_once('|').unwrap_or((forms, forms));
            let chosen = if *value == "1" { one } else { other }.to_string();
            out.replace_range(start..=start + len, &chosen);
        }
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
    fn plural_forms_follow_their_count() {
        let t = "{views} {views?view|views} · {n} {n?file is|files are} here";
        assert_eq!(
            fill(t, &[("views", "1"), ("n", "2")]),
            "1 view · 2 files are here"
        );
        assert_eq!(
            fill(t, &[("views", "0"), ("n", "1")]),
            "0 views · 1 file is here"
        );
        // A count like 11 or 21 is plural in English.
        assert_eq!(fill("{c?item|items}", &[("c", "21")]), "items");
        // Every English template with a plural form names one of its own placeholders.
        for &k in Key::ALL {
            let en = k.text(Locale::En);
            for part in en.split('{').skip(1) {
                let inner = part.split('}').next().unwrap_or_default();
                if let Some((name, _)) = inner.split_once('?') {
                    assert!(
                        en.contains(&format!("{{{name}}}")),
                        "{k:?}: {{{name}?..}} without {{{name}}}"
                    );
                }
            }
        }
    }
}
