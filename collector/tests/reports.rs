//! `POST /api/reports` and `GET /api/reports` through the real router, without a socket.

mod support;

use serde_json::{json, Value};
use support::*;

fn error_text(body: &Value) -> &str {
    body["error"].as_str().unwrap_or_else(|| panic!("no error message in {body}"))
}

#[tokio::test]
async fn a_repeat_gets_the_same_reference_and_stores_nothing_new() {
    let f = fixture();
    let (status, first) = send_json(&f.router, post_report(&report(ID_A))).await;
    assert_eq!(status, 201, "{first}");
    let reference = first["reference"].as_str().unwrap().to_owned();
    assert!(reference.starts_with("WH-") && reference.len() == 11, "{reference}");

    let (status, again) = send_json(&f.router, post_report(&report(ID_A))).await;
    assert_eq!(status, 200, "{again}");
    assert_eq!(again["reference"], reference.as_str());
    assert_eq!(f.store.count().unwrap(), 1);

    // Another id is another report with another reference.
    let (status, other) = send_json(&f.router, post_report(&report(ID_B))).await;
    assert_eq!(status, 201);
    assert_ne!(other["reference"], reference.as_str());
    assert_eq!(f.store.count().unwrap(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn racing_identical_posts_store_one_row() {
    let f = fixture();
    let (a, b) = tokio::join!(
        send_json(&f.router, post_report(&report(ID_A))),
        send_json(&f.router, post_report(&report(ID_A))),
    );
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [200, 201]);
    assert_eq!(a.1["reference"], b.1["reference"]);
    assert_eq!(f.store.count().unwrap(), 1);
}

#[tokio::test]
async fn the_id_is_matched_case_insensitively() {
    let f = fixture();
    let (_, first) = send_json(&f.router, post_report(&report(ID_A))).await;
    assert!(first["reference"].is_string());
    // The same id in capitals names the same report: these other bytes cannot replace it.
    let (status, again) = send_json(&f.router, post_report(&report(&ID_A.to_uppercase()))).await;
    assert_eq!(status, 409, "{again}");
    assert_eq!(f.store.count().unwrap(), 1);
}

#[tokio::test]
async fn a_post_must_be_json_from_an_allowed_origin() {
    let f = fixture();
    let body = report(ID_A).to_string();
    let with = |content_type: &str, origin: Option<&str>| {
        let mut builder = axum::http::Request::post("/api/reports")
            .header("content-type", content_type)
            .header("idempotency-key", ID_A);
        if let Some(origin) = origin {
            builder = builder.header("origin", origin);
        }
        builder.body(axum::body::Body::from(body.clone())).unwrap()
    };
    // What a page on another site can send without asking first: a text/plain form post.
    let (status, answer) = send_json(&f.router, with("text/plain", Some("https://evil.example"))).await;
    assert_eq!(status, 415, "{answer}");
    let (status, _) = send_json(&f.router, with("text/plain;charset=UTF-8", None)).await;
    assert_eq!(status, 415);
    let (status, answer) = send_json(&f.router, with("application/json", Some("https://evil.example"))).await;
    assert_eq!(status, 403, "{answer}");
    assert!(error_text(&answer).contains("https://evil.example"));
    assert_eq!(f.store.count().unwrap(), 0);
    let (status, _) = send_json(&f.router, with("application/json; charset=utf-8", Some(ALLOWED))).await;
    assert_eq!(status, 201, "the wallet's own page");
}

#[tokio::test]
async fn malformed_json_is_400_with_a_message() {
    let f = fixture();
    for body in ["{\"schema\": ", "not json", "", "[1, 2]"] {
        let (status, answer) = send_json(&f.router, post_json(body, None)).await;
        assert_eq!(status, 400, "{body:?}: {answer}");
        assert!(error_text(&answer).starts_with("malformed"), "{answer}");
    }
    let (_, answer) = send_json(&f.router, post_json("{\"a\": }", None)).await;
    assert!(error_text(&answer).contains("line 1 column"), "{answer}");
    assert_eq!(f.store.count().unwrap(), 0);
}

#[tokio::test]
async fn a_body_over_10_mib_is_413() {
    let f = fixture();
    // Valid JSON, so only the size can be the reason.
    let mut big = report(ID_A);
    big["description"] = Value::String("x".repeat(11 * 1024 * 1024));
    let (status, answer) = send_json(&f.router, post_report(&big)).await;
    assert_eq!(status, 413);
    assert!(error_text(&answer).contains("10 MiB"), "{answer}");
    assert_eq!(f.store.count().unwrap(), 0);
}

#[tokio::test]
async fn a_9_mib_description_under_the_body_limit_is_refused() {
    let f = fixture();
    let mut big = report(ID_A);
    big["description"] = Value::String("x".repeat(9 * 1024 * 1024));
    let (status, answer) = send_json(&f.router, post_report(&big)).await;
    assert_eq!((status, answer["field"].as_str()), (422, Some("description")), "{answer}");
    assert_eq!(f.store.count().unwrap(), 0);
}

#[tokio::test]
async fn validation_failures_are_422_naming_the_field() {
    let f = fixture();
    let mut bad_schema = report(ID_A);
    bad_schema["schema"] = json!("wallet-help.report.v0");
    let (status, answer) = send_json(&f.router, post_report(&bad_schema)).await;
    assert_eq!(status, 422);
    assert_eq!(answer["field"], "schema");
    assert!(error_text(&answer).contains("wallet-help.report.v1"));

    let mut bad_id = report(ID_A);
    bad_id["id"] = json!("12345");
    let (status, answer) = send_json(&f.router, post_json(bad_id.to_string(), None)).await;
    assert_eq!((status, answer["field"].as_str()), (422, Some("id")));

    let mut blank = report(ID_A);
    blank["description"] = json!("   ");
    let (status, answer) = send_json(&f.router, post_report(&blank)).await;
    assert_eq!((status, answer["field"].as_str()), (422, Some("description")));
    assert_eq!(f.store.count().unwrap(), 0);
}

#[tokio::test]
async fn an_idempotency_key_missing_or_other_than_the_id_is_400() {
    let f = fixture();
    let body = report(ID_A).to_string();
    let (status, answer) = send_json(&f.router, post_json(body.clone(), Some(ID_B))).await;
    assert_eq!(status, 400);
    assert!(error_text(&answer).contains("Idempotency-Key"), "{answer}");
    assert_eq!(f.store.count().unwrap(), 0);
    // Without the header: a plain form could send that, so it is refused too.
    let (status, answer) = send_json(&f.router, post_json(body.clone(), None)).await;
    assert_eq!(status, 400);
    assert!(error_text(&answer).contains("is required"), "{answer}");
    let (status, _) = send_json(&f.router, post_json(body, Some(ID_A))).await;
    assert_eq!(status, 201);
}

#[tokio::test]
async fn the_listing_needs_the_admin_token() {
    let f = fixture();
    let (status, answer) = send_json(&f.router, get("/api/reports", None)).await;
    assert_eq!(status, 401);
    assert!(answer["error"].is_string());
    let (status, _) = send_json(&f.router, get("/api/reports", Some("wrong"))).await;
    assert_eq!(status, 401);
    let response = send(&f.router, get("/api/reports", None)).await;
    assert_eq!(response.headers()["www-authenticate"], "Bearer");

    let (status, answer) = send_json(&f.router, get("/api/reports", Some(TOKEN))).await;
    assert_eq!(status, 200);
    assert_eq!(answer, json!({ "reports": [], "next_cursor": null }));
}

#[tokio::test]
async fn the_listing_pages_with_a_cursor() {
    let f = fixture();
    let ids: Vec<String> = (0..5).map(|n| format!("3f2504e0-4f89-41d3-9a0c-{n:012}")).collect();
    for id in &ids {
        send_json(&f.router, post_report(&report(id))).await;
    }
    let mut seen = Vec::new();
    let mut path = "/api/reports?limit=2".to_owned();
    loop {
        let (status, page) = send_json(&f.router, get(&path, Some(TOKEN))).await;
        assert_eq!(status, 200, "{page}");
        assert!(page["reports"].as_array().unwrap().len() <= 2);
        seen.extend(page["reports"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_owned()));
        match page["next_cursor"].as_str() {
            Some(cursor) => path = format!("/api/reports?limit=2&cursor={cursor}"),
            None => break,
        }
    }
    let newest_first: Vec<String> = ids.iter().rev().cloned().collect();
    assert_eq!(seen, newest_first);
    for bad in ["limit=0", "limit=201", "limit=x", "cursor=abc", "cursor=-1"] {
        let (status, answer) = send_json(&f.router, get(&format!("/api/reports?{bad}"), Some(TOKEN))).await;
        assert_eq!(status, 400, "{bad}: {answer}");
    }
}

#[tokio::test]
async fn the_listing_returns_stored_reports_newest_first() {
    let f = fixture();
    let (_, a) = send_json(&f.router, post_report(&report(ID_A))).await;
    let mut second = report(ID_B);
    second["kind"] = json!("suggestion");
    second["category"] = json!("other");
    let (_, b) = send_json(&f.router, post_report(&second)).await;

    let (status, answer) = send_json(&f.router, get("/api/reports", Some(TOKEN))).await;
    assert_eq!(status, 200);
    let reports = answer["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 2);
    let (newest, oldest) = (&reports[0], &reports[1]);
    assert_eq!(newest["reference"], b["reference"]);
    assert_eq!(newest["id"], ID_B);
    assert_eq!(newest["kind"], "suggestion");
    assert_eq!(newest["category"], "other");
    assert_eq!(newest["report"], second);
    assert_eq!(oldest["reference"], a["reference"]);
    assert_eq!(oldest["report"], report(ID_A));
    assert_eq!(oldest["created_at"], "2025-03-04T05:06:07Z");
    let received = oldest["received_at"].as_str().unwrap();
    assert!(received.len() == 24 && received.ends_with('Z'), "{received}");
}
