//! Where the outbox keeps its entries: IndexedDB, or, in browsers that have none (some
//! private windows and webviews), a small list in localStorage that holds the reports' text
//! only (screenshots would not fit its few megabytes). Each entry is written back to the
//! store it was read from.

use crate::core::outbox::Entry;
use crate::platform::{host, idb};
use std::rc::Rc;

#[derive(Clone)]
pub enum Store {
    Idb(Rc<idb::Db>),
    /// The localStorage key of the text-only list.
    Local(Rc<str>),
}

impl Store {
    /// Inserts or replaces the entry with the same id; `Ok` once it is written.
    pub async fn put(&self, entry: &Entry) -> Result<(), String> {
        match self {
            Store::Idb(db) => db.put(entry).await,
            Store::Local(key) => local_put(key, entry),
        }
    }
}

fn storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    window.local_storage().ok().flatten().ok_or_else(|| "localStorage is unavailable".to_string())
}

/// The entries of the text-only list; unreadable records are skipped with a warning.
pub fn local_all(key: &str) -> Vec<Entry> {
    let Some(json) = storage().ok().and_then(|s| s.get_item(key).ok().flatten()) else { return Vec::new() };
    let list = serde_json::from_str::<serde_json::Value>(&json).ok();
    let Some(records) = list.as_ref().and_then(|v| v.as_array()) else {
        host::warn("skipping an unreadable text-only outbox");
        return Vec::new();
    };
    records
        .iter()
        .filter_map(|r| {
            let entry = crate::core::stored::entry(r);
            if entry.is_none() {
                host::warn("skipping an unreadable outbox record");
            }
            entry
        })
        .collect()
}

/// Writes the whole list; an empty one removes the key, so nothing is left behind.
fn local_write(key: &str, list: &[Entry]) -> Result<(), String> {
    let s = match storage() {
        Ok(s) => s,
        // Nothing can have been stored there: nothing to remove.
        Err(_) if list.is_empty() => return Ok(()),
        Err(e) => return Err(e),
    };
    if list.is_empty() {
        return s.remove_item(key).map_err(|_| "localStorage refused the change".to_string());
    }
    let json = serde_json::to_string(list).map_err(|e| e.to_string())?;
    s.set_item(key, &json).map_err(|_| "localStorage is full or read-only".to_string())
}

pub fn local_put(key: &str, entry: &Entry) -> Result<(), String> {
    let mut list = local_all(key);
    match list.iter_mut().find(|e| e.id == entry.id) {
        Some(old) => *old = entry.clone(),
        None => list.push(entry.clone()),
    }
    local_write(key, &list)
}

/// Removes the entry with this id; a missing id (or list) is not an error.
pub fn local_delete(key: &str, id: &str) -> Result<(), String> {
    let list = local_all(key);
    if !list.iter().any(|e| e.id == id) {
        return Ok(());
    }
    local_write(key, &list.into_iter().filter(|e| e.id != id).collect::<Vec<_>>())
}

/// Removes the whole text-only list ("clear my data").
pub fn local_delete_all(key: &str) -> Result<(), String> {
    local_write(key, &[])
}
