//! Rendered markdown: the tree of [`crate::domain::markdown`] turned into DOM nodes with
//! `createElement`, `setAttribute` and `createTextNode` only — never `innerHTML` — so text stays
//! text whatever it contains. What may become an element or attribute is decided (and tested) there.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::markdown::{render, Node};
use crate::i18n::{use_i18n, Key};

/// Appends `nodes` to `parent`.
fn append(doc: &web_sys::Document, parent: &web_sys::Node, nodes: &[Node]) {
    for node in nodes {
        match node {
            Node::Text(t) => {
                let _ = parent.append_child(&doc.create_text_node(t));
            }
            Node::Element(e) => {
                let Ok(el) = doc.create_element(e.tag) else {
                    continue;
                };
                for (name, value) in &e.attrs {
                    let _ = el.set_attribute(name, value);
                }
                append(doc, el.unchecked_ref(), &e.children);
                let _ = parent.append_child(&el);
            }
        }
    }
}

/// `text` rendered as markdown.
#[component]
pub fn MarkdownView(
    /// The markdown source.
    text: std::sync::Arc<str>,
    /// The file name, for the region's label.
    name: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let host = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let (Some(el), Some(doc)) = (host.get(), web_sys::window().and_then(|w| w.document()))
        else {
            return;
        };
        el.set_text_content(None);
        append(&doc, el.unchecked_ref(), &render(&text));
    });
    view! {
        <div class="cr-md" node_ref=host role="region" tabindex="0"
            aria-label=move || i18n.tf(Key::MarkdownLabel, &[("name", &name)])></div>
    }
}
