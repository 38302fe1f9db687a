//! The statuses and threads of delivered reports (`core::thread`) on this device: fetched
//! from the endpoint when the panel opens with delivered reports and when "My reports" is
//! shown (never before the user opens the widget, never on a timer), kept in localStorage
//! (so "clear my data" removes them), and told to every listener (the reminder, My reports).
//! Reading and listening are in the first Wasm part; fetching and writing ([`refresh`],
//! [`mark_read`]) are called from the Contact part only (`ui::lazy::threads`), so their
//! code loads with it.

use crate::core::outbox::{Entry, Status};
use crate::core::thread::{self, Thread, Threads};
use crate::platform::{host, http, storage};
use std::cell::RefCell;
use std::rc::Rc;

/// A second refresh this soon after one is skipped: opening the panel into My reports
/// mounts both listeners at once.
const QUIET_MS: u64 = 1_000;

type Listener = Rc<dyn Fn(Rc<Threads>)>;

#[derive(Default)]
struct Shared {
    threads: Option<Rc<Threads>>,
    listeners: Vec<(u32, Listener)>,
    next_id: u32,
    refreshing: bool,
    last_refresh_ms: u64,
}

thread_local! {
    static SHARED: RefCell<Shared> = RefCell::default();
}

/// What this device knows now (read from storage the first time).
pub fn current() -> Rc<Threads> {
    SHARED.with(|s| s.borrow_mut().threads.get_or_insert_with(|| Rc::new(storage::load_threads())).clone())
}

/// Removes its listener when dropped.
pub struct Subscription(u32);

impl Drop for Subscription {
    fn drop(&mut self) {
        let id = self.0;
        SHARED.with(|s| s.borrow_mut().listeners.retain(|(i, _)| *i != id));
    }
}

/// Calls `listener` after every change until the subscription is dropped.
pub fn subscribe(listener: Listener) -> Subscription {
    SHARED.with(|s| {
        let mut s = s.borrow_mut();
        s.next_id = s.next_id.wrapping_add(1);
        let id = s.next_id;
        s.listeners.push((id, listener));
        Subscription(id)
    })
}

/// Stores `threads` and tells every listener.
fn publish(threads: Threads) {
    storage::save_threads(&threads);
    tell(threads);
}

fn tell(threads: Threads) {
    let threads = Rc::new(threads);
    let listeners: Vec<Listener> = SHARED.with(|s| {
        let mut s = s.borrow_mut();
        s.threads = Some(threads.clone());
        s.listeners.iter().map(|(_, l)| l.clone()).collect()
    });
    for listener in listeners {
        listener(threads.clone());
    }
}

/// The reports among `entries` whose endpoint may know more: delivered with a status token.
fn followed(entries: &[Entry]) -> Vec<&Entry> {
    entries
        .iter()
        .filter(|e| e.answers.is_none() && e.status_token.is_some() && matches!(e.status, Status::Delivered { .. }))
        .collect()
}

/// Whether any report in `entries` has a thread to fetch.
pub fn any_followed(entries: &[Entry]) -> bool {
    !followed(entries).is_empty()
}

/// Fetches the status of every followed report, one after another, and tells listeners
/// once. A failure keeps what was known (and says why in the console).
pub fn refresh(entries: &[Entry]) {
    let wanted: Vec<(String, String, String)> = followed(entries)
        .into_iter()
        .filter_map(|e| Some((e.id.clone(), thread::status_url(&e.endpoint, &e.id), e.status_token.clone()?)))
        .collect();
    if wanted.is_empty() {
        return;
    }
    let now = host::now_ms();
    let go = SHARED.with(|s| {
        let mut s = s.borrow_mut();
        let go = !s.refreshing && now.saturating_sub(s.last_refresh_ms) >= QUIET_MS;
        if go {
            (s.refreshing, s.last_refresh_ms) = (true, now);
        }
        go
    });
    if !go {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut threads = (*current()).clone();
        let mut changed = false;
        for (id, url, token) in wanted {
            let fresh = match http::get_status(&url, &token).await {
                Ok(text) => serde_json::from_str(&text).ok().and_then(|v| Thread::from_json(&v)),
                Err(e) => {
                    host::warn(&format!("could not read the status of report {id}: {e}"));
                    continue;
                }
            };
            let Some(fresh) = fresh else {
                host::warn(&format!("the status of report {id} is not in the expected form"));
                continue;
            };
            let merged = Thread::refreshed(threads.get(&id), fresh);
            if threads.get(&id) != Some(&merged) {
                threads.insert(&id, merged);
                changed = true;
            }
        }
        SHARED.with(|s| s.borrow_mut().refreshing = false);
        if changed {
            publish(threads);
        }
    });
}

/// The user has read report `id`'s thread.
pub fn mark_read(id: &str) {
    let mut threads = (*current()).clone();
    let Some(t) = threads.get_mut(id) else { return };
    if t.unread() == 0 {
        return;
    }
    t.mark_read();
    publish(threads);
}

/// "Clear my data": forgets every thread (storage is wiped by the caller).
pub fn forget() {
    tell(Threads::default());
}
