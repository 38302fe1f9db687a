//! Every interface string in both languages. Components ask for `strings(locale)` and never
//! spell text themselves, so a missing translation is a compile error, not a blank label.

use super::config::{Locale, View};
use super::contacts::{Advice, Channel, Network, Reason};
use super::content::Category as Topic;
use super::delivery::Failure;
use super::report::{Category, Field, Kind, Preferred, Problem};

pub struct Strings {
    pub panel_title: &'static str,
    /// The launcher button's name (the script tag's loader names it the same).
    pub launcher: &'static str,
    pub close: &'static str,
    pub views_label: &'static str,
    pub back: &'static str,
    pub topics: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub no_results: &'static str,
    pub no_results_hint: &'static str,
    pub helpful: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub thanks: &'static str,
    pub sorry: &'static str,
    pub related: &'static str,
    pub not_found: &'static str,
    pub updated: &'static str,
    pub contact_title: &'static str,
    pub letter_edit: &'static str,
    pub contact_intro: &'static str,
    pub choose: &'static str,
    pub description_hint: &'static str,
    pub submit: &'static str,
    pub reference: &'static str,
    pub no_endpoint: &'static str,
    pub error_summary: &'static str,
    pub never_share: &'static str,
    pub legend_problem: &'static str,
    pub legend_transaction: &'static str,
    pub legend_contact: &'static str,
    pub contact_hint: &'static str,
    pub preferred_email: &'static str,
    pub preferred_phone: &'static str,
    pub attach_hint: &'static str,
    pub image_bad_type: &'static str,
    pub image_too_big: &'static str,
    pub image_unreadable: &'static str,
    pub image_limit: &'static str,
    pub remove: &'static str,
    pub guard_title: &'static str,
    pub guard_body: &'static str,
    pub guard_remove: &'static str,
    /// Under the FAQ search box when the query holds a seed phrase or key.
    pub search_secret: &'static str,
    pub discard: &'static str,
    pub discard_question: &'static str,
    pub discard_yes: &'static str,
    /// The safe answer to a question before something is deleted.
    pub keep: &'static str,
    /// The report could not be put in the outbox (no random source, a broken endpoint).
    pub send_failed: &'static str,
    /// The way out of the escalation ladder to the FAQ.
    pub back_to_faq: &'static str,
    pub clear_yes: &'static str,
    pub suggestions: &'static str,
    pub my_reports: &'static str,
    pub no_reports: &'static str,
    pub status_queued: &'static str,
    pub status_sending: &'static str,
    pub status_delivered: &'static str,
    pub status_rejected: &'static str,
    pub queued: &'static str,
    pub status_not_delivered: &'static str,
    /// Under a report given up on: what to do instead (the channels follow).
    pub not_delivered_help: &'static str,
    pub copy_report: &'static str,
    /// The browser refused the clipboard: the text is shown to select instead.
    pub copy_refused: &'static str,
    /// The next try, when the browser says it is offline.
    pub when_online: &'static str,
    /// The next try, when it is due now.
    pub in_a_moment: &'static str,
    /// The report is kept in the text-only store: its screenshots are not.
    pub screenshots_dropped: &'static str,
    /// Neither store could keep the report, nor could it be sent (the channels follow).
    pub not_saved: &'static str,
    pub report_id: &'static str,
    pub write_report: &'static str,
    pub sent_what: &'static str,
    /// A view whose code is still downloading; one that could not be; the button to try again.
    pub view_loading: &'static str,
    pub view_failed: &'static str,
    pub try_again: &'static str,
    pub clear_data: &'static str,
    pub clear_data_hint: &'static str,
    pub edit_again: &'static str,
    pub mark_done: &'static str,
    pub mark_not_yet: &'static str,
    pub mark_na: &'static str,
    pub why_how: &'static str,
    pub check_contact: &'static str,
    pub reset_checklist: &'static str,
    pub read_more: &'static str,
    pub checklist_intro: &'static str,
    pub attach_checklist: &'static str,
    pub verifier_title: &'static str,
    pub verifier_intro: &'static str,
    pub verifier_label: &'static str,
    pub verifier_button: &'static str,
    pub verdict_official: &'static str,
    pub verdict_impostor: &'static str,
    pub verdict_unknown: &'static str,
    pub verdict_unknown_advice: &'static str,
    /// The verdict's title when the operator has published no official contacts.
    pub verdict_unverified: &'static str,
    pub verdict_unpublished_advice: &'static str,
    pub verdict_rule: &'static str,
    pub back_to_checklist: &'static str,
    pub ts_intro: &'static str,
    pub ts_fixed: &'static str,
    pub ts_broken: &'static str,
    pub ts_next: &'static str,
    pub ts_previous: &'static str,
    pub ts_other: &'static str,
    pub ts_solved: &'static str,
    pub ladder_title: &'static str,
    pub rung_service: &'static str,
    pub rung_service_none: &'static str,
    pub chat: &'static str,
    pub call: &'static str,
    pub email_support: &'static str,
    pub rung_report: &'static str,
    pub open_form: &'static str,
    pub rung_public: &'static str,
    pub forum: &'static str,
    pub write_letter: &'static str,
    pub rung_regulator: &'static str,
    pub next_rung: &'static str,
    pub followup_answered: &'static str,
    pub followup_later: &'static str,
    pub followup_next: &'static str,
    pub region: &'static str,
    pub regulator_none: &'static str,
    pub regulator_bring: &'static str,
    pub letter_title: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub download: &'static str,
    pub print: &'static str,
    pub print_blocked: &'static str,
    /// Between a label and its value.
    pub colon: &'static str,
}

