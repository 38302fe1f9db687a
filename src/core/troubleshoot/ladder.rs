//! The escalation ladder's facts from the operator's config: support channels, the
//! community forum and financial regulators, and the `mailto:`/`tel:` links built from them.

use crate::core::localized::Localized;
use serde::Deserialize;

/// `support` in the config file. Every part is optional; missing parts are not shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Channels {
    /// https URL of the in-app or web chat.
    pub chat: Option<String>,
    pub phone: Option<String>,
    /// When the phone line answers, as the operator writes it ("9:00–21:00 UTC+8").
    pub hours: Option<Localized>,
    pub email: Option<String>,
    /// https URL of the community forum.
    pub forum: Option<String>,
    pub regulators: Vec<Regulator>,
    /// Hours within which support promises an answer; after that, the widget reminds the
    /// user of the next rung (`core::followup`). `None`: the default there.
    pub response_hours: Option<u32>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Regulator {
    /// Where it is responsible, as users would pick it ("Hong Kong", "EU").
    pub region: Localized,
    pub name: Localized,
    pub url: Option<String>,
}

impl Channels {
    /// Drops what cannot be a safe link and says why, so a bad config never shows a bad link.
    pub fn checked(mut self) -> (Channels, Vec<String>) {
        let mut warnings = Vec::new();
        let https = |v: &mut Option<String>, name: &str, warnings: &mut Vec<String>| {
            if v.as_deref().is_some_and(|u| !u.to_ascii_lowercase().starts_with("https://")) {
                warnings.push(format!("config.support.{name}: must be an https:// URL; ignored"));
                *v = None;
            }
        };
        https(&mut self.chat, "chat", &mut warnings);
        https(&mut self.forum, "forum", &mut warnings);
        if self.email.as_deref().is_some_and(|e| !crate::core::report::is_email(e)) {
            warnings.push("config.support.email: not an email address; ignored".into());
            self.email = None;
        }
        if self.phone.as_deref().is_some_and(|p| !crate::core::report::is_phone(p)) {
            warnings.push("config.support.phone: not a phone number; ignored".into());
            self.phone = None;
        }
        for (i, r) in self.regulators.iter_mut().enumerate() {
            https(&mut r.url, &format!("regulators[{i}].url"), &mut warnings);
        }
        self.regulators.retain(|r| !r.name.is_blank());
        let range = crate::core::followup::RESPONSE_HOURS;
        if let Some(h) = self.response_hours.filter(|h| !range.contains(h)) {
            warnings.push(format!(
                "config.support.responseHours: {h} is outside {}–{}; using {}",
                range.start(),
                range.end(),
                h.clamp(*range.start(), *range.end())
            ));
            self.response_hours = Some(h.clamp(*range.start(), *range.end()));
        }
        (self, warnings)
    }
}

/// Percent-encodes for a URL query value: everything but unreserved characters.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A `mailto:` link with the subject and body filled in.
pub fn mailto(email: &str, subject: &str, body: &str) -> String {
    format!("mailto:{}?subject={}&body={}", email.trim(), encode(subject), encode(body))
}

/// A `tel:` link: the digits and a leading `+` only.
pub fn tel(phone: &str) -> String {
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    format!("tel:{digits}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_encoded() {
        assert_eq!(
            mailto("help@w.example", "Payment failed", "Steps:\n1 & 2"),
            "mailto:help@w.example?subject=Payment%20failed&body=Steps%3A%0A1%20%26%202"
        );
        assert_eq!(mailto("a@b.co", "转账", ""), "mailto:a@b.co?subject=%E8%BD%AC%E8%B4%A6&body=");
        assert_eq!(tel("+86 (400) 000-0000"), "tel:+864000000000");
    }

    #[test]
    fn unsafe_parts_are_dropped_with_a_warning() {
        let raw = Channels {
            chat: Some("http://chat.example".into()),
            forum: Some("https://forum.example".into()),
            email: Some("nope".into()),
            phone: Some("+86 400 000 0000".into()),
            regulators: vec![
                Regulator { region: "HK".into(), name: "SFC".into(), url: Some("javascript:x".into()) },
                Regulator { region: "X".into(), name: " ".into(), url: None },
            ],
            response_hours: Some(0),
            ..Channels::default()
        };
        let (c, w) = raw.checked();
        assert_eq!(c.response_hours, Some(1));
        assert!(w.iter().any(|w| w == "config.support.responseHours: 0 is outside 1–720; using 1"), "{w:?}");
        assert_eq!(
            (c.chat, c.forum.as_deref(), c.email, c.phone.as_deref()),
            (None, Some("https://forum.example"), None, Some("+86 400 000 0000"))
        );
        assert_eq!(c.regulators.len(), 1);
        assert_eq!(c.regulators[0].url, None);
        assert_eq!(w.len(), 4, "{w:?}");
    }
}
