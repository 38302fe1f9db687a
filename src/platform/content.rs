//! The content of a language, for the build whose content files are fetched (`make dist`,
//! feature `split`): `content.js` fetches them, pinned by the glue, and
//! [`crate::core::content::install`] reads them. Otherwise the content is compiled in and
//! always there.

use super::http;
use crate::core::config::{self, Locale};
use crate::core::content;
#[cfg(feature = "split")]
use wasm_bindgen::JsCast;

#[cfg(feature = "split")]
#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/platform/content.js")]
extern "C" {
    fn wh_content(tag: &str) -> js_sys::Promise;
}

/// Makes `locale`'s content available; the error says which file and why. An operator's
/// language comes from the URL the config file (at `config_url`) gives, in every build.
pub async fn load(locale: Locale, config_url: Option<&str>) -> Result<(), String> {
    if content::pack(locale).is_some() {
        return Ok(());
    }
    if let Some(added) = locale.added() {
        let base = config_url.ok_or("no config file")?;
        let url =
            web_sys::Url::new_with_base(&added.url, base).map_err(|_| format!("{:?} is not a URL", added.url))?.href();
        config::pack_allowed(base, &url, added.integrity.as_deref())?;
        let text = http::get_text(&url, added.integrity.as_deref()).await.map_err(|e| {
            let pin = if added.integrity.is_some() { " or does not match its integrity" } else { "" };
            format!("{url} could not be loaded{pin} ({e})")
        })?;
        return content::install(locale, text).map(|_| ()).map_err(|e| format!("{url}: {e}"));
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
