//! Several collector instances on one PostgreSQL, as an operator runs them behind a load
//! balancer: two processes racing on one report id store it once and answer with the same
//! reference, and an inbox session made by one instance is good on the other; and the
//! connection over TLS with the server's certificate checked.
//!
//! They need the test server that `scripts/with-postgres.sh` starts (`make test` does);
//! without `WALLET_HELP_TEST_POSTGRES` they fail and say so.

mod support;

use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Barrier};

use axum::body::Body;
use axum::http::Request;
use serde_json::Value;
use support::*;
use wallet_help_collector::store::{scratch_postgres_url, Location};
use wallet_help_collector::Store;

const BIN: &str = env!("CARGO_BIN_EXE_wallet-help-collector");
const ADMIN: &str = "postgres-test-admin-token-0123456789abcdef";

/// A collector process on `db`, and its port.
struct Instance {
    child: Child,
    port: u16,
    _site: tempfile::TempDir,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(db: &str) -> Instance {
    let site = tempfile::tempdir().unwrap();
    std::fs::write(site.path().join("index.html"), "site").unwrap();
    let mut child = Command::new(BIN)
        .args(["--addr", "127.0.0.1:0", "--db", db, "--admin-token", ADMIN, "--rate-limit", "100000"])
        .arg("--site")
        .arg(site.path())
        .env_remove("WALLET_HELP_ALLOW_ORIGINS")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let (port, _) = wait_until_listening(&mut child);
    Instance { child, port, _site: site }
}

fn post(port: u16, report: &Value) -> (u16, Value) {
    let id = report["id"].as_str().unwrap();
    let head = format!("POST /api/reports HTTP/1.1\r\nContent-Type: application/json\r\nIdempotency-Key: {id}");
    let (status, body) = http(port, &head, &report.to_string());
    (status, serde_json::from_str(&body).unwrap_or_else(|e| panic!("{status} {body}: {e}")))
}

#[test]
fn two_processes_racing_on_one_id_store_one_report_with_one_reference() {
    let db = scratch_postgres_url().unwrap();
    let (a, b) = (start(&db), start(&db));
    let ids: Vec<String> = (0..20).map(|n| format!("3f2504e0-4f89-41d3-9a0c-{n:012}")).collect();
    for id in &ids {
        let report = report(id);
        // Both posts leave at the same moment, one to each instance.
        let gate = Arc::new(Barrier::new(2));
        let answers: Vec<(u16, Value)> = [a.port, b.port]
            .map(|port| {
                let (gate, report) = (gate.clone(), report.clone());
                std::thread::spawn(move || {
                    gate.wait();
                    post(port, &report)
                })
            })
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect();
        let mut statuses: Vec<u16> = answers.iter().map(|(s, _)| *s).collect();
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 201], "one stores it, the other finds it: {answers:?}");
        assert_eq!(answers[0].1["reference"], answers[1].1["reference"], "the same reference from both");
        assert_eq!(answers[0].1["status_token"], answers[1].1["status_token"], "and the same status token");
    }
    let store = Store::open_at(&Location::Postgres(db)).unwrap();
    assert_eq!(store.count().unwrap(), ids.len() as i64, "one row per id");
    let thread = store.thread(&ids[0]).unwrap().unwrap();
    assert_eq!(thread.events.len(), 1, "received once, in the audit too");
}

#[test]
fn the_admin_token_is_required_with_postgres() {
    let db = scratch_postgres_url().unwrap();
    let out = Command::new(BIN).args(["--addr", "127.0.0.1:0", "--db", &db]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "a flag error, found before connecting");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("same --admin-token"), "{err}");
    let wrong = Command::new(BIN)
        .args(["--addr", "127.0.0.1:0", "--admin-token", ADMIN, "--db", "postgres://nobody@127.0.0.1:1/none"])
        .output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(1));
    let err = String::from_utf8_lossy(&wrong.stderr);
    assert!(err.contains("cannot connect to PostgreSQL at 127.0.0.1:1/none"), "{err}");
}

fn form(path: &str, cookie: Option<&str>, fields: &[(&str, &str)]) -> Request<Body> {
    let body: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let mut builder = Request::post(path)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("host", "127.0.0.1:8080")
        .header("origin", "http://127.0.0.1:8080");
    if let Some(c) = cookie {
        builder = builder.header("cookie", format!("wh_inbox={c}"));
    }
    builder.body(Body::from(body.join("&"))).unwrap()
}