const EN: Strings = Strings {
    panel_title: "Help centre",
    launcher: "Help",
    close: "Close help",
    views_label: "Help sections",
    back: "Back",
    topics: "Browse by topic",
    search_label: "Search the help articles",
    search_placeholder: "e.g. transfer failed, seed phrase",
    no_results: "No article matches your words.",
    no_results_hint: "Let us walk you through the problem, or write to support.",
    helpful: "Was this helpful?",
    yes: "Yes",
    no: "No",
    thanks: "Thanks for telling us.",
    sorry: "Sorry it did not help. Support can look at your case:",
    related: "Related questions",
    not_found: "This article is not available.",
    updated: "Updated",
    contact_title: "Report a problem or send feedback",
    letter_edit: "Check the letter and fill in your name where it says [your name]. You can change anything before you copy, download or print it.",
    contact_intro: "Tell us what happened. We read every report.",
    choose: "Choose…",
    description_hint: "Include the time, amount and what you saw. Never type your seed phrase or private key.",
    submit: "Send report",
    reference: "Reference",
    no_endpoint: "Reports cannot be sent from this page. Please contact support through the official channels listed in the app.",
    error_summary: "Please correct these fields:",
    never_share: "Real support never asks for your seed phrase, private key or password.",
    legend_problem: "Your problem",
    legend_transaction: "Transaction (if any)",
    legend_contact: "How support can answer you",
    contact_hint: "A complaint needs a way to answer you.",
    preferred_email: "Email",
    preferred_phone: "Phone",
    attach_hint: "PNG, JPEG or WebP. Large images are made smaller on your device first.",
    image_bad_type: "only PNG, JPEG or WebP images can be attached.",
    image_too_big: "still larger than 2 MB after shrinking.",
    image_unreadable: "could not be read as an image.",
    image_limit: "Up to 3 screenshots can be attached.",
    remove: "Remove",
    guard_title: "Never share your seed phrase or private key",
    guard_body: "Real support never asks for it. Anyone who has it can take all your funds, so this report cannot be sent with it.",
    guard_remove: "Remove it from the report",
    search_secret: "This looks like a seed phrase or private key. Never type it anywhere, not even in a search box: real support never asks for it. Clear the box.",
    discard: "Discard draft",
    discard_question: "Discard this draft? What you wrote will be gone.",
    discard_yes: "Discard",
    keep: "Keep",
    send_failed: "This browser could not prepare the report for sending. Nothing is lost: your text is still in the form.",
    back_to_faq: "Back to the questions and answers",
    clear_yes: "Delete",
    suggestions: "These articles may already answer it:",
    my_reports: "My reports",
    no_reports: "You have not sent a report from this device yet.",
    status_queued: "Waiting to send",
    status_sending: "Sending",
    status_delivered: "Received",
    status_rejected: "Not accepted",
    queued: "Saved on this device. It is sent as soon as the connection allows, even after a reload.",
    status_not_delivered: "Not delivered",
    not_delivered_help: "This report could not be delivered and will not be tried again. Copy its text and send it to support another way:",
    copy_report: "Copy the text",
    copy_refused: "This browser did not allow copying. Select the text below and copy it yourself.",
    when_online: "when you are back online",
    in_a_moment: "in a moment",
    screenshots_dropped: "Screenshots could not be kept on this device. The text of your report is saved and will be sent; attach the screenshots when support answers.",
    not_saved: "Your report was NOT saved and NOT sent: this browser does not let the widget store it. Your text is still in the form. Try again later, or contact support directly:",
    report_id: "Report id",
    write_report: "Write a report",
    sent_what: "What was sent",
    view_loading: "Loading…",
    view_failed: "This part of help could not be loaded. Check your connection.",
    try_again: "Try again",
    clear_data: "Clear my data on this device",
    clear_data_hint: "Removes your reports (also unsent ones), the draft and your answers from this browser.",
    edit_again: "Edit and send again",
    mark_done: "Done",
    mark_not_yet: "Not yet",
    mark_na: "Does not apply",
    why_how: "Why and how",
    check_contact: "Check a support contact",
    reset_checklist: "Start the checklist again",
    read_more: "Read more:",
    checklist_intro: "Two minutes that protect your funds. Your answers stay on this device.",
    attach_checklist: "Attach my safety checklist",
    verifier_title: "Check a support contact",
    verifier_intro: "Paste a website, email address, phone number, or a Telegram, X or WeChat account that claims to be support.",
    verifier_label: "Contact to check",
    verifier_button: "Check",
    verdict_official: "Official",
    verdict_impostor: "Warning: this looks like a fake",
    verdict_unknown: "Not on the official list",
    verdict_unknown_advice: "We cannot confirm it. Look for the contact on the official website or in the app, and do not trust it until you find it there.",
    verdict_unverified: "Unverified",
    verdict_unpublished_advice: "This site has not published its official contacts, so none can be confirmed. Treat this one as unverified: reach support only through the app or a website you opened yourself.",
    verdict_rule: "Official support never asks for your seed phrase, private key or password, and never asks you to move funds to \"verify\" them.",
    back_to_checklist: "Back to the checklist",
    ts_intro: "What went wrong? Pick the closest case and we'll walk you through it.",
    ts_fixed: "This fixed it",
    ts_broken: "Still broken",
    ts_next: "Done — next step",
    ts_previous: "Previous step",
    ts_other: "Other problems",
    ts_solved: "Glad it is solved. If it comes back, start again here.",
    ladder_title: "Still not solved? Take it further, one step at a time:",
    rung_service: "1. Customer service",
    rung_service_none: "Use the in-app chat or the contacts on the official website, never ones from messages.",
    chat: "Open the support chat",
    call: "Call",
    email_support: "Email",
    rung_report: "2. Send a report with what you tried",
    open_form: "Open the report form",
    rung_public: "3. Public channels",
    forum: "Ask in the community forum",
    write_letter: "Write a formal complaint letter",
    rung_regulator: "4. The financial regulator",
    next_rung: "Suggested next step",
    followup_answered: "They answered",
    followup_later: "Not now",
    followup_next: "Show the next step",
    region: "Your region",
    regulator_none: "If funds are at risk and nothing else helped, complain to your local financial regulator.",
    regulator_bring: "Bring: transaction hashes, times and amounts, screenshots, chat records, your report references and the complaint letter.",
    letter_title: "Your complaint letter",
    copy: "Copy",
    copied: "Copied.",
    download: "Download as a text file",
    print: "Print",
    print_blocked: "The browser blocked the print page. Allow pop-ups for this site, or download the letter and print the file.",
    colon: ": ",
};

