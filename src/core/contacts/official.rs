//! The operator's list of official contacts. There are no defaults: a contact is official
//! only when the operator listed it.

use serde::Deserialize;

/// A messaging or social network whose account names users are sent to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Network {
    Telegram,
    X,
    #[serde(alias = "weixin")]
    WeChat,
}

/// An account name on a network, without `@`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Handle {
    pub network: Network,
    pub name: String,
}

/// Everything the operator publishes as official. Domains cover their subdomains; any
/// address at an official domain is official; phones are compared by digits.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Official {
    pub brand: String,
    pub domains: Vec<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub handles: Vec<Handle>,
}

impl Official {
    /// Nothing listed: no domain, email, phone or handle. Nothing can then be confirmed as
    /// official; only imitations of the brand name can still be recognised.
    pub fn is_empty(&self) -> bool {
        self.domains.is_empty() && self.emails.is_empty() && self.phones.is_empty() && self.handles.is_empty()
    }

    /// The brand as scammers write it into names: ASCII letters and digits, lowercase.
    pub(super) fn brand_token(&self) -> String {
        brand_token(&self.brand)
    }
}

fn brand_token(brand: &str) -> String {
    brand.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unlisted_operator_has_an_empty_list_and_a_brand_token() {
        let o = Official { brand: "tp Wallet!".into(), ..Official::default() };
        assert!(o.is_empty());
        assert_eq!(o.brand_token(), "tpwallet");
        assert!(!Official { phones: vec!["+86 400 000 0000".into()], ..o }.is_empty());
    }

    #[test]
    fn reads_from_config_json() {
        let json = r#"{"brand":"X","domains":["x.io"],"handles":[{"network":"weixin","name":"x"}]}"#;
        let o: Official = serde_json::from_str(json).unwrap();
        assert_eq!(o.handles[0].network, Network::WeChat);
        assert!(o.phones.is_empty());
    }
}