#[tokio::test]
async fn a_session_made_by_one_instance_is_good_on_another() {
    let db = scratch_postgres_url().unwrap();
    let open = || Store::open_at(&Location::Postgres(db.clone())).unwrap();
    let (one, other) = (fixture_with(open(), None), fixture_with(open(), None));
    let (status, _) = send_json(&one.router, post_report(&report(ID_A))).await;
    assert_eq!(status, 201);

    let response = send(&one.router, form("/inbox/login", None, &[("token", TOKEN)])).await;
    assert_eq!(response.status(), 303);
    let cookie = response.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap();
    let cookie = cookie.strip_prefix("wh_inbox=").unwrap().to_owned();

    // The other instance knows the session, and its form token.
    let page = Request::get(format!("/inbox/reports/{ID_A}"))
        .header("host", "127.0.0.1:8080")
        .header("cookie", format!("wh_inbox={cookie}"))
        .body(Body::empty())
        .unwrap();
    let response = send(&other.router, page).await;
    assert_eq!(response.status(), 200);
    let html = String::from_utf8(body_bytes(response).await).unwrap();
    let at = html.find("name=\"csrf\" value=\"").unwrap() + "name=\"csrf\" value=\"".len();
    let csrf = &html[at..at + 64];
    let path = format!("/inbox/reports/{ID_A}/status");
    let response = send(&other.router, form(&path, Some(&cookie), &[("csrf", csrf), ("status", "in_progress")])).await;
    assert_eq!(response.status(), 303, "a change made through the other instance");
    assert_eq!(one.store.thread(ID_A).unwrap().unwrap().events.last().unwrap().detail, "received → in_progress");

    // Signing out on one ends the session on both.
    let response = send(&other.router, form("/inbox/logout", Some(&cookie), &[("csrf", csrf)])).await;
    assert_eq!(response.status(), 303);
    let again = Request::get("/inbox").header("cookie", format!("wh_inbox={cookie}")).body(Body::empty()).unwrap();
    assert_eq!(send(&one.router, again).await.status(), 303, "back to the sign-in page");
}

/// Whether the store's own connection is encrypted, as the server sees it.
fn encrypted(store: &Store) -> bool {
    store.read(|tx| tx.int("SELECT ssl::int FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[])).unwrap() == 1
}

#[test]
fn tls_is_used_when_asked_for_and_the_certificate_is_checked() {
    let db = scratch_postgres_url().unwrap();
    let ca = std::env::var("WALLET_HELP_TEST_POSTGRES_CA").expect("scripts/with-postgres.sh names its CA");
    let open = |extra: &str| Store::open_at(&Location::Postgres(format!("{db}&{extra}")));

    assert!(!encrypted(&open("sslmode=disable").unwrap()), "plain when not asked for");
    let verified = open(&format!("sslmode=verify-full&sslrootcert={ca}")).unwrap();
    assert!(encrypted(&verified), "encrypted, with the server's certificate from this CA");
    assert_eq!(verified.count().unwrap(), 0);

    // Without the CA the certificate cannot be trusted: no connection, and the reason.
    let refused = open("sslmode=require").err().expect("an unknown issuer is refused");
    assert!(
        refused.contains("cannot connect to PostgreSQL") && refused.to_lowercase().contains("certificate"),
        "{refused}"
    );
    let missing = open("sslmode=require&sslrootcert=/nonexistent/ca.pem").err().unwrap();
    assert!(missing.contains("cannot read the CA file"), "{missing}");
}

#[test]
fn the_schema_is_made_once_and_a_newer_one_is_left_alone() {
    let db = scratch_postgres_url().unwrap();
    let open = || Store::open_at(&Location::Postgres(db.clone())).unwrap();
    let version = |store: &Store| store.read(|tx| tx.int("SELECT version FROM wallet_help_schema", &[])).unwrap();
    let first = open();
    assert_eq!(version(&first), wallet_help_collector::schema::SCHEMA_VERSION);
    first.insert_or_get(&sample(), "{}").unwrap();
    // Opening again (another instance, or a restart) changes nothing and keeps the report.
    let again = open();
    assert_eq!((version(&again), again.count().unwrap()), (wallet_help_collector::schema::SCHEMA_VERSION, 1));
    // A database a newer collector migrated further is not touched by this one.
    again.write(|tx| tx.exec("UPDATE wallet_help_schema SET version = 99", &[])).unwrap();
    assert_eq!(version(&open()), 99);
}

fn sample() -> wallet_help_collector::validate::ValidReport {
    wallet_help_collector::validate::validate(report(ID_A).as_object().unwrap()).unwrap()
}