const ZH_CN: Strings = Strings {
    panel_title: "帮助中心",
    launcher: "帮助",
    close: "关闭帮助",
    views_label: "帮助栏目",
    back: "返回",
    topics: "按分类浏览",
    search_label: "搜索帮助文章",
    search_placeholder: "例如：转账失败、助记词",
    no_results: "没有找到相关文章。",
    no_results_hint: "可以按步骤排查问题，或直接联系客服。",
    helpful: "这篇内容对您有帮助吗？",
    yes: "有帮助",
    no: "没帮助",
    thanks: "感谢您的反馈。",
    sorry: "抱歉没能帮到您。客服可以帮您具体处理：",
    related: "相关问题",
    not_found: "找不到这篇文章。",
    updated: "更新于",
    contact_title: "反馈问题或投诉",
    letter_edit: "请核对信件，并在【您的姓名】处填写姓名。复制、下载或打印前，您可以修改任何内容。",
    contact_intro: "请告诉我们发生了什么，每一份反馈我们都会认真阅读。",
    choose: "请选择…",
    description_hint: "请写明时间、金额和看到的情况。切勿填写助记词或私钥。",
    submit: "提交",
    reference: "受理编号",
    no_endpoint: "此页面无法直接提交反馈，请通过应用内列出的官方渠道联系客服。",
    error_summary: "请修改以下内容：",
    never_share: "真正的客服绝不会索要您的助记词、私钥或密码。",
    legend_problem: "您的问题",
    legend_transaction: "交易信息（如有）",
    legend_contact: "客服如何回复您",
    contact_hint: "投诉需要留下联系方式，方便客服回复。",
    preferred_email: "邮件",
    preferred_phone: "电话",
    attach_hint: "支持PNG、JPEG、WebP。较大的图片会先在您的设备上压缩。",
    image_bad_type: "只能添加PNG、JPEG或WebP图片。",
    image_too_big: "压缩后仍大于2 MB。",
    image_unreadable: "无法识别为图片。",
    image_limit: "最多只能添加3张截图。",
    remove: "删除",
    guard_title: "切勿泄露助记词或私钥",
    guard_body: "真正的客服绝不会索要。任何人拿到它都能转走您的全部资产，所以这份反馈不能带着它发送。",
    guard_remove: "从反馈中删除",
    search_secret: "这看起来像助记词或私钥。请不要在任何地方输入它，搜索框也不行：真正的客服绝不会索要。请清空搜索框。",
    discard: "清空草稿",
    discard_question: "清空这份草稿？已填写的内容将被删除。",
    discard_yes: "清空",
    keep: "保留",
    send_failed: "此浏览器无法准备发送这份反馈。内容没有丢失，仍保留在表单中。",
    back_to_faq: "返回常见问题",
    clear_yes: "删除",
    suggestions: "这些文章也许能解答：",
    my_reports: "我的反馈",
    no_reports: "您还没有在本设备上提交过反馈。",
    status_queued: "等待发送",
    status_sending: "发送中",
    status_delivered: "已送达",
    status_rejected: "未被接受",
    queued: "已保存在本设备，网络恢复后会自动发送，刷新页面也不会丢失。",
    status_not_delivered: "未能送达",
    not_delivered_help: "这份反馈未能送达，也不会再自动重试。请复制内容，通过以下其他方式发给客服：",
    copy_report: "复制内容",
    copy_refused: "此浏览器不允许复制。请选中下面的文字，自行复制。",
    when_online: "网络恢复后",
    in_a_moment: "即将进行",
    screenshots_dropped: "本设备无法保存截图。反馈的文字已保存，会尽快发送；客服回复时请再附上截图。",
    not_saved:
        "您的反馈未能保存，也未能发送：此浏览器不允许本组件存储数据。内容仍保留在表单中。请稍后重试，或直接联系客服：",
    report_id: "反馈编号",
    write_report: "写反馈",
    sent_what: "发送的内容",
    view_loading: "正在加载…",
    view_failed: "这部分帮助内容未能加载，请检查网络连接。",
    try_again: "重试",
    clear_data: "清除本设备上的数据",
    clear_data_hint: "从此浏览器删除您的反馈（包括尚未发送的）、草稿和评价。",
    edit_again: "修改后重新发送",
    mark_done: "已完成",
    mark_not_yet: "还没有",
    mark_na: "不适用",
    why_how: "原因和做法",
    check_contact: "核实客服联系方式",
    reset_checklist: "重新开始检查",
    read_more: "延伸阅读：",
    checklist_intro: "两分钟，保护您的资产。您的选择只保存在本设备上。",
    attach_checklist: "附上我的安全检查结果",
    verifier_title: "核实客服联系方式",
    verifier_intro: "粘贴自称客服的网址、邮箱、电话号码，或Telegram、X、微信公众号账号。",
    verifier_label: "要核实的联系方式",
    verifier_button: "核实",
    verdict_official: "官方渠道",
    verdict_impostor: "警告：这很可能是假冒的",
    verdict_unknown: "不在官方名单中",
    verdict_unknown_advice: "无法确认。请在官网或应用内查找这个联系方式，找到之前不要相信它。",
    verdict_unverified: "未经核实",
    verdict_unpublished_advice:
        "本站尚未公布官方联系方式，因此无法确认。请把它当作未经核实，只通过应用内或您自己打开的官网联系客服。",
    verdict_rule: "官方客服绝不会索要助记词、私钥或密码，也绝不会让您转移资产来“验证”。",
    back_to_checklist: "返回安全检查",
    ts_intro: "遇到了什么问题？选择最接近的情况，我们一步步帮您排查。",
    ts_fixed: "问题解决了",
    ts_broken: "还是不行",
    ts_next: "已完成，下一步",
    ts_previous: "上一步",
    ts_other: "其他问题",
    ts_solved: "很高兴问题解决了。如果再次出现，可以从这里重新开始。",
    ladder_title: "还没解决？可以逐级反映：",
    rung_service: "1. 联系客服",
    rung_service_none: "请使用应用内在线客服或官网上的联系方式，不要使用消息里给的联系方式。",
    chat: "打开在线客服",
    call: "拨打",
    email_support: "发邮件给客服",
    rung_report: "2. 提交反馈，附上已尝试的步骤",
    open_form: "填写反馈",
    rung_public: "3. 公开渠道",
    forum: "到社区论坛求助",
    write_letter: "撰写正式投诉信",
    rung_regulator: "4. 金融监管部门",
    next_rung: "建议的下一步",
    followup_answered: "已收到答复",
    followup_later: "稍后再说",
    followup_next: "查看下一步",
    region: "您所在的地区",
    regulator_none: "如果资金有风险且其他办法都无效，可以向当地金融监管部门投诉。",
    regulator_bring: "请准备：交易哈希、时间和金额、截图、聊天记录、反馈受理编号和投诉信。",
    letter_title: "您的投诉信",
    copy: "复制",
    copied: "已复制。",
    download: "下载为文本文件",
    print: "打印",
    print_blocked: "浏览器拦截了打印页面。请允许此网站弹出窗口，或下载投诉信后打印文件。",
    colon: "：",
};

pub fn strings(locale: Locale) -> &'static Strings {
    match locale {
        Locale::En => &EN,
        Locale::ZhCn => &ZH_CN,
    }
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
}
