//! The built-in flows in English. Facts from the help content (the seed article and the
//! articles built on it); the wording is ours. Step ids and article links must match
//! `flows_zh.rs` (a test checks), and `{brand}` stands for the operator's wallet name.

use super::{Category, Flow, Step};
use std::borrow::Cow::Borrowed as B;

/// `step!(id, text, detail, articles)`; prefix `urgent` for a do-this-now step.
macro_rules! step {
    (urgent $id:literal, $text:literal, $detail:literal, $articles:literal) => {
        Step { id: B($id), text: B($text), detail: Some(B($detail)), articles: B($articles), urgent: true }
    };
    ($id:literal, $text:literal, $detail:literal, $articles:literal) => {
        Step { id: B($id), text: B($text), detail: Some(B($detail)), articles: B($articles), urgent: false }
    };
}

macro_rules! flow {
    ($case:literal, $category:expr, $title:literal, [$($step:expr),+ $(,)?]) => {
        Flow { case: B($case), category: $category, title: B($title), steps: B(&[$($step),+]) }
    };
}

/// The same urgent step opens both security cases.
const SHARE_NOTHING: Step = step!(urgent "share-nothing", "Share nothing: not your seed phrase, private key, password or verification codes.", "Not with anyone, including people who say they are {brand} support. Real support never asks for them.", "real-support,seed-phrase");

