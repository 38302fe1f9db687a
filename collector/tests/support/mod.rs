//! Shared test fixtures: an app over an in-memory store and a throwaway site folder,
//! a valid report, and one-call request helpers over `tower::ServiceExt::oneshot`; and,
//! for tests of the real binary, its startup line and one exchange over a socket.
#![allow(dead_code)] // Each test file uses a different subset.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::Child;
use std::sync::{mpsc, Arc};
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, Response};
use axum::Router;
use serde_json::{json, Value};
use tower::ServiceExt;
use wallet_help_collector::serve::Limits;
use wallet_help_collector::webhook::Target;
use wallet_help_collector::{app, AppState, Config, Store};

pub const TOKEN: &str = "test-admin-token";
pub const ALLOWED: &str = "https://wallet.example";

pub struct Fixture {
    pub router: Router,
    pub state: AppState,
    pub store: Arc<Store>,
    /// Kept alive for the fixture's lifetime: dropping it deletes the site folder.
    pub site: tempfile::TempDir,
}

pub fn fixture() -> Fixture {
    fixture_with(Store::scratch().unwrap(), None)
}

/// The fixture over a given store (a file the test can also open) and webhook.
pub fn fixture_with(store: Store, webhook: Option<Target>) -> Fixture {
    fixture_full(store, webhook, None)
}

/// The fixture with every part given, the limits on public posts too.
pub fn fixture_full(store: Store, webhook: Option<Target>, limits: Option<Limits>) -> Fixture {
    let site = tempfile::tempdir().unwrap();
    std::fs::write(site.path().join("index.html"), "<!doctype html><title>demo</title>").unwrap();
    std::fs::create_dir(site.path().join("wallet-help")).unwrap();
    std::fs::write(site.path().join("wallet-help/wallet-help.js"), "export default 1;").unwrap();
    std::fs::write(site.path().join("wallet-help/wallet_help_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    // What `make dist` writes beside each file; its bytes here only need to differ.
    std::fs::write(site.path().join("wallet-help/wallet_help_bg.wasm.gz"), b"gzipped").unwrap();
    std::fs::write(site.path().join("wallet-help/wallet_help_bg.wasm.br"), b"brotli").unwrap();
    let config = Config {
        admin_token: TOKEN.to_owned(),
        allowed_origins: vec![ALLOWED.to_owned(), "http://127.0.0.1:8080".to_owned()],
        site_dir: site.path().to_owned(),
        brand: "tpWallet".to_owned(),
        webhook,
        retain_days: None,
        limits,
    };
    let state = AppState::new(store, config);
    let store = state.store.clone();
    Fixture { router: app(state.clone()), state, store, site }
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
    axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap().to_vec()
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

/// A real 1×1 transparent PNG, and its SHA-256 computed outside this code base.
pub const PNG_1X1: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0b, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x00, 0x02, 0x00, 0x00, 0x05, 0x00, 0x01, 0x7a, 0x5e, 0xab, 0x3f, 0x00,
    0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];
pub const PNG_1X1_SHA256: &str = "43739c566e26fd7cb88f69d3864ea34740372f5ee99acac169e090beffbce5c6";

/// Lower-case hex SHA-256, computed here rather than by the collector under test.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// One well-formed attachment entry: its size, hash and base64 all match `bytes`.
pub fn attachment(name: &str, mime: &str, bytes: &[u8]) -> Value {
    use base64::Engine;
    json!({
        "name": name,
        "type": mime,
        "size": bytes.len(),
        "sha256": sha256_hex(bytes),
        "data": base64::engine::general_purpose::STANDARD.encode(bytes),
    })
}

/// `report(id)` carrying these attachments.
pub fn report_with(id: &str, attachments: Vec<Value>) -> Value {
    let mut report = report(id);
    report["attachments"] = Value::Array(attachments);
    report
}

/// `len` bytes that start with `magic` (the rest zeros): enough for the type check.
pub fn image_of(magic: &[u8], len: usize) -> Vec<u8> {
    let mut bytes = magic.to_vec();
    bytes.resize(len, 0);
    bytes
}

/// One HTTP/1.1 exchange on a fresh connection; returns the status and the body.
pub fn http(port: u16, request_head: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        stream,
        "{request_head}\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response[9..12].parse().unwrap();
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    (status, body)
}

/// Reads stdout until the listening line; returns the port and the lines before it.
pub fn wait_until_listening(child: &mut Child) -> (u16, Vec<String>) {
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut before = Vec::new();
    loop {
        let line = rx.recv_timeout(Duration::from_secs(60)).expect("no listening line within 60 s");
        if let Some(url) = line.strip_prefix("wallet-help collector listening on http://127.0.0.1:") {
            return (url.parse().expect("port after the address"), before);
        }
        before.push(line);
    }
}
