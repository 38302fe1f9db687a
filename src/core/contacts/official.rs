//! The operator's list of official contacts, and the demo defaults.

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
    /// Demo defaults derived from the brand name: for "tpWallet", the domain `tpwallet.com`,
    /// `support@tpwallet.com`, the clearly fake `+86 400 000 0000`, Telegram
    /// `tpwallet_official`, X `tpwallet` and WeChat `tpwallet-official`.
    pub fn default_for(brand: &str) -> Official {
        let mut slug = brand_token(brand);
        if slug.is_empty() {
            slug = "wallet".to_string(); // a brand written only in, say, Chinese
        }
        Official {
            brand: brand.to_string(),
            domains: vec![format!("{slug}.com")],
            emails: vec![format!("support@{slug}.com")],
            phones: vec!["+86 400 000 0000".to_string()],
            handles: vec![
                Handle { network: Network::Telegram, name: format!("{slug}_official") },
                Handle { network: Network::X, name: slug.clone() },
                Handle { network: Network::WeChat, name: format!("{slug}-official") },
            ],
        }
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
    fn defaults_follow_the_brand() {
        let o = Official::default_for("tpWallet");
        assert_eq!(o.domains, ["tpwallet.com"]);
        assert_eq!(o.emails, ["support@tpwallet.com"]);
        assert_eq!(o.handles[0], Handle { network: Network::Telegram, name: "tpwallet_official".into() });
        assert_eq!(o.brand_token(), "tpwallet");
        assert_eq!(Official::default_for("钱包").domains, ["wallet.com"]);
    }

    #[test]
    fn reads_from_config_json() {
        let json = r#"{"brand":"X","domains":["x.io"],"handles":[{"network":"weixin","name":"x"}]}"#;
        let o: Official = serde_json::from_str(json).unwrap();
        assert_eq!(o.handles[0].network, Network::WeChat);
        assert!(o.phones.is_empty());
    }
}
