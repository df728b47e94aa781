//! One activity as a sentence: the person's avatar and name, what they did with links to the items
//! involved, and how long ago (the exact time on hover). Every name is text, never HTML.

use cloudreve_api::models::Activity;
use cloudreve_api::CrUri;
use leptos::prelude::*;

use crate::browser;
use crate::domain::activity::{self, Ago, Part, Sentence};
use crate::i18n::{use_i18n, Key};
use crate::links;

/// The i18n template of a sentence.
pub fn template(s: Sentence) -> Key {
    match s {
        Sentence::Created => Key::ActCreated,
        Sentence::Renamed => Key::ActRenamed,
        Sentence::Permissions => Key::ActPermissions,
        Sentence::Uploaded => Key::ActUploaded,
        Sentence::Downloaded => Key::ActDownloaded,
        Sentence::Copied => Key::ActCopied,
        Sentence::Moved => Key::ActMoved,
        Sentence::Deleted => Key::ActDeleted,
        Sentence::Trashed => Key::ActTrashed,
        Sentence::Shared => Key::ActShared,
        Sentence::ShareViewed => Key::ActShareViewed,
        Sentence::VersionRestored => Key::ActVersionRestored,
        Sentence::VersionDeleted => Key::ActVersionDeleted,
        Sentence::Thumbnail => Key::ActThumbnail,
        Sentence::LivePhoto => Key::ActLivePhoto,
        Sentence::Metadata => Key::ActMetadata,
        Sentence::ShareEdited => Key::ActShareEdited,
        Sentence::ShareDeleted => Key::ActShareDeleted,
        Sentence::Mounted => Key::ActMounted,
        Sentence::Relocated => Key::ActRelocated,
        Sentence::Archived => Key::ActArchived,
        Sentence::Extracted => Key::ActExtracted,
        Sentence::DirectLink => Key::ActDirectLink,
        Sentence::Imported => Key::ActImported,
        Sentence::ViewChanged => Key::ActViewChanged,
        Sentence::DirectLinkDeleted => Key::ActDirectLinkDeleted,
        Sentence::Other => Key::ActOther,
    }
}

/// A link to the folder that holds `uri` (where the item can be seen), labelled with its name.
fn item_link(uri: &str, fallback: &str) -> AnyView {
    let parsed = CrUri::parse(uri).ok();
    let name = parsed
        .as_ref()
        .map(|u| u.name().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| fallback.to_string());
    match parsed.and_then(|u| u.parent().or(Some(u))) {
        Some(folder) => {
            view! { <a class="cr-activity__item" href=links::home(&folder)>{name}</a> }.into_any()
        }
        None => view! { <span class="cr-activity__item">{name}</span> }.into_any(),
    }
}

