//! Thin adapters over browser APIs. Each function turns JS failures into `Option`/`Result`
//! or a console warning; nothing here panics into the host page.

pub mod content;
pub mod files;
pub mod focus;
pub mod host;
pub mod http;
pub mod idb;
pub mod images;
pub mod js_value;
pub mod locks;
pub mod outbox;
pub mod storage;
pub mod threads;
pub mod timers;
