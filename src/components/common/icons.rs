//! Inline SVG icons (decorative: hidden from assistive technology, sized in em, `currentColor`).

use leptos::prelude::*;

/// A folder.
#[component]
pub fn FolderIcon() -> impl IntoView {
    view! {
        <svg class="cr-icon cr-icon--folder" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M10 4H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-8l-2-2z" fill="currentColor"/>
        </svg>
    }
}

/// A document.
#[component]
pub fn FileIcon() -> impl IntoView {
    view! {
        <svg class="cr-icon cr-icon--file" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M6 2h8l6 6v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm7 1.5V9h5.5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/>
        </svg>
    }
}

/// Three bars (menu).
#[component]
pub fn MenuIcon() -> impl IntoView {
    view! {
        <svg class="cr-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>
        </svg>
    }
}

/// A bin.
#[component]
pub fn TrashIcon() -> impl IntoView {
    view! {
        <svg class="cr-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 7h16M9 7V4h6v3m-8 0 1 13h8l1-13" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/>
        </svg>
    }
}

/// Two people.
#[component]
pub fn SharedIcon() -> impl IntoView {
    view! {
        <svg class="cr-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="9" cy="8" r="3.2" fill="none" stroke="currentColor" stroke-width="1.8"/>
            <path d="M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6m1-9.5a3 3 0 1 0 0-6M21 20c0-2.6-1.6-4.8-4-5.6" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>
        </svg>
    }
}
