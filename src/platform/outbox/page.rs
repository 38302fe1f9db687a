//! The page's outbox and the calls the UI makes: `submit` a report, `resume` on mount,
//! `subscribe` for "My reports", `remove` one, `clear` for "clear my data", `stop` on
//! destroy. Fire-and-forget where possible, so components need little async code.

use super::notify::announce;
use super::{host, http, now_ms, Listener, Names, Outbox, Subscription};
use crate::core::outbox::Entry;

thread_local! {
    static SHARED: Outbox = Outbox::new(Names::default());
}

/// Queues a report on the page's outbox and sends it in the background. If it cannot be
/// stored (no IndexedDB), it is sent once directly instead, so the user is never stuck.
pub fn submit(entry: Entry) {
    let outbox = Outbox::shared();
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = outbox.submit(entry.clone()).await {
            host::warn(&format!("the report could not be stored on this device ({e}); sending it once"));
            outbox.send_unstored(entry).await;
        }
    });
}

/// On mount: finishes reports an earlier visit left pending (see [`Outbox::resume`]).
pub fn resume() {
    Outbox::shared().resume();
}

/// Listens to the page's outbox (see [`Outbox::subscribe`]).
pub fn subscribe(listener: Listener) -> Subscription {
    Outbox::shared().subscribe(listener)
}

/// Forgets one report; listeners get the new list.
pub fn remove(id: &str) {
    let (outbox, id) = (Outbox::shared(), id.to_string());
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = outbox.remove(&id).await {
            host::warn(&format!("could not remove the report: {e}"));
        }
    });
}

/// "Clear my data": deletes every stored report and the pending flag.
pub async fn clear() -> Result<(), String> {
    Outbox::shared().clear().await
}

/// On `destroy()`: no more timers or `online` listener from this page's outbox.
pub fn stop() {
    Outbox::shared().stop();
}

impl Outbox {
    /// The page's outbox (database `wallet-help`, lock `wallet-help:v1:outbox`).
    pub fn shared() -> Outbox {
        SHARED.with(Outbox::clone)
    }

    /// Last resort when the entry cannot be stored: one direct attempt, shown to listeners
    /// and announced like any other, but not retried (nothing would survive a reload).
    pub async fn send_unstored(&self, mut entry: Entry) {
        entry.begin_send(now_ms());
        self.publish(std::slice::from_ref(&entry));
        let reply = http::post_report(&entry.endpoint, &entry.id, &entry.body, http::TIMEOUT_MS).await;
        entry.finish(&reply.outcome, reply.detail.as_deref(), now_ms(), js_sys::Math::random());
        announce(&entry);
        self.publish(std::slice::from_ref(&entry));
    }
}
