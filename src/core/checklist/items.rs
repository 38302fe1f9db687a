//! The ten built-in checklist items in both languages. Facts from the help content; the
//! wording is ours. Operators change them through their config file.

use super::{Item, Tool};
use crate::core::config::Locale;
use std::borrow::Cow::Borrowed as B;

macro_rules! item {
    ($id:literal, $title:literal, $next:literal, $why:literal, $steps:literal, $articles:literal, $tool:expr) => {
        Item {
            id: B($id),
            title: B($title),
            next: B($next),
            why: B($why),
            steps: B($steps),
            articles: B($articles),
            tool: $tool,
        }
    };
}

static EN: [Item; 10] = [
    item!("app-updated", "The app is up to date", "update the app",
        "Updates fix known problems and security holes. Old versions are what attackers aim at.",
        "Open your phone's app store and search for the wallet.\nTap Update if it is offered.\nTurn on automatic updates.",
        "update-app", None),
    item!("strong-password", "A strong password used nowhere else", "set a strong, unique password",
        "A password reused on another site is only as safe as that site. Birthdays and names are guessed first.",
        "Use 12 or more characters, or a few random words.\nDo not reuse it anywhere.\nKeep it in a password manager.",
        "strong-password,account-security", None),
    item!("two-factor", "Two-factor authentication is on", "turn on two-factor authentication",
        "With a second code, a stolen password alone does not open your account.",
        "Open the security settings in the app.\nTurn on two-factor, with an authenticator app if offered.\nKeep the backup codes offline.",
        "two-factor", None),
    item!("seed-backup", "The seed phrase is backed up on paper, never shared", "back up your seed phrase on paper",
        "Whoever has the seed phrase owns the funds. A photo, screenshot or cloud note can leak.",
        "Write the words on paper, in order.\nStore it somewhere safe and private.\nNever type it into a chat, form or website.",
        "seed-phrase", None),
    item!("official-support", "Only official support channels", "learn to check a support contact",
        "Fake agents pose as support to ask for your seed phrase or to move your funds.",
        "Take contact details only from the official website or the app.\nCheck any address, number or account before you trust it.\nReal support never asks for your seed phrase, private key or password.",
        "real-support,support-channels", Some(Tool::Verifier)),
    item!("no-public-wifi", "No wallet use on public Wi-Fi", "avoid public Wi-Fi for your wallet",
        "Open networks in cafés, hotels and airports can be watched or faked.",
        "Use mobile data for payments and logins.\nForget auto-joined public networks.\nIf you must, use a trusted VPN.",
        "public-wifi", None),
    item!("device-updated", "The phone's system and security software are up to date", "update your phone's system",
        "Malware on the device can read what you type and what is on screen.",
        "Install system updates when offered.\nInstall apps only from official stores.\nRemove apps you do not recognise.",
        "device-security", None),
    item!("history-reviewed", "Transaction history checked regularly", "review your transaction history",
        "Catching an unknown transfer early gives support the best chance to help.",
        "Look through recent transactions once a week.\nNote anything you do not recognise.\nContact official support at once if something is wrong.",
        "check-history,account-stolen", None),
    item!("approvals-revoked", "Unused token approvals revoked", "revoke token approvals you no longer use",
        "An approval lets a contract move your tokens later; a forgotten one can be abused.",
        "Open the list of approvals for your address in the wallet or an approval checker.\nRevoke those for apps you no longer use.\nApprove only the amount you need next time.",
        "phishing,check-history", None),
    item!("official-bookmark", "The official site is bookmarked", "bookmark the official site",
        "Search ads and look-alike addresses lead to fake sites that steal logins and phrases.",
        "Open the official site by typing its address carefully.\nBookmark it and always use the bookmark.\nCheck the address before you sign in.",
        "phishing", None),
];

static ZH_CN: [Item; 10] = [
    item!("app-updated", "应用已更新到最新版本", "更新应用",
        "更新会修复已知问题和安全漏洞，旧版本往往是攻击者的目标。",
        "打开手机应用商店，搜索钱包应用。\n如有更新，点击更新。\n开启自动更新。",
        "update-app", None),
    item!("strong-password", "使用强密码，且不与其他网站共用", "设置一个强且独有的密码",
        "与其他网站共用的密码，安全程度取决于最弱的那个网站；生日和姓名最先被猜到。",
        "至少12个字符，或几个随机词语的组合。\n不要在任何其他地方使用。\n用密码管理器保存。",
        "strong-password,account-security", None),
    item!("two-factor", "已开启双重认证", "开启双重认证",
        "有了第二道验证码，即使密码被盗，别人也登录不了。",
        "打开应用的安全设置。\n开启双重认证，能用验证器应用就用验证器。\n把备用码离线保存。",
        "two-factor", None),
    item!("seed-backup", "助记词已抄在纸上备份，从不外泄", "把助记词抄在纸上备份",
        "谁拿到助记词，谁就拥有这些资产。照片、截图和云笔记都可能泄露。",
        "按顺序把助记词抄在纸上。\n存放在安全、私密的地方。\n绝不在聊天、表单或网站里输入。",
        "seed-phrase", None),
    item!("official-support", "只通过官方渠道联系客服", "学会核实客服联系方式",
        "骗子会冒充客服，索要助记词或诱导您转移资产。",
        "只从官网或应用内获取联系方式。\n相信任何地址、号码或账号之前先核实。\n真正的客服绝不会索要助记词、私钥或密码。",
        "real-support,support-channels", Some(Tool::Verifier)),
    item!("no-public-wifi", "不在公共Wi-Fi下使用钱包", "避免在公共Wi-Fi下使用钱包",
        "咖啡馆、酒店、机场的开放网络可能被监听或伪造。",
        "支付和登录时使用移动数据。\n删除自动连接的公共网络。\n确需使用时，开启可信的VPN。",
        "public-wifi", None),
    item!("device-updated", "手机系统和安全软件已是最新", "更新手机系统",
        "设备上的恶意软件能读取您输入的内容和屏幕信息。",
        "有系统更新时及时安装。\n只从官方应用商店安装应用。\n删除不认识的应用。",
        "device-security", None),
    item!("history-reviewed", "定期查看交易记录", "查看最近的交易记录",
        "越早发现陌生转账，客服越有机会帮上忙。",
        "每周查看一次最近的交易。\n记下任何不认识的记录。\n发现异常立即联系官方客服。",
        "check-history,account-stolen", None),
    item!("approvals-revoked", "已撤销不再使用的代币授权", "撤销不再使用的代币授权",
        "授权让合约以后可以动用您的代币，被遗忘的授权可能被滥用。",
        "在钱包或授权检查工具中打开您地址的授权列表。\n撤销不再使用的应用的授权。\n下次只授权需要的数量。",
        "phishing,check-history", None),
    item!("official-bookmark", "已收藏官方网站", "收藏官方网站",
        "搜索广告和仿冒网址会把您带到窃取登录信息和助记词的假网站。",
        "仔细输入官网地址打开官网。\n收藏它，以后只从收藏进入。\n登录前核对网址。",
        "phishing", None),
];

pub fn defaults(locale: Locale) -> &'static [Item] {
    match locale {
        Locale::En => &EN,
        Locale::ZhCn => &ZH_CN,
    }
}
