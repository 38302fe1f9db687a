//! Every interface string. Components ask for them here and never spell text themselves.
//!
//! Most of the text is data: each language's `content/<locale>/strings.txt`, checked at build
//! time against one schema (`strings_schema.rs`: a missing string fails the build) and
//! shipped in that language's content file, so a visitor downloads only their language. The
//! words the panel's frame shows before the content file arrives ([`Frame`]) and the text
//! made of parts (counts, reasons, sentences with values) are still code, per language.

use super::config::{Locale, View};
use super::contacts::{Advice, Channel, Network, Reason};
use super::content::Category as Topic;
use super::delivery::Failure;
use super::report::{Category, Field, Kind, Preferred, Problem};

macro_rules! strings {
    ($($(#[$doc:meta])* $key:ident,)*) => {
        /// The interface text of one language, read from its content file.
        pub struct Strings {
            $($(#[$doc])* pub $key: &'static str,)*
        }

        /// The keys of [`Strings`], in the order of the content file's values.
        pub const KEYS: &[&str] = &[$(stringify!($key)),*];

        impl Strings {
            /// Before the language's content file has arrived: nothing is said yet (the panel
            /// shows only its [`Frame`] then).
            const EMPTY: Strings = Strings { $($key: "",)* };

            /// The values in [`KEYS`] order; `None` if there are more or fewer.
            fn from_values(values: &[&'static str]) -> Option<Strings> {
                let mut v = values.iter().copied();
                let s = Strings { $($key: v.next()?,)* };
                v.next().is_none().then_some(s)
            }
        }
    };
}
include!("strings_schema.rs");

/// What the panel's frame says before a language's content file has arrived (the launcher,
/// the header, the tabs' label and the loading placeholder): compiled in, unlike [`Strings`].
pub struct Frame {
    /// The launcher button's name (the script tag's loader names it the same).
    pub launcher: &'static str,
    pub panel_title: &'static str,
    pub close: &'static str,
    pub views_label: &'static str,
    /// A view whose code is still downloading; one that could not be; the button to try again.
    pub view_loading: &'static str,
    pub view_failed: &'static str,
    pub try_again: &'static str,
}

const EN_FRAME: Frame = Frame {
    launcher: "Help",
    panel_title: "Help centre",
    close: "Close help",
    views_label: "Help sections",
    view_loading: "Loading…",
    view_failed: "This part of help could not be loaded. Check your connection.",
    try_again: "Try again",
};

const ZH_CN_FRAME: Frame = Frame {
    launcher: "帮助",
    panel_title: "帮助中心",
    close: "关闭帮助",
    views_label: "帮助栏目",
    view_loading: "正在加载…",
    view_failed: "这部分帮助内容未能加载，请检查网络连接。",
    try_again: "重试",
};

/// The frame's words, there from the start.
pub fn frame(locale: Locale) -> &'static Frame {
    match locale {
        Locale::En => &EN_FRAME,
        Locale::ZhCn => &ZH_CN_FRAME,
    }
}

/// The interface text of a language, once its content file is there (compiled in, or
/// fetched with `make dist`); empty strings until then.
pub fn strings(locale: Locale) -> &'static Strings {
    static READ: [std::sync::OnceLock<Strings>; 2] = [std::sync::OnceLock::new(), std::sync::OnceLock::new()];
    let Some(pack) = super::content::pack(locale) else { return &Strings::EMPTY };
    let slot = &READ[match locale {
        Locale::En => 0,
        Locale::ZhCn => 1,
    }];
    // `content::install` has checked the count against this build's keys.
    slot.get_or_init(|| Strings::from_values(&pack.interface).unwrap_or(Strings::EMPTY))
}

pub fn view_name(locale: Locale, view: View) -> &'static str {
    match (locale, view) {
        (Locale::En, View::Faq) => "Questions",
        (Locale::En, View::Troubleshoot) => "Fix a problem",
        (Locale::En, View::Checklist) => "Safety check",
        (Locale::En, View::Contact) => "Contact",
        (Locale::ZhCn, View::Faq) => "常见问题",
        (Locale::ZhCn, View::Troubleshoot) => "问题排查",
        (Locale::ZhCn, View::Checklist) => "安全检查",
        (Locale::ZhCn, View::Contact) => "联系我们",
    }
}

pub fn topic_name(locale: Locale, topic: Topic) -> &'static str {
    match (locale, topic) {
        (Locale::En, Topic::Transaction) => "Transfers and payments",
        (Locale::En, Topic::Account) => "Account and balance",
        (Locale::En, Topic::Security) => "Security and scams",
        (Locale::En, Topic::Technical) => "App problems",
        (Locale::En, Topic::Support) => "Support and complaints",
        (Locale::ZhCn, Topic::Transaction) => "转账与支付",
        (Locale::ZhCn, Topic::Account) => "账户与余额",
        (Locale::ZhCn, Topic::Security) => "安全与防骗",
        (Locale::ZhCn, Topic::Technical) => "应用故障",
        (Locale::ZhCn, Topic::Support) => "客服与投诉",
    }
}

/// Announced to screen readers as the search results change.
pub fn result_count(locale: Locale, n: usize) -> String {
    match (locale, n) {
        (Locale::En, 1) => "1 article found".into(),
        (Locale::En, n) => format!("{n} articles found"),
        (Locale::ZhCn, n) => format!("找到{n}篇文章"),
    }
}

/// The button under the strong results that shows the weaker ones.
pub fn more_results(locale: Locale, n: usize) -> String {
    match (locale, n) {
        (Locale::En, 1) => "1 more result".into(),
        (Locale::En, n) => format!("{n} more results"),
        (Locale::ZhCn, n) => format!("再显示{n}条结果"),
    }
}

/// The checklist's summary line, e.g. "4 of 10 done — next: turn on two-factor".
pub fn checklist_line(locale: Locale, done: usize, applicable: usize, next: Option<&str>) -> String {
    match (locale, next) {
        (Locale::En, Some(n)) => format!("{done} of {applicable} done — next: {n}"),
        (Locale::En, None) => format!("All {applicable} done. Well protected!"),
        (Locale::ZhCn, Some(n)) => format!("已完成{done}/{applicable}项 — 下一步：{n}"),
        (Locale::ZhCn, None) => format!("全部{applicable}项已完成，保护到位！"),
    }
}

/// Shown on the "app up to date" item when both versions are known.
pub fn app_version_note(locale: Locale, installed: &str, latest: &str, outdated: bool) -> String {
    match (locale, outdated) {
        (Locale::En, true) => format!("Your app is version {installed}; the latest is {latest}. Please update."),
        (Locale::En, false) => format!("Your app ({installed}) is the latest version."),
        (Locale::ZhCn, true) => format!("您的应用版本是{installed}，最新版本是{latest}，请更新。"),
        (Locale::ZhCn, false) => format!("您的应用（{installed}）已是最新版本。"),
    }
}

/// The reminder about a delivered report support has not answered in `promised` hours.
pub fn followup_text(locale: Locale, brand: &str, reference: Option<&str>, waited_hours: u64, promised: u32) -> String {
    // Up to two days in hours, then whole days: "50 hours" reads worse than "2 days".
    let (n, en_unit, zh_unit) =
        if waited_hours < 48 { (waited_hours, "hours", "小时") } else { (waited_hours / 24, "days", "天") };
    match (locale, reference) {
        (Locale::En, Some(r)) => format!("Your report {r} has had no answer for {n} {en_unit}. {brand} support aims to answer within {promised} hours."),
        (Locale::En, None) => format!("Your report has had no answer for {n} {en_unit}. {brand} support aims to answer within {promised} hours."),
        (Locale::ZhCn, Some(r)) => format!("您的反馈{r}已等待{n}{zh_unit}，仍未收到答复。{brand}客服力争在{promised}小时内答复。"),
        (Locale::ZhCn, None) => format!("您的反馈已等待{n}{zh_unit}，仍未收到答复。{brand}客服力争在{promised}小时内答复。"),
    }
}

/// What happens after a report is sent: when support aims to answer and how (`by`: the
/// contact it will use), that the reference helps elsewhere, and where to follow the report.
pub fn next_text(locale: Locale, brand: &str, hours: u32, by: Option<(Preferred, &str)>, reference: bool) -> String {
    let en = locale == Locale::En;
    let answer = match (by, en) {
        (Some((Preferred::Email, e)), true) => {
            format!("{brand} support aims to answer within {hours} hours, by email to {e}.")
        }
        (Some((Preferred::Phone, p)), true) => {
            format!("{brand} support aims to answer within {hours} hours, by phone at {p}.")
        }
        (None, true) => format!(
            "{brand} support reads every report, but with no email or phone given they cannot answer you directly."
        ),
        (Some((Preferred::Email, e)), false) => format!("{brand}客服力争在{hours}小时内通过邮箱{e}答复您。"),
        (Some((Preferred::Phone, p)), false) => format!("{brand}客服力争在{hours}小时内通过电话{p}联系您。"),
        (None, false) => format!("{brand}客服会阅读每一条反馈，但您没有留下邮箱或电话，客服无法直接答复您。"),
    };
    let quote = match (reference, en) {
        (false, _) => "",
        (true, true) => " If you contact support another way, quote the reference.",
        (true, false) => "通过其他方式联系客服时，请提供受理编号。",
    };
    let reports = strings(locale).my_reports;
    let follow = if en {
        format!(" You can follow this report under “{reports}”.")
    } else {
        format!("可在“{reports}”中查看进度。")
    };
    let next = if en { "What happens next: " } else { "接下来：" };
    format!("{next}{answer}{quote}{follow}")
}

/// The phone line's hours after its number, in the language's own brackets.
pub fn hours_note(locale: Locale, hours: &str) -> String {
    match locale {
        Locale::En => format!(" ({hours})"),
        Locale::ZhCn => format!("（{hours}）"),
    }
}

/// Why the last try of a report failed, in words.
pub fn failure_text(locale: Locale, failure: Failure) -> String {
    let zh = locale == Locale::ZhCn;
    match failure {
        Failure::Offline if zh => "设备未联网".into(),
        Failure::Offline => "you were offline".into(),
        Failure::TimedOut | Failure::Status(408) if zh => "服务器未及时响应".into(),
        Failure::TimedOut | Failure::Status(408) => "the server did not answer in time".into(),
        Failure::Network if zh => "无法连接服务器".into(),
        Failure::Network => "the server could not be reached".into(),
        Failure::Redirect if zh => "反馈地址被重定向到别处（需由网站修复）".into(),
        Failure::Redirect => "the report address redirects elsewhere (the site must fix this)".into(),
        Failure::Status(429) if zh => "服务器繁忙（429）".into(),
        Failure::Status(429) => "the server was busy (429)".into(),
        Failure::Status(n) if n >= 500 && zh => format!("服务器错误{n}"),
        Failure::Status(n) if n >= 500 => format!("server error {n}"),
        Failure::Status(n) if zh => format!("被服务器拒绝（{n}）"),
        Failure::Status(n) => format!("refused by the server ({n})"),
    }
}

/// Where a report waiting to be sent stands: tries so far, why the last failed, and when
/// the next one is (a local time, "when you are back online" or "in a moment").
pub fn retry_text(locale: Locale, tries: u32, reason: Option<&str>, next: &str) -> String {
    match (locale, tries, reason) {
        (Locale::En, 0, _) | (Locale::En, _, None) => format!("Not tried yet. Next try: {next}."),
        (Locale::En, 1, Some(r)) => format!("Tried once; it failed: {r}. Next try: {next}."),
        (Locale::En, n, Some(r)) => format!("Tried {n} times; the last try failed: {r}. Next try: {next}."),
        (Locale::ZhCn, 0, _) | (Locale::ZhCn, _, None) => format!("尚未发送。下次尝试：{next}。"),
        (Locale::ZhCn, n, Some(r)) => format!("已尝试{n}次，上次失败原因：{r}。下次尝试：{next}。"),
    }
}

/// Asked before "clear my data"; reports still waiting to be sent are named, as they are lost.
pub fn clear_question(locale: Locale, unsent: usize) -> String {
    match (locale, unsent) {
        (Locale::En, 0) => "Delete your reports, draft and answers from this browser?".into(),
        (Locale::En, 1) => "Delete your reports, draft and answers from this browser? One report has not been sent yet and will never reach support.".into(),
        (Locale::En, n) => format!("Delete your reports, draft and answers from this browser? {n} reports have not been sent yet and will never reach support."),
        (Locale::ZhCn, 0) => "要从此浏览器删除您的反馈、草稿和评价吗？".into(),
        (Locale::ZhCn, n) => format!("要从此浏览器删除您的反馈、草稿和评价吗？其中{n}条尚未发送，删除后客服将无法收到。"),
    }
}

pub fn step_of(locale: Locale, n: usize, of: usize) -> String {
    match locale {
        Locale::En => format!("Step {n} of {of}"),
        Locale::ZhCn => format!("第{n}步，共{of}步"),
    }
}

pub fn kind_name(locale: Locale, kind: Kind) -> &'static str {
    match (locale, kind) {
        (Locale::En, Kind::Complaint) => "Complaint",
        (Locale::En, Kind::Feedback) => "Feedback",
        (Locale::En, Kind::Suggestion) => "Suggestion",
        (Locale::ZhCn, Kind::Complaint) => "投诉",
        (Locale::ZhCn, Kind::Feedback) => "问题反馈",
        (Locale::ZhCn, Kind::Suggestion) => "建议",
    }
}

