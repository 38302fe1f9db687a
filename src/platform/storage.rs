//! What the widget remembers on the device, in `localStorage` under `wallet-help:v1:*`.
//! Storage can be missing or full (private windows, quotas): then nothing is remembered,
//! and the widget works on.

use crate::core::checklist::Marks;
use crate::core::report::Draft;
use crate::core::state::Votes;

const VOTES: &str = "wallet-help:v1:votes";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load_votes() -> Votes {
    storage()
        .and_then(|s| s.get_item(VOTES).ok().flatten())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

pub fn save_votes(votes: &Votes) {
    let (Some(s), Ok(json)) = (storage(), serde_json::to_string(votes)) else { return };
    let _ = s.set_item(VOTES, &json);
}

const DRAFT: &str = "wallet-help:v1:draft";

/// The saved report draft, if any. A draft is stored only once the user has typed.
pub fn load_draft() -> Draft {
    storage()
        .and_then(|s| s.get_item(DRAFT).ok().flatten())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// Keeps the draft across reloads; an empty draft removes the key. Callers pass a draft
/// with secrets already removed (`core::report::storable`).
pub fn save_draft(draft: &Draft) {
    let Some(s) = storage() else { return };
    if *draft == Draft::default() {
        let _ = s.remove_item(DRAFT);
    } else if let Ok(json) = serde_json::to_string(draft) {
        let _ = s.set_item(DRAFT, &json);
    }
}

/// "Clear my data": removes every `wallet-help:v1:*` key this widget wrote.
pub fn clear_all() {
    let Some(s) = storage() else { return };
    let keys: Vec<String> = (0..s.length().unwrap_or(0)).filter_map(|i| s.key(i).ok().flatten()).collect();
    for key in keys.iter().filter(|k| k.starts_with("wallet-help:v1:")) {
        let _ = s.remove_item(key);
    }
}

const CHECKLIST: &str = "wallet-help:v1:checklist";

pub fn load_marks() -> Marks {
    storage()
        .and_then(|s| s.get_item(CHECKLIST).ok().flatten())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// Keeps the checklist marks; no marks (a reset) removes the key.
pub fn save_marks(marks: &Marks) {
    let Some(s) = storage() else { return };
    if marks.is_empty() {
        let _ = s.remove_item(CHECKLIST);
    } else if let Ok(json) = serde_json::to_string(marks) {
        let _ = s.set_item(CHECKLIST, &json);
    }
}
