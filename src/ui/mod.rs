//! Yew function components, one concept a file. They render `core` state and send
//! `core::state::Action`s; decisions live in `core`, browser calls in `platform`.

pub mod app;
mod article;
pub mod bridge;
mod coming;
mod contact;
mod faq;
mod field;
mod panel;
mod rich;
mod search;
mod tabs;

pub use app::{App, AppProps};
pub use bridge::Bridge;
