//! POSTing a report: JSON body, `Idempotency-Key`, a deadline, and the server's answer
//! classified by `core::delivery`. A request that cannot complete, or not in time, counts as
//! a network failure (retried: the server dedupes by id if it did arrive).

use crate::core::delivery::{self, Outcome};
use gloo_net::http::Request;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long one report request may take, answer included. A hung connection (captive
/// portal, dead proxy) would otherwise hold the outbox forever; 15 s leaves room for a
/// slow mobile upload of a report with attachments.
pub const TIMEOUT_MS: i32 = 15_000;

/// One attempt's result: what it means, and in a few words why it failed (for `last_error`).
pub struct Reply {
    pub outcome: Outcome,
    pub detail: Option<String>,
}

/// POSTs a report body once with `Idempotency-Key: id`, aborting after `timeout_ms`
/// ([`TIMEOUT_MS`] normally). Retrying is the outbox's business.
pub async fn post_report(endpoint: &str, id: &str, body: &str, timeout_ms: i32) -> Reply {
    let deadline = Deadline::start(timeout_ms);
    let signal = deadline.as_ref().map(|d| d.controller.signal());
    let request = Request::post(endpoint)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", id)
        .abort_signal(signal.as_ref())
        .body(body);
    let Ok(request) = request else { return failed("could not build the request") };
    let response = match request.send().await {
        Ok(response) => response,
        Err(_) if deadline.as_ref().is_some_and(Deadline::fired) => return failed("timed out"),
        Err(_) => return failed("network error"),
    };
    let status = response.status();
    let retry_after = response.headers().get("Retry-After");
    // The status decides; a body cut off by the deadline only loses the reference/message.
    let text = response.text().await.unwrap_or_default();
    let outcome = delivery::classify_at(status, &text, retry_after.as_deref(), js_sys::Date::now() as u64);
    let detail = (!matches!(outcome, Outcome::Delivered { .. })).then(|| format!("HTTP {status}"));
    Reply { outcome, detail }
}

fn failed(detail: &str) -> Reply {
    Reply { outcome: delivery::network_failure(), detail: Some(detail.to_string()) }
}

/// Aborts the request when the time is up; the timer is cleared when the attempt ends.
struct Deadline {
    controller: web_sys::AbortController,
    fired: Rc<Cell<bool>>,
    handle: i32,
    _on_timeout: Closure<dyn FnMut()>,
}

impl Deadline {
    /// `None` without a window or `AbortController`: the request then runs without a limit.
    fn start(ms: i32) -> Option<Deadline> {
        let window = web_sys::window()?;
        let controller = web_sys::AbortController::new().ok()?;
        let fired = Rc::new(Cell::new(false));
        let on_timeout = {
            let (controller, fired) = (controller.clone(), fired.clone());
            Closure::<dyn FnMut()>::new(move || {
                fired.set(true);
                controller.abort();
            })
        };
        let handle = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(on_timeout.as_ref().unchecked_ref(), ms)
            .ok()?;
        Some(Deadline { controller, fired, handle, _on_timeout: on_timeout })
    }

    fn fired(&self) -> bool {
        self.fired.get()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.handle);
        }
    }
}

/// Fetches and parses a JSON document (the operator's config file).
pub async fn get_json(url: &str) -> Result<serde_json::Value, String> {
    let response = Request::get(url).send().await.map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response.text().await.map_err(|e| e.to_string())?;
    serde_json::from_str(&text).map_err(|e| format!("not valid JSON: {e}"))
}
