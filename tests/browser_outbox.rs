//! The outbox in headless Chromium (`wasm-pack test --headless --chrome --test browser_outbox`):
//! IndexedDB round trips, a report to an unreachable endpoint waiting for its retry, one to a
//! live endpoint delivered and announced, recovery of an entry left `Sending`, the Web Lock
//! and the localStorage lease without it (two outboxes never both send), the text-only store
//! without IndexedDB (offline, then sent by the next page), resume with a pending flag that
//! cannot be written, and a report given up on. Each test uses its own database, lock, flag
//! and store names, and removes them after. Browser features are taken away by shadowing
//! them on their object for the length of one test (tests run one at a time).
#![cfg(target_arch = "wasm32")]

// `platform` is private to the widget crate, so the adapters under test are compiled into
// this test crate from their sources; inside them `crate::core` is the widget's pure core.
mod core {
    pub use wallet_help::core::*;
}
mod platform {
    pub use super::{host, http, idb, locks};
}
#[allow(dead_code, unused_imports)]
#[path = "../src/platform/host.rs"]
pub mod host;
#[allow(dead_code, unused_imports)]
#[path = "../src/platform/http.rs"]
pub mod http;
#[allow(dead_code, unused_imports)]
#[path = "../src/platform/idb.rs"]
pub mod idb;
#[allow(dead_code, unused_imports)]
#[path = "../src/platform/locks.rs"]
pub mod locks;
#[allow(dead_code, unused_imports)]
#[path = "../src/platform/outbox.rs"]
pub mod outbox;

use outbox::{Names, Outbox, Saved};
use std::cell::RefCell;
use std::rc::Rc;
use wallet_help::core::delivery::backoff_bound_ms;
use wallet_help::core::outbox::{Entry, Status};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Nothing listens on the discard port: the connection is refused at once.
const UNREACHABLE: &str = "http://127.0.0.1:9/api/reports";

fn unique(prefix: &str) -> String {
    format!("{prefix}-{}", (js_sys::Math::random() * 1e12) as u64)
}

fn names() -> Names {
    Names {
        database: unique("wh-test-db"),
        lock: unique("wh-test-lock"),
        pending_flag: unique("wh-test-pending"),
        fallback: unique("wh-test-text"),
    }
}

/// What the page does on "Send report": store, then send what is due.
async fn submit(outbox: &Outbox, entry: Entry) -> Saved {
    let saved = outbox.store(&entry).await.unwrap();
    outbox.pump().await;
    saved
}

#[wasm_bindgen(inline_js = r#"
const saved = new Map();
function replace(obj, name, descriptor) {
  saved.set(name, [obj, Object.getOwnPropertyDescriptor(obj, name)]);
  Object.defineProperty(obj, name, Object.assign({ configurable: true }, descriptor));
}
export function hide(obj, name) {
  replace(obj, name, { get() { throw new DOMException("not here", "SecurityError"); } });
}
export function shadow(obj, name, value) { replace(obj, name, { get() { return value; } }); }
export function refuse_writes() {
  replace(Storage.prototype, "setItem", { writable: true, value() { throw new DOMException("full", "QuotaExceededError"); } });
}
export function restore(name) {
  const [obj, original] = saved.get(name);
  if (original) Object.defineProperty(obj, name, original); else delete obj[name];
  saved.delete(name);
}
"#)]
extern "C" {
    /// Makes reading `obj[name]` throw, as browsers do for storage they deny.
    fn hide(obj: &JsValue, name: &str);
    /// Makes `obj[name]` read as `value`.
    fn shadow(obj: &JsValue, name: &str, value: &JsValue);
    /// Makes `localStorage.setItem` throw, as a full or read-only storage does.
    fn refuse_writes();
    /// Puts `name` back as it was before `hide`, `shadow` or `refuse_writes` ("setItem").
    fn restore(name: &str);
}

fn window() -> JsValue {
    web_sys::window().unwrap().into()
}

fn navigator() -> JsValue {
    web_sys::window().unwrap().navigator().into()
}

fn text_store(key: &str) -> Option<String> {
    flag(key)
}

async fn sleep(ms: i32) {
    let tick = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
}

/// A data: URL answers any method with 200 and this body, like a collector would.
const DELIVERS: &str = r#"data:application/json,{"reference":"WH-42"}"#;

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

