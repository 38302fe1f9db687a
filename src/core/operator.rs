//! The operator's config file (`data-config`): brand name and changes to the FAQ (add,
//! replace, hide articles). Whatever is wrong in it is skipped with a warning that names
//! the place, so a bad file never breaks the widget.

use super::checklist::Item;
use super::config::Locale;
use super::content::model::{markup, Article, Category, Text};
use super::content::validate::validate;
use super::content::{find, Catalogue};
use serde_json::Value;
use std::borrow::Cow;

/// What the config file changes.
#[derive(Debug, Default, PartialEq)]
pub struct Changes {
    pub brand: Option<String>,
    pub warnings: Vec<String>,
}

/// The operator's part for `locale` of a per-language section (`articles`, `checklist`) and
/// the tag it was found under. Traditional Chinese falls back to the simplified part: an
/// operator who rewrote an article in zh-CN only wants its facts shown to every Chinese
/// reader, not the built-in article it replaces.
fn part_for(section: &Value, locale: Locale) -> Option<(&'static str, &Value)> {
    let found = |l: Locale| section.get(l.tag()).map(|v| (l.tag(), v));
    found(locale).or_else(|| if locale == Locale::ZhTw { found(Locale::ZhCn) } else { None })
}

/// Applies the parsed config file to the catalogue and returns the other changes.
pub fn apply(file: &Value, catalogue: &mut Catalogue) -> Changes {
    let mut out = Changes::default();
    let Some(root) = file.as_object() else {
        out.warnings.push("config: the file must hold a JSON object; ignored".into());
        return out;
    };
    match root.get("brand") {
        None => {}
        Some(Value::String(b)) if !b.trim().is_empty() && b.chars().count() <= 40 => out.brand = Some(b.trim().into()),
        Some(_) => out.warnings.push("config.brand: must be a name of 1 to 40 characters; ignored".into()),
    }
    // First: the other sections may give texts in the languages it adds.
    if let Some(languages) = root.get("languages") {
        apply_languages(languages, &mut out.warnings);
    }
    match root.get("brandAliases") {
        None => {}
        Some(Value::Array(names))
            if names.iter().all(|n| n.as_str().is_some_and(|s| (1..=40).contains(&s.trim().chars().count()))) =>
        {
            catalogue.brand_aliases = names.iter().filter_map(Value::as_str).map(|s| s.trim().to_string()).collect();
        }
        Some(_) => {
            out.warnings.push("config.brandAliases: must be a list of names of 1 to 40 characters; ignored".into())
        }
    }
    match root.get("latestAppVersion") {
        None => {}
        Some(Value::String(v)) if !v.trim().is_empty() => catalogue.latest_app_version = Some(v.trim().into()),
        Some(_) => out.warnings.push("config.latestAppVersion: must be a version such as \"3.2.0\"; ignored".into()),
    }
    match root.get("official").map(super::sections::official) {
        None => {}
        Some(Ok(official)) => catalogue.official = Some(official),
        Some(Err(e)) => out
            .warnings
            .push(format!("config.official: {e}; ignored, so the verifier can confirm no contact as official")),
    }
    match root.get("support").map(super::sections::support) {
        None => {}
        Some(Ok(channels)) => {
            let (channels, warnings) = channels.checked();
            out.warnings.extend(warnings);
            catalogue.channels = channels;
        }
        Some(Err(e)) => out.warnings.push(format!("config.support: {e}; ignored")),
    }
    if let Some(checklist) = root.get("checklist") {
        apply_checklist(checklist, catalogue, &mut out.warnings);
    }
    if let Some(delivery) = root.get("delivery") {
        apply_delivery(delivery, catalogue, &mut out.warnings);
    }
    let Some(articles) = root.get("articles") else { return out };
    let hidden: Vec<String> = match articles.get("hide") {
        None => Vec::new(),
        Some(Value::Array(ids)) => ids.iter().filter_map(|v| v.as_str().map(String::from)).collect(),
        Some(_) => {
            out.warnings.push("config.articles.hide: must be a list of article ids; ignored".into());
            Vec::new()
        }
    };
    for locale in Locale::ALL {
        // A language whose content has not arrived yet is done when it does (the app applies
        // the file again): merged with nothing, every replacement would look like a new article.
        if super::content::pack(locale).is_none() {
            continue;
        }
        let mut merged: Vec<Article> =
            catalogue.articles(locale).iter().filter(|a| !hidden.iter().any(|h| *h == a.id)).cloned().collect();
        let mut sources: Vec<String> = merged.iter().map(|a| format!("default {}", a.id)).collect();
        let (tag, given) = match part_for(articles, locale) {
            None => ("", &[][..]),
            Some((tag, Value::Array(list))) => (tag, list.as_slice()),
            // zh-TW reading zh-CN's part repeats its warnings word for word; the app prints
            // each warning once.
            Some((tag, _)) => {
                out.warnings.push(format!("config.articles.{tag}: must be a list of articles; ignored"));
                (tag, &[][..])
            }
        };
        for (i, raw) in given.iter().enumerate() {
            let source = format!("config.articles.{tag}[{i}]");
            match article(raw) {
                Ok(a) => match merged.iter().position(|m| m.id == a.id) {
                    Some(at) => {
                        merged[at] = a;
                        sources[at] = source;
                    }
                    None => {
                        merged.push(a);
                        sources.push(source);
                    }
                },
                Err((field, msg)) => out.warnings.push(format!("{source}: {field}: {msg}; article skipped")),
            }
        }
        // Drop operator articles that fail validation; the defaults are checked at build time.
        let bad: Vec<usize> = validate(&merged, &sources)
            .into_iter()
            .filter(|p| p.source.starts_with("config."))
            .map(|p| {
                out.warnings.push(format!("{p}; article skipped"));
                sources.iter().position(|s| *s == p.source).unwrap_or(usize::MAX)
            })
            .collect();
        let kept = merged.into_iter().enumerate().filter(|(i, _)| !bad.contains(i)).map(|(_, a)| a).collect();
        catalogue.set(locale, kept);
    }
    out
}

