//! Telegram, X and WeChat account names. Official: the listed name on its network (case does
//! not matter; a bare `@name` matches on any network). Look-alike: a name that imitates an
//! official one (`tpwallet_0fficial`), copies it onto another network, or carries the brand
//! (`tpwallet_support_bot`): brand-named "support" accounts are the fake agents.

use super::fold::fold;
use super::similar::{compare, mentions};
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
    if !imitates && !mentions(&name, &official.brand_token()) {
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
    }
}