pub fn category_name(locale: Locale, category: Category) -> &'static str {
    match (locale, category) {
        (Locale::En, Category::Technical) => "Technical (crash, slow)",
        (Locale::En, Category::Account) => "Account (login, balance)",
        (Locale::En, Category::Transaction) => "Transaction (payment, refund)",
        (Locale::En, Category::Security) => "Security (theft, leak)",
        (Locale::En, Category::Other) => "Something else",
        (Locale::ZhCn, Category::Technical) => "技术问题（闪退、卡顿）",
        (Locale::ZhCn, Category::Account) => "账户问题（登录、余额）",
        (Locale::ZhCn, Category::Transaction) => "交易问题（支付、退款）",
        (Locale::ZhCn, Category::Security) => "安全问题（被盗、泄露）",
        (Locale::ZhCn, Category::Other) => "其他",
    }
}

/// Each field's label, also used in the error summary.
pub fn field_name(locale: Locale, field: Field) -> &'static str {
    let en = locale == Locale::En;
    match field {
        Field::Kind => {
            if en {
                "Type of message"
            } else {
                "反馈类型"
            }
        }
        Field::Category => {
            if en {
                "What is it about?"
            } else {
                "问题属于哪一类？"
            }
        }
        Field::Subject => {
            if en {
                "Subject (optional)"
            } else {
                "标题（选填）"
            }
        }
        Field::Description => {
            if en {
                "What happened?"
            } else {
                "发生了什么？"
            }
        }
        Field::TxTime => {
            if en {
                "When"
            } else {
                "交易时间"
            }
        }
        Field::TxAmount => {
            if en {
                "Amount"
            } else {
                "金额"
            }
        }
        Field::TxAsset => {
            if en {
                "Coin or token"
            } else {
                "币种"
            }
        }
        Field::TxChain => {
            if en {
                "Network"
            } else {
                "网络"
            }
        }
        Field::TxCounterparty => {
            if en {
                "Other party's address"
            } else {
                "对方地址"
            }
        }
        Field::TxHash => {
            if en {
                "Transaction hash (TxID)"
            } else {
                "交易哈希（TxID）"
            }
        }
        Field::Steps => {
            if en {
                "What you already tried (one per line)"
            } else {
                "已经尝试过的办法（每行一条）"
            }
        }
        Field::Expected => {
            if en {
                "What would resolve it for you?"
            } else {
                "您希望如何解决？"
            }
        }
        Field::Email => {
            if en {
                "Email"
            } else {
                "邮箱"
            }
        }
        Field::Phone => {
            if en {
                "Phone"
            } else {
                "电话"
            }
        }
        Field::Preferred => {
            if en {
                "Answer me by"
            } else {
                "希望的回复方式"
            }
        }
        Field::Consent => {
            if en {
                "Support may contact me about this report"
            } else {
                "同意客服就此反馈与我联系"
            }
        }
        Field::Attachments => {
            if en {
                "Screenshots (up to 3)"
            } else {
                "截图（最多3张）"
            }
        }
    }
}

