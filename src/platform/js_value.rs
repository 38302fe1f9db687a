//! JS values handed to `mount()` and `prefill()` read into `serde_json::Value`. A direct walk
//! over the value with `js_sys` instead of `serde-wasm-bindgen`, whose generic deserializer
//! cost more Wasm than this whole module for the two places that need it.
//!
//! The rules are the ones the options have always been read by: `null` and `undefined`
//! become `null`; numbers that are safe integers stay integers, others become floats
//! (NaN and infinities `null`); plain objects and `Map`s become objects with string keys;
//! arrays become arrays. Anything else (functions, symbols, typed arrays, other iterables,
//! BigInts outside the 64-bit range) makes the whole value unreadable, so the caller can warn
//! once and use its defaults.

use js_sys::{Array, Map, Number, Object, Reflect, Symbol};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

/// The value as JSON, or `None` if some part of it has no JSON form.
pub fn to_json(value: &JsValue) -> Option<Value> {
    if value.is_null() || value.is_undefined() {
        return Some(Value::Null);
    }
    if let Some(b) = value.as_bool() {
        return Some(Value::Bool(b));
    }
    if value.is_bigint() {
        let text = String::from(value.unchecked_ref::<js_sys::BigInt>().to_string(10).ok()?);
        return text.parse::<i64>().map(Value::from).or_else(|_| text.parse::<u64>().map(Value::from)).ok();
    }
    if let Some(n) = value.as_f64() {
        return Some(if Number::is_safe_integer(value) { Value::from(n as i64) } else { Value::from(n) });
    }
    if let Some(s) = value.as_string() {
        return Some(Value::String(s));
    }
    if Array::is_array(value) {
        return value
            .unchecked_ref::<Array>()
            .iter()
            .map(|v| to_json(&v))
            .collect::<Option<Vec<_>>>()
            .map(Value::Array);
    }
    if value.is_instance_of::<js_sys::Uint8Array>() || value.is_instance_of::<js_sys::ArrayBuffer>() {
        return None;
    }
    let entries = if let Some(map) = value.dyn_ref::<Map>() {
        Array::from(&map.entries().into())
    } else if value.is_object() && !Reflect::has(value, &Symbol::iterator()).unwrap_or(true) {
        Object::entries(value.unchecked_ref())
    } else {
        return None;
    };
    let mut object = serde_json::Map::new();
    for pair in entries.iter() {
        let pair: Array = pair.unchecked_into();
        object.insert(pair.get(0).as_string()?, to_json(&pair.get(1))?);
    }
    Some(Value::Object(object))
}

/// An object whose values are all strings, as `(key, value)` pairs in key order.
pub fn string_pairs(value: &JsValue) -> Option<Vec<(String, String)>> {
    match to_json(value)? {
        Value::Object(map) => map.into_iter().map(|(k, v)| Some((k, v.as_str()?.to_string()))).collect(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{string_pairs, to_json};
    use serde_json::json;
    use wasm_bindgen::JsValue;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn js(source: &str) -> JsValue {
        js_sys::Function::new_no_args(&format!("return {source}")).call0(&JsValue::NULL).unwrap_or(JsValue::NULL)
    }

    #[wasm_bindgen_test]
    fn options_read_as_json() {
        let read = to_json(&js(r#"{ locale: "en", open: undefined, n: 3, f: 1.5, big: 2 ** 60, nan: NaN, ok: true,
            list: ["a", null], nested: { x: new Map([["k", "v"]]) }, b: 5n }"#));
        let want = json!({ "locale": "en", "open": null, "n": 3, "f": 1.5, "big": 1_152_921_504_606_846_976.0_f64,
            "nan": null, "ok": true, "list": ["a", null], "nested": { "x": { "k": "v" } }, "b": 5 });
        assert_eq!(read, Some(want));
        assert_eq!(to_json(&JsValue::UNDEFINED), Some(serde_json::Value::Null));
    }

    #[wasm_bindgen_test]
    fn values_without_a_json_form_make_the_whole_value_unreadable() {
        for source in [
            "{ f() {} }",
            "[Symbol()]",
            "{ s: new Set([1]) }",
            "{ m: new Map([[1, 2]]) }",
            "new Uint8Array(2)",
            "2n ** 70n",
        ] {
            assert_eq!(to_json(&js(source)), None, "{source}");
        }
    }

    #[wasm_bindgen_test]
    fn prefill_takes_string_values_only() {
        let pairs = string_pairs(&js(r#"{ txHash: "0xab", accountId: "A-17" }"#));
        assert_eq!(pairs, Some(vec![("accountId".into(), "A-17".into()), ("txHash".into(), "0xab".into())]));
        assert_eq!(string_pairs(&js(r#"{ amount: 5 }"#)), None);
        assert_eq!(string_pairs(&js(r#""text""#)), None);
        assert_eq!(string_pairs(&JsValue::NULL), None);
    }
}
