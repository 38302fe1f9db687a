//! Running a task under a Web Lock so that, with several tabs of the wallet open, only one
//! sends the outbox at a time. `navigator.locks` is called through `js_sys::Reflect`
//! because web-sys exposes `LockManager` only behind `--cfg=web_sys_unstable_apis`. Where
//! there are no Web Locks (plain-http pages, older browsers) a lease in localStorage does
//! the same job (`core::lease`).

use crate::core::lease;
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The outbox's lock, shared by every tab of the origin.
pub const OUTBOX: &str = "wallet-help:v1:outbox";

/// Runs `task` while holding the exclusive lock `name`, requested with `ifAvailable` so it
/// never waits behind another tab: `Ok(Some(result))` if it ran, `Ok(None)` if another
/// holder has the lock right now. The lock is released when the task's future completes.
/// Without `navigator.locks` (older browsers, insecure contexts) the lease `<name>:lease`
/// in localStorage stands in, taken in the name of `owner` (unique per outbox instance);
/// without localStorage either the task runs unguarded, and the server's dedupe by id still
/// keeps a double send harmless.
pub async fn if_available<T, F, Fut>(name: &str, owner: &str, task: F) -> Result<Option<T>, String>
where
    T: 'static,
    F: FnOnce() -> Fut + 'static,
    Fut: Future<Output = T> + 'static,
{
    let task = Rc::new(RefCell::new(Some(task)));
    let Some((locks, request)) = lock_manager() else { return with_lease(name, owner, &task).await };
    let slot: Rc<RefCell<Option<T>>> = Rc::new(RefCell::new(None));
    let granted = {
        let (task, slot) = (task.clone(), slot.clone());
        Closure::once(move |lock: JsValue| -> js_sys::Promise {
            let task = task.borrow_mut().take();
            match task {
                // `null` lock: held elsewhere. Resolving at once gives up the request.
                Some(task) if !lock.is_null() && !lock.is_undefined() => {
                    wasm_bindgen_futures::future_to_promise(async move {
                        let value = task().await;
                        *slot.borrow_mut() = Some(value);
                        Ok(JsValue::UNDEFINED)
                    })
                }
                _ => js_sys::Promise::resolve(&JsValue::UNDEFINED),
            }
        })
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("ifAvailable"), &JsValue::TRUE);
    let called = request.call3(&locks, &JsValue::from_str(name), &options, granted.as_ref().unchecked_ref());
    let promise = match called.map(|p| p.dyn_into::<js_sys::Promise>()) {
        Ok(Ok(promise)) => promise,
        // A throwing `request` (e.g. a sandboxed frame) means the lease, not no sending.
        _ => return with_lease(name, owner, &task).await,
    };
    let settled = JsFuture::from(promise).await;
    drop(granted);
    let value = slot.borrow_mut().take();
    match (value, settled) {
        (Some(value), _) => Ok(Some(value)),
        (None, Ok(_)) => Ok(None),
        (None, Err(e)) => Err(format!("lock request failed: {}", e.as_string().unwrap_or_else(|| format!("{e:?}")))),
    }
}

/// `navigator.locks` and its `request` method, if the browser has them.
fn lock_manager() -> Option<(JsValue, js_sys::Function)> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    if locks.is_undefined() || locks.is_null() {
        return None;
    }
    let request = js_sys::Reflect::get(&locks, &JsValue::from_str("request")).ok()?.dyn_into().ok()?;
    Some((locks, request))
}

async fn run_unlocked<T, F, Fut>(task: &Rc<RefCell<Option<F>>>) -> Result<Option<T>, String>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = T>,
{
    let task = task.borrow_mut().take().ok_or("the task already ran")?;
    Ok(Some(task().await))
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Resolves after `ms` (at once without a window).
async fn sleep(ms: u64) {
    let mut set = None;
    let promise = js_sys::Promise::new(&mut |resolve, _| set = Some(resolve));
    let Some(resolve) = set else { return };
    let Some(window) = web_sys::window() else { return };
    let delay = i32::try_from(ms).unwrap_or(i32::MAX);
    if window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, delay).is_ok() {
        let _ = JsFuture::from(promise).await;
    }
}

/// The localStorage lease: take it if free, wait, check it is still ours, run the task while
/// renewing it, then release it. `Ok(None)` if another owner holds it or won the race.
async fn with_lease<T, F, Fut>(name: &str, owner: &str, task: &Rc<RefCell<Option<F>>>) -> Result<Option<T>, String>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = T>,
{
    let Some(storage) = local_storage() else { return run_unlocked(task).await };
    let key = format!("{name}:lease");
    let read = |s: &web_sys::Storage| s.get_item(&key).ok().flatten();
    if !lease::free_for(read(&storage).as_deref(), owner, now_ms()) {
        return Ok(None);
    }
    if storage.set_item(&key, &lease::value(owner, now_ms() + lease::LEASE_MS)).is_err() {
        // Storage that cannot be written cannot coordinate tabs either.
        return run_unlocked(task).await;
    }
    sleep(lease::SETTLE_MS).await;
    if !lease::held_by(read(&storage).as_deref(), owner) {
        return Ok(None);
    }
    let renewal = Renewal::start(storage.clone(), key.clone(), owner.to_string());
    let result = run_unlocked(task).await;
    drop(renewal);
    if lease::held_by(read(&storage).as_deref(), owner) {
        let _ = storage.remove_item(&key);
    }
    result
}

/// Renews the lease every `lease::RENEW_MS` while it is still ours; stops when dropped.
struct Renewal {
    handle: Option<i32>,
    _tick: Closure<dyn FnMut()>,
}

impl Renewal {
    fn start(storage: web_sys::Storage, key: String, owner: String) -> Renewal {
        let tick = Closure::<dyn FnMut()>::new(move || {
            if lease::held_by(storage.get_item(&key).ok().flatten().as_deref(), &owner) {
                let _ = storage.set_item(&key, &lease::value(&owner, now_ms() + lease::LEASE_MS));
            }
        });
        let handle = web_sys::window().and_then(|w| {
            w.set_interval_with_callback_and_timeout_and_arguments_0(
                tick.as_ref().unchecked_ref(),
                lease::RENEW_MS as i32,
            )
            .ok()
        });
        Renewal { handle, _tick: tick }
    }
}

impl Drop for Renewal {
    fn drop(&mut self) {
        if let (Some(window), Some(handle)) = (web_sys::window(), self.handle) {
            window.clear_interval_with_handle(handle);
        }
    }
}
