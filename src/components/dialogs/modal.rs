//! A modal dialog on the native `<dialog>` element: the browser traps focus, makes the page inert,
//! and closes it on Esc (reported through `on_close`).

use leptos::prelude::*;

/// A modal titled `title`; `children` is its body, usually a form.
#[component]
pub fn Modal(
    /// The heading (also the dialog's accessible name).
    #[prop(into)]
    title: Signal<String>,
    /// Called when the user dismisses the dialog (Esc or a close button).
    on_close: Callback<()>,
    /// The body.
    children: Children,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        if let Some(d) = node.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    let title_id = "cr-dialog-title";
    view! {
        <dialog class="cr-dialog" node_ref=node aria-labelledby=title_id
            on:cancel=move |ev: leptos::ev::Event| { ev.prevent_default(); on_close.run(()) }>
            <h2 class="cr-dialog__title" id=title_id>{title}</h2>
            {children()}
        </dialog>
    }
}
