//! Signed webhooks end to end: a real receiver on this machine that refuses each event the
//! first time and accepts it the second gets every event once, signed, in order; a repeat
//! of a report or message makes no second event.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::routing::post;
use serde_json::{json, Value};
use support::*;
use wallet_help_collector::webhook::{self, Target, EVENT_HEADER, SIGNATURE_HEADER};
use wallet_help_collector::Store;

const SECRET: &str = "webhook-secret-for-tests";
const MSG: &str = "0d5f7e2a-93b1-4c44-8f0e-6a1b2c3d4e5f";

#[derive(Default)]
struct Receiver {
    /// Every request: its event header, signature header and body.
    seen: Vec<(String, String, String)>,
    accepted: Vec<(String, String, String)>,
}

/// Listens on a free port; refuses the first delivery of each event with a 503.
async fn receiver() -> (String, Arc<Mutex<Receiver>>) {
    let log = Arc::new(Mutex::new(Receiver::default()));
    let shared = log.clone();
    let app = axum::Router::new().route(
        "/hook",
        post(move |headers: HeaderMap, body: String| {
            let log = shared.clone();
            async move {
                let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
                let entry = (header(EVENT_HEADER), header(SIGNATURE_HEADER), body);
                let mut log = log.lock().unwrap();
                let first = !log.seen.iter().any(|(id, _, _)| *id == entry.0);
                log.seen.push(entry.clone());
                if first {
                    StatusCode::SERVICE_UNAVAILABLE
                } else {
                    log.accepted.push(entry);
                    StatusCode::NO_CONTENT
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, log)
}

fn json_post(path: &str, token: &str, body: Value, key: &str) -> Request<Body> {
    Request::post(path)
        .header("content-type", "application/json")
        .header("authorization", format!("Bearer {token}"))
        .header("idempotency-key", key)
        .body(Body::from(body.to_string()))
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_receiver_that_fails_first_gets_each_event_once_and_signed() {
    let (url, log) = receiver().await;
    let mut target = Target::new(url, SECRET.to_owned());
    target.first_retry = Duration::from_millis(100);
    target.poll = Duration::from_millis(20);
    let f = fixture_with(Store::scratch().unwrap().queue_events(true), Some(target));
    webhook::spawn(&f.state);

    let (_, answer) = send_json(&f.router, post_report(&report(ID_A))).await;
    let status_token = answer["status_token"].as_str().unwrap().to_owned();
    send_json(&f.router, post_report(&report(ID_A))).await; // a retry: no new event
    let answer_path = format!("/api/reports/{ID_A}/messages");
    let user = json!({ "id": MSG, "text": "It was on TRON" });
    send_json(&f.router, json_post(&answer_path, &status_token, user.clone(), MSG)).await;
    send_json(&f.router, json_post(&answer_path, &status_token, user, MSG)).await; // again: no new event
    let reply = json!({ "text": "Found it, sending it back today" });
    let reply_path = format!("/api/reports/{ID_A}/replies");
    send_json(&f.router, json_post(&reply_path, TOKEN, reply, "b1d7a3f0-55a1-4f0e-9d5c-1e2f3a4b5c6d")).await;

    let wait = async {
        while log.lock().unwrap().accepted.len() < 3 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(10), wait).await.expect("three events delivered");
    // Time for a wrong second delivery to show up.
    tokio::time::sleep(Duration::from_millis(400)).await;

    let log = log.lock().unwrap();
    assert_eq!(log.seen.len(), 6, "each event refused once, then accepted once");
    assert_eq!(log.accepted.len(), 3);
    assert_eq!(f.store.undelivered_events().unwrap(), 0);
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    let mut kinds = Vec::new();
    for (id, signature, body) in &log.accepted {
        assert!(webhook::verify(SECRET, signature, body, now, 300), "signed: {signature}");
        assert!(!webhook::verify("another-secret-entirely", signature, body, now, 300));
        let event: Value = serde_json::from_str(body).unwrap();
        assert_eq!(event["id"].as_str(), Some(id.as_str()), "the header names the event");
        kinds.push(event["type"].as_str().unwrap().to_owned());
        assert_eq!(event["data"]["reference"], answer["reference"], "{event}");
    }
    assert_eq!(kinds, ["report.created", "message.created", "message.created"], "in the order they happened");
    let events: Vec<Value> = log.accepted.iter().map(|(_, _, b)| serde_json::from_str(b).unwrap()).collect();
    assert_eq!(events[0]["data"]["subject"], "Withdrawal stuck");
    assert_eq!(events[0]["data"]["id"], ID_A);
    assert_eq!(events[1]["data"]["message"]["from"], "user");
    assert_eq!(events[1]["data"]["message"]["text"], "It was on TRON");
    assert_eq!(events[2]["data"]["message"]["from"], "support");
    assert_eq!(events[2]["data"]["message"]["agent"], "admin");
}

#[tokio::test]
async fn without_a_webhook_nothing_is_queued() {
    let f = fixture();
    send_json(&f.router, post_report(&report(ID_A))).await;
    assert_eq!(f.store.undelivered_events().unwrap(), 0);
}
