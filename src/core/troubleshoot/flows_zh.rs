//! 内置排查流程（简体中文）。The built-in flows in zh-CN: the same cases, step ids and
//! article links as `flows_en.rs` (a test checks), full-width punctuation, `{brand}` for
//! the operator's wallet name. Written from the same facts, not translated line by line.

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
const SHARE_NOTHING: Step = step!(urgent "share-nothing", "什么都别给：助记词、私钥、密码、验证码，一律不给。", "不给任何人，包括自称{brand}客服的人。真正的客服绝不会索要这些。", "real-support,seed-phrase");

pub static FLOWS: [Flow; 8] = [
    flow!("app-crash", Category::Technical, "{brand}闪退或打不开", [
        step!("restart-app", "彻底关闭{brand}，再重新打开。",
            "在多任务界面把它划掉，而不是只回到桌面。闪退不会影响你的资产：资产记录在区块链上，不在应用里。", ""),
        step!("restart-phone", "重启手机。",
            "重启能释放内存，结束可能导致应用退出的后台任务。", ""),
        step!("space-network", "检查网络连接，并清理一些存储空间。",
            "手机存储快满或连不上网络时，应用常常一打开就退出。", "app-slow"),
        step!("update-app", "把{brand}和手机系统都更新到最新版本。",
            "更新会修复已知的闪退问题。只从官方应用商店或官网安装{brand}。", "update-app,device-security"),
        step!("reinstall", "先确认助记词已备份，再重装{brand}。",
            "删除应用可能会把钱包从这台手机上一起删掉，抄在纸上的助记词是恢复钱包的唯一办法。没找到助记词之前不要重装。", "seed-phrase"),
    ]),
    flow!("tx-pending", Category::Technical, "转账很慢，或一直显示“处理中”", [
        step!("dont-resend", "先别重复转账。",
            "大多数处理中的转账，等网络不那么拥堵时会自己完成。如果再转一次、两笔都成功，就等于付了两次钱。", "tx-pending"),
        step!("find-hash", "在交易记录里点开这笔交易，复制交易哈希（交易ID）。",
            "同时记下时间、金额和收款地址，联系客服时会用到。", "check-history,collect-evidence"),
        step!("explorer", "到对应网络的区块浏览器上查询这个哈希。",
            "区块浏览器显示的才是真实状态：处理中、已确认还是失败。如果已确认但对方说没收到，请对方核对网络和地址。", "tx-problem"),
        step!("check-network", "确认你转账用的网络和收款方要求的一致。",
            "同一种代币存在于多个网络上。走错网络的转账也会到账，只是不在对方查看的地方。", "wrong-address"),
        step!("speed-up", "如果{brand}提供加速或取消交易的选项，可以使用；没有的话再耐心等一等。",
            "手续费比别人付得低时，转账就会一直处理中。加速就是补付更高的手续费。", "tx-pending"),
    ]),
    flow!("login-failed", Category::Account, "登录失败，或无法解锁钱包", [
        step!("check-password", "放慢速度，重新输入密码。",
            "检查大小写锁定、输入法语言，以及密码前后有没有多余的空格。", ""),
        step!("update-app", "检查网络连接，并更新{brand}。",
            "版本过旧或网络中断，都可能让正确的登录也失败。", "update-app"),
        step!("two-factor-clock", "如果双重认证的验证码被拒绝，把手机时间设为自动，再用新的验证码。",
            "验证码每隔几十秒就会变化，依赖手机时间准确。", "two-factor"),
        step!("real-app", "确认你用的是真正的{brand}应用或官网，而不是仿冒品。",
            "仿冒应用和山寨网站就是为了骗取登录信息和助记词。请从收藏夹打开官网，或自己手动输入网址。", "phishing"),
        step!("restore", "忘记密码？用助记词恢复钱包，且只在官方{brand}应用内操作。",
            "主动提出帮你“解锁”钱包的人都是骗子。恢复后如果发现有你没做过的转账，请立刻查看“钱包被盗怎么办”。", "seed-phrase,account-stolen"),
    ]),
    flow!("wrong-balance", Category::Account, "余额显示不对", [
        step!("check-network", "确认你正在查看的，就是资产转入时用的那个网络。",
            "同一种代币可能存在于多个网络上，每个网络的余额是分开的。", "wrong-balance"),
        step!("add-token", "如果代币没显示，把它添加到资产列表里。",
            "有些代币要手动添加后才会出现。", "wrong-balance"),
        step!("pending", "看看有没有还在处理中的转账。",
            "转账确认之前，可能还没算进余额。", "tx-pending"),
        step!("refresh", "下拉刷新、检查网络，或者重启应用。",
            "应用可能只是显示了旧的数字。", ""),
        step!("amount-not-value", "比较币的数量，而不是折算成法币的金额。",
            "即使币的数量没变，折算金额也会随行情涨跌。", ""),
        step!("history", "把交易记录和你预想的对一对。",
            "如果发现有你没做过的转出，请就此打住，立刻查看“钱包被盗怎么办”。", "check-history,account-stolen"),
    ]),
    flow!("payment-failed", Category::Transaction, "支付失败", [
        step!("check-status", "在交易记录里确认这笔支付显示的是失败、处理中还是已完成。",
            "处理中：等待，先别重复支付。已完成：钱已经转出，请收款方核对网络和地址。失败：继续下一步。", "check-history,tx-pending"),
        step!("balance-fee", "确认余额够付转账金额加上网络手续费。",
            "手续费通常要用该网络的原生币支付，所以你可能还需要一些原生币。在很多区块链上，失败的交易也会扣掉手续费。", "payment-failed"),
        step!("check-network", "确认为这个代币和收款方选对了网络。",
            "在收款方不支持的网络上转账，可能失败，也可能转丢。", "wrong-address"),
        step!("connection", "换到稳定的网络后再试一次。",
            "网络信号弱或中断，可能让支付半途失败。请用移动数据，不要用公共 Wi-Fi。", "public-wifi"),
        step!("update-app", "把{brand}更新到最新版本，再试一次。",
            "旧版本可能跟不上网络后来的变化而导致失败。", "update-app"),
    ]),
    flow!("refund", Category::Transaction, "退款一直没到账", [
        step!("who-pays", "先弄清楚退款该由谁来付，再去找对方。",
            "如果你付款给的是商家、交易所或其他服务，退款就由他们发出。{brand}无法从别人的钱包里把钱拿回来。", "refund"),
        step!("ask-hash", "向对方索要退款的交易哈希、所用网络和收款地址。",
            "保留关于这笔退款的所有消息和凭证，万一需要投诉时会用到。", "collect-evidence"),
        step!("check-history", "在那个网络上查看你的交易记录，也看看是不是换成了别的代币。",
            "退款有时会走另一个网络，或以另一种代币到账，所以没出现在你预想的地方。", "check-history"),
        step!("check-address", "确认对方用的地址确实是你的。",
            "逐个字符核对，不要只看开头和结尾。", "wrong-address"),
        step!("explorer", "到区块浏览器上查询对方给的交易哈希。",
            "如果显示已确认、转入的是你的地址，资产就在那里：切换网络或添加代币即可。给不出哈希，通常说明还没有发出。", "tx-problem,how-to-complain"),
    ]),
    flow!("account-stolen", Category::Security, "钱包被盗，或出现了我没做过的转账", [
        step!(urgent "stop", "停下：别再确认、签名或授权任何操作。",
            "别理会为此主动联系你的人，也别点他们发来的链接。", "phishing"),
        SHARE_NOTHING,
        step!(urgent "move-funds", "如果还有剩余资产，马上转到新钱包。",
            "在可信的设备上新建钱包（用新的助记词），把剩下的资产转过去。小偷可能已掌握旧助记词，以后别再用它。", "seed-phrase,device-security"),
        step!(urgent "official-support", "只通过官方应用或官网联系客服。",
            "联系方式只从这两处获取，不要用搜索结果、评论或私信里的。声称收费帮你追回币的，都是专坑受害者的二次骗局。", "real-support,support-channels"),
        step!("evidence", "保存证据：交易哈希、时间、金额、相关地址和截图。",
            "客服、警方和监管部门都只能根据你拿得出的证据来处理。", "collect-evidence,check-history"),
        step!("find-cause", "找出被盗的原因，把漏洞堵上。",
            "是假网站、泄露的助记词，还是陌生的应用？先解决它，再在这台设备上使用钱包。你也可以向警方报案，并向金融监管部门投诉。", "phishing,regulator"),
    ]),
    flow!("data-leak", Category::Security, "我的个人信息或钱包信息可能泄露了", [
        step!(urgent "stop", "停下：别点、也别回复与泄露有关的消息。",
            "信息泄露之后，往往会收到提到你钱包的诈骗消息。不是你自己发起的操作，一律不要签名或授权。", "phishing"),
        SHARE_NOTHING,
        step!(urgent "move-funds", "如果泄露的是助记词或私钥，或者你不确定，马上把资产转到新钱包。",
            "拿到它们的人可以转走全部资产。在可信的设备上新建钱包（用新的助记词），把剩余资产转过去。", "account-stolen,seed-phrase"),
        step!(urgent "official-support", "只通过官方应用或官网联系客服。",
            "联系方式只从这两处获取，不要用通知你泄露的那条消息里的。", "real-support,support-channels"),
        step!("change-password", "如果泄露的是密码，立刻在这里和所有用过它的地方修改，然后开启双重认证。",
            "邮箱、手机号或姓名本身转不走资产，但密码可以打开账户。", "strong-password,two-factor"),
        step!("check-history", "检查交易记录里有没有你不认识的交易。",
            "记下你是何时、如何得知泄露的。发现异常，请按“钱包被盗怎么办”处理。", "check-history,account-stolen"),
    ]),
];