pub fn chain_name(locale: Locale, chain: &str) -> &'static str {
    match (locale, chain) {
        (_, "evm") => "Ethereum / BNB Chain / EVM",
        (_, "bitcoin") => "Bitcoin",
        (_, "tron") => "TRON",
        (_, "solana") => "Solana",
        (Locale::En, _) => "Not sure",
        (Locale::ZhCn, _) => "不确定",
    }
}

/// The message shown under a field and in the error summary.
pub fn problem_text(locale: Locale, problem: Problem) -> String {
    let en = locale == Locale::En;
    match problem {
        Problem::Required => (if en { "This field is required." } else { "此项必填。" }).into(),
        Problem::TooShort(n) => {
            if en {
                format!("Please write at least {n} characters.")
            } else {
                format!("请至少写{n}个字。")
            }
        }
        Problem::TooLong(n) => {
            if en {
                format!("Please keep it under {n} characters.")
            } else {
                format!("请不要超过{n}个字。")
            }
        }
        Problem::TooManyLines(n) => {
            if en {
                format!("Please list at most {n} steps.")
            } else {
                format!("最多列出{n}条。")
            }
        }
        Problem::BadEmail => (if en {
            "This does not look like an email address (name@example.com)."
        } else {
            "邮箱格式不正确（例如name@example.com）。"
        })
        .into(),
        Problem::BadPhone => (if en {
            "Please enter a phone number of 7 to 15 digits, e.g. +86 138 0013 8000."
        } else {
            "请输入7到15位数字的电话号码，例如+86 138 0013 8000。"
        })
        .into(),
        Problem::BadAmount => (if en {
            "Please enter a positive number, e.g. 250 or 0.5."
        } else {
            "请输入大于0的数字，例如250或0.5。"
        })
        .into(),
        Problem::BadTime => (if en { "Please pick the date and time." } else { "请选择日期和时间。" }).into(),
        Problem::BadHash => (if en {
            "This is not a transaction hash for the chosen network. Copy it from the transaction details."
        } else {
            "这不是所选网络的交易哈希，请从交易详情中复制。"
        })
        .into(),
        Problem::BadAddress => {
            (if en { "This is not an address on the chosen network." } else { "这不是所选网络上的地址。" }).into()
        }
        Problem::NeedsConsent => (if en {
            "Please agree to be contacted, or remove your contact details."
        } else {
            "请勾选同意联系，或删除联系方式。"
        })
        .into(),
        Problem::Secret => (if en {
            "This contains a seed phrase or private key. It cannot be sent."
        } else {
            "这里含有助记词或私钥，不能发送。"
        })
        .into(),
    }
}

