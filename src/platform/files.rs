//! Getting text out of the widget: the clipboard, a download as a `.txt` file, and a page
//! to print.

use wasm_bindgen::JsCast;

/// Copies text; browsers that refuse (no permission, no secure context) leave it selectable.
pub fn copy_text(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// Copies text and says whether the browser did (it may refuse: no permission, no focus,
/// no secure context), so the caller never claims a copy that did not happen.
pub async fn copied(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    wasm_bindgen_futures::JsFuture::from(window.navigator().clipboard().write_text(text)).await.is_ok()
}

/// Offers `text` as a download named `name` (UTF-8 plain text).
pub fn download_text(name: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) = document.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Opens `text` alone in a new tab, one paragraph per blank-line-separated block, and asks
/// the browser to print it: the widget's panel and the host page stay off the paper.
/// Returns false when the browser blocked the new tab. The page is built with DOM calls,
/// not markup, so nothing in the letter can become HTML and no inline script or style is
/// needed under a strict CSP.
pub fn print_text(title: &str, text: &str) -> bool {
    let Some(win) = web_sys::window().and_then(|w| w.open_with_url_and_target("", "_blank").ok().flatten()) else {
        return false;
    };
    let Some((doc, body)) = win.document().and_then(|d| d.body().map(|b| (d, b))) else { return false };
    doc.set_title(title);
    for block in text.split("\n\n") {
        let Ok(p) = doc.create_element("p") else { continue };
        for (i, line) in block.lines().enumerate() {
            if i > 0 {
                if let Ok(br) = doc.create_element("br") {
                    let _ = p.append_child(&br);
                }
            }
            let _ = p.append_with_str_1(line);
        }
        let _ = body.append_child(&p);
    }
    let _ = win.print();
    true
}
