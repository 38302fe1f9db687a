//! What the widget remembers on the device, in `localStorage` under `wallet-help:v1:*`.
//! Storage can be missing or full (private windows, quotas): then nothing is remembered,
//! and the widget works on.

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