/// Why the verifier took a contact for a fake, naming the official one it imitates, or
/// (`listed` false) the brand name when the operator listed no contact of that kind.
pub fn reason_text(locale: Locale, reason: &Reason, resembles: &str, listed: bool) -> String {
    let en = locale == Locale::En;
    // What it imitates: "the official tpwallet.com", or "the name tpWallet", which is no contact.
    let what = match (en, listed) {
        (true, true) => format!("the official {resembles}"),
        (true, false) => format!("the name {resembles}"),
        (false, true) => format!("官方的{resembles}"),
        (false, false) => format!("品牌名{resembles}"),
    };
    match reason {
        Reason::Typo => {
            if en {
                format!("It is one or two letters away from {what}: a classic fake.")
            } else {
                format!("它与{what}只差一两个字母，这是典型的仿冒手法。")
            }
        }
        Reason::SwappedLetters => {
            if en {
                format!("Two letters are swapped compared with {what}.")
            } else {
                format!("与{what}相比，有两个字母调换了位置。")
            }
        }
        Reason::DoubledLetter => {
            if en {
                format!("A letter is doubled compared with {what}.")
            } else {
                format!("与{what}相比，多了一个重复的字母。")
            }
        }
        Reason::Confusable => {
            if en {
                format!("It uses look-alike characters to imitate {resembles}.")
            } else {
                format!("它用外形相似的字符来冒充{resembles}。")
            }
        }
        Reason::Punycode { shown_as } => {
            if en {
                format!("It is written in punycode and shows as \"{shown_as}\", imitating {resembles}.")
            } else {
                format!("它使用punycode编码，显示为“{shown_as}”，冒充{resembles}。")
            }
        }
        Reason::BrandInsideOtherDomain => {
            if en {
                format!("The brand name sits inside someone else's address, imitating {what}.")
            } else {
                format!("品牌名被放在别人的地址里，冒充{what}。")
            }
        }
        Reason::BrandWithExtraWords => {
            if en {
                format!("It adds words to the brand name, imitating {what}.")
            } else {
                format!("它在品牌名上加了其他词，冒充{what}。")
            }
        }
        Reason::FreeMailWithBrand => {
            if en {
                format!("Support does not write from free mail accounts; this one imitates {what}.")
            } else {
                format!("官方客服不会使用免费邮箱；这个邮箱在冒充{what}。")
            }
        }
        Reason::WrongCountryCode => {
            if en {
                format!("The number has the wrong country code, compared with {what}.")
            } else {
                format!("与{what}相比，号码的国家代码不对。")
            }
        }
        Reason::LookalikeHandle => {
            if en {
                format!("This account imitates {what}.")
            } else {
                format!("这个账号在模仿{what}。")
            }
        }
    }
}

