//! The outbox's IndexedDB database: one object store `outbox` keyed by `id`, each record the
//! JSON of a `core::outbox::Entry`. web-sys + js-sys only (an IndexedDB crate would add more
//! bundle bytes than this file). Every operation is one transaction awaited to `complete`,
//! so a write has landed when its future resolves; failures are `Err(String)`.

use crate::core::outbox::Entry;
use crate::platform::host;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Event, EventTarget, IdbDatabase, IdbFactory, IdbRequest, IdbTransaction, IdbTransactionMode};

/// The widget's database; tests use other names.
pub const DATABASE: &str = "wallet-help";
const VERSION: u32 = 1;
const STORE: &str = "outbox";

/// An open connection. It closes itself when another tab deletes or upgrades the database
/// (so "clear my data" is never blocked by this tab); check [`Db::is_open`] before reuse.
pub struct Db {
    db: IdbDatabase,
    open: Rc<Cell<bool>>,
    _on_version_change: Closure<dyn FnMut(Event)>,
}

fn factory() -> Result<IdbFactory, String> {
    let window = web_sys::window().ok_or("no window")?;
    window.indexed_db().ok().flatten().ok_or_else(|| "IndexedDB is unavailable".to_string())
}

fn js_error(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

impl Db {
    /// Opens (creating on first use) the database `name`. Only call this once the user has
    /// submitted something or something is known to be stored: opening creates it.
    pub async fn open(name: &str) -> Result<Db, String> {
        let request = factory()?.open_with_u32(name, VERSION).map_err(js_error)?;
        let upgrade = {
            let request = request.clone();
            Closure::<dyn FnMut(Event)>::new(move |_: Event| {
                let Some(db) = request.result().ok().and_then(|r| r.dyn_into::<IdbDatabase>().ok()) else { return };
                let params = web_sys::IdbObjectStoreParameters::new();
                params.set_key_path(&JsValue::from_str("id"));
                if let Err(e) = db.create_object_store_with_optional_parameters(STORE, &params) {
                    host::warn(&format!("could not create the outbox store: {}", js_error(e)));
                }
            })
        };
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let settled = settle(&request, "success", &["error"]).await;
        request.set_onupgradeneeded(None);
        settled.map_err(|_| request_error(&request, "could not open the outbox"))?;
        let db: IdbDatabase = request.result().map_err(js_error)?.dyn_into().map_err(js_error)?;
        let open = Rc::new(Cell::new(true));
        let on_version_change = {
            let (db, open) = (db.clone(), open.clone());
            Closure::<dyn FnMut(Event)>::new(move |_: Event| {
                open.set(false);
                db.close();
            })
        };
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        Ok(Db { db, open, _on_version_change: on_version_change })
    }

    pub fn is_open(&self) -> bool {
        self.open.get()
    }

    /// Inserts or replaces the entry with the same id.
    pub async fn put(&self, entry: &Entry) -> Result<(), String> {
        let json = serde_json::to_string(entry).map_err(|e| e.to_string())?;
        let record = js_sys::JSON::parse(&json).map_err(js_error)?;
        self.run(IdbTransactionMode::Readwrite, |store| store.put(&record)).await.map(|_| ())
    }

    /// Every stored entry. Records that no longer parse are skipped with a warning.
    pub async fn get_all(&self) -> Result<Vec<Entry>, String> {
        let result = self.run(IdbTransactionMode::Readonly, |store| store.get_all()).await?;
        let list: js_sys::Array = result.dyn_into().map_err(|_| "getAll did not return an array".to_string())?;
        let parsed = list.iter().filter_map(|record| {
            let json: String = js_sys::JSON::stringify(&record).ok()?.into();
            let entry = match serde_json::from_str(&json) {
                Ok(value) => crate::core::stored::entry(&value).ok_or_else(|| "not an outbox entry".to_string()),
                Err(e) => Err(e.to_string()),
            };
            if let Err(e) = &entry {
                host::warn(&format!("skipping an unreadable outbox record: {e}"));
            }
            entry.ok()
        });
        Ok(parsed.collect())
    }

    /// Removes the entry with this id; a missing id is not an error.
    pub async fn delete(&self, id: &str) -> Result<(), String> {
        self.run(IdbTransactionMode::Readwrite, |store| store.delete(&JsValue::from_str(id))).await.map(|_| ())
    }

    /// One request in its own transaction; resolves with the request's result after the
    /// transaction committed (a success event alone does not mean the write is durable).
    async fn run(
        &self,
        mode: IdbTransactionMode,
        op: impl FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
    ) -> Result<JsValue, String> {
        if !self.is_open() {
            return Err("the outbox database was closed".into());
        }
        let tx = self.db.transaction_with_str_and_mode(STORE, mode).map_err(js_error)?;
        let request = op(&tx.object_store(STORE).map_err(js_error)?).map_err(js_error)?;
        if settle(&tx, "complete", &["error", "abort"]).await.is_err() {
            return Err(transaction_error(&tx, &request));
        }
        request.result().map_err(js_error)
    }

    pub fn close(&self) {
        self.open.set(false);
        self.db.close();
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        self.db.set_onversionchange(None);
        self.close();
    }
}

/// Deletes the whole database (the "clear my data" action). Waits while other tabs still
/// hold it open; their connections close themselves on the version change. Without
/// IndexedDB there is nothing to delete.
pub async fn delete_database(name: &str) -> Result<(), String> {
    let Ok(factory) = factory() else { return Ok(()) };
    let request = factory.delete_database(name).map_err(js_error)?;
    settle(&request, "success", &["error"]).await.map_err(|_| request_error(&request, "could not delete the outbox"))
}

/// Whether the database exists, without creating it: `indexedDB.databases()` where the
/// browser has it, else `None` (unknown).
pub async fn exists(name: &str) -> Option<bool> {
    let factory = factory().ok()?;
    let databases = js_sys::Reflect::get(&factory, &JsValue::from_str("databases")).ok()?;
    let databases = databases.dyn_into::<js_sys::Function>().ok()?;
    let promise = databases.call0(&factory).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let list: js_sys::Array = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    let name_key = JsValue::from_str("name");
    Some(
        list.iter().any(|info| {
            js_sys::Reflect::get(&info, &name_key).ok().and_then(|n| n.as_string()).as_deref() == Some(name)
        }),
    )
}

fn request_error(request: &IdbRequest, fallback: &str) -> String {
    request
        .error()
        .ok()
        .flatten()
        .map(|e| format!("{fallback}: {}", e.message()))
        .unwrap_or_else(|| fallback.to_string())
}

fn transaction_error(tx: &IdbTransaction, request: &IdbRequest) -> String {
    tx.error().map(|e| e.message()).unwrap_or_else(|| request_error(request, "the outbox transaction failed"))
}

/// Waits for the first of `ok` or `fail` events on an IDB request or transaction; the
/// listeners are removed when this returns or is dropped.
async fn settle(target: &EventTarget, ok: &'static str, fail: &[&'static str]) -> Result<(), ()> {
    let (mut resolve, mut reject) = (None, None);
    let promise = js_sys::Promise::new(&mut |res, rej| {
        resolve = Some(res);
        reject = Some(rej);
    });
    let (Some(resolve), Some(reject)) = (resolve, reject) else { return Err(()) };
    let mut listeners = Listeners { target: target.clone(), list: Vec::new() };
    listeners.add(ok, move |_| {
        let _ = resolve.call0(&JsValue::NULL);
    });
    for name in fail {
        let reject = reject.clone();
        listeners.add(name, move |_| {
            let _ = reject.call0(&JsValue::NULL);
        });
    }
    JsFuture::from(promise).await.map(|_| ()).map_err(|_| ())
}

type Handler = Closure<dyn FnMut(Event)>;

struct Listeners {
    target: EventTarget,
    list: Vec<(&'static str, Handler)>,
}

impl Listeners {
    fn add(&mut self, name: &'static str, f: impl FnMut(Event) + 'static) {
        let closure = Handler::new(f);
        if self.target.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref()).is_ok() {
            self.list.push((name, closure));
        }
    }
}

impl Drop for Listeners {
    fn drop(&mut self) {
        for (name, closure) in &self.list {
            let _ = self.target.remove_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
        }
    }
}
