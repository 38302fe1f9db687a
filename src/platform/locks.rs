//! Running a task under a Web Lock so that, with several tabs of the wallet open, only one
//! sends the outbox at a time. `navigator.locks` is called through `js_sys::Reflect`
//! because web-sys exposes `LockManager` only behind `--cfg=web_sys_unstable_apis`.

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
/// Without `navigator.locks` (older browsers, insecure contexts) the task runs unlocked;
/// the server's dedupe by id still keeps a double send harmless.
pub async fn if_available<T, F, Fut>(name: &str, task: F) -> Result<Option<T>, String>
where
    T: 'static,
    F: FnOnce() -> Fut + 'static,
    Fut: Future<Output = T> + 'static,
{
    let task = Rc::new(RefCell::new(Some(task)));
    let Some((locks, request)) = lock_manager() else { return run_unlocked(&task).await };
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
        // A throwing `request` (e.g. a sandboxed frame) means no locking, not no sending.
        _ => return run_unlocked(&task).await,
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
