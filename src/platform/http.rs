//! POSTing a report: JSON body, `Idempotency-Key`, a deadline, and the server's answer
//! classified by `core::delivery`. A request that cannot complete, or not in time, counts as
//! a network failure (retried: the server dedupes by id if it did arrive). Redirects are
//! not followed: a redirected POST may arrive as a GET that answers 200 without the report,
//! so a redirect is kept and retried, with a console hint for the operator.
//!
//! `fetch` through `web-sys` directly: `gloo-net` wraps the same calls but brings the `http`
//! crate's method and header types along, which cost more Wasm than these two requests.

use crate::core::delivery::{self, Outcome};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestInit, RequestRedirect, Response, ResponseType};

/// Sends one request; `Err` carries the JS error's own text (e.g. "TypeError: Failed to fetch").
async fn fetch(url: &str, init: &RequestInit) -> Result<Response, String> {
    let window = web_sys::window().ok_or_else(|| "no window to fetch from".to_string())?;
    let response = JsFuture::from(window.fetch_with_str_and_init(url, init)).await.map_err(error_text)?;
    response.dyn_into::<Response>().map_err(|_| "fetch did not return a Response".to_string())
}

/// The response body as text.
async fn text(response: &Response) -> Result<String, String> {
    let promise = response.text().map_err(error_text)?;
    JsFuture::from(promise).await.map_err(error_text)?.as_string().ok_or_else(|| "the body is not text".to_string())
}

fn error_text(e: JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.to_string()),
        None => "network error".to_string(),
    }
}

/// How long one report request may take, answer included. A hung connection (captive
/// portal, dead proxy) would otherwise hold the outbox forever; 15 s leaves room for a
/// slow mobile upload of a report with attachments.
pub const TIMEOUT_MS: i32 = 15_000;

/// One attempt's result: what it means, and in a few words why it failed (for `last_error`).
pub struct Reply {
    pub outcome: Outcome,
    pub detail: Option<String>,
}

/// POSTs a report body (or an answer in its thread, with the report's status `token`) once
/// with `Idempotency-Key: id`, aborting after `timeout_ms` ([`TIMEOUT_MS`] normally).
/// Retrying is the outbox's business.
pub async fn post_report(endpoint: &str, id: &str, body: &str, token: Option<&str>, timeout_ms: i32) -> Reply {
    let deadline = Deadline::start(timeout_ms);
    let signal = deadline.as_ref().map(|d| d.controller.signal());
    let init = RequestInit::new();
    init.set_method("POST");
    let Ok(headers) = web_sys::Headers::new() else { return failed("could not build the request") };
    if headers.set("Content-Type", "application/json").is_err() || headers.set("Idempotency-Key", id).is_err() {
        return failed("could not build the request");
    }
    if let Some(token) = token {
        if headers.set("Authorization", &format!("Bearer {token}")).is_err() {
            return failed("could not build the request");
        }
    }
    init.set_headers(&headers);
    init.set_signal(signal.as_ref());
    init.set_body(&JsValue::from_str(body));
    // "manual", not "error": both stop the redirect, but only "manual" lets us tell it from a
    // network failure and name the cause.
    init.set_redirect(RequestRedirect::Manual);
    let response = match fetch(endpoint, &init).await {
        Ok(response) => response,
        Err(_) if deadline.as_ref().is_some_and(Deadline::fired) => return failed(delivery::TIMED_OUT),
        Err(_) if web_sys::window().is_some_and(|w| !w.navigator().on_line()) => return failed(delivery::OFFLINE),
        Err(_) => return failed(delivery::NETWORK),
    };
    if response.type_() == ResponseType::Opaqueredirect || (300..400).contains(&response.status()) {
        crate::platform::host::warn(&format!(
            "the report endpoint {endpoint} answered with a redirect; reports are not sent to redirected addresses and will be retried: set data-endpoint to the final URL"
        ));
        return failed(delivery::REDIRECT);
    }
    let status = response.status();
    let retry_after = response.headers().get("Retry-After").ok().flatten();
    // The status decides; a body cut off by the deadline only loses the reference/message.
    let text = text(&response).await.unwrap_or_default();
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

/// How long a status request may take: the panel shows what it knew meanwhile.
const STATUS_TIMEOUT_MS: i32 = 10_000;

/// `GET`s a report's status and thread with its status token (`core::thread`), never from
/// a cache. `Err` says why in a few words (for the console).
pub async fn get_status(url: &str, token: &str) -> Result<String, String> {
    let deadline = Deadline::start(STATUS_TIMEOUT_MS);
    let signal = deadline.as_ref().map(|d| d.controller.signal());
    let init = RequestInit::new();
    let headers = web_sys::Headers::new().map_err(error_text)?;
    headers.set("Authorization", &format!("Bearer {token}")).map_err(error_text)?;
    init.set_headers(&headers);
    init.set_signal(signal.as_ref());
    init.set_cache(web_sys::RequestCache::NoStore);
    let response = fetch(url, &init).await?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    text(&response).await
}

/// Fetches and parses a JSON document (the operator's config file). With `integrity`
/// (`sha384-…`) the browser refuses a body with another digest: the fetch then fails.
pub async fn get_json(url: &str, integrity: Option<&str>) -> Result<serde_json::Value, String> {
    let text = get_text(url, integrity).await?;
    serde_json::from_str(&text).map_err(|e| format!("not valid JSON: {e}"))
}

/// Fetches a text document (the config file, a language pack), checked by `integrity` when
/// one is given.
pub async fn get_text(url: &str, integrity: Option<&str>) -> Result<String, String> {
    let init = RequestInit::new();
    if let Some(integrity) = integrity {
        init.set_integrity(integrity);
    }
    let response = fetch(url, &init).await?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    text(&response).await
}
