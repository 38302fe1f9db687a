//! Signed webhooks: `report.created` and `message.created` events for operators whose
//! team lives in another tool (a chat, a help desk).
//!
//! An event is written to the `webhook_events` table in the same transaction as the
//! report or message it tells of; one task posts due events in order and retries a failed
//! one with growing pauses. A receiver that is down loses nothing, and one that answered
//! 2xx is not sent that event again (a lost answer can repeat it: the `Wallet-Help-Event`
//! header lets the receiver drop a repeat).
//!
//! The signature follows the scheme Stripe made familiar:
//! `Wallet-Help-Signature: t=UNIX_SECONDS,v1=HEX(HMAC-SHA256(secret, "t.body"))`.
//! The timestamp inside the signed text lets receivers refuse old replays.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::Sha256;

use crate::db::{params, Result, Tx};
use crate::store::Store;
use crate::{random, AppState};

pub const SIGNATURE_HEADER: &str = "Wallet-Help-Signature";
pub const EVENT_HEADER: &str = "Wallet-Help-Event";

/// Where events go and how they are signed and retried.
#[derive(Clone)]
pub struct Target {
    pub url: String,
    secret: String,
    /// The pause after the first failure; each further failure doubles it.
    pub first_retry: Duration,
    /// The longest pause: a receiver down for a day is tried hourly.
    pub max_retry: Duration,
    /// How often the queue is looked at when nothing is due.
    pub poll: Duration,
}

// The secret stays out of logs and panics.
impl std::fmt::Debug for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Target").field("url", &self.url).finish_non_exhaustive()
    }
}

impl Target {
    pub fn new(url: String, secret: String) -> Self {
        Target {
            url,
            secret,
            first_retry: Duration::from_secs(10),
            max_retry: Duration::from_secs(3600),
            poll: Duration::from_secs(1),
        }
    }

    /// The pause before attempt `attempts + 1`, after `attempts` failures.
    pub fn backoff(&self, attempts: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempts.saturating_sub(1).min(20));
        self.first_retry.saturating_mul(factor).min(self.max_retry)
    }
}

fn mac(secret: &str, timestamp: i64, body: &str) -> Hmac<Sha256> {
    // HMAC takes a key of any length; `new_from_slice` cannot fail for it.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC accepts any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    mac
}

/// The signature header's value for `body` sent at `timestamp` (Unix seconds).
pub fn sign(secret: &str, timestamp: i64, body: &str) -> String {
    let tag = mac(secret, timestamp, body).finalize().into_bytes();
    let hex: String = tag.iter().map(|b| format!("{b:02x}")).collect();
    format!("t={timestamp},v1={hex}")
}

/// What a receiver does: `true` if `header` signs `body` with `secret` and its time is
/// within `tolerance` seconds of `now`. The comparison takes constant time.
pub fn verify(secret: &str, header: &str, body: &str, now: i64, tolerance: i64) -> bool {
    let mut timestamp = None;
    let mut tags = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", t)) => timestamp = t.parse::<i64>().ok(),
            Some(("v1", v)) => tags.push(v),
            _ => {}
        }
    }
    let Some(t) = timestamp.filter(|t| (now - t).abs() <= tolerance) else { return false };
    tags.into_iter().any(|hex| {
        let Some(bytes) = decode_hex(hex) else { return false };
        mac(secret, t, body).verify_slice(&bytes).is_ok()
    })
}

fn decode_hex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()).collect()
}

fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// Queues one event inside the caller's transaction.
pub(crate) fn enqueue(tx: &mut dyn Tx, kind: &str, data: Value) -> Result<()> {
    let id = format!("evt_{}", &random::token()[..32]);
    let created_at = crate::thread::now(tx)?;
    let body = json!({ "id": id, "type": kind, "created_at": created_at, "data": data }).to_string();
    tx.exec(
        "INSERT INTO webhook_events (id, type, body, next_at) VALUES (?1, ?2, ?3, ?4)",
        params![&id, kind, body, now_ms()],
    )?;
    Ok(())
}

/// Events taken and posted at a time, and the longest one post may take.
const BATCH: usize = 20;
const POST_TIMEOUT: Duration = Duration::from_secs(15);

