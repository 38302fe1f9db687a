//! The limits on the open internet, over a real socket: a client that drips its headers
//! is cut off, a body that never finishes is 408, one address past its rate gets 429 with
//! `Retry-After`, and posts past the in-flight limit are turned away while others wait.

mod support;

use std::time::{Duration, Instant};

use support::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use wallet_help_collector::serve::{self, Limits};
use wallet_help_collector::Store;

/// Serves a fixture with `limits` on a free port; the port.
async fn start(limits: Limits) -> u16 {
    let f = fixture_full(Store::scratch().unwrap(), None, Some(limits.clone()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        let _site = f.site; // kept for the server's life
        serve::serve(listener, f.router, &limits, std::future::pending()).await.unwrap();
    });
    port
}

fn post_head(id: &str, length: usize) -> String {
    format!(
        "POST /api/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
         Idempotency-Key: {id}\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"
    )
}

/// Sends a whole report; the status and the raw answer.
async fn post(port: u16, id: &str) -> (u16, String) {
    let body = report(id).to_string();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    stream.write_all(format!("{}{body}", post_head(id, body.len())).as_bytes()).await.unwrap();
    read_answer(&mut stream).await
}

async fn read_answer(stream: &mut TcpStream) -> (u16, String) {
    let mut answer = String::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_string(&mut answer)).await.unwrap().unwrap();
    let status = answer.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, answer)
}

fn id(n: u32) -> String {
    format!("3f2504e0-4f89-41d3-9a0c-{n:012}")
}

#[tokio::test]
async fn a_client_that_drips_its_headers_is_cut_off() {
    let port = start(Limits { header_timeout: Duration::from_millis(300), ..Limits::default() }).await;
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    let started = Instant::now();
    stream.write_all(b"POST /api/reports HTTP/1.1\r\nHost: 127.0.0.1\r\n").await.unwrap();
    let mut rest = Vec::new();
    // The server answers 408 or just closes; either way the connection ends.
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut rest)).await;
    assert!(read.is_ok(), "still open after 5 s");
    assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
}

#[tokio::test]
async fn a_body_that_never_finishes_is_408() {
    let port = start(Limits { body_timeout: Duration::from_millis(300), ..Limits::default() }).await;
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    stream.write_all(format!("{}{{\"schema\":", post_head(&id(1), 5000)).as_bytes()).await.unwrap();
    let (status, answer) = read_answer(&mut stream).await;
    assert_eq!(status, 408, "{answer}");
}

#[tokio::test]
async fn one_address_past_its_rate_gets_429_with_retry_after() {
    let port = start(Limits { per_minute: 6, burst: 3, ..Limits::default() }).await;
    for n in 0..3 {
        assert_eq!(post(port, &id(n)).await.0, 201);
    }
    let (status, answer) = post(port, &id(3)).await;
    assert_eq!(status, 429, "{answer}");
    let retry = answer.lines().find_map(|l| l.to_ascii_lowercase().strip_prefix("retry-after: ").map(str::to_owned));
    let seconds: u64 = retry.expect("a Retry-After header").trim().parse().unwrap();
    assert!((1..=10).contains(&seconds), "{seconds}");
    assert!(answer.contains("too many reports from this address"), "{answer}");
    // The listing is not counted against the posts.
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    let list =
        format!("GET /api/reports HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\nConnection: close\r\n\r\n");
    stream.write_all(list.as_bytes()).await.unwrap();
    let (status, listing) = read_answer(&mut stream).await;
    assert_eq!(status, 200);
    assert_eq!(listing.matches("\"reference\"").count(), 3, "the refused one was not stored");
}

#[tokio::test]
async fn a_very_high_rate_limit_still_serves() {
    let port = start(Limits { per_minute: 10_000_000, burst: 10_000_000, ..Limits::default() }).await;
    assert_eq!(post(port, &id(1)).await.0, 201);
}

#[tokio::test]
async fn posts_past_the_in_flight_limit_are_turned_away() {
    let body = report(&id(1)).to_string();
    // Room for one report of this size at a time, not two.
    let room = body.len() + body.len() / 2;
    let port = start(Limits { in_flight_bytes: room, burst: 100, per_minute: 6000, ..Limits::default() }).await;
    let (first_half, second_half) = body.split_at(body.len() / 2);
    let mut slow = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    slow.write_all(format!("{}{first_half}", post_head(&id(1), body.len())).as_bytes()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;

    let (status, answer) = post(port, &id(2)).await;
    assert_eq!(status, 429, "{answer}");
    assert!(answer.to_ascii_lowercase().contains("retry-after: 5"), "{answer}");

    slow.write_all(second_half.as_bytes()).await.unwrap();
    assert_eq!(read_answer(&mut slow).await.0, 201, "the slow one still lands");
    assert_eq!(post(port, &id(2)).await.0, 201, "and the slot is free again");
}
