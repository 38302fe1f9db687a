//! The outbox runner: stores each submitted report in IndexedDB before anything is sent,
//! then sends due entries one at a time under the cross-tab lock, storing every transition
//! (Sending before the request, the result after), and wakes itself for the next retry and
//! on the `online` event. It keeps the `wallet-help:v1:pending` flag that lets the loader
//! decide cheaply whether a later visit has reports to finish, tells listeners (the "My
//! reports" view) about every change, and emits `delivered` and `error`.

// Explicit paths: tests/browser_outbox.rs compiles this file through `#[path]`, where
// implicit child paths would resolve next to it instead of in `outbox/`.
#[path = "outbox/alarm.rs"]
mod alarm;
#[path = "outbox/notify.rs"]
mod notify;
#[path = "outbox/page.rs"]
mod page;

use crate::core::outbox::{self as queue, Entry};
use crate::platform::{host, http, idb, locks};
use alarm::Alarm;
use notify::{announce, Listeners};
pub use notify::{Listener, Subscription};
pub use page::{clear, remove, resume, stop, submit, subscribe};
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// While another tab holds the lock, look again this often (it may close mid-round).
const BUSY_RECHECK_MS: u64 = 10_000;
/// After a storage or lock failure, try again this much later.
const ERROR_RECHECK_MS: u64 = 60_000;
/// While the browser says it is offline, look again this often (besides the `online` event,
/// which some networks never fire).
const OFFLINE_RECHECK_MS: u64 = 30_000;
/// The timer never fires sooner than this, so a zero jitter cannot spin the loop.
const MIN_TIMER_MS: u64 = 1_000;

/// Where the outbox lives on the device; the defaults are the contract, tests use others.
#[derive(Clone, Debug, PartialEq)]
pub struct Names {
    pub database: String,
    pub lock: String,
    /// localStorage key, "1" while anything is queued or sending.
    pub pending_flag: String,
}

impl Default for Names {
    fn default() -> Self {
        Names {
            database: idb::DATABASE.into(),
            lock: locks::OUTBOX.into(),
            pending_flag: "wallet-help:v1:pending".into(),
        }
    }
}

/// A handle on one outbox; clones share it. The widget uses the page's, [`Outbox::shared`].
#[derive(Clone)]
pub struct Outbox(Rc<Inner>);

#[derive(Default)]
struct Inner {
    names: Names,
    db: RefCell<Option<Rc<idb::Db>>>,
    listeners: Rc<Listeners>,
    running: Cell<bool>,
    again: Cell<bool>,
    /// `pump` calls that arrived mid-round, resolved when the follow-up round ends.
    waiters: RefCell<Vec<js_sys::Function>>,
    /// Ids removed by the user during a round, so the round does not write them back.
    removed: RefCell<HashSet<String>>,
    alarm: RefCell<Option<Alarm>>,
    stopped: Cell<bool>,
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

impl Outbox {
    pub fn new(names: Names) -> Outbox {
        Outbox(Rc::new(Inner { names, ..Inner::default() }))
    }

    /// Stores the entry (it must be `Queued`, e.g. from `Entry::from_payload`), then sends
    /// what is due (see [`Outbox::pump`]). `Err` means it could not be stored (no IndexedDB,
    /// quota) and nothing was sent; once stored it will be delivered, now or on a later visit.
    pub async fn submit(&self, entry: Entry) -> Result<(), String> {
        let db = self.db().await?;
        db.put(&entry).await?;
        notify::set_flag(&self.0.names.pending_flag, true);
        if let Ok(list) = db.get_all().await {
            self.publish(&list);
        }
        self.pump().await;
        Ok(())
    }

    /// On mount: if an earlier visit left reports pending, sends them. Never creates the
    /// database; reads only the pending flag (or, without localStorage, the database list).
    pub fn resume(&self) {
        let this = self.clone();
        match notify::flag(&self.0.names.pending_flag) {
            Some(true) => wasm_bindgen_futures::spawn_local(async move { this.pump().await }),
            Some(false) => {}
            None => wasm_bindgen_futures::spawn_local(async move {
                if idb::exists(&this.0.names.database).await == Some(true) {
                    this.pump().await;
                }
            }),
        }
    }

    /// Every stored report, newest first; empty without opening anything if none was ever
    /// stored (as far as the browser can tell).
    pub async fn entries(&self) -> Result<Vec<Entry>, String> {
        let connected = self.0.db.borrow().as_ref().is_some_and(|db| db.is_open());
        let flagged = notify::flag(&self.0.names.pending_flag) == Some(true);
        if !connected && !flagged && idb::exists(&self.0.names.database).await == Some(false) {
            return Ok(Vec::new());
        }
        let mut list = self.db().await?.get_all().await?;
        queue::newest_first(&mut list);
        Ok(list)
    }

    /// Calls `listener` with the whole list (newest first) now, once loaded, and after
    /// every change, until the returned [`Subscription`] is dropped.
    pub fn subscribe(&self, listener: Listener) -> Subscription {
        let subscription = self.0.listeners.add(listener);
        let (this, probe) = (self.clone(), subscription.probe());
        wasm_bindgen_futures::spawn_local(async move {
            match this.entries().await {
                Ok(list) => this.0.listeners.first(probe, list),
                Err(e) => host::warn(&format!("could not read the outbox: {e}")),
            }
        });
        subscription
    }

