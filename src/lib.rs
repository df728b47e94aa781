//! cloudreve-web: a fast Leptos/WebAssembly frontend for Cloudreve v4 servers.

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod domain;
pub mod i18n;
pub mod links;
pub mod pages;
pub mod state;
pub mod uploads;