/// `languages: {"vi": {"url": "wallet-help-vi.txt", "integrity": "sha384-…"}}`: languages the
/// widget does not ship, each a content file made by `wallet-help-pack` (the URL relative to
/// the config file). Registered here; the file is fetched when the language is shown.
fn apply_languages(raw: &Value, warnings: &mut Vec<String>) {
    let Some(map) = raw.as_object() else {
        warnings.push("config.languages: must be an object of languages by tag; ignored".into());
        return;
    };
    for (tag, spec) in map {
        let place = format!("config.languages.{tag}");
        let url = match spec.get("url") {
            Some(Value::String(u)) if super::config::pack_url_allowed(u) => u.clone(),
            Some(Value::String(u)) => {
                warnings.push(format!("{place}.url: {u:?} must be https, or a path beside the config file; ignored"));
                continue;
            }
            _ => {
                warnings.push(format!("{place}: needs \"url\", the address of the language's pack; ignored"));
                continue;
            }
        };
        let integrity = match spec.get("integrity") {
            None => None,
            Some(Value::String(i)) if super::config::is_integrity(i) => Some(i.clone()),
            Some(_) => {
                warnings.push(format!("{place}.integrity: must be sha384-<base64>; ignored"));
                continue;
            }
        };
        if let Some(other) =
            spec.as_object().and_then(|o| o.keys().find(|k| !["url", "integrity"].contains(&k.as_str())))
        {
            warnings.push(format!("{place}: unknown key {other:?} ignored; a language has url and integrity"));
        }
        if let Err(e) = Locale::add(tag, url, integrity) {
            warnings.push(format!("{place}: {e}; ignored"));
        }
    }
}

