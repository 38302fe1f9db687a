//! The outbox's wake-up: one timer for the next retry plus the window's `online` event (a
//! report waiting out a long backoff goes as soon as the network is back). Dropping the
//! alarm clears the timer and removes the listener.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub struct Alarm {
    timer: Option<(i32, Closure<dyn FnMut()>)>,
    online: Option<Closure<dyn FnMut()>>,
}

impl Alarm {
    /// Calls `wake` after `delay_ms` (clamped to what `setTimeout` accepts) and on every
    /// `online` event, until dropped. `None` without a window.
    pub fn set(delay_ms: u64, wake: impl Fn() + Clone + 'static) -> Option<Alarm> {
        let window = web_sys::window()?;
        let delay = delay_ms.min(i32::MAX as u64) as i32;
        let timer = Closure::<dyn FnMut()>::new(wake.clone());
        let timer = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(timer.as_ref().unchecked_ref(), delay)
            .ok()
            .map(|handle| (handle, timer));
        let online = Closure::<dyn FnMut()>::new(wake);
        let online = window
            .add_event_listener_with_callback("online", online.as_ref().unchecked_ref())
            .is_ok()
            .then_some(online);
        Some(Alarm { timer, online })
    }
}

impl Drop for Alarm {
    fn drop(&mut self) {
        let Some(window) = web_sys::window() else { return };
        if let Some((handle, _)) = &self.timer {
            window.clear_timeout_with_handle(*handle);
        }
        if let Some(online) = &self.online {
            let _ = window.remove_event_listener_with_callback("online", online.as_ref().unchecked_ref());
        }
    }
}
