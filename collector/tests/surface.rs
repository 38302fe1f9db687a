//! Everything around the reports API: health, unknown paths, CORS and static files.

mod support;

use axum::body::Body;
use axum::http::Request;
use support::*;

fn preflight(origin: &str) -> Request<Body> {
    Request::options("/api/reports")
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "content-type,idempotency-key")
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn health_answers_ok() {
    let f = fixture();
    let (status, answer) = send_json(&f.router, get("/api/health", None)).await;
    assert_eq!((status, answer), (200, serde_json::json!({ "ok": true })));
}

#[tokio::test]
async fn unknown_api_paths_and_methods_answer_json() {
    let f = fixture();
    let (status, answer) = send_json(&f.router, get("/api/nope", None)).await;
    assert_eq!(status, 404);
    assert!(answer["error"].is_string());
    let delete = Request::delete("/api/reports").body(Body::empty()).unwrap();
    let (status, answer) = send_json(&f.router, delete).await;
    assert_eq!(status, 405);
    assert!(answer["error"].is_string());
}

#[tokio::test]
async fn a_preflight_from_an_allowed_origin_is_allowed() {
    let f = fixture();
    let response = send(&f.router, preflight(ALLOWED)).await;
    assert!(response.status().is_success(), "{}", response.status());
    let h = response.headers();
    assert_eq!(h["access-control-allow-origin"], ALLOWED);
    let methods = h["access-control-allow-methods"].to_str().unwrap().to_ascii_uppercase();
    for method in ["GET", "POST", "OPTIONS"] {
        assert!(methods.contains(method), "{methods}");
    }
    let headers = h["access-control-allow-headers"].to_str().unwrap().to_ascii_lowercase();
    for header in ["content-type", "idempotency-key", "authorization"] {
        assert!(headers.contains(header), "{headers}");
    }
    assert!(h.get("access-control-allow-credentials").is_none());
}

#[tokio::test]
async fn a_disallowed_origin_gets_no_allow_origin() {
    let f = fixture();
    for origin in ["https://evil.example", "https://wallet.example.evil", "null"] {
        let response = send(&f.router, preflight(origin)).await;
        assert!(response.headers().get("access-control-allow-origin").is_none(), "{origin}");
    }
}

#[tokio::test]
async fn a_post_from_an_allowed_origin_carries_the_cors_header() {
    let f = fixture();
    let mut request = post_report(&report(ID_A));
    request.headers_mut().insert("origin", ALLOWED.parse().unwrap());
    let response = send(&f.router, request).await;
    assert_eq!(response.status(), 201);
    assert_eq!(response.headers()["access-control-allow-origin"], ALLOWED);
}

#[tokio::test]
async fn the_site_is_served_with_the_right_types() {
    let f = fixture();
    let response = send(&f.router, get("/", None)).await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    assert_eq!(response.headers()["cache-control"], "no-cache");
    assert_eq!(body_bytes(response).await, b"<!doctype html><title>demo</title>");

    let response = send(&f.router, get("/wallet-help/wallet_help_bg.wasm", None)).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/wasm");
    assert_eq!(body_bytes(response).await, b"\0asm\x01\0\0\0");

    let response = send(&f.router, get("/wallet-help/wallet-help.js", None)).await;
    assert_eq!(response.status(), 200);
    let js = response.headers()["content-type"].to_str().unwrap();
    assert!(js.contains("javascript"), "{js}");

    let response = send(&f.router, get("/missing.js", None)).await;
    assert_eq!(response.status(), 404);
    let response = send(&f.router, get("/../Cargo.toml", None)).await;
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn a_browser_that_accepts_gzip_or_brotli_gets_the_compressed_copy() {
    let f = fixture();
    for (accept, encoding, body) in [("gzip", "gzip", &b"gzipped"[..]), ("gzip, deflate, br", "br", b"brotli")] {
        let request = Request::get("/wallet-help/wallet_help_bg.wasm")
            .header("accept-encoding", accept)
            .body(Body::empty())
            .unwrap();
        let response = send(&f.router, request).await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-encoding"], encoding, "{accept}");
        assert_eq!(response.headers()["content-type"], "application/wasm");
        assert_eq!(body_bytes(response).await, body);
    }
    // Without Accept-Encoding, the file as it is.
    let response = send(&f.router, get("/wallet-help/wallet_help_bg.wasm", None)).await;
    assert!(response.headers().get("content-encoding").is_none());
    assert_eq!(body_bytes(response).await, b"\0asm\x01\0\0\0");
}

#[tokio::test]
async fn static_files_carry_cors_for_cross_origin_wasm_loading() {
    let f = fixture();
    let request =
        Request::get("/wallet-help/wallet_help_bg.wasm").header("origin", ALLOWED).body(Body::empty()).unwrap();
    let response = send(&f.router, request).await;
    assert_eq!(response.headers()["access-control-allow-origin"], ALLOWED);
}