/// How long a collector instance holds the events it took before another may take them:
/// longer than a batch of posts can last, so two instances on one database never post
/// one event at once; an instance that stops mid-batch leaves its events to the others
/// after it.
const CLAIM: Duration = Duration::from_secs(BATCH as u64 * POST_TIMEOUT.as_secs() + 60);

/// One queued event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    pub seq: i64,
    pub id: String,
    pub body: String,
    pub attempts: u32,
}

impl Store {
    /// Takes the undelivered events whose time has come, oldest first, for this instance to
    /// post: they are not due again for anyone until [`CLAIM`] has passed, or until
    /// `event_failed` says when.
    pub fn due_events(&self, limit: usize) -> Result<Vec<Queued>> {
        let now = now_ms();
        let claimed_until = now.saturating_add(CLAIM.as_millis() as i64);
        let mut due = self.write(|tx| {
            let skip = tx.dialect().skip_locked();
            let rows = tx.rows(
                &format!(
                    "UPDATE webhook_events SET next_at = ?1
                      WHERE seq IN (SELECT seq FROM webhook_events
                                     WHERE delivered_at IS NULL AND next_at <= ?2 ORDER BY seq LIMIT ?3{skip})
                  RETURNING seq, id, body, attempts"
                ),
                params![claimed_until, now, limit as i64],
            )?;
            rows.iter()
                .map(|r| {
                    let attempts = u32::try_from(r.int(3)?).unwrap_or(u32::MAX);
                    Ok(Queued { seq: r.int(0)?, id: r.text(1)?, body: r.text(2)?, attempts })
                })
                .collect::<Result<Vec<_>>>()
        })?;
        due.sort_by_key(|q| q.seq);
        Ok(due)
    }

    pub fn event_delivered(&self, seq: i64) -> Result<()> {
        self.write(|tx| {
            let now = tx.dialect().now();
            tx.exec(
                &format!(
                    "UPDATE webhook_events SET delivered_at = {now}, attempts = attempts + 1, last_error = NULL
                      WHERE seq = ?1"
                ),
                params![seq],
            )
            .map(drop)
        })
    }

    pub fn event_failed(&self, seq: i64, retry_in: Duration, error: &str) -> Result<()> {
        let next = now_ms().saturating_add(i64::try_from(retry_in.as_millis()).unwrap_or(i64::MAX));
        self.write(|tx| {
            tx.exec(
                "UPDATE webhook_events SET attempts = attempts + 1, next_at = ?2, last_error = ?3 WHERE seq = ?1",
                params![seq, next, error],
            )
            .map(drop)
        })
    }

    /// How many events wait for delivery (for the health check and the inbox).
    pub fn undelivered_events(&self) -> Result<i64> {
        self.read(|tx| tx.int("SELECT count(*) FROM webhook_events WHERE delivered_at IS NULL", &[]))
    }
}

/// Posts one event; `Err` is a line for the log and the queue's `last_error`.
fn post(agent: &ureq::Agent, target: &Target, event: &Queued) -> std::result::Result<(), String> {
    let timestamp = now_ms() / 1000;
    let response = agent
        .post(&target.url)
        .header("Content-Type", "application/json")
        .header("User-Agent", concat!("wallet-help-collector/", env!("CARGO_PKG_VERSION")))
        .header(SIGNATURE_HEADER, &sign(&target.secret, timestamp, &event.body))
        .header(EVENT_HEADER, &event.id)
        .send(event.body.as_str())
        .map_err(|e| e.to_string())?;
    let status = response.status();
    if status.is_success() {
        Ok(())
    } else {
        Err(format!("the receiver answered {status}"))
    }
}

/// Starts the delivery task when a webhook is configured. It runs for the life of the
/// process; an event it is posting when the process stops is posted again at the next
/// start.
pub fn spawn(state: &AppState) {
    let Some(target) = state.config.webhook.clone() else { return };
    let store = state.store.clone();
    tokio::spawn(async move {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(POST_TIMEOUT))
            .http_status_as_error(false)
            .max_redirects(0)
            .build()
            .into();
        loop {
            let (store, agent, target) = (store.clone(), agent.clone(), target.clone());
            // ureq blocks; so does SQLite. One blocking job per batch keeps events in order.
            let sent = tokio::task::spawn_blocking(move || deliver_due(&store, &agent, &target)).await;
            let pause = target_poll(&sent);
            tokio::time::sleep(pause).await;
        }
    });
}

