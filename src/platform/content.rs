//! The content of a language, for the build whose content files are fetched (`make dist`,
//! feature `split`): `content.js` fetches them, pinned by the glue, and
//! [`crate::core::content::install`] reads them. Otherwise the content is compiled in and
//! always there.

use crate::core::config::Locale;
use crate::core::content;
#[cfg(feature = "split")]
use wasm_bindgen::JsCast;

#[cfg(feature = "split")]
#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/platform/content.js")]
extern "C" {
    fn wh_content(tag: &str) -> js_sys::Promise;
}

/// Makes `locale`'s content available; the error says which file and why.
pub async fn load(locale: Locale) -> Result<(), String> {
    if content::pack(locale).is_some() {
        return Ok(());
    }
    #[cfg(feature = "split")]
    {
        let text = wasm_bindgen_futures::JsFuture::from(wh_content(locale.tag())).await.map_err(|e| {
            e.dyn_ref::<js_sys::Error>().map_or_else(|| format!("{e:?}"), |e| String::from(e.message()))
        })?;
        let text = text.as_string().ok_or("the content file is not text")?;
        content::install(locale, text).map(|_| ())
    }
    #[cfg(not(feature = "split"))]
    Err(format!("no content for {}", locale.tag()))
}