    /// Forgets one report (e.g. a rejected one the user has copied elsewhere).
    pub async fn remove(&self, id: &str) -> Result<(), String> {
        self.0.removed.borrow_mut().insert(id.to_string());
        let db = self.db().await?;
        db.delete(id).await?;
        let list = db.get_all().await?;
        self.publish(&list);
        Ok(())
    }

    /// "Clear my data": stops sending and deletes the database and the pending flag.
    pub async fn clear(&self) -> Result<(), String> {
        self.stop();
        let cached = self.0.db.borrow_mut().take();
        if let Some(db) = cached {
            db.close();
        }
        self.publish(&[]);
        idb::delete_database(&self.0.names.database).await
    }

    /// Cancels the retry timer and the `online` listener (on `destroy()`); a later
    /// `submit`, `resume` or `pump` starts again.
    pub fn stop(&self) {
        self.0.stopped.set(true);
        self.schedule(None);
    }

    /// Sends everything that is due, then sleeps until the next retry. Returns when a round
    /// that started after this call has finished (or was skipped because another tab sends).
    pub async fn pump(&self) {
        let inner = &self.0;
        inner.stopped.set(false);
        if inner.running.get() {
            inner.again.set(true);
            let mut resolve = None;
            let done = js_sys::Promise::new(&mut |res, _| resolve = Some(res));
            if let Some(resolve) = resolve {
                inner.waiters.borrow_mut().push(resolve);
                let _ = wasm_bindgen_futures::JsFuture::from(done).await;
            }
            return;
        }
        inner.running.set(true);
        loop {
            inner.again.set(false);
            let this = self.clone();
            let wake = match locks::if_available(&inner.names.lock, move || async move { this.round().await }).await {
                Ok(Some(Ok(wake))) => wake,
                Ok(None) => Some(now_ms() + BUSY_RECHECK_MS),
                Ok(Some(Err(e))) | Err(e) => {
                    host::warn(&format!("outbox: {e}"));
                    inner.db.borrow_mut().take();
                    Some(now_ms() + ERROR_RECHECK_MS)
                }
            };
            if !inner.again.get() {
                self.schedule(wake);
                break;
            }
        }
        inner.running.set(false);
        inner.removed.borrow_mut().clear();
        for resolve in inner.waiters.take() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    }

    /// One pass under the lock; returns when to wake up next.
    async fn round(&self) -> Result<Option<u64>, String> {
        let db = self.db().await?;
        let mut entries = db.get_all().await?;
        let now = now_ms();
        for entry in entries.iter_mut() {
            // Whoever held the lock before us is gone: an entry it left Sending is queued again.
            if entry.recover_after_reload(now) {
                db.put(entry).await?;
            }
        }
        self.publish(&entries);
        if web_sys::window().is_some_and(|w| !w.navigator().on_line()) {
            return Ok(queue::next_wakeup(&entries).map(|at| at.max(now + OFFLINE_RECHECK_MS)));
        }
        for id in queue::due_ids(&entries, now) {
            let Some(entry) = entries.iter_mut().find(|e| e.id == id) else { continue };
            if self.0.stopped.get() || self.0.removed.borrow().contains(&id) || !entry.begin_send(now_ms()) {
                continue;
            }
            db.put(entry).await?;
            self.publish(&entries);
            let Some(entry) = entries.iter_mut().find(|e| e.id == id) else { continue };
            let reply = http::post_report(&entry.endpoint, &entry.id, &entry.body, http::TIMEOUT_MS).await;
            entry.finish(&reply.outcome, reply.detail.as_deref(), now_ms(), js_sys::Math::random());
            if self.0.removed.borrow().contains(&id) {
                continue;
            }
            db.put(entry).await?;
            announce(entry);
            self.publish(&entries);
        }
        Ok(queue::next_wakeup(&entries))
    }

    async fn db(&self) -> Result<Rc<idb::Db>, String> {
        if let Some(db) = self.0.db.borrow().as_ref().filter(|db| db.is_open()) {
            return Ok(db.clone());
        }
        let db = Rc::new(idb::Db::open(&self.0.names.database).await?);
        *self.0.db.borrow_mut() = Some(db.clone());
        Ok(db)
    }

    /// Syncs the pending flag and tells every listener.
    fn publish(&self, entries: &[Entry]) {
        notify::set_flag(&self.0.names.pending_flag, queue::any_pending(entries));
        let mut sorted = entries.to_vec();
        queue::newest_first(&mut sorted);
        self.0.listeners.call(&sorted);
    }

    /// Wakes this outbox at `at` (ms since the epoch) or when the browser comes back
    /// online; `None` (nothing queued) or a stopped outbox disarms both.
    fn schedule(&self, at: Option<u64>) {
        self.0.alarm.borrow_mut().take();
        let Some(at) = at.filter(|_| !self.0.stopped.get()) else { return };
        let weak = Rc::downgrade(&self.0);
        let wake = move || {
            // Timers must not keep a dropped outbox alive.
            if let Some(inner) = weak.upgrade() {
                wasm_bindgen_futures::spawn_local(async move { Outbox(inner).pump().await });
            }
        };
        let delay = at.saturating_sub(now_ms()).max(MIN_TIMER_MS);
        *self.0.alarm.borrow_mut() = Alarm::set(delay, wake);
    }
}
