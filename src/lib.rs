//! wallet-help: an in-app help widget for crypto-wallet websites.
//!
//! `core` holds every decision in plain Rust. On wasm32, `platform` adapts the browser and
//! `ui` renders with Yew; [`mount`] is the one entry point the JS loader calls.
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod core;
#[cfg(target_arch = "wasm32")]
mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
mod widget;

/// The widget's version; the loader compares it with its own.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// For Yew applications: the widget as a component, configured with [`core::config::Config`].
#[cfg(target_arch = "wasm32")]
pub use ui::{HelpWidget, HelpWidgetProps};
#[cfg(target_arch = "wasm32")]
pub use widget::{mount, version, Widget};
