//! Websites and email addresses. Official: at an official domain or one of its subdomains,
//! or a listed address. Impostor: the host imitates an official domain (typo, confusable
//! characters, punycode), carries the brand inside someone else's domain or with extra
//! words, or a free-mail mailbox is named after the brand. Without listed domains the brand
//! name itself is the target: its look-alikes are impostors, but the name as written, under
//! any ending (`tpwallet.com`, `tpwallet.io`), may be the operator's and stays unknown.

use super::host::{decode, host_of, path, split, userinfo, within, Parts};
use super::similar::{compare, mentions, Near};
use super::{Advice, Channel, Official, Reason, Verdict};

/// Big free-mail providers: anyone can open `tpwallet.support@…` there in a minute.
#[rustfmt::skip]
const FREE_MAIL: &[&str] = &[
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
    "yahoo.com", "ymail.com", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com",
    "pm.me", "gmx.com", "gmx.net", "mail.com", "yandex.com", "yandex.ru", "mail.ru", "zoho.com",
    "tutanota.com", "qq.com", "foxmail.com", "163.com", "126.com", "yeah.net", "sina.com",
    "sina.cn", "sohu.com", "aliyun.com", "139.com", "189.cn", "naver.com", "yahoo.co.jp",
];

/// An official name to compare with: a domain's registrable label and suffix, or the brand.
struct Target {
    label: String,
    suffix: String,
    /// What the verdict names: the domain as configured, or the first one for the brand, or
    /// the brand name when no domain is listed.
    shown: String,
    /// `shown` is a listed domain.
    listed: bool,
}

/// Official domains as `(configured, normalised host with punycode decoded)`.
fn official_hosts(official: &Official) -> Vec<(&str, String)> {
    official.domains.iter().filter_map(|d| Some((d.as_str(), decode(&host_of(d)?).0))).collect()
}

fn targets(official: &Official) -> Vec<Target> {
    let mut targets: Vec<Target> = official_hosts(official)
        .into_iter()
        .map(|(shown, host)| {
            let parts = split(&host);
            Target { label: parts.label.to_string(), suffix: parts.suffix, shown: shown.to_string(), listed: true }
        })
        .collect();
    let brand = official.brand_token();
    if !brand.is_empty() && !targets.iter().any(|t| t.label == brand) {
        let (shown, listed) = match official.domains.first() {
            Some(d) => (d.clone(), true),
            None => (official.brand.clone(), false),
        };
        targets.push(Target { label: brand, suffix: String::new(), shown, listed });
    }
    targets
}

pub(super) fn verify_website(host: &str, official: &Official) -> Verdict {
    let (decoded, _) = decode(host);
    if let Some((shown, _)) = official_hosts(official).into_iter().find(|(_, d)| within(&decoded, d)) {
        return Verdict::Official { channel: Channel::Website, matched: shown.to_string() };
    }
    match lookalike(host, official) {
        Some((reason, t)) => {
            Verdict::Impostor { channel: Channel::Website, reason, resembles: t.shown, listed: t.listed }
        }
        None => Verdict::Unknown { advice: Advice::NotListed },
    }
}

/// `https://tpwallet.com@evil.net/` and `https://evil.net/tpwallet.com/login` go to evil.net:
/// the brand before the `@`, or an official domain in the path, is there to fool the reader.
/// Checked by [`super::verify`] when the host itself is neither official nor a look-alike.
pub(super) fn disguised(input: &str, official: &Official) -> Option<Verdict> {
    let target = match userinfo(input) {
        Some(user) => targets(official).into_iter().find(|t| mentions(user, &t.label)).map(|t| (t.shown, t.listed)),
        None => None,
    };
    let path = path(input).to_ascii_lowercase();
    let (resembles, listed) = target.or_else(|| {
        let hosts = official_hosts(official);
        hosts.into_iter().find(|(_, host)| path.contains(host.as_str())).map(|(shown, _)| (shown.to_string(), true))
    })?;
    Some(Verdict::Impostor { channel: Channel::Website, reason: Reason::BrandInsideOtherDomain, resembles, listed })
}

