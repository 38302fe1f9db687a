//! The status part of the contract through the real router: the status token handed out on
//! delivery, `GET /api/reports/{id}`, the user's answers, and the operator's status and
//! replies.

mod support;

use axum::body::Body;
use axum::http::Request;
use serde_json::{json, Value};
use support::*;

const MSG_1: &str = "0d5f7e2a-93b1-4c44-8f0e-6a1b2c3d4e5f";
const MSG_2: &str = "6e1c9a40-2b7d-4f35-9e88-0c1d2e3f4a5b";

fn post(path: &str, token: &str, body: Value, key: Option<&str>) -> Request<Body> {
    let mut builder = Request::post(path)
        .header("content-type", "application/json")
        .header("authorization", format!("Bearer {token}"));
    if let Some(key) = key {
        builder = builder.header("idempotency-key", key);
    }
    builder.body(Body::from(body.to_string())).unwrap()
}

/// Sends report `id` and returns its status token.
async fn delivered(f: &Fixture, id: &str) -> String {
    let (status, answer) = send_json(&f.router, post_report(&report(id))).await;
    assert_eq!(status, 201, "{answer}");
    answer["status_token"].as_str().unwrap_or_else(|| panic!("no status_token in {answer}")).to_owned()
}

#[tokio::test]
async fn the_first_answer_and_an_identical_retry_carry_the_status_token() {
    let f = fixture();
    let token = delivered(&f, ID_A).await;
    assert_eq!(token.len(), 64);
    let (status, again) = send_json(&f.router, post_report(&report(ID_A))).await;
    assert_eq!(status, 200);
    assert_eq!(again["status_token"], token.as_str());
    // Someone who knows the id but not the report's text learns nothing.
    let mut other = report(ID_A);
    other["description"] = json!("something else");
    let (status, answer) = send_json(&f.router, post_report(&other)).await;
    assert_eq!(status, 409);
    assert!(answer.get("status_token").is_none() && answer.get("reference").is_none(), "{answer}");
}