/// `checklist: { hide: [ids], en: [items], "zh-CN": [items] }`: like articles, an item with a
/// built-in id rewords it, a new id adds one, `hide` removes.
fn apply_checklist(raw: &Value, catalogue: &mut Catalogue, warnings: &mut Vec<String>) {
    let hidden: Vec<&str> = raw
        .get("hide")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    for locale in Locale::ALL {
        // Items name articles: checked once the language's content has arrived (see above).
        if super::content::pack(locale).is_none() {
            continue;
        }
        let mut items: Vec<Item> =
            catalogue.items(locale).iter().filter(|i| !hidden.contains(&i.id.as_ref())).cloned().collect();
        let (tag, given) = part_for(raw, locale)
            .map_or(("", &[][..]), |(tag, v)| (tag, v.as_array().map(Vec::as_slice).unwrap_or(&[])));
        for (i, entry) in given.iter().enumerate() {
            match checklist_item(entry, catalogue, locale) {
                Ok(item) => match items.iter().position(|x| x.id == item.id) {
                    Some(at) => items[at] = item,
                    None => items.push(item),
                },
                Err((field, msg)) => {
                    warnings.push(format!("config.checklist.{tag}[{i}]: {field}: {msg}; item skipped"))
                }
            }
        }
        catalogue.set_items(locale, items);
    }
}

/// `delivery: { giveUpDays }`: days a report is retried before it is shown as not
/// delivered, clamped to the outbox's range.
fn apply_delivery(raw: &Value, catalogue: &mut Catalogue, warnings: &mut Vec<String>) {
    use super::outbox::{GIVE_UP_DAYS, GIVE_UP_DAYS_MAX, GIVE_UP_DAYS_MIN};
    let Some(days) = raw.get("giveUpDays") else { return };
    match days.as_u64() {
        Some(d) if (u64::from(GIVE_UP_DAYS_MIN)..=u64::from(GIVE_UP_DAYS_MAX)).contains(&d) => {
            catalogue.give_up_days = u32::try_from(d).ok();
        }
        Some(d) => {
            let kept = d.clamp(u64::from(GIVE_UP_DAYS_MIN), u64::from(GIVE_UP_DAYS_MAX));
            warnings.push(format!(
                "config.delivery.giveUpDays: {d} is outside {GIVE_UP_DAYS_MIN}–{GIVE_UP_DAYS_MAX}; using {kept}"
            ));
            catalogue.give_up_days = u32::try_from(kept).ok();
        }
        None => warnings.push(format!(
            "config.delivery.giveUpDays: must be a whole number of days, not {days}; using {GIVE_UP_DAYS}"
        )),
    }
}

fn checklist_item(raw: &Value, catalogue: &Catalogue, locale: Locale) -> Result<Item, FieldError> {
    let required = |field: &'static str| -> Result<Text, FieldError> {
        let t = text(raw, field)?;
        if t.is_empty() {
            Err((field, "is empty".into()))
        } else {
            Ok(t)
        }
    };
    let id = required("id")?;
    if !super::content::validate::is_valid_id(&id) {
        return Err(("id", format!("{id:?} is not a valid id (lower-case letters, digits and dashes)")));
    }
    let (title, next, why) = (required("title")?, required("next")?, required("why")?);
    let steps = list(raw, "steps")?;
    if steps.is_empty() {
        return Err(("steps", "needs at least one step".into()));
    }
    let articles = list(raw, "articles")?;
    if let Some(missing) = articles.iter().find(|a| find(catalogue.articles(locale), a).is_none()) {
        return Err(("articles", format!("no article with id {missing:?}")));
    }
    Ok(Item {
        title,
        next,
        why,
        steps: Cow::Owned(steps.join("\n")),
        articles: Cow::Owned(articles.join(",")),
        tool: None,
        id,
    })
}

