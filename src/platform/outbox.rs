//! The outbox runner: stores each submitted report before anything is sent (in IndexedDB,
//! or as text in localStorage where there is no IndexedDB, see `store`), then sends due
//! entries one at a time under the cross-tab lock (a Web Lock, or a localStorage lease
//! without one), storing every transition (Sending before the request, the result after),
//! gives up on reports past their give-up time, and wakes itself for the next retry and on
//! the `online` event. It keeps the `wallet-help:v1:pending` flag that lets the loader
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
#[path = "outbox/store.rs"]
mod store;

use crate::core::outbox::{self as queue, Entry};
use crate::platform::{host, http, idb, locks};
use alarm::Alarm;
use notify::{announce, Listeners};
pub use notify::{Listener, Subscription};
pub use page::{clear, in_use, may_have_pending, remove, resume, stop, submit, subscribe};
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::rc::Rc;
use store::Store;
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
    /// localStorage key of the text-only outbox, used where IndexedDB is unavailable.
    pub fallback: String,
}

impl Default for Names {
    fn default() -> Self {
        Names {
            database: idb::DATABASE.into(),
            lock: locks::OUTBOX.into(),
            pending_flag: "wallet-help:v1:pending".into(),
            fallback: "wallet-help:v1:outbox-text".into(),
        }
    }
}

/// Where a submitted report went.
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    /// Into IndexedDB, screenshots and all.
    Device,
    /// Into the text-only store; this many screenshots could not be kept.
    TextOnly(u32),
    /// Nowhere, but the one direct attempt delivered it (with the server's reference).
    Direct(Option<String>),
}

/// A handle on one outbox; clones share it. The widget uses the page's, [`Outbox::shared`].
#[derive(Clone)]
pub struct Outbox(Rc<Inner>);