fn target_poll(sent: &std::result::Result<(Duration, usize), tokio::task::JoinError>) -> Duration {
    match sent {
        // A full batch went out: more may be due at once.
        Ok((_, n)) if *n > 0 => Duration::ZERO,
        Ok((poll, _)) => *poll,
        Err(_) => Duration::from_secs(1),
    }
}

/// Posts every due event once; returns the poll pause and how many were delivered.
fn deliver_due(store: &Store, agent: &ureq::Agent, target: &Target) -> (Duration, usize) {
    let due = match store.due_events(BATCH) {
        Ok(due) => due,
        Err(e) => {
            eprintln!("wallet-help-collector: webhook queue: {e}");
            return (target.poll, 0);
        }
    };
    let mut delivered = 0;
    for event in due {
        let outcome = post(agent, target, &event);
        let written = match &outcome {
            Ok(()) => store.event_delivered(event.seq),
            Err(error) => {
                let pause = target.backoff(event.attempts + 1);
                eprintln!(
                    "wallet-help-collector: webhook {} failed ({error}); attempt {} again in {}s",
                    event.id,
                    event.attempts + 2,
                    pause.as_secs()
                );
                store.event_failed(event.seq, pause, error)
            }
        };
        if let Err(e) = written {
            eprintln!("wallet-help-collector: webhook queue: {e}");
        }
        if outcome.is_ok() {
            delivered += 1;
        }
    }
    (target.poll, delivered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_verifies_only_for_its_body_secret_and_time() {
        let header = sign("s3cret-s3cret-s3cret", 1_700_000_000, r#"{"a":1}"#);
        assert!(header.starts_with("t=1700000000,v1="));
        assert_eq!(header.len(), "t=1700000000,v1=".len() + 64);
        assert!(verify("s3cret-s3cret-s3cret", &header, r#"{"a":1}"#, 1_700_000_100, 300));
        assert!(!verify("s3cret-s3cret-s3cret", &header, r#"{"a":2}"#, 1_700_000_100, 300), "another body");
        assert!(!verify("other-secret-value", &header, r#"{"a":1}"#, 1_700_000_100, 300), "another secret");
        assert!(!verify("s3cret-s3cret-s3cret", &header, r#"{"a":1}"#, 1_700_001_000, 300), "too old");
        assert!(!verify("s3cret-s3cret-s3cret", "t=1700000000,v1=zz", r#"{"a":1}"#, 1_700_000_000, 300));
        assert!(!verify("s3cret-s3cret-s3cret", "v1=00", "", 0, 300));
    }

    #[test]
    fn the_pause_doubles_up_to_the_limit() {
        let target = Target::new("https://h.example".into(), "x".repeat(16));
        let pauses: Vec<u64> = (1..=11).map(|n| target.backoff(n).as_secs()).collect();
        assert_eq!(pauses, [10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600]);
        assert_eq!(target.backoff(u32::MAX), target.max_retry);
        assert!(!format!("{target:?}").contains("xxxx"), "the secret is not printed");
    }

    #[test]
    fn the_queue_hands_out_due_events_until_delivered() {
        let store = Store::scratch().unwrap();
        store.write(|tx| enqueue(tx, "report.created", json!({"n": 1}))).unwrap();
        store.write(|tx| enqueue(tx, "message.created", json!({"n": 2}))).unwrap();
        let due = store.due_events(10).unwrap();
        assert_eq!(due.len(), 2);
        assert!(store.due_events(10).unwrap().is_empty(), "taken events are not handed out twice");
        let body: Value = serde_json::from_str(&due[0].body).unwrap();
        assert_eq!(body["type"], "report.created");
        assert_eq!(body["data"]["n"], 1);
        assert_eq!(body["id"].as_str().unwrap(), due[0].id);

        store.event_failed(due[0].seq, Duration::from_secs(60), "down").unwrap();
        store.event_delivered(due[1].seq).unwrap();
        assert!(store.due_events(10).unwrap().is_empty(), "one waits, one is done");
        assert_eq!(store.undelivered_events().unwrap(), 1);
        store.event_failed(due[0].seq, Duration::ZERO, "down").unwrap();
        let again = store.due_events(10).unwrap();
        assert_eq!((again[0].seq, again[0].attempts), (due[0].seq, 2));
    }
}