fn entry(endpoint: &str) -> Entry {
    let id = unique("report");
    let body = format!(
        r#"{{"schema":"wallet-help.report.v1","id":"{id}","created_at":"2024-05-01T10:00:00Z","kind":"complaint","category":"transaction","subject":"USDT 未到账","description":"My transfer never arrived."}}"#
    );
    Entry::from_payload(endpoint, body, now_ms(), wallet_help::core::outbox::give_up_after_ms(None)).unwrap()
}

fn flag(key: &str) -> Option<String> {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().get_item(key).unwrap()
}

/// Records the `detail` of every `wallet-help:<name>` event until dropped.
struct Events {
    name: String,
    seen: Rc<RefCell<Vec<JsValue>>>,
    handler: Closure<dyn FnMut(web_sys::CustomEvent)>,
}

impl Events {
    fn new(name: &str) -> Events {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let record = seen.clone();
        let handler = Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            record.borrow_mut().push(e.detail());
        });
        let name = format!("wallet-help:{name}");
        web_sys::window().unwrap().add_event_listener_with_callback(&name, handler.as_ref().unchecked_ref()).unwrap();
        Events { name, seen, handler }
    }

    fn field(&self, i: usize, key: &str) -> JsValue {
        js_sys::Reflect::get(&self.seen.borrow()[i], &key.into()).unwrap()
    }
}

impl Drop for Events {
    fn drop(&mut self) {
        let _ = web_sys::window()
            .unwrap()
            .remove_event_listener_with_callback(&self.name, self.handler.as_ref().unchecked_ref());
    }
}

#[wasm_bindgen_test]
async fn indexeddb_stores_replaces_lists_and_deletes_entries() {
    let name = unique("wh-test-db");
    assert_eq!(idb::exists(&name).await, Some(false));
    let db = idb::Db::open(&name).await.unwrap();
    assert_eq!(idb::exists(&name).await, Some(true), "opening creates the database");
    assert!(db.get_all().await.unwrap().is_empty());
    let (mut a, b) = (entry(UNREACHABLE), entry(UNREACHABLE));
    db.put(&a).await.unwrap();
    db.put(&b).await.unwrap();
    let mut all = db.get_all().await.unwrap();
    all.sort_by(|x, y| x.id.cmp(&y.id));
    let mut expected = vec![a.clone(), b.clone()];
    expected.sort_by(|x, y| x.id.cmp(&y.id));
    assert_eq!(all, expected, "records come back field for field, body byte for byte");
    a.begin_send(now_ms());
    db.put(&a).await.unwrap();
    let all = db.get_all().await.unwrap();
    assert_eq!(all.len(), 2, "a put with the same id replaces");
    assert_eq!(all.iter().find(|e| e.id == a.id).unwrap().status, Status::Sending);
    db.delete(&b.id).await.unwrap();
    db.delete("no-such-id").await.unwrap();
    assert_eq!(db.get_all().await.unwrap(), vec![a]);
    drop(db);
    idb::delete_database(&name).await.unwrap();
    assert_eq!(idb::exists(&name).await, Some(false));
}

#[wasm_bindgen_test]
async fn nothing_is_created_before_the_user_submits() {
    let n = names();
    let outbox = Outbox::new(n.clone());
    outbox.resume();
    assert!(outbox.entries().await.unwrap().is_empty());
    assert_eq!(idb::exists(&n.database).await, Some(false), "resume and a look at the list open nothing");
    assert_eq!(flag(&n.pending_flag), None);
}

