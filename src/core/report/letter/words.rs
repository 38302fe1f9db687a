//! The letter's prose in both languages, one table each, so the two say the same thing
//! in the same order.

use super::Words;

pub const EN: Words = Words {
    to: "To: {0} Customer Support, Complaints Department", date: "Date: ", from: "From: ", holder: "The account holder",
    account: "Account: ", subject: "Subject: Formal complaint: {0}", subject_default: "Subject: Formal complaint about {0}",
    dear: "Dear {0} complaints team,",
    topics: ["a technical problem with your app", "a problem with my account", "a transaction", "a security problem with my account", "a problem with your service"],
    intro: "I am writing to make a formal complaint about {0}.", intro_first: " It has not been resolved, so I set out the full record below.",
    intro_sent: " I reported it to your support {0} before this letter{1}, and it is still not resolved. The full record follows.",
    most_recent: ", most recently on {0}",
    titles: ["Timeline", "What happened", "What I have already tried", "What I ask for", "Evidence"],
    heading: "{0}. {1}", item: "- {0}: {1}", undated: "Date not recorded",
    tx: ["Transaction", " of {0}", " on {0}", ", other party {0}", ", transaction hash {0}", "."],
    report: "Report sent to support", reference: ", reference {0}", delivered: ". Delivered.",
    unanswered: ". Delivered; no answer received.", refused: ". Refused by the support system.",
    refused_why: ". Refused by the support system: {0}.", pending: ". Not yet confirmed as received.",
    answer: "  Answer received: {0}", this_letter: "This formal complaint.", article: "Read the help article {0}",
    ask_default: "I ask you to investigate the matter, put it right, and explain to me in writing what happened and what you have done.",
    ev_hash: "- Transaction hash: {0}", ev_shots: "- Screenshots: {0}", ev_chat: "- Records of my chats with your support",
    ev_refs: "- References of my earlier reports: {0}", list_sep: ", ", ev_offer: "I can provide all of this on request.",
    ev_none: "I can provide further details and screenshots on request.",
    reply: "Please reply in writing within {0} days of this letter.", reply_by: "Please reply in writing within {0} days of this letter, that is by {1}.",
    regulator: " If the matter is not resolved by then, I may refer it to {0}, together with this letter and the record above.",
    regulator_default: "the financial regulator",
    answer_to: ["Please answer me ", "by email at {0}", "by phone at {0}", " or ", "."],
    answer_registered: "Please answer me through the contact details registered with my account.",
    closing: "Thank you for your prompt attention to this matter.\n\nYours faithfully,", sign: "The account holder",
    sign_account: "Holder of account {0}", quote: "\"{0}\"", sep: ", ",
};

pub const ZH: Words = Words {
    to: "致：{0} 客户服务部（投诉处理）", date: "日期：", from: "投诉人：", holder: "账户持有人", account: "账户：",
    subject: "事由：正式投诉——{0}", subject_default: "事由：关于{0}的正式投诉", dear: "尊敬的 {0} 投诉处理部门：",
    topics: ["贵方应用的技术故障", "我的账户问题", "一笔交易", "我账户的安全问题", "贵方服务中的问题"],
    intro: "您好！我就{0}向贵方提出正式投诉。", intro_first: "问题至今未得到解决，现将完整记录列明如下。",
    intro_sent: "此前我已向贵方客服反馈 {0}{1}，问题至今仍未解决。完整记录如下。", most_recent: "，最近一次在 {0}",
    titles: ["事件经过", "问题描述", "已尝试的办法", "我的诉求", "证据材料"],
    heading: "{0}、{1}", item: "- {0}：{1}", undated: "时间未记录",
    tx: ["交易", " {0}", "（{0} 网络）", "，对方地址 {0}", "，交易哈希 {0}", "。"],
    report: "向客服提交反馈", reference: "，受理编号 {0}", delivered: "，已送达。", unanswered: "，已送达，尚未收到答复。",
    refused: "，被系统拒收。", refused_why: "，被系统拒收：{0}。", pending: "，尚未确认送达。",
    answer: "  收到答复：{0}", this_letter: "提出本正式投诉。", article: "阅读了帮助文章{0}",
    ask_default: "请贵方调查此事、予以纠正，并书面告知我事情经过及处理结果。",
    ev_hash: "- 交易哈希：{0}", ev_shots: "- 截图：{0} 张", ev_chat: "- 与贵方客服的聊天记录",
    ev_refs: "- 此前反馈的受理编号：{0}", list_sep: "、", ev_offer: "以上材料可应要求提供。",
    ev_none: "如有需要，我可以提供更多细节和截图。",
    reply: "请于本信发出之日起 {0} 日内书面答复。", reply_by: "请于本信发出之日起 {0} 日内（即 {1} 前）书面答复。",
    regulator: "如届时问题仍未解决，我可能将此事连同本信及上述记录提交{0}。", regulator_default: "金融监管部门",
    answer_to: ["请通过", "邮箱 {0} ", "电话 {0} ", "或", "回复我。"],
    answer_registered: "请通过我账户登记的联系方式回复我。",
    closing: "感谢贵方对此事的及时处理。\n\n此致\n敬礼！\n", sign: "投诉人：账户持有人", sign_account: "投诉人：账户 {0} 持有人",
    quote: "“{0}”", sep: "，",
};

