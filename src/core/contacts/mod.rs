//! "Is this support contact real?" The costliest scam for wallet users is a fake support
//! agent, so the user pastes a website, email address, phone number or Telegram / X / WeChat
//! handle and gets a [`Verdict`]: official (on the operator's list), impostor (looks like an
//! official contact or the brand name but is not, with the [`Reason`]) or unknown (with
//! [`Advice`]). Nothing is ever guessed official: an operator who lists nothing gets
//! [`Advice::Unpublished`] for every contact that is not an imitation of the brand. The UI
//! turns the structured verdict into sentences; nothing here is user-facing text.
//!
//! Modules: `parse` reads the input into a [`Contact`]; `host` normalises host names
//! (`punycode` decodes `xn--` labels); `fold` maps confusable characters to ASCII (a table
//! generated from the UTS #39 confusables data, `confusable_table`); `similar` holds the
//! look-alike measures (strsim's optimal-string-alignment distance); `domain`, `phone` and
//! `handle` hold the rules per kind; `official` is the operator's list.
//!
//! Tuned on `tests/fixtures/contacts/` (see `tests/contacts_corpus.rs`, which prints the
//! figures): a missed impostor can cost a user everything, a false alarm only asks them to
//! double-check, so ties go to "impostor".

mod confusable_table;
mod domain;
mod fold;
mod handle;
mod host;
mod official;
mod parse;
mod phone;
mod punycode;
mod similar;

#[cfg(test)]
mod tests;

/// The secret guard reads look-alike letters with the same table (`secrets::seen`).
pub(crate) use fold::ascii_lookalike;
pub use official::{Handle, Network, Official};
pub use parse::parse;

/// What the input was read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Contact {
    /// A host name: lowercase, without scheme, user info, port, path or trailing dot;
    /// `xn--` labels are kept as typed (the verdict says what they decode to).
    Website { host: String },
    /// `address` is lowercase; `domain` is its host part.
    Email { address: String, domain: String },
    /// `digits` without the country calling code, which is `country` ("86") when given.
    Phone { digits: String, country: Option<String> },
    /// `network` is `None` for a bare `@name`: it could be a Telegram, X or WeChat name.
    /// `name` is without `@`, ASCII letters lowercased.
    Handle { network: Option<Network>, name: String },
    /// Not a website, email address, phone number or handle.
    Unrecognised,
}

/// The kind of contact a verdict is about, for the UI's wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    Website,
    Email,
    Phone,
    Handle(Network),
}

/// The answer to "is this contact real?".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// On the operator's list; `matched` is the listed entry (domain, address, number as
    /// configured, or handle name). For a bare `@name` the UI must name the network from
    /// `channel`: the same name elsewhere may belong to someone else.
    Official { channel: Channel, matched: String },
    /// Looks like the official `resembles` but is not. `listed`: `resembles` is a contact on
    /// the operator's list (as configured); otherwise it is the brand name, the operator having
    /// listed nothing of that kind.
    Impostor { channel: Channel, reason: Reason, resembles: String, listed: bool },
    /// Neither: the UI shows the advice and [`SafetyRule::ALL`].
    Unknown { advice: Advice },
}

/// Why a contact is taken for an impostor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// One or two letters differ, are missing or were added (`tpwalet.com`).
    Typo,
    /// Two neighbouring letters are swapped (`tpwlalet.com`).
    SwappedLetters,
    /// A letter is doubled (`tpwallett.com`).
    DoubledLetter,
    /// Characters that look alike: Cyrillic `а`, Greek `ο`, `0` for `o`, `rn` for `m`.
    Confusable,
    /// The address is written in punycode (`xn--…`): the browser shows `shown_as`.
    Punycode { shown_as: String },
    /// The brand is a part of someone else's domain (`tpwallet.com.example.net`) or uses
    /// another ending (`tpwallet.help`), or a mailbox named after it at another domain.
    BrandInsideOtherDomain,
    /// The brand plus other words (`tpwallet-support.com`).
    BrandWithExtraWords,
    /// A free-mail mailbox (gmail, qq, 163…) named after the brand.
    FreeMailWithBrand,
    /// The official number with another country calling code.
    WrongCountryCode,
    /// A handle that copies or imitates an official one (`tpwallet_0fficial`,
    /// `tpwallet_support_bot`).
    LookalikeHandle,
}