type FieldError = (&'static str, String);

fn text(raw: &Value, field: &'static str) -> Result<Text, FieldError> {
    match raw.get(field) {
        Some(Value::String(s)) => Ok(Cow::Owned(s.trim().to_string())),
        Some(_) => Err((field, "must be text".into())),
        None => Err((field, "is missing".into())),
    }
}

fn list(raw: &Value, field: &'static str) -> Result<Vec<String>, FieldError> {
    match raw.get(field) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| {
                v.as_str().map(|s| markup::clean(s).trim().to_string()).ok_or((field, "must be a list of text".into()))
            })
            .collect(),
        Some(_) => Err((field, "must be a list of text".into())),
    }
}

/// One operator article. Its body is a list of lines: `## ` heading, `- ` bullet,
/// `1. ` numbered item, anything else a paragraph; plain text, no markup.
fn article(raw: &Value) -> Result<Article, FieldError> {
    if !raw.is_object() {
        return Err(("article", "must be an object".into()));
    }
    let category = text(raw, "category")?;
    let category = Category::parse(&category).ok_or((
        "category",
        format!("{category:?} unknown; use transaction, account, security, technical or support"),
    ))?;
    Ok(Article {
        id: text(raw, "id")?,
        category,
        title: text(raw, "title")?,
        summary: text(raw, "summary")?,
        keywords: Cow::Owned(list(raw, "keywords")?.join(",")),
        related: Cow::Owned(list(raw, "related")?.join(",")),
        updated: text(raw, "updated")?,
        body: Cow::Owned(body(&list(raw, "body")?)),
    })
}