/// One entry of a feed about `subject` (the feed's own file, for entries that name no other).
#[component]
pub fn ActivityRow(
    /// The entry.
    activity: Activity,
    /// The URI of the file or folder the feed is about.
    subject: String,
    /// The signed-in user's id ("You" instead of their name).
    me: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let entry = &activity.content;
    let actor = match &activity.user {
        Some(u) if me.as_deref() == Some(u.id.as_str()) => i18n.t(Key::ActivityYou).to_string(),
        Some(u) if !u.nickname.is_empty() => u.nickname.clone(),
        _ => i18n.t(Key::ActivitySomeone).to_string(),
    };
    // The avatar shows the person's own initial ("You" is still someone), "?" for nobody known.
    let initial = activity
        .user
        .as_ref()
        .and_then(|u| u.nickname.chars().next())
        .map_or_else(|| "?".to_string(), |c| c.to_uppercase().to_string());
    // The item the entry is about: the server names it in `exts.uri` when a folder's feed holds its
    // children's entries; else the feed's own subject.
    let file = entry
        .exts
        .get("uri")
        .and_then(|v| v.as_str())
        .map(str::to_string)
        .unwrap_or(subject);
    let fallback = activity::name_of(&file);
    let share = entry
        .exts
        .get("share_id")
        .and_then(|v| v.as_str())
        .map(str::to_string);
    let code = entry.category.to_string();
    let sentence = activity::sentence_of(entry.category);
    let text = i18n.t(template(sentence));
    let filled: Vec<AnyView> = activity::parts(text)
        .into_iter()
        .map(|part| match part {
            Part::Text(t) => t.to_string().into_any(),
            Part::Slot("actor") => {
                view! { <strong class="cr-activity__actor">{actor.clone()}</strong> }.into_any()
            }
            Part::Slot("file") => item_link(&file, &fallback),
            Part::Slot("from") => item_link(
                if entry.from.is_empty() {
                    &file
                } else {
                    &entry.from
                },
                &fallback,
            ),
            Part::Slot("to") => item_link(
                if entry.to.is_empty() {
                    &file
                } else {
                    &entry.to
                },
                &fallback,
            ),
            Part::Slot("old") => {
                view! { <span class="cr-activity__name">{entry.original_name.clone()}</span> }
                    .into_any()
            }
            Part::Slot("new") => {
                view! { <span class="cr-activity__name">{entry.new_name.clone()}</span> }.into_any()
            }
            Part::Slot("code") => code.clone().into_any(),
            Part::Slot(other) => format!("{{{other}}}").into_any(),
        })
        .collect();
    let avatar = activity
        .user
        .as_ref()
        .filter(|u| !u.avatar.is_empty() && !u.id.is_empty())
        .map(|u| format!("/api/v4/user/avatar/{}", u.id));
    let broken = RwSignal::new(false);
    let when = activity.created_at.unix_millis();
    let exact = when.map(browser::local_datetime).unwrap_or_default();
    let ago = move || {
        let Some(ms) = when else {
            return String::new();
        };
        let n = |v: i64| v.to_string();
        match activity::ago(ms, js_sys::Date::now() as i64) {
            Ago::JustNow => i18n.t(Key::AgoJustNow).to_string(),
            Ago::Minutes(v) => i18n.tf(Key::AgoMinutes, &[("n", &n(v))]),
            Ago::Hours(v) => i18n.tf(Key::AgoHours, &[("n", &n(v))]),
            Ago::Days(v) => i18n.tf(Key::AgoDays, &[("n", &n(v))]),
            Ago::Long => browser::local_datetime(ms),
        }
    };
    view! {
        <li class="cr-activity" data-activity=activity.id.clone() data-category=code.clone()>
            // A picture when the server has one (`avatar` set), else the initial.
            <span class="cr-activity__avatar" aria-hidden="true">
                {move || match avatar.clone() {
                    Some(src) if !broken.get() => view! { <img src=src alt="" on:error=move |_| broken.set(true)/> }.into_any(),
                    _ => initial.clone().into_any(),
                }}
            </span>
            <div class="cr-activity__text">
                <p class="cr-activity__sentence">
                    {filled}
                    {share.map(|id| view! { " "<a class="cr-activity__share" href=format!("/s/{id}")>{i18n.text(Key::ActivityShareLink)}</a> })}
                </p>
                <time class="cr-activity__time" datetime=activity.created_at.0.clone() title=exact>{ago}</time>
            </div>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn every_sentence_uses_known_slots_and_names_the_person_and_the_item() {
        for sentence in Sentence::ALL {
            for locale in Locale::ALL {
                let text = template(sentence).text(locale);
                let slots: Vec<&str> = activity::parts(text)
                    .into_iter()
                    .filter_map(|p| match p {
                        Part::Slot(s) => Some(s),
                        Part::Text(_) => None,
                    })
                    .collect();
                for slot in &slots {
                    assert!(
                        activity::SLOTS.contains(slot),
                        "{sentence:?} {locale:?}: {{{slot}}}"
                    );
                }
                // A thumbnail is made by the server, not a person.
                if sentence != Sentence::Thumbnail {
                    assert!(
                        slots.contains(&"actor"),
                        "{sentence:?} {locale:?} names nobody"
                    );
                }
                assert!(
                    slots
                        .iter()
                        .any(|s| ["file", "from", "to", "old"].contains(s)),
                    "{sentence:?} {locale:?} names no item"
                );
            }
        }
    }
}
