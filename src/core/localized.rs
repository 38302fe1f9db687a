//! A short text from the operator's config that may be written once for every language
//! (`"Hong Kong"`) or once per language (`{"en": "Hong Kong", "zh-CN": "香港"}`): a widget
//! that switches language at run time needs both at hand.

use super::config::Locale;
use serde::Deserialize;
use serde_json::Value;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Localized {
    en: String,
    zh_cn: String,
    zh_tw: String,
    /// Texts in languages the config file's `languages` added, by tag.
    added: Vec<(&'static str, String)>,
}

impl Localized {
    /// The text in `locale`; a language the operator left out shows the nearest one given:
    /// the other Chinese before English for Chinese readers, simplified before traditional
    /// for English ones.
    pub fn get(&self, locale: Locale) -> &str {
        let order = match locale {
            Locale::En => [&self.en, &self.zh_cn, &self.zh_tw],
            Locale::ZhCn => [&self.zh_cn, &self.zh_tw, &self.en],
            Locale::ZhTw => [&self.zh_tw, &self.zh_cn, &self.en],
            // An added language's own text, else English's order.
            added => match self.added.iter().find(|(tag, t)| *tag == added.tag() && !t.trim().is_empty()) {
                Some((_, text)) => return text,
                None => [&self.en, &self.zh_cn, &self.zh_tw],
            },
        };
        order.into_iter().find(|t| !t.trim().is_empty()).unwrap_or(&self.en)
    }

    /// No text in any language.
    pub fn is_blank(&self) -> bool {
        [&self.en, &self.zh_cn, &self.zh_tw]
            .into_iter()
            .chain(self.added.iter().map(|(_, t)| t))
            .all(|t| t.trim().is_empty())
    }

    /// Reads the config's value; the error names the problem for the field's message.
    pub fn read(raw: &Value) -> Result<Localized, String> {
        match raw {
            Value::String(s) => Ok(Localized::from(s.as_str())),
            Value::Object(map) => {
                let mut out = Localized::default();
                for (tag, text) in map {
                    let text = match text {
                        Value::String(s) => s.clone(),
                        Value::Null => String::new(),
                        other => return Err(format!("must be text in {tag:?}, not {other}")),
                    };
                    match tag.as_str() {
                        "en" => out.en = text,
                        "zh-CN" => out.zh_cn = text,
                        "zh-TW" => out.zh_tw = text,
                        _ => match Locale::each().find(|l| l.is_added() && l.tag() == tag) {
                            Some(l) => out.added.push((l.tag(), text)),
                            None => {
                                return Err(format!(
                                    "has language {tag:?}, which is neither built in (\"en\", \"zh-CN\", \"zh-TW\") nor added by config.languages"
                                ))
                            }
                        },
                    }
                }
                Ok(out)
            }
            other => Err(format!("must be text, or an object of texts by language, not {other}")),
        }
    }
}

impl From<&str> for Localized {
    fn from(text: &str) -> Localized {
        Localized { en: text.to_string(), zh_cn: text.to_string(), zh_tw: text.to_string(), added: Vec::new() }
    }
}

/// The same shapes through serde, for the derived config types the hand readers are tested
/// against (`core::sections`).
impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Localized, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Languages {
            en: Option<String>,
            #[serde(rename = "zh-CN")]
            zh_cn: Option<String>,
            #[serde(rename = "zh-TW")]
            zh_tw: Option<String>,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Shape {
            Same(String),
            PerLanguage(Languages),
        }
        Ok(match Shape::deserialize(d)? {
            Shape::Same(text) => Localized::from(text.as_str()),
            Shape::PerLanguage(l) => Localized {
                en: l.en.unwrap_or_default(),
                zh_cn: l.zh_cn.unwrap_or_default(),
                zh_tw: l.zh_tw.unwrap_or_default(),
                added: Vec::new(),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn one_text_for_all_or_one_per_language_with_the_other_as_fallback() {
        let same = Localized::read(&json!("FCA")).unwrap();
        assert_eq!((same.get(Locale::En), same.get(Locale::ZhCn)), ("FCA", "FCA"));

        let both = Localized::read(&json!({"en": "Hong Kong", "zh-CN": "香港"})).unwrap();
        assert_eq!((both.get(Locale::En), both.get(Locale::ZhCn)), ("Hong Kong", "香港"));

        let only_zh = Localized::read(&json!({"zh-CN": "香港", "en": null})).unwrap();
        assert_eq!((only_zh.get(Locale::En), only_zh.get(Locale::ZhCn)), ("香港", "香港"));
        let blank_en = Localized::read(&json!({"en": " ", "zh-CN": "香港"})).unwrap();
        assert_eq!(blank_en.get(Locale::En), "香港");

        // Traditional Chinese readers get the simplified text before the English one.
        assert_eq!(both.get(Locale::ZhTw), "香港");
        let three = Localized::read(&json!({"en": "Taipei", "zh-CN": "台北", "zh-TW": "臺北"})).unwrap();
        assert_eq!(Locale::ALL.map(|l| three.get(l)), ["Taipei", "台北", "臺北"]);
        let only_tw = Localized::read(&json!({"zh-TW": "臺北"})).unwrap();
        assert_eq!(Locale::ALL.map(|l| only_tw.get(l)), ["臺北"; 3]);

        assert!(Localized::read(&json!({})).unwrap().is_blank());
        assert!(Localized::read(&json!(" ")).unwrap().is_blank());
        assert!(!both.is_blank());
    }

    #[test]
    fn wrong_shapes_say_what_is_expected() {
        assert_eq!(
            Localized::read(&json!({"fr": "x"})),
            Err(r#"has language "fr", which is neither built in ("en", "zh-CN", "zh-TW") nor added by config.languages"#.into())
        );
        assert_eq!(Localized::read(&json!({"en": 1})), Err(r#"must be text in "en", not 1"#.into()));
        assert_eq!(Localized::read(&json!(7)), Err("must be text, or an object of texts by language, not 7".into()));
        assert!(Localized::read(&json!(null)).is_err());
    }

    #[test]
    fn serde_reads_the_same_shapes() {
        for raw in [
            json!("a"),
            json!({"en": "a", "zh-CN": "b"}),
            json!({"zh-CN": "b"}),
            json!({"zh-TW": "c", "en": "a"}),
            json!({}),
            json!({"en": null}),
            json!({"fr": "x"}),
            json!({"en": 1}),
            json!(7),
            json!(null),
            json!(["a"]),
        ] {
            assert_eq!(Localized::read(&raw).ok(), serde_json::from_value::<Localized>(raw.clone()).ok(), "{raw}");
        }
    }
}