/// Plain lines → the compact body format.
fn body(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines.iter().filter(|l| !l.is_empty()) {
        let numbered = line.split_once(". ").filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        let (kind, text) = match (line.strip_prefix("## "), line.strip_prefix("- "), numbered) {
            (Some(h), _, _) => ('2', h),
            (_, Some(item), _) => ('-', item),
            (_, _, Some((_, item))) => ('1', item),
            _ => ('P', line.as_str()),
        };
        out.push(kind);
        out.push_str(text.trim());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::Block;
    use serde_json::json;

    /// A well-formed sha384 integrity value (of nothing in particular).
    const PIN: &str = "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb";

    fn extra(id: &str) -> Value {
        json!({"id": id, "category": "support", "title": "Our opening hours", "summary": "When we answer.",
               "updated": "2026-11-20", "related": ["real-support"],
               "body": ["We answer every day.", "## Hours", "- Chat: 9–21", "- Phone: 9–18", "1. First", "2. Second"]})
    }

    #[test]
    fn languages_are_added_from_the_config_and_each_mistake_is_named() {
        let mut c = Catalogue::default();
        let changes = apply(
            &json!({"languages": {
                "ko": {"url": "wallet-help-ko.txt", "integrity": PIN},
                "en-GB": {"url": "en.txt"},
                "xx-1": {"url": "x.txt"},
                "pt": {},
                "pl": {"url": "javascript:alert(1)"},
                "sk": {"url": "sk.txt", "integrity": "sha256-abc"},
                "cs": {"url": "cs.txt", "name": "Čeština"}
            },
            // Texts in an added language are taken from the same file.
            "support": {"hours": {"en": "9 to 5", "ko": "9시부터 5시까지"}}}),
            &mut c,
        );
        let ko = Locale::from_tag("ko-KR").expect("added");
        assert_eq!(ko.added().and_then(|a| a.integrity.as_deref()), Some(PIN));
        assert_eq!(c.channels.hours.as_ref().map(|h| h.get(ko)), Some("9시부터 5시까지"));
        assert_eq!(c.channels.hours.as_ref().map(|h| h.get(Locale::En)), Some("9 to 5"));
        let w = changes.warnings.join("\n");
        for expected in [
            "config.languages.en-GB: \"en-GB\" is built in (en)",
            "config.languages.xx-1: \"xx-1\" is not a language tag",
            "config.languages.pt: needs \"url\"",
            "config.languages.pl.url: \"javascript:alert(1)\" must be https",
            "config.languages.sk.integrity: must be sha384-<base64>",
            "config.languages.cs: unknown key \"name\"",
        ] {
            assert!(w.contains(expected), "{expected}\n{w}");
        }
        assert_eq!(changes.warnings.len(), 6, "{w}");
        assert!(Locale::from_tag("pt").is_none() && Locale::from_tag("sk").is_none());
        // cs has a url, so it is added despite the unknown key.
        assert!(Locale::from_tag("cs").is_some());
    }

    #[test]
    fn adds_replaces_and_hides_articles() {
        let mut c = Catalogue::default();
        let before = c.articles(Locale::En).len();
        let mut replaced = extra("real-support");
        replaced["related"] = json!([]);
        replaced["body"] = json!(["Control \u{1}characters\u{3} are dropped."]);
        let changes = apply(
            &json!({"brand": "AcmeWallet", "articles": {"hide": ["community-forum"], "en": [extra("opening-hours"), replaced]}}),
            &mut c,
        );
        assert_eq!(changes, Changes { brand: Some("AcmeWallet".into()), warnings: vec![] });
        let en = c.articles(Locale::En);
        assert_eq!(en.len(), before, "one hidden, one added, one replaced");
        assert!(en.iter().all(|a| a.id != "community-forum"));
        assert!(c.articles(Locale::ZhCn).iter().all(|a| a.id != "community-forum"), "hide applies to every locale");
        let added = en.iter().find(|a| a.id == "opening-hours").expect("added");
        let blocks = added.blocks();
        assert_eq!(blocks.len(), 4, "paragraph, heading, bullet list, numbered list");
        assert!(matches!(&blocks[2], Block::List { ordered: false, items } if items.len() == 2));
        assert!(matches!(&blocks[3], Block::List { ordered: true, items } if items.len() == 2));
        assert_eq!(added.related().collect::<Vec<_>>(), ["real-support"]);
        let replaced = en.iter().find(|a| a.id == "real-support").expect("replaced");
        assert_eq!(replaced.title, "Our opening hours");
        assert_eq!(replaced.plain_body(), "Control characters are dropped.\n");
    }

    #[test]
    fn bad_articles_are_skipped_with_a_warning_naming_the_place() {
        let mut c = Catalogue::default();
        let mut no_title = extra("no-title");
        no_title["title"] = json!(" ");
        let mut dangling = extra("dangling");
        dangling["related"] = json!(["ghost"]);
        let changes = apply(
            &json!({"articles": {"en": [json!({"id": "x"}), no_title, dangling, extra("fine"),
                                        {"id": "cat", "category": "food", "title": "t", "summary": "s", "updated": "2026-01-01"}]}}),
            &mut c,
        );
        assert_eq!(
            changes.warnings,
            vec![
                "config.articles.en[0]: category: is missing; article skipped",
                "config.articles.en[4]: category: \"food\" unknown; use transaction, account, security, technical or support; article skipped",
                "config.articles.en[1]: title: is empty; article skipped",
                "config.articles.en[2]: related: no article with id \"ghost\"; article skipped",
            ]
        );
        let ids: Vec<&str> = c.articles(Locale::En).iter().map(|a| a.id.as_ref()).collect();
        assert!(ids.contains(&"fine") && !ids.contains(&"no-title") && !ids.contains(&"dangling"));
    }

    #[test]
    fn the_checklist_can_be_reworded_extended_and_trimmed() {
        let mut c = Catalogue::default();
        let item = |id: &str| {
            json!({"id": id, "title": "Hardware wallet for savings", "next": "move savings to a hardware wallet",
                                       "why": "Keys never touch the phone.", "steps": ["Buy one from the maker", "Move savings"], "articles": ["seed-phrase"]})
        };
        let changes = apply(
            &json!({"latestAppVersion": "3.4.0", "checklist": {"hide": ["approvals-revoked"],
                    "en": [item("hardware-wallet"), item("two-factor"), {"id": "bad", "title": "x"}, item("Bad Id")]}}),
            &mut c,
        );
        assert_eq!(changes.warnings, vec![
            "config.checklist.en[2]: next: is missing; item skipped",
            "config.checklist.en[3]: id: \"Bad Id\" is not a valid id (lower-case letters, digits and dashes); item skipped",
        ]);
        let en: Vec<&str> = c.items(Locale::En).iter().map(|i| i.id.as_ref()).collect();
        assert_eq!(en.len(), 10, "one hidden, one added");
        assert!(!en.contains(&"approvals-revoked") && en.contains(&"hardware-wallet"));
        assert_eq!(
            c.items(Locale::En).iter().find(|i| i.id == "two-factor").map(|i| i.title.as_ref()),
            Some("Hardware wallet for savings")
        );
        assert_eq!(c.items(Locale::ZhCn).len(), 9);
        assert_eq!(c.latest_app_version.as_deref(), Some("3.4.0"));
    }

    #[test]
    fn the_official_contact_list_comes_from_the_config() {
        let mut c = Catalogue::default();
        let changes = apply(
            &json!({"official": {"domains": ["acme-wallet.io"], "emails": ["help@acme-wallet.io"], "phones": ["+44 20 7946 0000"],
                                 "handles": [{"network": "telegram", "name": "acme_help"}]}}),
            &mut c,
        );
        assert!(changes.warnings.is_empty(), "{:?}", changes.warnings);
        let official = c.official.expect("set");
        assert_eq!(official.domains, ["acme-wallet.io"]);
        assert_eq!(official.handles.len(), 1);
        let bad = apply(&json!({"official": {"domains": "acme.io"}}), &mut Catalogue::default());
        assert_eq!(bad.warnings.len(), 1);
        assert!(bad.warnings[0].starts_with("config.official: "), "{:?}", bad.warnings);
    }

    #[test]
    fn the_give_up_time_comes_from_the_config_within_its_range() {
        let mut c = Catalogue::default();
        assert!(apply(&json!({"delivery": {"giveUpDays": 14}}), &mut c).warnings.is_empty());
        assert_eq!(c.give_up_days, Some(14));
        let changes = apply(&json!({"delivery": {"giveUpDays": 365}}), &mut c);
        assert_eq!(changes.warnings, ["config.delivery.giveUpDays: 365 is outside 1–90; using 90"]);
        assert_eq!(c.give_up_days, Some(90));
        let changes = apply(&json!({"delivery": {"giveUpDays": 0}}), &mut c);
        assert_eq!((c.give_up_days, changes.warnings.len()), (Some(1), 1));
        let mut fresh = Catalogue::default();
        let changes = apply(&json!({"delivery": {"giveUpDays": "a week"}}), &mut fresh);
        assert_eq!(
            changes.warnings,
            ["config.delivery.giveUpDays: must be a whole number of days, not \"a week\"; using 7"]
        );
        assert_eq!(fresh.give_up_days, None);
        apply(&json!({"delivery": {}}), &mut fresh);
        assert_eq!(fresh.give_up_days, None);
    }

    #[test]
    fn a_broken_file_changes_nothing() {
        let mut c = Catalogue::default();
        let changes = apply(&json!(["not", "an", "object"]), &mut c);
        assert_eq!(changes.warnings.len(), 1);
        assert_eq!(c, Catalogue::default());
        let changes = apply(&json!({"brand": 7, "articles": {"hide": "all", "en": {}}}), &mut c);
        assert_eq!(changes.warnings.len(), 3, "{:?}", changes.warnings);
        assert_eq!(changes.brand, None);
        assert_eq!(c.articles(Locale::En).len(), Catalogue::default().articles(Locale::En).len());
    }
}