pub(super) fn verify_email(address: &str, domain: &str, official: &Official) -> Verdict {
    let channel = Channel::Email;
    if let Some(listed) = official.emails.iter().find(|e| e.trim().eq_ignore_ascii_case(address)) {
        return Verdict::Official { channel, matched: listed.clone() };
    }
    let (decoded, _) = decode(domain);
    // Any mailbox at an official domain is the operator's; the verdict names the address.
    if official_hosts(official).into_iter().any(|(_, d)| within(&decoded, &d)) {
        return Verdict::Official { channel, matched: address.trim().to_ascii_lowercase() };
    }
    let local = address.rsplit_once('@').map_or(address, |(local, _)| local);
    let named = targets(official).iter().any(|t| compare(local, &t.label).is_some() || mentions(local, &t.label));
    let impostor = |reason| match official.emails.first().or(official.domains.first()) {
        Some(listed) => Verdict::Impostor { channel, reason, resembles: listed.clone(), listed: true },
        None => Verdict::Impostor { channel, reason, resembles: official.brand.clone(), listed: false },
    };
    if FREE_MAIL.contains(&decoded.as_str()) {
        return match named {
            true => impostor(Reason::FreeMailWithBrand),
            false => Verdict::Unknown { advice: Advice::PersonalMailbox },
        };
    }
    if let Some((reason, t)) = lookalike(domain, official) {
        return Verdict::Impostor { channel, reason, resembles: t.shown, listed: t.listed };
    }
    // `tpwallet@tpwallet.com` with no domain listed: the brand's own name, not someone else's.
    let own_name = official.domains.is_empty() && split(&decoded).label == official.brand_token();
    match named && !own_name {
        true => impostor(Reason::BrandInsideOtherDomain),
        false => Verdict::Unknown { advice: Advice::NotListed },
    }
}

/// Why `host` (not official) imitates an official domain, and which one it resembles.
fn lookalike(host: &str, official: &Official) -> Option<(Reason, Target)> {
    let (decoded, punycode) = decode(host);
    let targets = targets(official);
    let (reason, i) = rules(&split(&decoded), &targets)?;
    // Whatever the trick, the striking fact is that the address hides other letters.
    let reason = if punycode { Reason::Punycode { shown_as: decoded.clone() } } else { reason };
    targets.into_iter().nth(i).map(|t| (reason, t))
}

/// The rules in order of how specific their explanation is; the target is given by index.
fn rules(host: &Parts, targets: &[Target]) -> Option<(Reason, usize)> {
    for (i, t) in targets.iter().enumerate() {
        let reason = match compare(host.label, &t.label) {
            // The brand's own name under an ending nobody listed may well be the operator's.
            Some(Near::Same) if !t.listed => continue,
            Some(Near::Same) if host.suffix != t.suffix => Reason::BrandInsideOtherDomain,
            Some(Near::Same) | None => continue, // same name and suffix: a parent domain
            Some(Near::Confusable) => Reason::Confusable,
            Some(Near::Typo) => Reason::Typo,
            Some(Near::Swapped) => Reason::SwappedLetters,
            Some(Near::Doubled) => Reason::DoubledLetter,
        };
        return Some((reason, i));
    }
    // The brand as a subdomain, or cut across the labels (`mett.amask.io`, `my.etherwallet.com.de`).
    let labels = [host.sub.as_slice(), &[host.label]].concat();
    let (dotted, joined) = (labels.join("."), labels.concat());
    for (i, t) in targets.iter().enumerate() {
        let cut = !host.sub.is_empty()
            && !mentions(host.label, &t.label)
            && (compare(&joined, &t.label).is_some() || mentions(&dotted, &t.label));
        if cut || host.sub.iter().any(|l| compare(l, &t.label).is_some() || mentions(l, &t.label)) {
            return Some((Reason::BrandInsideOtherDomain, i));
        }
    }
    let i = targets.iter().position(|t| host.label != t.label && mentions(host.label, &t.label))?;
    Some((Reason::BrandWithExtraWords, i))
}
