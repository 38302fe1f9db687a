//! Screenshots for a report: checked, drawn onto a canvas at most 1600 px on the long
//! side, and re-encoded until they fit in 2 MB, all in the browser.

use crate::core::report::{attachment, Attachment, ATTACHMENT_MAX_BYTES};
use js_sys::{Promise, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const LONG_SIDE_MAX: f64 = 1600.0;
pub const ACCEPTED: [&str; 3] = ["image/png", "image/jpeg", "image/webp"];

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ImageError {
    /// Not a PNG, JPEG or WebP file.
    Type,
    /// The browser could not decode it.
    Unreadable,
    /// Still over 2 MB at the lowest quality tried.
    TooBig,
}

fn canvas_blob(canvas: &web_sys::HtmlCanvasElement, mime: &str, quality: f64) -> Promise {
    let canvas = canvas.clone();
    let mime = mime.to_string();
    Promise::new(&mut |resolve, reject| {
        let done = Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        if canvas.to_blob_with_type_and_encoder_options(done.unchecked_ref(), &mime, &JsValue::from(quality)).is_err() {
            let _ = reject.call0(&JsValue::NULL);
        }
    })
}

/// Turns a picked file into an attachment, or says why it cannot be one.
pub async fn prepare(file: &web_sys::File) -> Result<Attachment, ImageError> {
    let mime = file.type_();
    if !ACCEPTED.contains(&mime.as_str()) {
        return Err(ImageError::Type);
    }
    let window = web_sys::window().ok_or(ImageError::Unreadable)?;
    let bitmap: web_sys::ImageBitmap =
        JsFuture::from(window.create_image_bitmap_with_blob(file).map_err(|_| ImageError::Unreadable)?)
            .await
            .map_err(|_| ImageError::Unreadable)?
            .dyn_into()
            .map_err(|_| ImageError::Unreadable)?;
    let (w, h) = (f64::from(bitmap.width()), f64::from(bitmap.height()));
    let scale = (LONG_SIDE_MAX / w.max(h)).min(1.0);
    let (w, h) = ((w * scale).round().max(1.0), (h * scale).round().max(1.0));
    let canvas: web_sys::HtmlCanvasElement = window
        .document()
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| c.dyn_into().ok())
        .ok_or(ImageError::Unreadable)?;
    canvas.set_width(w as u32);
    canvas.set_height(h as u32);
    let ctx: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into().ok()).ok_or(ImageError::Unreadable)?;
    ctx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, w, h).map_err(|_| ImageError::Unreadable)?;
    bitmap.close();
    // Same format first; photos that are still too large go to JPEG at falling quality.
    let tries = [(mime.as_str(), 0.9), ("image/jpeg", 0.8), ("image/jpeg", 0.6), ("image/jpeg", 0.4)];
    for (out, quality) in tries {
        let blob: web_sys::Blob = match JsFuture::from(canvas_blob(&canvas, out, quality)).await.map(|b| b.dyn_into()) {
            Ok(Ok(blob)) => blob,
            _ => continue,
        };
        if blob.size() as usize > ATTACHMENT_MAX_BYTES {
            continue;
        }
        let buffer = JsFuture::from(blob.array_buffer()).await.map_err(|_| ImageError::Unreadable)?;
        let bytes = Uint8Array::new(&buffer).to_vec();
        return Ok(attachment(&file.name(), out, &bytes));
    }
    Err(ImageError::TooBig)
}
