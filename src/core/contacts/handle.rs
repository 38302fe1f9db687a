//! Telegram, X and WeChat account names. Official: the listed name on its network (case does
//! not matter; a bare `@name` matches on any network). Look-alike: a name that imitates an
//! official one (`tpwallet_0fficial`), copies it onto another network, or carries the brand
//! (`tpwallet_support_bot`): brand-named "support" accounts are the fake agents. With no
//! handle listed, the brand's own name (`tpwallet`, `tpwallet_official`) may be the
//! operator's account and stays unknown; its look-alikes and brand-plus-word names do not.

use super::fold::fold;
use super::similar::{compare, mentions, Near};
use super::{Advice, Channel, Handle, Network, Official, Reason, Verdict};
use strsim::osa_distance;

/// A name as compared: without `@`, ASCII lowercase (the networks ignore case).
pub(super) fn normalise(name: &str) -> String {
    name.trim().trim_start_matches('@').trim().to_ascii_lowercase()
}

pub(super) fn verify(network: Option<Network>, name: &str, official: &Official) -> Verdict {
    let name = normalise(name);
    let on_network = |h: &&Handle| network.is_none_or(|n| n == h.network);
    if let Some(h) = official.handles.iter().filter(on_network).find(|h| normalise(&h.name) == name) {
        return Verdict::Official { channel: Channel::Handle(h.network), matched: h.name.clone() };
    }
    // Any official handle counts, not only this network's: a scammer copies the Telegram
    // name onto X as readily as he misspells it.
    let imitates = official.handles.iter().any(|h| {
        let listed = normalise(&h.name);
        compare(&name, &listed).is_some() || mentions(&name, &listed)
    });
    let brand = official.brand_token();
    let brand_like = compare(&name, &brand).is_some_and(|n| n != Near::Same) || mentions(&name, &brand);
    if !imitates && (!brand_like || (official.handles.is_empty() && own_name(&name, &brand))) {
        return Verdict::Unknown { advice: Advice::NotListed };
    }
    // Name the official account the user should have reached: this network's, else the
    // closest one.
    let folded = fold(&name);
    let resembles = official
        .handles
        .iter()
        .find(|h| Some(h.network) == network)
        .or_else(|| official.handles.iter().min_by_key(|h| osa_distance(&folded, &fold(&normalise(&h.name)))));
    Verdict::Impostor {
        // A bare name with no listed handle to go by: fake agents mostly live on Telegram.
        channel: Channel::Handle(network.or(resembles.map(|h| h.network)).unwrap_or(Network::Telegram)),
        reason: Reason::LookalikeHandle,
        resembles: resembles.map_or_else(|| official.brand.clone(), |h| h.name.clone()),
        listed: resembles.is_some(),
    }
}

/// The name an operator would give its own account: the brand, alone or with "official"
/// (`tpwallet`, `tpwallet_official`, `official-tpwallet`), written as is (`tpwa11et_official`
/// imitates it).
fn own_name(name: &str, brand: &str) -> bool {
    let joined: String = name.chars().filter(|c| !matches!(c, '_' | '-' | '.')).collect();
    !brand.is_empty()
        && (joined == brand
            || joined.strip_prefix(brand) == Some("official")
            || joined.strip_suffix(brand) == Some("official"))
}
