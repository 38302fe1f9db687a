//! `wallet-help-collector`: the reference endpoint for wallet-help reports.
//!
//! This module owns the wiring: the runtime configuration, the shared state, and the
//! `app` router that `main` serves and the tests drive without binding a socket.
//! The contract it implements is README.md, "Report payload".

pub mod agents;
pub mod attachments;
pub mod cli;
pub mod cors;
pub mod db;
pub mod error;
pub mod inbox;
pub mod pg;
pub mod random;
pub mod routes;
pub mod schema;
pub mod search;
pub mod serve;
pub mod site;
pub mod sniff;
pub mod store;
pub mod thread;
pub mod validate;
pub mod webhook;

#[cfg(test)]
mod attachments_tests;
#[cfg(test)]
mod validate_tests;

use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::routing::{any, get, post};
use axum::Router;

pub use store::Store;

/// Largest accepted report body: attachments travel base64-encoded inside it.
pub const MAX_BODY_BYTES: usize = 10 * 1024 * 1024;

/// What the router needs to know, resolved from flags and environment by `cli`.
#[derive(Debug, Clone)]
pub struct Config {
    /// Bearer token for `GET /api/reports`. Must not be empty.
    pub admin_token: String,
    /// Exact origins allowed by CORS (`scheme://host[:port]`), or `*` for any.
    pub allowed_origins: Vec<String>,
    /// Folder served for every path outside `/api/` and `/inbox`.
    pub site_dir: PathBuf,
    /// The wallet's name, in the sentences of the steps a user tried (the widget's own).
    pub brand: String,
    /// Where `report.created` and `message.created` events go; `None`: nowhere.
    pub webhook: Option<webhook::Target>,
    /// Reports older than this many days are deleted; `None`: kept until deleted.
    pub retain_days: Option<u32>,
    /// Rate and in-flight limits on the public posts; `None`: none (tests that send
    /// without a socket have no client address).
    pub limits: Option<serve::Limits>,
}

/// With `retain_days` set, deletes the reports past it at start and then every hour.
pub fn spawn_retention(state: &AppState) {
    let Some(days) = state.config.retain_days else { return };
    let store = state.store.clone();
    tokio::spawn(async move {
        loop {
            let store = store.clone();
            match tokio::task::spawn_blocking(move || store.delete_older_than(days)).await {
                Ok(Ok(0)) => {}
                Ok(Ok(n)) => eprintln!("wallet-help-collector: deleted {n} report(s) older than {days} days"),
                Ok(Err(e)) => eprintln!("wallet-help-collector: retention: {e}"),
                Err(e) => eprintln!("wallet-help-collector: retention: {e}"),
            }
            tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
        }
    });
}

/// Cheap to clone: handlers get their own copy per request.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<Store>,
    pub config: Arc<Config>,
}

impl AppState {
    pub fn new(store: Store, config: Config) -> Self {
        AppState { store: Arc::new(store), config: Arc::new(config) }
    }
}

/// The whole HTTP surface: the API under `/api/`, static files everywhere else, and
/// CORS around both.
pub fn app(state: AppState) -> Router {
    let limit = |route| match &state.config.limits {
        Some(limits) => serve::limited(route, limits),
        None => route,
    };
    // Above axum's 2 MB default: reports carry attachments. The handler turns the
    // rejection into the JSON 413 the widget shows. The limits cover the posts only: the
    // operator's listing is not counted against them.
    let reports = limit(post(routes::post_report).layer(DefaultBodyLimit::max(MAX_BODY_BYTES)))
        .get(routes::list_reports)
        .fallback(routes::method_not_allowed);
    let messages = limit(post(routes::post_message)).fallback(routes::method_not_allowed);
    let cors = cors::layer(&state.config.allowed_origins);
    let site = site::router(&state.config.site_dir);
    Router::new()
        .route("/api/reports", reports)
        .route(
            "/api/reports/{id}",
            get(routes::get_thread).delete(routes::delete_report).fallback(routes::method_not_allowed),
        )
        .route("/api/reports/{id}/messages", messages)
        .route("/api/reports/{id}/status", post(routes::post_status).fallback(routes::method_not_allowed))
        .route("/api/reports/{id}/replies", post(routes::post_reply).fallback(routes::method_not_allowed))
        .route("/api/health", get(routes::health).fallback(routes::method_not_allowed))
        .route("/api/{*rest}", any(routes::api_not_found))
        .merge(inbox::router())
        .with_state(state)
        .fallback_service(site)
        .layer(cors)
}
