//! What the widget remembers on the device, in `localStorage` under `wallet-help:v1:*`.
//! Storage can be missing or full (private windows, quotas): then nothing is remembered,
//! and the widget works on.

use crate::core::checklist::Marks;
use crate::core::followup::Notes;
use crate::core::report::Draft;
use crate::core::state::Votes;
use crate::core::stored;
use crate::core::thread::{self, Threads};
use serde_json::Value;

const VOTES: &str = "wallet-help:v1:votes";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// A stored JSON value read by `read` (one of `core::stored`), or the default when absent,
/// unreadable or unparsable.
fn load<T: Default>(key: &str, read: fn(&Value) -> Option<T>) -> T {
    let json = storage().and_then(|s| s.get_item(key).ok().flatten());
    json.and_then(|json| serde_json::from_str::<Value>(&json).ok()).and_then(|v| read(&v)).unwrap_or_default()
}

/// Stores a value as JSON; the default value removes the key, so an empty state leaves
/// nothing behind on the device.
fn save<T: serde::Serialize + Default + PartialEq>(key: &str, value: &T) {
    let Some(s) = storage() else { return };
    if *value == T::default() {
        let _ = s.remove_item(key);
    } else if let Ok(json) = serde_json::to_string(value) {
        let _ = s.set_item(key, &json);
    }
}

pub fn load_votes() -> Votes {
    load(VOTES, stored::votes)
}

pub fn save_votes(votes: &Votes) {
    save(VOTES, votes);
}

const DRAFT: &str = "wallet-help:v1:draft";

/// The saved report draft, if any. A draft is stored only once the user has typed.
pub fn load_draft() -> Draft {
    load(DRAFT, stored::draft)
}

/// Keeps the draft across reloads; an empty draft removes the key. Callers pass a draft
/// with secrets already removed (`core::report::storable`).
pub fn save_draft(draft: &Draft) {
    save(DRAFT, draft);
}

/// "Clear my data": removes every `wallet-help:v1:*` key this widget wrote.
pub fn clear_all() {
    let Some(s) = storage() else { return };
    let keys: Vec<String> = (0..s.length().unwrap_or(0)).filter_map(|i| s.key(i).ok().flatten()).collect();
    for key in keys.iter().filter(|k| k.starts_with("wallet-help:v1:")) {
        let _ = s.remove_item(key);
    }
}

/// The service worker's cache of visited pages and the config (`static/sw.js`).
const PAGE_CACHE: &str = "wallet-help-pages";

/// "Clear my data": deletes the service worker's copies of the pages the user visited.
/// Through `js_sys::Reflect`: `CacheStorage` in web-sys is a feature (and bytes) for one call.
pub fn delete_page_cache() {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(window) = web_sys::window() else { return };
    let Ok(caches) = js_sys::Reflect::get(&window, &JsValue::from_str("caches")) else { return };
    let delete = js_sys::Reflect::get(&caches, &JsValue::from_str("delete")).ok();
    if let Some(delete) = delete.and_then(|d| d.dyn_into::<js_sys::Function>().ok()) {
        // Awaited only so that a refusal (an opaque origin) is handled: then there is nothing to delete.
        if let Ok(promise) =
            delete.call1(&caches, &JsValue::from_str(PAGE_CACHE)).and_then(|p| p.dyn_into::<js_sys::Promise>())
        {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}

const CHECKLIST: &str = "wallet-help:v1:checklist";

pub fn load_marks() -> Marks {
    load(CHECKLIST, stored::marks)
}

/// Keeps the checklist marks; no marks (a reset) removes the key.
pub fn save_marks(marks: &Marks) {
    save(CHECKLIST, marks);
}

const THREADS: &str = "wallet-help:v1:threads";

/// The statuses and threads of delivered reports (`platform::threads`).
pub fn load_threads() -> Threads {
    load(THREADS, |v| Some(thread::threads_from_json(v)))
}

pub fn save_threads(threads: &Threads) {
    let Some(s) = storage() else { return };
    let _ = if threads.is_empty() {
        s.remove_item(THREADS)
    } else {
        s.set_item(THREADS, &thread::threads_to_json(threads).to_string())
    };
}

const FOLLOWUPS: &str = "wallet-help:v1:followups";

/// What the user said about delivered reports ("answered", "not now").
pub fn load_notes() -> Notes {
    load(FOLLOWUPS, stored::notes)
}

pub fn save_notes(notes: &Notes) {
    save(FOLLOWUPS, notes);
}