pub fn advice_text(locale: Locale, advice: Advice) -> &'static str {
    let en = locale == Locale::En;
    match advice {
        Advice::NotAContact => {
            if en {
                "This is not a website, email address, phone number or account name we can check."
            } else {
                "这不是可以核实的网址、邮箱、电话或账号。"
            }
        }
        Advice::NotListed => strings(locale).verdict_unknown_advice,
        Advice::Unpublished => strings(locale).verdict_unpublished_advice,
        Advice::PersonalMailbox => {
            if en {
                "This is a personal mailbox. Support teams do not write from one."
            } else {
                "这是个人邮箱，客服团队不会用个人邮箱联系您。"
            }
        }
    }
}

/// Where an official match was found, e.g. "Telegram account".
/// Under an official verdict for a name given without its app.
pub fn only_there(locale: Locale, channel: Channel) -> String {
    match locale {
        Locale::En => format!(
            "Official only as the {}. The same name on another app may be a fake.",
            channel_name(locale, channel)
        ),
        Locale::ZhCn => format!("仅{}是官方的。其他应用上的同名账号可能是假冒的。", channel_name(locale, channel)),
    }
}

pub fn channel_name(locale: Locale, channel: Channel) -> &'static str {
    let en = locale == Locale::En;
    match channel {
        Channel::Website => {
            if en {
                "website"
            } else {
                "网站"
            }
        }
        Channel::Email => {
            if en {
                "email address"
            } else {
                "邮箱"
            }
        }
        Channel::Phone => {
            if en {
                "phone number"
            } else {
                "电话号码"
            }
        }
        Channel::Handle(Network::Telegram) => {
            if en {
                "Telegram account"
            } else {
                "Telegram账号"
            }
        }
        Channel::Handle(Network::X) => {
            if en {
                "X account"
            } else {
                "X账号"
            }
        }
        Channel::Handle(Network::WeChat) => {
            if en {
                "WeChat official account"
            } else {
                "微信公众号"
            }
        }
    }
}

