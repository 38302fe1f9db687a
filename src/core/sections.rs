//! The config file's `official` and `support` sections read straight from the parsed JSON.
//! Hand-written rather than `serde_json::from_value` into the derived types: each derived
//! type instantiated serde's whole `Value` deserializer once more in the Wasm, and these
//! rules are short. They accept what the derive accepted for the documented shape (objects,
//! see `static/config.schema.json`): every field optional, unknown fields ignored, `null`
//! fine for optional texts but not for lists or names.

use super::contacts::{Handle, Network, Official};
use super::localized::Localized;
use super::troubleshoot::{Channels, Regulator};
use serde_json::{Map, Value};

type Read<T> = Result<T, String>;

/// `official`: the verifier's list of official contacts.
pub fn official(raw: &Value) -> Read<Official> {
    let o = object(raw, "the official contacts")?;
    Ok(Official {
        brand: text(o, "brand")?.unwrap_or_default(),
        domains: texts(o, "domains")?,
        emails: texts(o, "emails")?,
        phones: texts(o, "phones")?,
        handles: list(o, "handles", handle)?,
    })
}

fn handle(raw: &Value) -> Read<Handle> {
    let o = object(raw, "a handle")?;
    let network = match o.get("network").map(|n| (n, n.as_str())) {
        None => return Err("a handle's network is missing".into()),
        Some((_, Some("telegram"))) => Network::Telegram,
        Some((_, Some("x"))) => Network::X,
        Some((_, Some("wechat" | "weixin"))) => Network::WeChat,
        Some((n, _)) => return Err(format!("network {n} unknown; use telegram, x or wechat")),
    };
    let name = text(o, "name")?.ok_or("a handle's name is missing")?;
    Ok(Handle { network, name })
}

/// `support`: the escalation ladder's channels. The links are checked afterwards by
/// [`Channels::checked`].
pub fn support(raw: &Value) -> Read<Channels> {
    let o = object(raw, "the support channels")?;
    Ok(Channels {
        chat: optional_text(o, "chat")?,
        phone: optional_text(o, "phone")?,
        hours: match o.get("hours") {
            None | Some(Value::Null) => None,
            Some(v) => Some(localized(v, "hours")?),
        },
        email: optional_text(o, "email")?,
        forum: optional_text(o, "forum")?,
        regulators: list(o, "regulators", regulator)?,
        response_hours: match o.get("responseHours") {
            None | Some(Value::Null) => None,
            Some(v) => Some(
                v.as_u64()
                    .and_then(|h| u32::try_from(h).ok())
                    .ok_or_else(|| format!("responseHours must be a number of hours, not {v}"))?,
            ),
        },
    })
}

fn regulator(raw: &Value) -> Read<Regulator> {
    let o = object(raw, "a regulator")?;
    Ok(Regulator {
        region: o.get("region").map_or(Ok(Localized::default()), |v| localized(v, "region"))?,
        name: o.get("name").map_or(Ok(Localized::default()), |v| localized(v, "name"))?,
        url: optional_text(o, "url")?,
    })
}

fn object<'a>(raw: &'a Value, what: &str) -> Read<&'a Map<String, Value>> {
    raw.as_object().ok_or_else(|| format!("{what} must be an object, not {raw}"))
}

/// A text field that may be missing (`None`) but, when present, must be a string.
fn text(o: &Map<String, Value>, key: &str) -> Read<Option<String>> {
    match o.get(key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!("{key} must be text, not {other}")),
    }
}

/// Like [`text`], and `null` counts as missing.
fn optional_text(o: &Map<String, Value>, key: &str) -> Read<Option<String>> {
    match o.get(key) {
        Some(Value::Null) => Ok(None),
        _ => text(o, key),
    }
}

/// A text the operator may give per language ([`Localized`]).
fn localized(raw: &Value, key: &str) -> Read<Localized> {
    Localized::read(raw).map_err(|problem| format!("{key} {problem}"))
}