#[wasm_bindgen_test]
async fn an_unreachable_endpoint_leaves_the_report_queued_for_a_retry() {
    let n = names();
    let outbox = Outbox::new(n.clone());
    let lists = Rc::new(RefCell::new(Vec::<Vec<Entry>>::new()));
    let record = lists.clone();
    let _subscription = outbox.subscribe(Rc::new(move |list: Vec<Entry>| record.borrow_mut().push(list)));
    let sent = entry(UNREACHABLE);
    let before = now_ms();
    assert_eq!(submit(&outbox, sent.clone()).await, Saved::Device);
    let after = now_ms();
    outbox.stop();
    let stored = outbox.entries().await.unwrap();
    assert_eq!(stored.len(), 1);
    let e = &stored[0];
    assert_eq!((e.status.clone(), e.attempts), (Status::Queued, 1));
    assert!(
        e.next_attempt_ms >= before && e.next_attempt_ms <= after + backoff_bound_ms(0),
        "next attempt {} within the first backoff bound after {before}..{after}",
        e.next_attempt_ms
    );
    assert_eq!(e.last_error.as_deref(), Some("network error"));
    assert_eq!(e.body, sent.body, "the retry will carry the same bytes");
    assert_eq!(flag(&n.pending_flag).as_deref(), Some("1"));
    let seen: Vec<Status> = lists.borrow().iter().filter_map(|l| l.first().map(|e| e.status.clone())).collect();
    assert!(seen.contains(&Status::Sending), "listeners saw the attempt: {seen:?}");
    assert_eq!(seen.last(), Some(&Status::Queued));
    outbox.clear().await.unwrap();
    assert_eq!(flag(&n.pending_flag), None);
    assert_eq!(idb::exists(&n.database).await, Some(false), "clear removes everything");
}