#[tokio::test]
async fn the_status_needs_the_reports_own_token() {
    let f = fixture();
    let token_a = delivered(&f, ID_A).await;
    let token_b = delivered(&f, ID_B).await;
    let path = format!("/api/reports/{ID_A}");
    let (status, thread) = send_json(&f.router, get(&path, Some(&token_a))).await;
    assert_eq!(status, 200, "{thread}");
    assert_eq!(thread["status"], "received");
    assert!(thread["updated_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(thread["messages"], json!([]));
    // Upper-case ids name the same report.
    let (status, _) =
        send_json(&f.router, get(&path.to_uppercase().replace("/API/REPORTS", "/api/reports"), Some(&token_a))).await;
    assert_eq!(status, 200);
    for wrong in [Some(token_b.as_str()), Some(TOKEN), Some(&token_a[..63]), None] {
        let (status, answer) = send_json(&f.router, get(&path, wrong)).await;
        assert_eq!(status, 401, "{wrong:?}: {answer}");
    }
    let (status, _) =
        send_json(&f.router, get("/api/reports/9b2c1e5a-7d41-4c8e-b0f3-000000000000", Some(&token_a))).await;
    assert_eq!(status, 404);
    let (status, _) = send_json(&f.router, get("/api/reports/not-a-uuid", Some(&token_a))).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn support_and_the_user_talk_in_one_thread() {
    let f = fixture();
    let token = delivered(&f, ID_A).await;
    let base = format!("/api/reports/{ID_A}");
    let (status, answer) =
        send_json(&f.router, post(&format!("{base}/status"), TOKEN, json!({"status": "waiting_for_you"}), None)).await;
    assert_eq!((status, answer["changed"].clone()), (200, json!(true)));
    let (status, _) = send_json(
        &f.router,
        post(&format!("{base}/replies"), TOKEN, json!({"text": "Which network did you use?"}), None),
    )
    .await;
    assert_eq!(status, 201);

    let reply = json!({"id": MSG_1, "text": "TRON (TRC-20)"});
    let (status, stored) =
        send_json(&f.router, post(&format!("{base}/messages"), &token, reply.clone(), Some(MSG_1))).await;
    assert_eq!(status, 201, "{stored}");
    let (status, again) = send_json(&f.router, post(&format!("{base}/messages"), &token, reply, Some(MSG_1))).await;
    assert_eq!((status, again["at"].clone()), (200, stored["at"].clone()), "a retry is stored once");

    let (_, thread) = send_json(&f.router, get(&base, Some(&token))).await;
    assert_eq!(thread["status"], "in_progress", "{thread}");
    let messages: Vec<(&str, &str)> = thread["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["from"].as_str().unwrap(), m["text"].as_str().unwrap()))
        .collect();
    assert_eq!(messages, [("support", "Which network did you use?"), ("you", "TRON (TRC-20)")]);
    assert_eq!(thread["messages"][1]["id"], MSG_1);
    let history: Vec<&str> =
        thread["history"].as_array().unwrap().iter().map(|h| h["status"].as_str().unwrap()).collect();
    assert_eq!(history, ["received", "waiting_for_you", "in_progress"]);
}

#[tokio::test]
async fn bad_answers_are_refused_with_a_reason() {
    let f = fixture();
    let token = delivered(&f, ID_A).await;
    let other = delivered(&f, ID_B).await;
    let path = format!("/api/reports/{ID_A}/messages");
    let cases = [
        (json!({"id": MSG_1, "text": "  "}), Some(MSG_1), 422, "text"),
        (json!({"id": MSG_1}), Some(MSG_1), 422, "text"),
        (json!({"id": "7", "text": "hi"}), None, 422, "id"),
        (json!({"id": MSG_1, "text": "x".repeat(5_001)}), Some(MSG_1), 422, "text"),
        (json!({"id": MSG_1, "text": "hi"}), Some(MSG_2), 400, ""),
    ];
    for (body, key, expected, field) in cases {
        let (status, answer) = send_json(&f.router, post(&path, &token, body.clone(), key)).await;
        assert_eq!(status, expected, "{body}: {answer}");
        assert!(answer["error"].is_string());
        if !field.is_empty() {
            assert_eq!(answer["field"], field);
        }
    }
    let (status, _) = send_json(&f.router, post(&path, &other, json!({"id": MSG_1, "text": "hi"}), Some(MSG_1))).await;
    assert_eq!(status, 401, "another report's token cannot post here");
    let (status, _) = send_json(&f.router, post(&path, &token, json!([1]), None)).await;
    assert_eq!(status, 400);
    let (status, _) =
        send_json(&f.router, post(&format!("/api/reports/{ID_A}/status"), &token, json!({"status": "resolved"}), None))
            .await;
    assert_eq!(status, 401, "a status token cannot change the status");
    let (status, answer) =
        send_json(&f.router, post(&format!("/api/reports/{ID_A}/status"), TOKEN, json!({"status": "done"}), None))
            .await;
    assert_eq!((status, answer["field"].clone()), (422, json!("status")));

    send_json(&f.router, post(&format!("/api/reports/{ID_A}/status"), TOKEN, json!({"status": "closed"}), None)).await;
    let (status, answer) =
        send_json(&f.router, post(&path, &token, json!({"id": MSG_2, "text": "hi"}), Some(MSG_2))).await;
    assert_eq!(status, 409, "{answer}");
}

#[tokio::test]
async fn a_browser_on_the_wallets_site_may_read_the_status() {
    let f = fixture();
    let request = Request::builder()
        .method("OPTIONS")
        .uri(format!("/api/reports/{ID_A}"))
        .header("origin", ALLOWED)
        .header("access-control-request-method", "GET")
        .header("access-control-request-headers", "authorization")
        .body(Body::empty())
        .unwrap();
    let response = send(&f.router, request).await;
    let headers = response.headers();
    assert_eq!(headers["access-control-allow-origin"], ALLOWED);
    assert!(headers["access-control-allow-headers"].to_str().unwrap().contains("authorization"));
}

/// The JSON Schemas operators read (`static/*.schema.json`) describe what this collector
/// sends and takes: each required field is there, and the statuses are the same list.
#[tokio::test]
async fn the_published_schemas_match_what_the_collector_speaks() {
    let schema = |name: &str| -> Value {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../static").join(name);
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
    };
    let f = fixture();
    let token = delivered(&f, ID_A).await;
    let base = format!("/api/reports/{ID_A}");
    send_json(&f.router, post(&format!("{base}/replies"), TOKEN, json!({"text": "Hello"}), None)).await;
    let (_, thread) = send_json(&f.router, get(&base, Some(&token))).await;

    let status = schema("status.schema.json");
    for key in status["required"].as_array().unwrap() {
        assert!(thread.get(key.as_str().unwrap()).is_some(), "{key} missing from {thread}");
    }
    for key in status["properties"]["messages"]["items"]["required"].as_array().unwrap() {
        assert!(thread["messages"][0].get(key.as_str().unwrap()).is_some(), "{key}");
    }
    let statuses: Vec<&str> = wallet_help_collector::thread::Status::ALL.iter().map(|s| s.as_str()).collect();
    let listed: Vec<&str> =
        status["properties"]["status"]["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(statuses, listed);
    assert!(status["properties"]["status"]["enum"].as_array().unwrap().contains(&thread["status"]));

    let answer = schema("answer.schema.json");
    assert_eq!(answer["properties"]["text"]["maxLength"], wallet_help_collector::routes::MAX_MESSAGE_CHARS);
    let delivery = schema("report-answer.schema.json");
    assert!(token.len() >= delivery["properties"]["status_token"]["minLength"].as_u64().unwrap() as usize);
}

#[tokio::test]
async fn the_user_deletes_their_own_report_and_only_that() {
    let f = fixture();
    let token_a = delivered(&f, ID_A).await;
    let token_b = delivered(&f, ID_B).await;
    let delete = |token: Option<&str>| {
        let mut builder = Request::delete(format!("/api/reports/{ID_A}"));
        if let Some(token) = token {
            builder = builder.header("authorization", format!("Bearer {token}"));
        }
        builder.body(Body::empty()).unwrap()
    };
    assert_eq!(send(&f.router, delete(None)).await.status(), 401);
    assert_eq!(send(&f.router, delete(Some(&token_b))).await.status(), 401, "another report's token");
    assert_eq!(send(&f.router, delete(Some(TOKEN))).await.status(), 401, "not even the admin's");
    assert_eq!(f.store.count().unwrap(), 2);
    assert_eq!(send(&f.router, delete(Some(&token_a))).await.status(), 204);
    assert_eq!(send(&f.router, delete(Some(&token_a))).await.status(), 404, "gone");
    let (status, _) = send_json(&f.router, get(&format!("/api/reports/{ID_A}"), Some(&token_a))).await;
    assert_eq!(status, 404);
    let (_, listing) = send_json(&f.router, get("/api/reports", Some(TOKEN))).await;
    let ids: Vec<&str> = listing["reports"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [ID_B]);

    // A widget on the wallet's own site may ask for it across origins.
    let preflight = Request::options(format!("/api/reports/{ID_B}"))
        .header("origin", ALLOWED)
        .header("access-control-request-method", "DELETE")
        .header("access-control-request-headers", "authorization")
        .body(Body::empty())
        .unwrap();
    let response = send(&f.router, preflight).await;
    let methods = response.headers().get("access-control-allow-methods").unwrap().to_str().unwrap().to_owned();
    assert!(methods.contains("DELETE"), "{methods}");
}