#[derive(Default)]
struct Inner {
    names: Names,
    /// Names this instance in the localStorage lease (several tabs, or tests, contend).
    owner: String,
    db: RefCell<Option<Rc<idb::Db>>>,
    /// Said once that the text-only store is in use.
    warned_fallback: Cell<bool>,
    /// Bumped by `clear`: a round that began before must not write its entries back.
    epoch: Cell<u32>,
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
        let owner = format!("outbox-{}", (js_sys::Math::random() * 9e15) as u64);
        Outbox(Rc::new(Inner { names, owner, ..Inner::default() }))
    }

    /// Stores the entry (it must be `Queued`, e.g. from `Entry::from_payload`): in IndexedDB,
    /// else its text in localStorage. `Err` means it could not be kept anywhere; once
    /// stored it will be delivered, now or on a later visit. Sends nothing.
    pub async fn store(&self, entry: &Entry) -> Result<Saved, String> {
        let first = match self.idb().await {
            Ok(Some(db)) => db.put(entry).await.map(|()| Saved::Device),
            Ok(None) => Err("IndexedDB is unavailable".to_string()),
            Err(e) => Err(e),
        };
        let saved = match first {
            Ok(saved) => saved,
            Err(e) => {
                let text = entry.text_only();
                store::local_put(&self.0.names.fallback, &text).map_err(|local| format!("{e}; {local}"))?;
                if !self.0.warned_fallback.replace(true) {
                    host::warn(&format!("{e}: reports are kept on this device as text only"));
                }
                Saved::TextOnly(text.screenshots_dropped)
            }
        };
        notify::set_flag(&self.0.names.pending_flag, true);
        if let Ok(list) = self.load().await {
            self.publish(&list.1);
        }
        Ok(saved)
    }

    /// On mount: if an earlier visit left reports pending, sends them. Never creates the
    /// database. Reads the pending flag; a flag that says "nothing pending" is believed only
    /// if it could have been written, else the outbox itself is looked at (does the database
    /// exist, does the text-only store hold anything).
    pub fn resume(&self) {
        let this = self.clone();
        let names = &self.0.names;
        let look = match notify::flag(&names.pending_flag) {
            Some(true) => return wasm_bindgen_futures::spawn_local(async move { this.pump().await }),
            Some(false) => !notify::writable(&names.pending_flag),
            None => true,
        };
        if look {
            wasm_bindgen_futures::spawn_local(async move {
                let names = &this.0.names;
                if !store::local_all(&names.fallback).is_empty() || idb::exists(&names.database).await == Some(true) {
                    this.pump().await;
                }
            });
        }
    }

    /// Every stored report, newest first; empty without opening anything if none was ever
    /// stored (as far as the browser can tell).
    pub async fn entries(&self) -> Result<Vec<Entry>, String> {
        let connected = self.0.db.borrow().as_ref().is_some_and(|db| db.is_open());
        let flagged = notify::flag(&self.0.names.pending_flag) == Some(true);
        let mut list = if !connected && !flagged && idb::exists(&self.0.names.database).await == Some(false) {
            store::local_all(&self.0.names.fallback)
        } else {
            self.load().await?.1
        };
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
        store::local_delete(&self.0.names.fallback, id)?;
        if let Some(db) = self.idb().await? {
            db.delete(id).await?;
        }
        let list = self.load().await?;
        self.publish(&list.1);
        Ok(())
    }

    /// "Clear my data": stops sending and deletes the database, the text-only store and the
    /// pending flag.
    pub async fn clear(&self) -> Result<(), String> {
        self.stop();
        self.0.epoch.set(self.0.epoch.get().wrapping_add(1));
        let cached = self.0.db.borrow_mut().take();
        if let Some(db) = cached {
            db.close();
        }
        self.publish(&[]);
        let local = store::local_delete_all(&self.0.names.fallback);
        idb::delete_database(&self.0.names.database).await.and(local)
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
            let round = move || async move { this.round().await };
            let wake = match locks::if_available(&inner.names.lock, &inner.owner, round).await {
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

    /// One pass under the lock; returns when to wake up next. After every await it checks
    /// that "clear my data" has not happened meanwhile, or it would write back what was cleared.
    async fn round(&self) -> Result<Option<u64>, String> {
        let epoch = self.0.epoch.get();
        let cleared = || self.0.epoch.get() != epoch;
        let (homes, mut entries) = self.load().await?;
        let now = now_ms();
        let give_up_after = queue::give_up_after_ms(None);
        for (home, entry) in homes.iter().zip(entries.iter_mut()) {
            // Whoever held the lock before us is gone: an entry it left Sending is queued again.
            let recovered = entry.recover_after_reload(now);
            let dated = entry.set_deadline_if_missing(now, give_up_after);
            let ended = entry.give_up_if_late(now);
            if recovered || dated || ended {
                if cleared() {
                    return Ok(None);
                }
                home.put(entry).await?;
            }
            if ended && !cleared() {
                announce(entry);
            }
        }
        if cleared() {
            return Ok(None);
        }
        self.publish(&entries);
        if web_sys::window().is_some_and(|w| !w.navigator().on_line()) {
            return Ok(queue::next_wakeup(&entries, now).map(|at| at.max(now + OFFLINE_RECHECK_MS)));
        }
        for id in queue::due_ids(&entries, now) {
            let Some(i) = entries.iter().position(|e| e.id == id) else { continue };
            if self.0.stopped.get() || self.0.removed.borrow().contains(&id) || !entries[i].begin_send(now_ms()) {
                continue;
            }
            homes[i].put(&entries[i]).await?;
            if cleared() {
                return Ok(None);
            }
            self.publish(&entries);
            let e = &entries[i];
            let reply = http::post_report(&e.endpoint, &e.id, &e.body, e.authorization(), http::TIMEOUT_MS).await;
            entries[i].finish(&reply.outcome, reply.detail.as_deref(), now_ms(), js_sys::Math::random());
            if cleared() {
                return Ok(None);
            }
            if self.0.removed.borrow().contains(&id) {
                continue;
            }
            homes[i].put(&entries[i]).await?;
            if cleared() {
                return Ok(None);
            }
            announce(&entries[i]);
            self.publish(&entries);
        }
        Ok(queue::next_wakeup(&entries, now_ms()))
    }

    /// IndexedDB, opened once and reused. `Ok(None)`: this browser cannot open it and it
    /// holds nothing we know of, so the text-only store stands in; `Err`: it exists but
    /// failed now (try again later rather than hide its reports).
    async fn idb(&self) -> Result<Option<Rc<idb::Db>>, String> {
        if let Some(db) = self.0.db.borrow().as_ref().filter(|db| db.is_open()) {
            return Ok(Some(db.clone()));
        }
        match idb::Db::open(&self.0.names.database).await {
            Ok(db) => {
                let db = Rc::new(db);
                *self.0.db.borrow_mut() = Some(db.clone());
                Ok(Some(db))
            }
            Err(e) if idb::exists(&self.0.names.database).await == Some(true) => Err(e),
            Err(_) => Ok(None),
        }
    }

    /// Every stored entry with the store it lives in (same order): IndexedDB's, then the
    /// text-only store's.
    async fn load(&self) -> Result<(Vec<Store>, Vec<Entry>), String> {
        let (mut homes, mut entries) = (Vec::new(), Vec::new());
        if let Some(db) = self.idb().await? {
            for e in db.get_all().await? {
                homes.push(Store::Idb(db.clone()));
                entries.push(e);
            }
        }
        let key: Rc<str> = Rc::from(self.0.names.fallback.as_str());
        for e in store::local_all(&key) {
            if !entries.iter().any(|x| x.id == e.id) {
                homes.push(Store::Local(key.clone()));
                entries.push(e);
            }
        }
        Ok((homes, entries))
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