pub static FLOWS: [Flow; 8] = [
    flow!("app-crash", Category::Technical, "{brand} crashes or won't open", [
        step!("restart-app", "Close {brand} completely and open it again.",
            "Swipe it away in the app switcher rather than just going to the home screen. A crash does not touch your funds: they are on the blockchain, not inside the app.", ""),
        step!("restart-phone", "Restart your phone.",
            "A restart frees memory and ends background tasks that can make apps close.", ""),
        step!("space-network", "Check your internet connection and free some storage space.",
            "Apps often close on start when the phone is nearly full or cannot reach the network.", "app-slow"),
        step!("update-app", "Update {brand} and your phone's system to the latest versions.",
            "Updates fix known crashes. Install {brand} only from the official app store or the official website.", "update-app,device-security"),
        step!("reinstall", "Check your seed phrase backup, then reinstall {brand}.",
            "Deleting the app can remove the wallet from this phone, and the seed phrase written on paper is how you restore it. Do not reinstall until you have it.", "seed-phrase"),
    ]),
    flow!("tx-pending", Category::Technical, "My transaction is slow or stuck on pending", [
        step!("dont-resend", "Don't send the same payment again yet.",
            "Most pending transfers go through on their own once the network is less busy. If you pay again and both go through, you pay twice.", "tx-pending"),
        step!("find-hash", "Open the transaction in your history and copy its transaction hash (tx ID).",
            "Write down the time, amount and receiving address too: support will ask for them.", "check-history,collect-evidence"),
        step!("explorer", "Look the hash up on a block explorer for that network.",
            "The explorer shows the real status: pending, confirmed or failed. If it is confirmed but the receiver sees nothing, ask them to check the network and address.", "tx-problem"),
        step!("check-network", "Check that you sent it on the network the receiver expects.",
            "The same token exists on several networks. A transfer on another network arrives, just not where the receiver is looking.", "wrong-address"),
        step!("speed-up", "If {brand} offers to speed up or cancel the transaction, use it; otherwise wait a while longer.",
            "A transfer stays pending when its fee was low compared with what others are paying. Speeding up pays a higher fee.", "tx-pending"),
    ]),
    flow!("login-failed", Category::Account, "I can't log in or unlock my wallet", [
        step!("check-password", "Type the password again slowly.",
            "Check caps lock, the keyboard language and extra spaces before or after it.", ""),
        step!("update-app", "Check your internet connection and update {brand}.",
            "An old version or a dropped connection can make a correct login fail.", "update-app"),
        step!("two-factor-clock", "If the two-factor code is refused, set the phone's clock to automatic and use a fresh code.",
            "Codes change every few seconds and depend on the phone's time being right.", "two-factor"),
        step!("real-app", "Make sure you are in the real {brand} app or website, not a copy.",
            "Fake apps and look-alike sites exist to collect logins and seed phrases. Open the site from your bookmark or type the address yourself.", "phishing"),
        step!("restore", "Forgot the password? Restore the wallet with your seed phrase, only inside the official {brand} app.",
            "Anyone offering to \"unlock\" your wallet for you is a scammer. If you get in and see transfers you didn't make, go to \"my account was stolen\" at once.", "seed-phrase,account-stolen"),
    ]),
    flow!("wrong-balance", Category::Account, "My balance looks wrong", [
        step!("check-network", "Check that you are looking at the network the funds were sent on.",
            "The same token can exist on several networks, each with its own balance.", "wrong-balance"),
        step!("add-token", "Add the token to your token list if it doesn't show.",
            "Some tokens appear only after you add them.", "wrong-balance"),
        step!("pending", "Look for transfers that are still pending.",
            "Until they are confirmed they may not count in the balance.", "tx-pending"),
        step!("refresh", "Pull down to refresh, check your connection, or restart the app.",
            "The app may simply be showing an old figure.", ""),
        step!("amount-not-value", "Compare the number of coins, not their value in your currency.",
            "The value moves with the market even when the amount of coins stays the same.", ""),
        step!("history", "Compare your transaction history with what you expected.",
            "If you see outgoing transfers you didn't make, stop here and open \"my account was stolen\" now.", "check-history,account-stolen"),
    ]),
    flow!("payment-failed", Category::Transaction, "My payment failed", [
        step!("check-status", "Check in your history whether the payment shows as failed, pending or completed.",
            "Pending: wait and don't pay again. Completed: it was sent, so ask the receiver to check the network and address. Failed: go on to the next step.", "check-history,tx-pending"),
        step!("balance-fee", "Make sure your balance covers the amount plus the network fee.",
            "The fee is often paid in the network's own coin, so you may need some of that coin as well. On many blockchains a failed transaction still uses up its fee.", "payment-failed"),
        step!("check-network", "Check that the right network is selected for the token and the receiver.",
            "A token sent on a network the receiver doesn't use can fail or go astray.", "wrong-address"),
        step!("connection", "Try again on a stable connection.",
            "A weak or dropped connection can stop a payment half-way. Use mobile data rather than public Wi-Fi.", "public-wifi"),
        step!("update-app", "Update {brand} to the latest version and try once more.",
            "Old versions can fail on changes the network has made since.", "update-app"),
    ]),
    flow!("refund", Category::Transaction, "I'm waiting for a refund that hasn't arrived", [
        step!("who-pays", "Work out who owes you the refund, and ask them.",
            "If you paid a shop, exchange or other service, the refund comes from them. {brand} cannot pull money back out of someone else's wallet.", "refund"),
        step!("ask-hash", "Ask the sender for the refund's transaction hash, network and receiving address.",
            "Keep every message and receipt about the refund: you will need them if you have to complain.", "collect-evidence"),
        step!("check-history", "Check your history on that network, and for a different token.",
            "Refunds sometimes arrive on another network or as another token, so they don't show where you expect.", "check-history"),
        step!("check-address", "Check that the address they used really is yours.",
            "Compare every character, not just the start and the end.", "wrong-address"),
        step!("explorer", "Look their transaction hash up on a block explorer.",
            "Confirmed to your address means the funds are there: switch network or add the token. No hash usually means nothing was sent yet.", "tx-problem,how-to-complain"),
    ]),
    flow!("account-stolen", Category::Security, "Someone stole from my wallet, or I see transfers I didn't make", [
        step!(urgent "stop", "Stop: don't confirm, sign or approve anything more.",
            "Don't reply to anyone who contacted you about this and don't follow their links.", "phishing"),
        SHARE_NOTHING,
        step!(urgent "move-funds", "If anything is left, move it to a new wallet now.",
            "On a device you trust, create a brand-new wallet with a new seed phrase and send what remains there. The thief may know the old phrase, so never use it again.", "seed-phrase,device-security"),
        step!(urgent "official-support", "Contact support only through the official app or website.",
            "Take contact details only from there, never from search results, comments or messages. Anyone who promises to recover your crypto for a fee is running a second scam.", "real-support,support-channels"),
        step!("evidence", "Save the evidence: transaction hashes, times, amounts, addresses and screenshots.",
            "Support, the police and the regulator can only act on what you can show.", "collect-evidence,check-history"),
        step!("find-cause", "Find out how it happened and close that gap.",
            "A fake site, a shared seed phrase, an unknown app? Fix it before you use a wallet on this device again. You can also report the theft to the police and your financial regulator.", "phishing,regulator"),
    ]),
    flow!("data-leak", Category::Security, "My personal data or wallet details may have leaked", [
        step!(urgent "stop", "Stop: don't click links in, or reply to, messages about the leak.",
            "Leaks are followed by scam messages that mention your wallet. Don't sign or approve anything you didn't start yourself.", "phishing"),
        SHARE_NOTHING,
        step!(urgent "move-funds", "If your seed phrase or private key leaked, or you are not sure, move your funds to a new wallet now.",
            "Whoever has them can take everything. Create a new wallet with a new seed phrase on a trusted device and send what remains there.", "account-stolen,seed-phrase"),
        step!(urgent "official-support", "Contact support only through the official app or website.",
            "Take contact details only from there, never from the message that told you about the leak.", "real-support,support-channels"),
        step!("change-password", "If a password leaked, change it here and everywhere you used it, then turn on two-factor.",
            "An email, phone number or name can't move funds on its own, but a password can open the account.", "strong-password,two-factor"),
        step!("check-history", "Check your transaction history for anything you don't recognise.",
            "Note when and how you learned of the leak. If something looks wrong, follow \"my account was stolen\".", "check-history,account-stolen"),
    ]),
];