fn texts(o: &Map<String, Value>, key: &str) -> Read<Vec<String>> {
    list(o, key, |v| v.as_str().map(String::from).ok_or_else(|| format!("{key} must hold only text, not {v}")))
}

fn list<T>(o: &Map<String, Value>, key: &str, item: impl Fn(&Value) -> Read<T>) -> Read<Vec<T>> {
    match o.get(key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items.iter().map(item).collect(),
        Some(other) => Err(format!("{key} must be a list, not {other}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The same answers as the serde derives these readers replace, on documented shapes and
    /// on every kind of wrong value.
    #[test]
    fn reads_like_the_derived_deserializers() {
        let wrong = [
            json!(null),
            json!(7),
            json!(-7),
            json!(2.5),
            json!(5_000_000_000u64),
            json!("x"),
            json!(true),
            json!([]),
            json!(["x"]),
            json!({}),
        ];
        let mut officials = vec![
            json!({}),
            json!({"brand": "Acme", "domains": ["acme.io"], "emails": ["a@acme.io"], "phones": ["+1 555"],
                   "handles": [{"network": "telegram", "name": "acme"}, {"network": "weixin", "name": "w"},
                               {"network": "x", "name": "y", "extra": 1}], "unknown": true}),
            json!({"handles": [{"network": "wechat"}]}),
            json!({"handles": [{"name": "n"}]}),
            json!({"handles": [{"network": "Telegram", "name": "n"}]}),
        ];
        let mut supports = vec![
            json!({}),
            json!({"chat": "https://c", "phone": "+1", "hours": "9-5", "email": "e@x.io", "forum": null, "responseHours": 48,
                   "regulators": [{"region": "EU", "name": "ESMA", "url": "https://esma"}, {}], "other": 1}),
            json!({"hours": {"en": "9-5 weekdays", "zh-CN": "工作日 9-17 点"},
                   "regulators": [{"region": {"en": "Hong Kong", "zh-CN": "香港"}, "name": {"zh-CN": "证监会"}}]}),
            json!({"hours": {"de": "9-5"}}),
            json!({"regulators": [{"name": {"en": ["x"]}}]}),
        ];
        for key in ["brand", "domains", "handles"] {
            for w in &wrong {
                officials.push(json!({ key: w }));
                officials.push(json!({"handles": [{"network": "x", "name": "n", key: w}]}));
            }
        }
        for key in ["chat", "regulators", "responseHours"] {
            for w in &wrong {
                supports.push(json!({ key: w }));
                supports.push(json!({"regulators": [{ "name": "n", key: w }]}));
                supports.push(json!({"regulators": [{ "region": w }]}));
            }
        }
        for w in wrong.iter().filter(|w| !w.is_array()) {
            officials.push(w.clone());
            supports.push(w.clone());
        }
        for raw in officials {
            assert_eq!(official(&raw).ok(), serde_json::from_value::<Official>(raw.clone()).ok(), "{raw}");
        }
        for raw in supports {
            assert_eq!(support(&raw).ok(), serde_json::from_value::<Channels>(raw.clone()).ok(), "{raw}");
        }
    }

    #[test]
    fn problems_name_the_field() {
        assert_eq!(official(&json!({"domains": "acme.io"})), Err("domains must be a list, not \"acme.io\"".into()));
        assert_eq!(official(&json!({"phones": [1]})), Err("phones must hold only text, not 1".into()));
        assert_eq!(support(&json!({"chat": 3})), Err("chat must be text, not 3".into()));
        assert_eq!(support(&json!("x")), Err("the support channels must be an object, not \"x\"".into()));
        assert_eq!(
            support(&json!({"regulators": [{"name": {"fr": "AMF"}}]})),
            Err(r#"name has language "fr", which is neither built in ("en", "zh-CN", "zh-TW") nor added by config.languages"#.into())
        );
        assert_eq!(
            support(&json!({"hours": 9})),
            Err("hours must be text, or an object of texts by language, not 9".into())
        );
    }
}
