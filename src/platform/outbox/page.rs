//! The page's outbox and the calls the UI makes: `submit` a report, `resume` on mount,
//! `subscribe` for "My reports", `remove` one, `clear` for "clear my data", `stop` on
//! destroy. Fire-and-forget where possible, so components need little async code.

use super::notify::announce;
use super::{host, http, now_ms, Listener, Names, Outbox, Saved, Subscription};
use crate::core::outbox::{Entry, Status};

thread_local! {
    static SHARED: Outbox = Outbox::new(Names::default());
}

/// Set once the page's outbox exists. Read by the first Wasm part (which does not hold the
/// outbox with `make dist`): only then is there anything for `destroy()` to stop.
static IN_USE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether this page has used its outbox (see [`IN_USE`]).
pub fn in_use() -> bool {
    IN_USE.load(std::sync::atomic::Ordering::Relaxed)
}

/// Whether an earlier visit may have left reports to send: the pending flag says so, or it
/// cannot be believed (no localStorage, or one that refuses writes). [`Outbox::resume`] then
/// looks for itself; when this is false there is nothing to resume and the outbox need not
/// even be loaded.
pub fn may_have_pending() -> bool {
    let key = &Names::default().pending_flag;
    match super::notify::flag(key) {
        Some(false) => !super::notify::writable(key),
        _ => true,
    }
}

/// Queues a report on the page's outbox and sends it in the background; `done` learns
/// where it was kept as soon as that is settled, before it is sent. If it cannot be stored
/// anywhere, it is sent once directly: `done` gets `Ok(Saved::Direct)` if that delivered it,
/// else the error (the report is then nowhere, and the form must keep it).
pub fn submit(entry: Entry, done: impl FnOnce(Result<Saved, String>) + 'static) {
    let outbox = Outbox::shared();
    wasm_bindgen_futures::spawn_local(async move {
        match outbox.store(&entry).await {
            Ok(saved) => {
                done(Ok(saved));
                outbox.pump().await;
            }
            Err(e) => {
                host::warn(&format!("the report could not be stored on this device ({e}); sending it once"));
                match outbox.send_unstored(entry).await {
                    Status::Delivered { reference } => done(Ok(Saved::Direct(reference))),
                    _ => done(Err(e)),
                }
            }
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
        IN_USE.store(true, std::sync::atomic::Ordering::Relaxed);
        SHARED.with(Outbox::clone)
    }

    /// Last resort when the entry cannot be stored: one direct attempt, announced like any
    /// other but not retried (nothing would survive a reload) and not listed (it is not
    /// kept). Returns how it ended.
    pub async fn send_unstored(&self, mut entry: Entry) -> Status {
        entry.begin_send(now_ms());
        let reply =
            http::post_report(&entry.endpoint, &entry.id, &entry.body, entry.authorization(), http::TIMEOUT_MS).await;
        entry.finish(&reply.outcome, reply.detail.as_deref(), now_ms(), js_sys::Math::random());
        announce(&entry);
        entry.status
    }
}
