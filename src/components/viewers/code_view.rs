//! Highlighted text with line numbers, rendering only the lines on screen: a file of a hundred
//! thousand lines costs what a screenful does. Tokens become text in `<span>`s, never HTML.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;

use crate::domain::highlight::{self, Carry, Lang, Tok};
use crate::domain::visible_range::VisibleRange;
use crate::i18n::{use_i18n, Key};

/// Height of one line in px; `style/viewers.css` sets the same `line-height`.
const ROW: f64 = 20.0;
/// Lines rendered above and below the screen.
const OVERSCAN: usize = 20;

/// The class of a token kind; plain text gets no element at all.
fn class(kind: Tok) -> Option<&'static str> {
    match kind {
        Tok::Plain => None,
        Tok::Keyword => Some("cr-tok cr-tok--kw"),
        Tok::Str => Some("cr-tok cr-tok--str"),
        Tok::Comment => Some("cr-tok cr-tok--com"),
        Tok::Number => Some("cr-tok cr-tok--num"),
        Tok::Punct => Some("cr-tok cr-tok--punct"),
    }
}

/// The text split into lines (byte ranges, without `\n` or a trailing `\r`), with the highlighter's
/// state at the start of each.
struct Lines {
    text: Arc<str>,
    ranges: Vec<(usize, usize)>,
    carries: Vec<Carry>,
}

impl Lines {
    fn new(text: Arc<str>, lang: &Lang) -> Self {
        let mut ranges = Vec::new();
        let mut start = 0;
        for (i, _) in text.match_indices('\n') {
            ranges.push((start, i));
            start = i + 1;
        }
        ranges.push((start, text.len()));
        for r in &mut ranges {
            if text[r.0..r.1].ends_with('\r') {
                r.1 -= 1;
            }
        }
        let carries = highlight::carries(lang, ranges.iter().map(|&(s, e)| &text[s..e]));
        Lines {
            text,
            ranges,
            carries,
        }
    }

    fn line(&self, i: usize) -> &str {
        self.ranges.get(i).map_or("", |&(s, e)| &self.text[s..e])
    }
}

/// `text` highlighted as `lang`, with line numbers.
#[component]
pub fn CodeView(
    /// The text.
    text: Arc<str>,
    /// Its language.
    lang: &'static Lang,
    /// The file name, for the region's label.
    name: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let lines = Arc::new(Lines::new(text, lang));
    let count = lines.ranges.len();
    let digits = count.to_string().len();
    let viewport = NodeRef::<leptos::html::Div>::new();
    // (scroll top, height) of the viewport.
    let metrics = RwSignal::new((0.0, 800.0));
    let measure = move || {
        if let Some(v) = viewport.get_untracked() {
            metrics.set((f64::from(v.scroll_top()), f64::from(v.client_height())));
        }
    };
    Effect::new(move |_| {
        if viewport.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let range = Memo::new(move |_| {
        let (top, height) = metrics.get();
        VisibleRange::compute(top, height, ROW, count, OVERSCAN)
    });
    let row = {
        let lines = lines.clone();
        move |i: usize| {
            let text = lines.line(i);
            let (spans, _) = highlight::line(lang, text, lines.carries[i]);
            let tokens = spans
                .into_iter()
                .map(|s| {
                    let t = text[s.start..s.end].to_string();
                    match class(s.kind) {
                        None => Either::Left(t),
                        Some(c) => Either::Right(view! { <span class=c>{t}</span> }),
                    }
                })
                .collect_view();
            view! {
                <div class="cr-code__line">
                    <span class="cr-code__num" aria-hidden="true">{i + 1}</span>
                    <span class="cr-code__text">{tokens}</span>
                </div>
            }
        }
    };
    let label = move || {
        format!(
            "{} — {}",
            name,
            i18n.tf(Key::TextLines, &[("count", &count.to_string())])
        )
    };
    view! {
        <div class="cr-code" node_ref=viewport tabindex="0" role="region" aria-label=label
            style:--cr-code-digits=digits.to_string() on:scroll=move |_| measure()>
            <div class="cr-code__lines"
                style:padding-top=move || format!("{}px", range.get().space_above(ROW))
                style:padding-bottom=move || format!("{}px", range.get().space_below(ROW, count))>
                <For each=move || { let r = range.get(); r.start..r.end } key=|i| *i children=row/>
            </div>
        </div>
    }
}
