//! Shared test fixtures: an app over an in-memory store and a throwaway site folder,
//! a valid report, and one-call request helpers over `tower::ServiceExt::oneshot`.
#![allow(dead_code)] // Each test file uses a different subset.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, Response};
use axum::Router;
use serde_json::{json, Value};
use tower::ServiceExt;
use wallet_help_collector::{app, AppState, Config, Store};

pub const TOKEN: &str = "test-admin-token";
pub const ALLOWED: &str = "https://wallet.example";

pub struct Fixture {
    pub router: Router,
    pub store: Arc<Store>,
    /// Kept alive for the fixture's lifetime: dropping it deletes the site folder.
    pub site: tempfile::TempDir,
}

pub fn fixture() -> Fixture {
    let site = tempfile::tempdir().unwrap();
    std::fs::write(
        site.path().join("index.html"),
        "<!doctype html><title>demo</title>",
    )
    .unwrap();
    std::fs::create_dir(site.path().join("wallet-help")).unwrap();
    std::fs::write(
        site.path().join("wallet-help/wallet-help.js"),
        "export default 1;",
    )
    .unwrap();
    std::fs::write(
        site.path().join("wallet-help/wallet_help_bg.wasm"),
        b"\0asm\x01\0\0\0",
    )
    .unwrap();
    let config = Config {
        admin_token: TOKEN.to_owned(),
        allowed_origins: vec![ALLOWED.to_owned(), "http://127.0.0.1:8080".to_owned()],
        site_dir: site.path().to_owned(),
    };
    let state = AppState::new(Store::open_in_memory().unwrap(), config);
    let store = state.store.clone();
    Fixture {
        router: app(state),
        store,
        site,
    }
}

pub fn report(id: &str) -> Value {
    json!({
        "schema": "wallet-help.report.v1",
        "id": id,
        "created_at": "2025-03-04T05:06:07Z",
        "kind": "complaint",
        "category": "transaction",
        "locale": "zh-CN",
        "subject": "Withdrawal stuck",
        "description": "提现一直显示处理中",
        "transaction": { "tx_hash": "0xabc", "chain": "ethereum" },
        "attachments": [],
        "context": { "widget_version": "0.1.0" }
    })
}

pub const ID_A: &str = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
pub const ID_B: &str = "9b2c1e5a-7d41-4c8e-b0f3-2a6d5e8f1c07";

pub fn post_json(body: impl Into<Body>, idempotency_key: Option<&str>) -> Request<Body> {
    let mut builder = Request::post("/api/reports").header("content-type", "application/json");
    if let Some(key) = idempotency_key {
        builder = builder.header("idempotency-key", key);
    }
    builder.body(body.into()).unwrap()
}

pub fn post_report(value: &Value) -> Request<Body> {
    let id = value["id"].as_str();
    post_json(value.to_string(), id)
}

pub fn get(path: &str, token: Option<&str>) -> Request<Body> {
    let mut builder = Request::get(path);
    if let Some(token) = token {
        builder = builder.header("authorization", format!("Bearer {token}"));
    }
    builder.body(Body::empty()).unwrap()
}

pub async fn send(router: &Router, request: Request<Body>) -> Response<Body> {
    router.clone().oneshot(request).await.unwrap()
}

pub async fn body_bytes(response: Response<Body>) -> Vec<u8> {
    axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec()
}

/// Status and parsed JSON body; panics with the raw body if it is not JSON.
pub async fn send_json(router: &Router, request: Request<Body>) -> (u16, Value) {
    let response = send(router, request).await;
    let status = response.status().as_u16();
    let bytes = body_bytes(response).await;
    let value = serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&bytes)));
    (status, value)
}