impl Reason {
    /// A stable name, for events, logs and the test corpus.
    pub fn name(&self) -> &'static str {
        match self {
            Reason::Typo => "typo",
            Reason::SwappedLetters => "swapped_letters",
            Reason::DoubledLetter => "doubled_letter",
            Reason::Confusable => "confusable",
            Reason::Punycode { .. } => "punycode",
            Reason::BrandInsideOtherDomain => "brand_inside_other_domain",
            Reason::BrandWithExtraWords => "brand_with_extra_words",
            Reason::FreeMailWithBrand => "free_mail_with_brand",
            Reason::WrongCountryCode => "wrong_country_code",
            Reason::LookalikeHandle => "lookalike_handle",
        }
    }
}

/// What to tell the user about a contact that is neither official nor an impostor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Advice {
    /// The input is not a website, email address, phone number or handle.
    NotAContact,
    /// A contact that is not on the official list: look it up on the official website.
    NotListed,
    /// A personal free-mail mailbox: support teams do not write from one.
    PersonalMailbox,
    /// The operator has published no official contacts: nothing can be confirmed, so the
    /// contact is unverified.
    Unpublished,
}

/// The console warning for an operator whose config has no `official` list (the platform
/// adds the `[wallet-help]` prefix); given once per page, when a contact is first checked.
pub const UNPUBLISHED_WARNING: &str = "config.official is not set: the contact verifier cannot confirm any contact \
     as official; list your domains, emails, phones and handles";

/// The rules the UI shows with every verdict that is not "official".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SafetyRule {
    /// Find the contact yourself on the official website or app, not in a message.
    FindContactOnOfficialSite,
    /// Never share the recovery (seed) phrase, private key or password, with anyone.
    NeverShareSecrets,
    /// Never move funds to "verify", "unlock" or "protect" a wallet.
    NeverMoveFundsToVerify,
}

impl SafetyRule {
    pub const ALL: [SafetyRule; 3] =
        [SafetyRule::FindContactOnOfficialSite, SafetyRule::NeverShareSecrets, SafetyRule::NeverMoveFundsToVerify];
}

/// A name given without its app ("@tpwallet"): it matches an official account on any app,
/// so the verdict must say which one is ours.
pub fn names_no_network(input: &str) -> bool {
    matches!(parse(input), Contact::Handle { network: None, .. })
}

/// Parses `input` and checks it against the operator's `official` list.
pub fn verify(input: &str, official: &Official) -> Verdict {
    let contact = parse(input);
    match verify_contact(&contact, official) {
        unknown @ Verdict::Unknown { .. } if matches!(contact, Contact::Website { .. }) => {
            domain::disguised(input, official).unwrap_or(unknown)
        }
        verdict => verdict,
    }
}

/// [`verify`] for an already parsed contact.
pub fn verify_contact(contact: &Contact, official: &Official) -> Verdict {
    let verdict = match contact {
        Contact::Website { host } => domain::verify_website(host, official),
        Contact::Email { address, domain } => domain::verify_email(address, domain, official),
        Contact::Phone { digits, country } => phone::verify(digits, country.as_deref(), official),
        Contact::Handle { network, name } => handle::verify(*network, name, official),
        Contact::Unrecognised => Verdict::Unknown { advice: Advice::NotAContact },
    };
    match verdict {
        // "Not on the list" would suggest there is a list to be on.
        Verdict::Unknown { advice: Advice::NotListed } if official.is_empty() => {
            Verdict::Unknown { advice: Advice::Unpublished }
        }
        verdict => verdict,
    }
}
