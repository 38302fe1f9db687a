//! Every interface string in both languages. Components ask for `strings(locale)` and never
//! spell text themselves, so a missing translation is a compile error, not a blank label.

use super::config::{Locale, View};
use super::content::Category as Topic;
use super::report::{Category, Field, Kind, Problem};

pub struct Strings {
    pub launcher: &'static str,
    pub panel_title: &'static str,
    pub close: &'static str,
    pub views_label: &'static str,
    pub faq_intro: &'static str,
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
    pub coming_title: &'static str,
    pub coming_body: &'static str,
    pub contact_intro: &'static str,
    pub kind_label: &'static str,
    pub category_label: &'static str,
    pub choose: &'static str,
    pub description_label: &'static str,
    pub description_hint: &'static str,
    pub email_label: &'static str,
    pub email_hint_required: &'static str,
    pub email_hint_optional: &'static str,
    pub submit: &'static str,
    pub sending: &'static str,
    pub delivered: &'static str,
    pub reference: &'static str,
    pub retry_later: &'static str,
    pub rejected: &'static str,
    pub try_again: &'static str,
    pub new_report: &'static str,
    pub no_endpoint: &'static str,
    pub error_summary: &'static str,
    pub never_share: &'static str,
    /// Between a label and its value.
    pub colon: &'static str,
}

const EN: Strings = Strings {
    launcher: "Help",
    panel_title: "Help centre",
    close: "Close help",
    views_label: "Help sections",
    faq_intro: "Answers to the questions people ask most.",
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
    coming_title: "Coming soon",
    coming_body: "This section is on its way. Until then, the questions and the contact form can help.",
    contact_intro: "Tell us what happened. We read every report.",
    kind_label: "Type of message",
    category_label: "What is it about?",
    choose: "Choose…",
    description_label: "What happened?",
    description_hint: "Include the time, amount and what you saw. Never type your seed phrase or private key.",
    email_label: "Email for our answer",
    email_hint_required: "Required for complaints, so support can reply.",
    email_hint_optional: "Optional.",
    submit: "Send report",
    sending: "Sending…",
    delivered: "Your report was received.",
    reference: "Reference",
    retry_later: "The support server could not be reached. Your text is still here; please try again in a moment.",
    rejected: "The support server did not accept the report:",
    try_again: "Try again",
    new_report: "Write another report",
    no_endpoint: "Reports cannot be sent from this page. Please contact support through the official channels listed in the app.",
    error_summary: "Please correct these fields:",
    never_share: "Real support never asks for your seed phrase, private key or password.",
    colon: ": ",
};

const ZH_CN: Strings = Strings {
    launcher: "帮助",
    panel_title: "帮助中心",
    close: "关闭帮助",
    views_label: "帮助栏目",
    faq_intro: "大家最常问的问题和解答。",
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
    coming_title: "即将推出",
    coming_body: "这个栏目正在准备中。在此之前，可以先看常见问题，或通过联系表单告诉我们。",
    contact_intro: "请告诉我们发生了什么，每一份反馈我们都会认真阅读。",
    kind_label: "反馈类型",
    category_label: "问题属于哪一类？",
    choose: "请选择…",
    description_label: "发生了什么？",
    description_hint: "请写明时间、金额和看到的情况。切勿填写助记词或私钥。",
    email_label: "接收回复的邮箱",
    email_hint_required: "投诉必须填写，方便客服回复您。",
    email_hint_optional: "选填。",
    submit: "提交",
    sending: "正在提交…",
    delivered: "我们已收到您的反馈。",
    reference: "受理编号",
    retry_later: "暂时无法连接客服服务器。您填写的内容仍在，请稍后再试。",
    rejected: "客服服务器未接受这份反馈：",
    try_again: "重试",
    new_report: "再写一份",
    no_endpoint: "此页面无法直接提交反馈，请通过应用内列出的官方渠道联系客服。",
    error_summary: "请修改以下内容：",
    never_share: "真正的客服绝不会索要您的助记词、私钥或密码。",
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
        (Locale::ZhCn, n) => format!("找到 {n} 篇文章"),
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

/// Short field names for the error summary.
pub fn field_name(locale: Locale, field: Field) -> &'static str {
    match (locale, field) {
        (Locale::En, Field::Kind) => "Type",
        (Locale::En, Field::Category) => "Category",
        (Locale::En, Field::Description) => "Description",
        (Locale::En, Field::Email) => "Email",
        (Locale::ZhCn, Field::Kind) => "反馈类型",
        (Locale::ZhCn, Field::Category) => "问题类别",
        (Locale::ZhCn, Field::Description) => "问题描述",
        (Locale::ZhCn, Field::Email) => "邮箱",
    }
}

/// The message shown under a field and in the error summary.
pub fn problem_text(locale: Locale, problem: Problem) -> String {
    match (locale, problem) {
        (Locale::En, Problem::Required) => "This field is required.".into(),
        (Locale::En, Problem::TooShort(n)) => format!("Please write at least {n} characters."),
        (Locale::En, Problem::TooLong(n)) => format!("Please keep it under {n} characters."),
        (Locale::En, Problem::BadEmail) => "This does not look like an email address (name@example.com).".into(),
        (Locale::ZhCn, Problem::Required) => "此项必填。".into(),
        (Locale::ZhCn, Problem::TooShort(n)) => format!("请至少写 {n} 个字。"),
        (Locale::ZhCn, Problem::TooLong(n)) => format!("请不要超过 {n} 个字。"),
        (Locale::ZhCn, Problem::BadEmail) => "邮箱格式不正确（例如 name@example.com）。".into(),
    }
}