#[wasm_bindgen_test]
async fn a_live_endpoint_delivers_once_announces_and_clears_the_flag() {
    let n = names();
    let outbox = Outbox::new(n.clone());
    let delivered = Events::new("delivered");
    let sent = entry(DELIVERS);
    submit(&outbox, sent.clone()).await;
    let stored = outbox.entries().await.unwrap();
    assert_eq!(stored[0].status, Status::Delivered { reference: Some("WH-42".into()) });
    assert_eq!((stored[0].attempts, stored[0].last_error.clone()), (1, None));
    assert_eq!(delivered.seen.borrow().len(), 1);
    assert_eq!(delivered.field(0, "id").as_string(), Some(sent.id));
    assert_eq!(delivered.field(0, "reference").as_string().as_deref(), Some("WH-42"));
    assert_eq!(flag(&n.pending_flag), None, "nothing pending, no flag");
    outbox.pump().await;
    assert_eq!(outbox.entries().await.unwrap()[0].attempts, 1, "a delivered report is never sent again");
    assert_eq!(delivered.seen.borrow().len(), 1);
    outbox.clear().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_refusal_is_final_keeps_the_text_and_reaches_the_page() {
    let n = names();
    let outbox = Outbox::new(n.clone());
    let errors = Events::new("error");
    // The test runner's own server has no such route and refuses the POST with a 4xx.
    let endpoint = format!("{}/no-such-collector/reports", web_sys::window().unwrap().location().origin().unwrap());
    let sent = entry(&endpoint);
    submit(&outbox, sent.clone()).await;
    outbox.stop();
    let e = &outbox.entries().await.unwrap()[0];
    let Status::Rejected { message } = &e.status else { panic!("not rejected: {e:?}") };
    assert!(message.starts_with("HTTP 4"), "{message}");
    assert_eq!((e.attempts, &e.body), (1, &sent.body), "kept as typed, not retried");
    assert_eq!(errors.seen.borrow().len(), 1);
    assert_eq!(errors.field(0, "id").as_string(), Some(sent.id));
    assert_eq!(errors.field(0, "message").as_string().as_deref(), Some(message.as_str()));
    assert_eq!(flag(&n.pending_flag), None);
    outbox.clear().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_request_that_outlives_its_deadline_ends_as_a_retry() {
    let endpoint = format!("{}/slow-collector/reports", web_sys::window().unwrap().location().origin().unwrap());
    // A 0 ms deadline fires before any server, even this local one, can answer.
    let reply = http::post_report(&endpoint, "id-1", "{}", None, 0).await;
    assert_eq!(reply.outcome, wallet_help::core::delivery::network_failure());
    assert_eq!(reply.detail.as_deref(), Some("timed out"));
}

#[wasm_bindgen_test]
async fn an_entry_left_sending_by_a_closed_tab_is_recovered_and_sent_again() {
    let n = names();
    let mut left = entry(UNREACHABLE);
    left.begin_send(now_ms());
    let db = idb::Db::open(&n.database).await.unwrap();
    db.put(&left).await.unwrap();
    drop(db);
    let outbox = Outbox::new(n.clone());
    outbox.pump().await;
    outbox.stop();
    let e = &outbox.entries().await.unwrap()[0];
    assert_eq!(e.status, Status::Queued, "not stuck in Sending");
    assert_eq!(e.attempts, 2, "recovered, then re-sent once under the same id");
    assert_eq!(e.id, left.id);
    assert_eq!(flag(&n.pending_flag).as_deref(), Some("1"));
    outbox.clear().await.unwrap();
}

/// The lock (or lease) `name` runs a task, turns a second holder away while it runs, and is
/// free again afterwards.
async fn holds_and_releases(name: &str) {
    assert_eq!(locks::if_available(name, "a", || async { 7 }).await, Ok(Some(7)));
    let inner_name = name.to_string();
    let nested = locks::if_available(name, "a", move || async move {
        // Still held after an await point: the lock lasts as long as the task's future.
        sleep(20).await;
        locks::if_available(&inner_name, "b", || async { "second" }).await
    })
    .await;
    assert_eq!(nested, Ok(Some(Ok(None))), "a second holder is turned away, not queued");
    assert_eq!(locks::if_available(name, "b", || async { 8 }).await, Ok(Some(8)), "released afterwards");
}

#[wasm_bindgen_test]
async fn the_lock_runs_the_task_and_keeps_others_out_until_it_ends() {
    holds_and_releases(&unique("wh-test-lock")).await;
}

#[wasm_bindgen_test]
async fn without_web_locks_a_lease_in_local_storage_does_the_same() {
    shadow(&navigator(), "locks", &JsValue::UNDEFINED);
    let name = unique("wh-test-lock");
    holds_and_releases(&name).await;
    assert_eq!(flag(&format!("{name}:lease")), None, "released means removed");
    // A lease left by a tab that died is free once it expires, not before.
    let key = format!("{name}:lease");
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item(&key, &wallet_help::core::lease::value("gone", now_ms() + 5_000)).unwrap();
    assert_eq!(locks::if_available(&name, "a", || async { 1 }).await, Ok(None));
    storage.set_item(&key, &wallet_help::core::lease::value("gone", now_ms() - 1)).unwrap();
    assert_eq!(locks::if_available(&name, "a", || async { 2 }).await, Ok(Some(2)));
    restore("locks");
}

#[wasm_bindgen_test]
async fn without_web_locks_two_outboxes_never_both_send_a_report() {
    shadow(&navigator(), "locks", &JsValue::UNDEFINED);
    let n = names();
    let delivered = Events::new("delivered");
    let (a, b) = (Outbox::new(n.clone()), Outbox::new(n.clone()));
    let sent = entry(DELIVERS);
    a.store(&sent).await.unwrap();
    // Both wake at once, as two tabs do on the `online` event.
    let run = |o: &Outbox| {
        let o = o.clone();
        wasm_bindgen_futures::future_to_promise(async move {
            o.pump().await;
            Ok(JsValue::UNDEFINED)
        })
    };
    let both = js_sys::Promise::all(&js_sys::Array::of2(&run(&a), &run(&b)));
    wasm_bindgen_futures::JsFuture::from(both).await.unwrap();
    a.stop();
    b.stop();
    assert_eq!(delivered.seen.borrow().len(), 1, "sent by one of them only");
    assert_eq!(a.entries().await.unwrap()[0].status, Status::Delivered { reference: Some("WH-42".into()) });
    assert_eq!(flag(&format!("{}:lease", n.lock)), None);
    restore("locks");
    a.clear().await.unwrap();
}

#[wasm_bindgen_test]
async fn without_indexeddb_a_report_is_kept_as_text_and_sent_by_the_next_page() {
    hide(&window(), "indexedDB");
    shadow(&navigator(), "onLine", &JsValue::FALSE);
    let n = names();
    let outbox = Outbox::new(n.clone());
    let id = unique("report");
    let body = format!(
        r#"{{"schema":"wallet-help.report.v1","id":"{id}","created_at":"2024-05-01T10:00:00Z","kind":"complaint","category":"transaction","subject":"s","description":"My transfer never arrived.","attachments":[{{"name":"a.png","type":"image/png","data":"iVBORw0KGgo="}}]}}"#
    );
    let sent = Entry::from_payload(DELIVERS, body, now_ms(), 86_400_000).unwrap();
    // Offline: stored, not sent.
    assert_eq!(submit(&outbox, sent.clone()).await, Saved::TextOnly(1));
    outbox.stop();
    let listed = outbox.entries().await.unwrap();
    assert_eq!((listed.len(), listed[0].id.as_str(), &listed[0].status), (1, id.as_str(), &Status::Queued));
    assert_eq!((listed[0].attempts, listed[0].screenshots_dropped), (0, 1));
    let kept = text_store(&n.fallback).unwrap_or_default();
    assert!(kept.contains("My transfer never arrived.") && !kept.contains("iVBORw0KGgo"), "{kept}");
    assert_eq!(flag(&n.pending_flag).as_deref(), Some("1"), "the loader will come back for it");
    restore("onLine");
    // The next page, online, still without IndexedDB.
    let delivered = Events::new("delivered");
    let next = Outbox::new(n.clone());
    next.pump().await;
    next.stop();
    assert_eq!(delivered.seen.borrow().len(), 1);
    assert_eq!(delivered.field(0, "id").as_string(), Some(id));
    let e = &next.entries().await.unwrap()[0];
    assert_eq!((&e.status, e.attempts), (&Status::Delivered { reference: Some("WH-42".into()) }, 1));
    assert_eq!(flag(&n.pending_flag), None);
    next.pump().await;
    assert_eq!(delivered.seen.borrow().len(), 1, "exactly once");
    next.clear().await.unwrap();
    assert_eq!(text_store(&n.fallback), None, "clear removes the text-only store");
    restore("indexedDB");
}

#[wasm_bindgen_test]
async fn with_no_storage_at_all_nothing_claims_to_be_saved() {
    hide(&window(), "indexedDB");
    refuse_writes();
    let outbox = Outbox::new(names());
    let result = outbox.store(&entry(DELIVERS)).await;
    restore("setItem");
    restore("indexedDB");
    assert!(result.is_err(), "{result:?}");
    assert!(outbox.entries().await.unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn resume_looks_in_the_outbox_when_the_pending_flag_cannot_be_written() {
    let n = names();
    let left = entry(DELIVERS);
    let db = idb::Db::open(&n.database).await.unwrap();
    db.put(&left).await.unwrap();
    drop(db);
    // The visit that stored it could not write the flag either.
    assert_eq!(flag(&n.pending_flag), None);
    refuse_writes();
    let delivered = Events::new("delivered");
    let outbox = Outbox::new(n.clone());
    outbox.resume();
    for _ in 0..100 {
        if !delivered.seen.borrow().is_empty() {
            break;
        }
        sleep(30).await;
    }
    restore("setItem");
    outbox.stop();
    assert_eq!(delivered.seen.borrow().len(), 1, "the report was found and sent");
    assert_eq!(outbox.entries().await.unwrap()[0].status, Status::Delivered { reference: Some("WH-42".into()) });
    outbox.clear().await.unwrap();
    // With a flag that can be written and says nothing is pending, nothing is opened.
    let quiet = names();
    Outbox::new(quiet.clone()).resume();
    sleep(50).await;
    assert_eq!(idb::exists(&quiet.database).await, Some(false));
}

#[wasm_bindgen_test]
async fn a_report_past_its_give_up_time_is_not_delivered_and_the_page_hears_it_once() {
    let n = names();
    let mut old = entry(UNREACHABLE);
    old.give_up_ms = now_ms() - 1;
    old.last_error = Some("HTTP 503".into());
    let db = idb::Db::open(&n.database).await.unwrap();
    db.put(&old).await.unwrap();
    drop(db);
    let errors = Events::new("error");
    let outbox = Outbox::new(n.clone());
    outbox.pump().await;
    outbox.pump().await;
    outbox.stop();
    let e = &outbox.entries().await.unwrap()[0];
    assert_eq!((&e.status, e.attempts), (&Status::NotDelivered, 0), "not sent again");
    assert_eq!(e.body, old.body, "the text is kept to copy");
    assert_eq!(errors.seen.borrow().len(), 1, "announced once");
    assert_eq!(errors.field(0, "id").as_string(), Some(old.id.clone()));
    let message = errors.field(0, "message").as_string().unwrap_or_default();
    assert!(message.contains("not delivered") && message.contains("HTTP 503"), "{message}");
    assert_eq!(flag(&n.pending_flag), None, "nothing left to send");
    outbox.clear().await.unwrap();
}
