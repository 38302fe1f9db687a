//! The page around the widget: its URL and languages, the console, fresh ids and timestamps,
//! and the `wallet-help:<event>` events the loader's `on()` and the host page listen to.

use wasm_bindgen::JsValue;

/// Prints one prefixed warning; used for operator mistakes, never for user input.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("[wallet-help] {message}")));
}

/// Prints one prefixed error: something the operator set up was refused.
pub fn error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(&format!("[wallet-help] {message}")));
}

/// Dispatches `CustomEvent("wallet-help:<name>", { detail })` on `window`.
pub fn emit(name: &str, detail: &JsValue) {
    let Some(window) = web_sys::window() else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(detail);
    match web_sys::CustomEvent::new_with_event_init_dict(&format!("wallet-help:{name}"), &init) {
        Ok(event) => {
            let _ = window.dispatch_event(&event);
        }
        Err(_) => warn(&format!("could not dispatch the {name} event")),
    }
}

/// Builds a plain `{key: value}` object for event details.
pub fn detail(pairs: &[(&str, &str)]) -> JsValue {
    let obj = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    obj.into()
}

pub fn page_url() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

pub fn user_agent() -> String {
    web_sys::window().and_then(|w| w.navigator().user_agent().ok()).unwrap_or_default()
}

/// The browser's language preferences, most preferred first.
pub fn languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let list: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() {
        nav.language().into_iter().collect()
    } else {
        list
    }
}

/// Resolves a possibly relative URL against the page, with the browser's own URL parser.
pub fn resolve_url(input: &str) -> Option<String> {
    web_sys::Url::new_with_base(input, &page_url()).ok().map(|u| u.href())
}

/// A random UUID v4 from the browser's CSPRNG, used as report id and Idempotency-Key.
/// `getRandomValues`, not `randomUUID`: the latter exists only on https pages, and a wallet
/// site on plain http must still be able to send.
pub fn new_id() -> Option<String> {
    let mut bytes = [0u8; 16];
    web_sys::window()?.crypto().ok()?.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(crate::core::report::uuid_v4(bytes))
}

/// Now, as RFC 3339 in UTC.
pub fn now_rfc3339() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// An RFC 3339 time as the reader's local date and time, written the way `lang` writes them
/// (e.g. "Dec 3, 2026, 5:31 PM", "2026年12月3日 17:31"); the text itself if it is not a time.
pub fn local_time(rfc3339: &str, lang: &str) -> String {
    let date = js_sys::Date::new(&rfc3339.into());
    if date.get_time().is_nan() {
        return rfc3339.to_string();
    }
    date_time(&date, lang)
}

/// A time in ms since the Unix epoch as the reader's local date and time (see [`local_time`]).
pub fn local_time_ms(ms: u64, lang: &str) -> String {
    date_time(&js_sys::Date::new(&(ms as f64).into()), lang)
}

fn date_time(date: &js_sys::Date, lang: &str) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    date.to_locale_string(lang, &options).into()
}

/// Minutes east of UTC of the user's clock at a local date and time ("2026-12-02T14:05"),
/// daylight saving included; 0 when the text is not a time.
pub fn utc_offset_at(local: &str) -> i32 {
    let offset = js_sys::Date::new(&local.into()).get_timezone_offset();
    if offset.is_nan() {
        0
    } else {
        -(offset as i32)
    }
}

/// Scrolls the panel just enough to show `el`: a message that appears below the fold (the
/// secret guard's alert, a delivery status) is read by screen readers but must be seen too.
pub fn reveal(el: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Focuses the element with `id` in the same document or shadow root as `near`: fragment
/// links cannot reach into a shadow root, so in-widget jumps go through here.
pub fn focus_by_id(near: Option<web_sys::EventTarget>, id: &str) {
    use wasm_bindgen::JsCast;
    let Some(node) = near.and_then(|t| t.dyn_into::<web_sys::Node>().ok()) else { return };
    let root = node.get_root_node();
    let found = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.get_element_by_id(id),
        None => root.dyn_ref::<web_sys::Document>().and_then(|d| d.get_element_by_id(id)),
    };
    if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Whether the browser believes it has a network connection.
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Now, in milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}