// The build script's reader of the strings files, compiled here too so its errors are tested.
#[cfg(test)]
#[path = "../../build/strings.rs"]
mod source;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_sending_the_user_hears_when_and_how_support_answers_and_where_to_follow() {
        let en = next_text(Locale::En, "tpWallet", 48, Some((Preferred::Email, "ana@example.com")), true);
        assert!(
            en.contains("within 48 hours, by email to ana@example.com") && en.contains("quote the reference"),
            "{en}"
        );
        assert!(en.contains("“My reports”"), "{en}");
        let zh = next_text(Locale::ZhCn, "tpWallet", 24, Some((Preferred::Phone, "+86 400 000 0000")), false);
        assert!(zh.contains("24小时内通过电话+86 400 000 0000联系您") && !zh.contains("受理编号"), "{zh}");
        assert!(zh.contains(strings(Locale::ZhCn).my_reports), "{zh}");
        let none = next_text(Locale::En, "tpWallet", 48, None, false);
        assert!(none.contains("cannot answer you directly") && !none.contains("48"), "{none}");
    }

    #[test]
    fn without_a_list_the_verdicts_name_the_brand_and_never_an_official_contact() {
        let reasons = [
            Reason::Typo,
            Reason::SwappedLetters,
            Reason::DoubledLetter,
            Reason::Confusable,
            Reason::Punycode { shown_as: "tpwаllet.com".into() },
            Reason::BrandInsideOtherDomain,
            Reason::BrandWithExtraWords,
            Reason::FreeMailWithBrand,
            Reason::LookalikeHandle,
        ];
        for reason in &reasons {
            let (en, zh) = (
                reason_text(Locale::En, reason, "tpWallet", false),
                reason_text(Locale::ZhCn, reason, "tpWallet", false),
            );
            assert!(en.contains("tpWallet") && !en.contains("official"), "{en}");
            assert!(zh.contains("tpWallet") && !zh.contains("官方的"), "{zh}");
        }
        assert!(reason_text(Locale::En, &Reason::Typo, "tpwallet.com", true).contains("the official tpwallet.com"));
        for locale in [Locale::En, Locale::ZhCn] {
            let s = strings(locale);
            assert_ne!(s.verdict_unverified, s.verdict_unknown);
            assert_eq!(advice_text(locale, Advice::Unpublished), s.verdict_unpublished_advice);
        }
        assert!(strings(Locale::En).verdict_unpublished_advice.contains("has not published its official contacts"));
        assert!(strings(Locale::ZhCn).verdict_unpublished_advice.contains("尚未公布官方联系方式"));
    }

    #[test]
    fn the_follow_up_counts_hours_then_days_in_both_languages() {
        assert_eq!(
            followup_text(Locale::En, "tpWallet", Some("WH-7"), 47, 24),
            "Your report WH-7 has had no answer for 47 hours. tpWallet support aims to answer within 24 hours."
        );
        assert_eq!(
            followup_text(Locale::ZhCn, "tpWallet", None, 100, 72),
            "您的反馈已等待4天，仍未收到答复。tpWallet客服力争在72小时内答复。"
        );
    }

    #[test]
    fn failed_tries_are_told_in_words_with_the_next_try() {
        let said = |l, d: &str| failure_text(l, crate::core::delivery::failure(d));
        assert_eq!(said(Locale::En, "HTTP 503"), "server error 503");
        assert_eq!(said(Locale::ZhCn, "HTTP 503"), "服务器错误503");
        assert_eq!(said(Locale::En, "offline"), "you were offline");
        assert_eq!(said(Locale::En, "timed out"), "the server did not answer in time");
        assert_eq!(said(Locale::En, "HTTP 429"), "the server was busy (429)");
        assert_eq!(said(Locale::En, "HTTP 403"), "refused by the server (403)");
        assert_eq!(said(Locale::En, "network error"), "the server could not be reached");
        assert!(said(Locale::En, "redirect").contains("redirects"));
        assert_eq!(
            retry_text(Locale::En, 3, Some("server error 503"), "5:31 PM"),
            "Tried 3 times; the last try failed: server error 503. Next try: 5:31 PM."
        );
        assert_eq!(
            retry_text(Locale::En, 1, Some("x"), "in a moment"),
            "Tried once; it failed: x. Next try: in a moment."
        );
        assert_eq!(
            retry_text(Locale::En, 0, None, "when you are back online"),
            "Not tried yet. Next try: when you are back online."
        );
        assert_eq!(
            retry_text(Locale::ZhCn, 2, Some("设备未联网"), "网络恢复后"),
            "已尝试2次，上次失败原因：设备未联网。下次尝试：网络恢复后。"
        );
    }

    #[test]
    fn a_strings_file_gives_every_key_in_the_schema_order() {
        let text = "# comment\nno: No\n\nback: Back\ncolon: \": \"\n";
        assert_eq!(source::read(text, &["back", "no", "colon"]).unwrap(), ["Back", "No", ": "]);
        assert_eq!(source::read(text, KEYS).unwrap_err().len(), KEYS.len() - 3, "every other key is missing");
    }

    #[test]
    fn a_bad_strings_file_names_each_problem_and_its_line() {
        let text = "back: Back\nback: Again\nno:\nnothing here\nbak: Typo\n";
        assert_eq!(
            source::read(text, &["back", "no", "yes"]).unwrap_err(),
            [
                "2: back is given twice",
                "3: no is empty",
                "4: expected `key: value`, got \"nothing here\"",
                "5: \"bak\" is not an interface string (the keys are in src/core/strings_schema.rs)",
                "1: no is missing",
                "1: yes is missing",
            ]
        );
    }

    #[test]
    fn every_language_has_every_string() {
        for locale in [Locale::En, Locale::ZhCn] {
            let pack = crate::core::content::pack(locale).expect("compiled in");
            assert_eq!(pack.interface.len(), KEYS.len(), "{locale:?}");
            assert!(pack.interface.iter().all(|v| !v.is_empty()), "{locale:?}");
            assert_eq!(strings(locale).back, if locale == Locale::En { "Back" } else { "返回" });
        }
    }
}
