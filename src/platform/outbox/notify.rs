//! What the outbox tells the world: its listeners (the "My reports" view) get the whole list
//! after each change, the host page gets `delivered` / `error` events, and the loader gets
//! the `pending` flag in localStorage, read on later visits without loading the app.

use crate::core::outbox::{Entry, Status};
use crate::platform::host;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::JsValue;

/// Receives the whole list, newest first.
pub type Listener = Rc<dyn Fn(Vec<Entry>)>;

#[derive(Default)]
pub struct Listeners {
    list: RefCell<Vec<(u32, Listener)>>,
    next: Cell<u32>,
    /// Counts `call`s, so a slow first load cannot overwrite a newer list.
    generation: Cell<u64>,
}

impl Listeners {
    pub fn add(self: &Rc<Self>, listener: Listener) -> Subscription {
        let id = self.next.get();
        self.next.set(id.wrapping_add(1));
        self.list.borrow_mut().push((id, listener));
        Subscription { listeners: Rc::downgrade(self), probe: Probe { id, generation: self.generation.get() } }
    }

    pub fn call(&self, entries: &[Entry]) {
        self.generation.set(self.generation.get() + 1);
        // Cloned first: a listener may subscribe or unsubscribe while being called.
        let listeners: Vec<Listener> = self.list.borrow().iter().map(|(_, l)| l.clone()).collect();
        for listener in listeners {
            listener(entries.to_vec());
        }
    }

    /// Gives a new subscriber the list loaded for it, unless it unsubscribed meanwhile or a
    /// newer list was already published.
    pub fn first(&self, probe: Probe, entries: Vec<Entry>) {
        if self.generation.get() != probe.generation {
            return;
        }
        let found = self.list.borrow().iter().find(|(id, _)| *id == probe.id).map(|(_, l)| l.clone());
        if let Some(listener) = found {
            listener(entries);
        }
    }
}

/// Keeps a listener registered; dropping it unsubscribes.
pub struct Subscription {
    listeners: Weak<Listeners>,
    probe: Probe,
}

/// Which listener, subscribed when: lets the first load find its listener without owning
/// the subscription.
#[derive(Clone, Copy)]
pub struct Probe {
    id: u32,
    generation: u64,
}

impl Subscription {
    pub fn probe(&self) -> Probe {
        self.probe
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(listeners) = self.listeners.upgrade() {
            listeners.list.borrow_mut().retain(|(id, _)| *id != self.probe.id);
        }
    }
}

/// Tells the host page how a report ended: `delivered` `{id, reference}` (reference may be
/// null), or `error` `{id, message}` when the server refused it or it was given up on.
pub fn announce(entry: &Entry) {
    // Answers in a thread are the widget's own business; the page hears about reports.
    if entry.answers.is_some() {
        return;
    }
    let detail = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(k), &v);
    };
    set("id", JsValue::from_str(&entry.id));
    match &entry.status {
        Status::Delivered { reference } => {
            set("reference", reference.as_deref().map_or(JsValue::NULL, JsValue::from_str));
            host::emit("delivered", &detail);
        }
        Status::Rejected { message } => {
            set("message", JsValue::from_str(message));
            host::emit("error", &detail);
        }
        Status::NotDelivered => {
            let why = entry.last_error.as_deref().unwrap_or("never sent");
            set("message", JsValue::from_str(&format!("not delivered before its give-up time (last error: {why})")));
            host::emit("error", &detail);
        }
        Status::Queued | Status::Sending => {}
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether the flag `key` says reports are pending; `None` without localStorage.
pub fn flag(key: &str) -> Option<bool> {
    Some(local_storage()?.get_item(key).ok().flatten().as_deref() == Some("1"))
}

/// Whether localStorage takes writes (a full or read-only one reads fine but refuses them,
/// and then a missing flag proves nothing). Probes a key of its own beside `key`, so a
/// flag another tab is setting is never touched.
pub fn writable(key: &str) -> bool {
    let Some(storage) = local_storage() else { return false };
    let probe = format!("{key}:probe");
    let ok = storage.set_item(&probe, "1").is_ok();
    let _ = storage.remove_item(&probe);
    ok
}

/// Sets the flag to "1" while reports are pending and removes it otherwise, so nothing is
/// left behind once everything is delivered.
pub fn set_flag(key: &str, pending: bool) {
    let Some(storage) = local_storage() else { return };
    let _ = if pending { storage.set_item(key, "1") } else { storage.remove_item(key) };
}
