//! Pure Rust: everything the widget decides, with no browser or UI crate, so it is tested
//! natively with `cargo test`. The browser layer (`platform`, `ui`) only carries data in and out.

pub mod chain;
pub mod checklist;
pub mod config;
pub mod contacts;
pub mod content;
pub mod delivery;
pub mod followup;
pub mod i18n;
pub mod lease;
pub mod localized;
pub mod operator;
pub mod outbox;
pub mod report;
pub mod search;
pub mod secrets;
pub mod sections;
pub mod state;
pub mod stored;
pub mod thread;
pub mod troubleshoot;
