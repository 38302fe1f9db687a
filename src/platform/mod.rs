//! Thin adapters over browser APIs. Each function turns JS failures into `Option`/`Result`
//! or a console warning; nothing here panics into the host page.

pub mod host;
pub mod http;
pub mod storage;
pub mod timers;
