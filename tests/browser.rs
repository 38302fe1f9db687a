//! Component tests in headless Chromium (`wasm-pack test --headless --chrome`): the widget is
//! mounted through the same `mount` entry point the loader uses, in a fresh element per test.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use wallet_help::{mount, Widget};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

struct Mounted {
    root: Element,
    widget: Widget,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.widget.destroy();
        self.root.remove();
    }
}

impl Mounted {
    /// Mounts on a fresh element; a draft left by an earlier test is removed first.
    async fn new(options: &str) -> Mounted {
        clear_storage();
        Mounted::keeping_storage(options).await
    }

    async fn keeping_storage(options: &str) -> Mounted {
        let doc = web_sys::window().unwrap().document().unwrap();
        let root = doc.create_element("div").unwrap();
        doc.body().unwrap().append_child(&root).unwrap();
        let widget =
            mount(root.clone(), js_sys::JSON::parse(options).unwrap(), Some(wallet_help::VERSION.to_string()), None);
        yew::scheduler::flush().await;
        Mounted { root, widget }
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    fn get(&self, selector: &str) -> Element {
        self.find(selector).unwrap_or_else(|| panic!("no {selector} in {}", self.root.inner_html()))
    }

    fn texts(&self, selector: &str) -> Vec<String> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.text_content()).collect()
    }

    async fn click(&self, selector: &str) {
        self.get(selector).dyn_into::<HtmlElement>().unwrap().click();
        yew::scheduler::flush().await;
    }

    async fn key(&self, selector: &str, key: &str) {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        self.get(selector).dispatch_event(&ev).unwrap();
        yew::scheduler::flush().await;
    }

    /// Types into an input, textarea or select the way a user would: value, then the event.
    async fn fill(&self, selector: &str, value: &str) {
        let el = self.get(selector);
        let event = if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
            s.set_value(value);
            "change"
        } else if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            t.set_value(value);
            "input"
        } else {
            el.dyn_ref::<web_sys::HtmlInputElement>().unwrap().set_value(value);
            "input"
        };
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        el.dispatch_event(&web_sys::Event::new_with_event_init_dict(event, &init).unwrap()).unwrap();
        yew::scheduler::flush().await;
    }
}

#[wasm_bindgen_test]
async fn starts_closed_and_opens_as_a_labelled_dialog() {
    let m = Mounted::new(r#"{"locale":"en"}"#).await;
    assert!(m.find("[role=dialog]").is_none(), "closed until asked");
    m.widget.open(None);
    yew::scheduler::flush().await;
    let dialog = m.get("[role=dialog]");
    let title_id = dialog.get_attribute("aria-labelledby").unwrap();
    assert_eq!(m.get(&format!("#{title_id}")).text_content().unwrap(), "tpWallet · Help centre");
    assert_eq!(m.texts("[role=tab]"), ["Questions", "Fix a problem", "Safety check", "Contact"]);
    assert_eq!(m.get("[role=tab][aria-selected=true]").text_content().unwrap(), "Questions");
    assert_eq!(m.texts(".wh-topic-button").len(), 5, "the FAQ opens on its topics");
}

#[wasm_bindgen_test]
async fn escape_and_the_close_button_close_and_toggle_reopens() {
    let m = Mounted::new(r#"{"locale":"en"}"#).await;
    m.widget.toggle();
    yew::scheduler::flush().await;
    m.key("[role=dialog]", "Escape").await;
    assert!(m.find("[role=dialog]").is_none());
    m.widget.toggle();
    yew::scheduler::flush().await;
    assert!(m.find("[role=dialog]").is_some());
    m.click(".wh-close").await;
    assert!(m.find("[role=dialog]").is_none());
}

#[wasm_bindgen_test]
async fn open_events_reach_the_host_page() {
    let seen = Rc::new(RefCell::new(Vec::<String>::new()));
    let record = {
        let seen = seen.clone();
        Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| seen.borrow_mut().push(e.type_()))
    };
    let window = web_sys::window().unwrap();
    for name in ["wallet-help:open", "wallet-help:close", "wallet-help:article"] {
        window.add_event_listener_with_callback(name, record.as_ref().unchecked_ref()).unwrap();
    }
    let m = Mounted::new(r#"{"locale":"en"}"#).await;
    m.widget.open(None);
    yew::scheduler::flush().await;
    m.widget.show_article("real-support".into());
    yew::scheduler::flush().await;
    m.widget.close();
    yew::scheduler::flush().await;
    for name in ["wallet-help:open", "wallet-help:close", "wallet-help:article"] {
        window.remove_event_listener_with_callback(name, record.as_ref().unchecked_ref()).unwrap();
    }
    assert_eq!(*seen.borrow(), ["wallet-help:open", "wallet-help:article", "wallet-help:close"]);
}

#[wasm_bindgen_test]
async fn tabs_switch_views_by_click_and_arrow_keys() {
    let m = Mounted::new(r#"{"locale":"en","open":"faq"}"#).await;
    m.click("#wh-tab-troubleshoot").await;
    assert_eq!(m.get("[aria-selected=true]").id(), "wh-tab-troubleshoot");
    assert!(m.get(".wh-troubleshoot").text_content().unwrap().contains("What went wrong?"));
    m.key("#wh-tab-troubleshoot", "ArrowRight").await;
    assert_eq!(m.get("[aria-selected=true]").id(), "wh-tab-checklist");
    assert!(m.find(".wh-checklist").is_some());
    m.key("#wh-tab-checklist", "ArrowRight").await;
    assert_eq!(m.get("[aria-selected=true]").id(), "wh-tab-contact");
    m.key("#wh-tab-contact", "ArrowRight").await;
    assert_eq!(m.get("[aria-selected=true]").id(), "wh-tab-faq", "wraps around");
    m.key("#wh-tab-faq", "End").await;
    assert_eq!(m.get("[aria-selected=true]").id(), "wh-tab-contact");
    assert_eq!(m.get("[role=tabpanel]").get_attribute("aria-labelledby").unwrap(), "wh-tab-contact");
}

#[wasm_bindgen_test]
async fn topics_lead_to_articles_then_related_ones_and_back_again() {
    let m = Mounted::new(r#"{"locale":"en","open":"faq"}"#).await;
    let topics = m.texts(".wh-topic-button span:first-child");
    assert_eq!(
        topics,
        [
            "Transfers and payments",
            "Account and balance",
            "Security and scams",
            "App problems",
            "Support and complaints"
        ]
    );
    m.click(".wh-topics li:nth-child(3) button").await;
    assert_eq!(m.get(".wh-topic h3").text_content().unwrap(), "Security and scams");
    let titles = m.texts(".wh-item-title");
    assert!(titles.len() >= 5, "{titles:?}");
    m.click(".wh-item").await;
    let first = m.get(".wh-article-title").text_content().unwrap();
    assert_eq!(first, titles[0]);
    let related = m.texts(".wh-related button");
    assert!(!related.is_empty(), "every article has related ones");
    m.click(".wh-related button").await;
    assert_eq!(m.get(".wh-article-title").text_content().unwrap(), related[0]);
    m.click(".wh-back").await;
    assert_eq!(m.get(".wh-article-title").text_content().unwrap(), first, "back to the article before");
    m.click(".wh-back").await;
    assert_eq!(m.get(".wh-topic h3").text_content().unwrap(), "Security and scams");
    m.click(".wh-back").await;
    assert!(m.find(".wh-topics").is_some(), "back home");
}

#[wasm_bindgen_test]
async fn article_bodies_render_structure_and_safe_links() {
    let m = Mounted::new(r#"{"locale":"en"}"#).await;
    m.widget.show_article("account-stolen".into());
    yew::scheduler::flush().await;
    assert!(m.find(".wh-article ol, .wh-article ul").is_some(), "lists render as lists");
    let links = m.root.query_selector_all(".wh-article a").unwrap();
    assert!(links.length() > 0, "internal links are rendered");
    for i in 0..links.length() {
        let a = links.item(i).unwrap().dyn_into::<Element>().unwrap();
        let href = a.get_attribute("href").unwrap();
        if href.starts_with("#wallet-help/article/") {
            assert!(a.get_attribute("target").is_none());
        } else {
            assert!(href.starts_with("https:") || href.starts_with("mailto:") || href.starts_with("tel:"), "{href}");
            assert_eq!(a.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
        }
    }
    // An internal link opens its article inside the widget.
    let target = m.get(".wh-article a[href^='#wallet-help/article/']").get_attribute("href").unwrap();
    m.click(".wh-article a[href^='#wallet-help/article/']").await;
    let id = target.trim_start_matches("#wallet-help/article/");
    assert!(m.find(".wh-article-title").is_some());
    assert_ne!(id, "account-stolen");
}

#[wasm_bindgen_test]
async fn a_vote_is_remembered_and_not_asked_again() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("wallet-help:v1:votes").unwrap();
    {
        let m = Mounted::new(r#"{"locale":"en"}"#).await;
        m.widget.show_article("refund".into());
        yew::scheduler::flush().await;
        assert_eq!(m.texts(".wh-vote button"), ["Yes", "No"]);
        assert!(storage.get_item("wallet-help:v1:votes").unwrap().is_none(), "nothing stored before the user acts");
        m.click(".wh-vote button:last-child").await;
        assert!(m.get(".wh-vote").text_content().unwrap().contains("Sorry it did not help"));
        assert_eq!(
            m.texts(".wh-vote button"),
            ["Contact", "Fix a problem"],
            "offers the contact form and the guided steps"
        );
        m.click(".wh-vote .wh-also").await;
        assert_eq!(m.get("[role=tab][aria-selected=true]").id(), "wh-tab-troubleshoot");
    }
    assert_eq!(storage.get_item("wallet-help:v1:votes").unwrap().as_deref(), Some(r#"{"refund":false}"#));
    let m = Mounted::keeping_storage(r#"{"locale":"en"}"#).await;
    m.widget.show_article("refund".into());
    yew::scheduler::flush().await;
    assert!(m.texts(".wh-vote button").iter().all(|b| b != "Yes"), "not asked twice");
    storage.remove_item("wallet-help:v1:votes").unwrap();
}

#[wasm_bindgen_test]
async fn search_shows_ranked_marked_results_and_a_way_out_when_empty() {
    let m = Mounted::new(r#"{"locale":"zh-CN","open":"faq"}"#).await;
    m.fill("#wh-search", "助记词").await;
    let titles = m.texts(".wh-results .wh-item-title");
    assert!(!titles.is_empty());
    assert!(titles[0].contains("助记词"), "{titles:?}");
    assert!(m.texts(".wh-results mark").iter().any(|t| t.contains("助记")));
    assert!(m.get(".wh-count").text_content().unwrap().starts_with("找到"));
    m.fill("#wh-search", "zzqqxx").await;
    assert!(m.find(".wh-results").is_none());
    assert_eq!(m.texts(".wh-empty button"), ["问题排查", "联系我们"]);
    m.click(".wh-empty button:last-child").await;
    assert_eq!(m.get("[aria-selected=true]").id(), "wh-tab-contact");
}

#[wasm_bindgen_test]
async fn weak_results_wait_behind_more_results_which_moves_focus_to_the_first_of_them() {
    let m = Mounted::new(r#"{"locale":"en","open":"faq"}"#).await;
    // "fee" is the network-fee article's word; many others mention a fee in passing.
    m.fill("#wh-search", "fee").await;
    let strong = m.texts(".wh-results .wh-item-title");
    assert!(!strong.is_empty() && strong[0].to_lowercase().contains("fee"), "{strong:?}");
    let count = m.get(".wh-count").text_content().unwrap();
    assert!(count.contains(&strong.len().to_string()), "the count names the shown results: {count}");
    let more = m.get(".wh-more").text_content().unwrap();
    m.click(".wh-more").await;
    let all = m.texts(".wh-results .wh-item-title");
    assert!(all.len() > strong.len(), "{more}: {all:?}");
    assert_eq!(all[..strong.len()], strong[..], "the strong results keep their places");
    assert!(more.contains(&(all.len() - strong.len()).to_string()), "{more}");
    assert!(m.find(".wh-more").is_none());
    let first_new = m.get(&format!(".wh-results li:nth-child({}) button", strong.len() + 1));
    assert_eq!(active(), Some(first_new), "focus goes on to the first revealed result");
    m.fill("#wh-search", "fees").await;
    assert!(m.find(".wh-more").is_some(), "a new query starts folded again");
}

#[wasm_bindgen_test]
async fn english_search_forgives_a_typo() {
    let m = Mounted::new(r#"{"locale":"en","open":"faq"}"#).await;
    m.fill("#wh-search", "trasaction").await;
    let titles = m.texts(".wh-results .wh-item-title").join(" | ").to_lowercase();
    assert!(titles.contains("transaction"), "{titles}");
    m.fill("#wh-search", "").await;
    assert!(m.find(".wh-topics").is_some(), "clearing the box shows the topics again");
}

#[wasm_bindgen_test]
async fn chinese_locale_shows_chinese_text_and_the_brand() {
    let m = Mounted::new(r#"{"locale":"zh-CN","open":"faq"}"#).await;
    assert_eq!(m.get(".wh-app").get_attribute("lang").unwrap(), "zh-CN");
    assert_eq!(m.texts("[role=tab]"), ["常见问题", "问题排查", "安全检查", "联系我们"]);
    m.click(".wh-topics li:nth-child(5) button").await;
    let titles = m.texts(".wh-item-title").join("|");
    assert!(titles.contains("客服") && titles.contains("tpWallet"), "{titles}");
    assert!(!titles.contains("{brand}"));
    m.widget.set_locale("en".into());
    yew::scheduler::flush().await;
    assert_eq!(m.texts("[role=tab]")[0], "Questions");
}

#[wasm_bindgen_test]
async fn an_empty_complaint_shows_each_error_and_focuses_the_summary() {
    let m = Mounted::new(r#"{"locale":"en","open":"contact","endpoint":"http://127.0.0.1:9/api/reports"}"#).await;
    m.click("button[type=submit]").await;
    let summary = m.get(".wh-summary");
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(m.texts(".wh-summary li").len(), 3);
    let active = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    assert!(active.is_same_node(Some(&summary)), "focus moves to the summary");
    let category = m.get("#wh-f-category");
    assert_eq!(category.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = category.get_attribute("aria-describedby").unwrap();
    assert!(described.contains("wh-f-category-error"));
    assert_eq!(m.get("#wh-f-category-error").text_content().unwrap(), "This field is required.");
}

#[wasm_bindgen_test]
async fn fixing_fields_clears_their_errors_as_the_user_types() {
    let m = Mounted::new(r#"{"locale":"en","open":"contact","endpoint":"http://127.0.0.1:9/api/reports"}"#).await;
    m.click("button[type=submit]").await;
    m.fill("#wh-f-category", "transaction").await;
    m.fill("#wh-f-description", "short").await;
    m.fill("#wh-f-email", "ana@").await;
    assert_eq!(m.get("#wh-f-category").get_attribute("aria-invalid").as_deref(), Some("false"));
    assert_eq!(m.get("#wh-f-description-error").text_content().unwrap(), "Please write at least 10 characters.");
    assert!(m.get("#wh-f-email-error").text_content().unwrap().contains("email address"));
    m.fill("#wh-f-description", "My USDT transfer on Monday never arrived.").await;
    m.fill("#wh-f-kind", "feedback").await;
    m.fill("#wh-f-email", "").await;
    assert!(m.find(".wh-summary").is_none(), "feedback needs no email: {}", m.root.inner_html());
    assert!(m.find(".wh-error").is_none());
}

#[wasm_bindgen_test]
async fn without_an_endpoint_the_form_points_to_official_channels() {
    let m = Mounted::new(r#"{"locale":"en","open":"contact"}"#).await;
    assert!(m.find("form").is_none());
    assert!(m.get(".wh-notice").text_content().unwrap().contains("official channels"));
}

#[wasm_bindgen_test]
async fn bad_options_fall_back_to_defaults() {
    let m = Mounted::new(r#"{"locale":"xx","open":"nowhere","endpoint":"http://evil.example/api","bogus":"1"}"#).await;
    assert!(m.find("[role=dialog]").is_none(), "an unknown view does not open");
    m.widget.open(Some("contact".into()));
    yew::scheduler::flush().await;
    assert!(m.find(".wh-notice").is_some(), "a plain-http remote endpoint is refused");
}

#[wasm_bindgen_test]
async fn error_summary_links_move_focus_to_their_field() {
    let m = Mounted::new(r#"{"locale":"zh-CN","open":"contact","endpoint":"https://api.example.com/r"}"#).await;
    m.click("button[type=submit]").await;
    assert_eq!(m.texts(".wh-summary li")[1], "发生了什么：此项必填。");
    m.click(".wh-summary li:nth-child(2) a").await;
    let active = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    assert_eq!(active.id(), "wh-f-description");
}

fn clear_storage() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("wallet-help:v1:draft").unwrap();
    storage.remove_item("wallet-help:v1:checklist").unwrap();
}

#[wasm_bindgen_test]
async fn the_draft_survives_a_remount_and_discard_clears_it() {
    clear_storage();
    {
        let m = Mounted::new(r#"{"locale":"en","open":"contact","endpoint":"https://api.example.com/r"}"#).await;
        m.fill("#wh-f-description", "My USDT never arrived at the exchange.").await;
        m.fill("#wh-f-tx-amount", "250").await;
    }
    let m =
        Mounted::keeping_storage(r#"{"locale":"en","open":"contact","endpoint":"https://api.example.com/r"}"#).await;
    let value = |sel: &str| {
        m.get(sel)
            .dyn_into::<web_sys::HtmlTextAreaElement>()
            .map(|t| t.value())
            .or_else(|e| e.dyn_into::<web_sys::HtmlInputElement>().map(|i| i.value()))
            .unwrap()
    };
    assert_eq!(value("#wh-f-description"), "My USDT never arrived at the exchange.");
    assert_eq!(value("#wh-f-tx-amount"), "250");
    m.click(".wh-actions .wh-secondary").await;
    // Asked first: nothing is gone until "Discard" is pressed, and "Keep" keeps it.
    assert_eq!(value("#wh-f-description"), "My USDT never arrived at the exchange.");
    assert_eq!(
        m.get(".wh-confirm [role=alert]").text_content().unwrap(),
        "Discard this draft? What you wrote will be gone."
    );
    m.click(".wh-confirm .wh-secondary").await;
    assert!(m.find(".wh-confirm").is_none());
    assert_eq!(value("#wh-f-description"), "My USDT never arrived at the exchange.");
    m.click(".wh-actions .wh-secondary").await;
    m.click(".wh-confirm .wh-danger").await;
    assert_eq!(value("#wh-f-description"), "");
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert!(storage.get_item("wallet-help:v1:draft").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_seed_phrase_raises_the_guard_blocks_sending_and_is_never_stored() {
    clear_storage();
    let m = Mounted::new(r#"{"locale":"zh-CN","open":"contact","endpoint":"https://api.example.com/r"}"#).await;
    let phrase = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    m.fill("#wh-f-description", &format!("客服让我提供助记词：{phrase}")).await;
    let guard = m.get("#wh-f-description-secret");
    assert_eq!(guard.get_attribute("role").as_deref(), Some("alert"));
    assert!(guard.text_content().unwrap().contains("切勿泄露助记词或私钥"));
    assert_eq!(m.get("#wh-f-description").get_attribute("aria-invalid").as_deref(), Some("true"));
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let stored = storage.get_item("wallet-help:v1:draft").unwrap().unwrap_or_default();
    assert!(stored.contains("客服让我提供助记词") && !stored.contains("abandon"), "{stored}");
    m.click("button[type=submit]").await;
    assert!(m.texts(".wh-summary li").iter().any(|t| t.contains("不能发送")), "{:?}", m.texts(".wh-summary li"));
    m.click("#wh-f-description-secret button").await;
    assert!(m.find("#wh-f-description-secret").is_none());
    let text = m.get("#wh-f-description").dyn_into::<web_sys::HtmlTextAreaElement>().unwrap().value();
    assert!(text.starts_with("客服让我提供助记词") && !text.contains("abandon"), "{text}");
    clear_storage();
}

/// Waits `ms` milliseconds of real time (the `search` event waits for a pause in typing).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_phrase_in_full_width_split_across_two_fields_is_caught_and_removed_from_both() {
    clear_storage();
    let m = Mounted::new(r#"{"locale":"en","open":"contact","endpoint":"https://api.example.com/r"}"#).await;
    let wide = |s: &str| -> String {
        s.chars().map(|c| if c == ' ' { '\u{3000}' } else { char::from_u32(c as u32 + 0xFEE0).unwrap() }).collect()
    };
    // A full-width input method, a zero-width space inside a word, six words in each field.
    m.fill("#wh-f-subject", &wide("legal winner thank year wave sausage")).await;
    m.fill("#wh-f-description", "Support needs the rest: wor\u{200B}th useful legal winner thank yellow").await;
    assert!(m.find("#wh-f-subject-secret").is_some() && m.find("#wh-f-description-secret").is_some());
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let stored = storage.get_item("wallet-help:v1:draft").unwrap().unwrap_or_default();
    assert!(
        stored.contains("Support needs the rest") && !stored.contains("useful") && !stored.contains("ｌｅｇａｌ"),
        "{stored}"
    );
    m.click("#wh-f-subject-secret button").await;
    assert!(m.find(".wh-guard").is_none(), "one click removes it from every field");
    let value = |sel: &str| m.get(sel).dyn_into::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
    assert_eq!(value("#wh-f-subject"), "***");
    clear_storage();
}

#[wasm_bindgen_test]
async fn a_seed_phrase_typed_into_search_is_withheld_from_the_host_page() {
    let seen = Rc::new(RefCell::new(Vec::<String>::new()));
    let record = {
        let seen = seen.clone();
        Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            seen.borrow_mut().push(js_sys::JSON::stringify(&e.detail()).map(String::from).unwrap_or_default())
        })
    };
    let window = web_sys::window().unwrap();
    window.add_event_listener_with_callback("wallet-help:search", record.as_ref().unchecked_ref()).unwrap();
    let m = Mounted::new(r#"{"locale":"zh-CN","open":"faq"}"#).await;
    m.fill("#wh-search", "转账失败").await;
    sleep(700).await;
    m.fill("#wh-search", "ａｂａｎｄｏｎ ａｂａｎｄｏｎ ａｂａｎｄｏｎ ａｂａｎｄｏｎ ａｂａｎｄｏｎ ａｂａｎｄｏｎ ａｂａｎｄｏｎ ａｂａｎｄｏｎ ａｂａｎｄｏｎ ａｂａｎｄｏｎ ａｂａｎｄｏｎ ａｂｏｕｔ").await;
    assert!(m.get("#wh-search-secret").text_content().unwrap().contains("助记词"));
    assert_eq!(m.get("#wh-search").get_attribute("aria-invalid").as_deref(), Some("true"));
    sleep(700).await;
    window.remove_event_listener_with_callback("wallet-help:search", record.as_ref().unchecked_ref()).unwrap();
    // (An earlier test's last search may arrive first.)
    let seen = seen.borrow();
    assert!(
        seen.ends_with(&[r#"{"query":"转账失败"}"#.to_string(), r#"{"query":"","withheld":"secret"}"#.to_string()]),
        "{seen:?}"
    );
    assert!(!seen.iter().any(|d| d.contains("ａｂａｎｄｏｎ") || d.contains("abandon")), "{seen:?}");
}

#[wasm_bindgen_test]
async fn prefill_refuses_a_network_outside_the_list() {
    clear_storage();
    let m = Mounted::new(r#"{"locale":"en","open":"contact","endpoint":"https://api.example.com/r"}"#).await;
    m.widget.prefill(
        js_sys::JSON::parse(r#"{"chain":"abandon ability able about above absent absorb abstract"}"#).unwrap(),
    );
    yew::scheduler::flush().await;
    assert_eq!(m.get("#wh-f-tx-chain").dyn_into::<web_sys::HtmlSelectElement>().unwrap().value(), "");
    let stored = web_sys::window().unwrap().local_storage().unwrap().unwrap().get_item("wallet-help:v1:draft").unwrap();
    assert!(!stored.unwrap_or_default().contains("abandon"));
    clear_storage();
}

#[wasm_bindgen_test]
async fn prefill_fills_the_form_from_the_host_page() {
    clear_storage();
    let m = Mounted::new(r#"{"locale":"en","open":"contact","endpoint":"https://api.example.com/r"}"#).await;
    let hash = format!("0x{}", "ab".repeat(32));
    m.widget
        .prefill(js_sys::JSON::parse(&format!(r#"{{"txHash":"{hash}","chain":"evm","accountId":"A-17"}}"#)).unwrap());
    yew::scheduler::flush().await;
    let input = m.get("#wh-f-tx-hash").dyn_into::<web_sys::HtmlInputElement>().unwrap();
    assert_eq!(input.value(), hash);
    assert_eq!(m.get("#wh-f-tx-chain").dyn_into::<web_sys::HtmlSelectElement>().unwrap().value(), "evm");
    clear_storage();
}

#[wasm_bindgen_test]
async fn selects_show_the_draft_values() {
    let m = Mounted::new(r#"{"locale":"en","open":"contact","endpoint":"https://api.example.com/r"}"#).await;
    let select = |sel: &str| m.get(sel).dyn_into::<web_sys::HtmlSelectElement>().unwrap().value();
    assert_eq!(select("#wh-f-kind"), "complaint");
    assert_eq!(select("#wh-f-category"), "");
    assert_eq!(select("#wh-f-preferred"), "email");
    m.fill("#wh-f-kind", "suggestion").await;
    m.fill("#wh-f-category", "security").await;
    assert_eq!((select("#wh-f-kind"), select("#wh-f-category")), ("suggestion".to_string(), "security".to_string()));
}

#[wasm_bindgen_test]
async fn checklist_marks_update_the_score_survive_a_remount_and_reset() {
    {
        let m = Mounted::new(r#"{"locale":"en","open":"checklist"}"#).await;
        assert_eq!(m.texts(".wh-check-item").len(), 10);
        assert_eq!(m.get(".wh-score").text_content().unwrap(), "0 of 10 done — next: update the app");
        assert_eq!(m.get(".wh-score").get_attribute("role").as_deref(), Some("status"));
        m.click("#wh-m-app-updated-not_applicable").await;
        m.click("#wh-m-strong-password-done").await;
        assert_eq!(m.get(".wh-score").text_content().unwrap(), "1 of 9 done — next: turn on two-factor authentication");
    }
    let m = Mounted::keeping_storage(r#"{"locale":"zh-CN","open":"checklist"}"#).await;
    assert_eq!(m.get(".wh-score").text_content().unwrap(), "已完成1/9项 — 下一步：开启双重认证");
    let checked = m.get("#wh-m-strong-password-done").dyn_into::<web_sys::HtmlInputElement>().unwrap().checked();
    assert!(checked, "the mark came back from the device");
    m.click(".wh-checklist > .wh-secondary").await;
    assert_eq!(m.get(".wh-score").text_content().unwrap(), "已完成0/10项 — 下一步：更新应用");
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert!(storage.get_item("wallet-help:v1:checklist").unwrap().is_none());
}

/// Answers the widget's request for `url` with `body` (a JSON config file), leaving every
/// other request to the real `fetch`.
fn serve(url: &str, body: &str) {
    let code = "const real = window.fetch.bind(window); \
                window.fetch = (u, init) => String(u) === url \
                  ? Promise.resolve(new Response(body, { headers: { 'Content-Type': 'application/json' } })) \
                  : real(u, init);";
    js_sys::Function::new_with_args("url, body", code).call2(&JsValue::NULL, &url.into(), &body.into()).unwrap();
}

/// Lets pending promises and timers (a config download) run, then renders.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    yew::scheduler::flush().await;
}

/// Submits `value` to the open verifier; the verdict's role and text.
async fn check_contact(m: &Mounted, value: &str) -> (String, String) {
    m.fill("#wh-verify", value).await;
    let form = m.get(".wh-verify-form").dyn_into::<web_sys::HtmlFormElement>().unwrap();
    form.request_submit().unwrap();
    yew::scheduler::flush().await;
    let v = m.get(".wh-verdict");
    (v.get_attribute("role").unwrap(), v.text_content().unwrap())
}

#[wasm_bindgen_test]
async fn the_verifier_announces_official_fake_and_unknown_contacts() {
    let config = r#"{"official": {"domains": ["tpwallet.com"], "emails": ["support@tpwallet.com"],
        "handles": [{"network": "telegram", "name": "tpwallet_official"}, {"network": "x", "name": "tpwallet"}]}}"#;
    // On the widget's own origin: a config from elsewhere would have to be pinned.
    let url = format!("{}/with-official.json", web_sys::window().unwrap().location().origin().unwrap());
    serve(&url, config);
    let m = Mounted::new(&format!(r#"{{"locale":"en","open":"checklist","config":"{url}"}}"#)).await;
    settle().await;
    m.click(".wh-check-item .wh-button").await;
    assert!(m.find(".wh-verifier").is_some(), "the official-support item opens the verifier");
    let (role, text) = check_contact(&m, "https://help.tpwallet.com/contact").await;
    assert_eq!(role, "status");
    assert!(text.contains("Official") && !text.contains("Official only"), "{text}");
    // A name without its app is ours on one app only, and the verdict says which.
    let (role, text) = check_contact(&m, "@tpwallet_official").await;
    assert_eq!(role, "status");
    assert!(text.contains("Official only as the ") && text.contains("may be a fake"), "{text}");
    let (role, text) = check_contact(&m, "support@tpwa11et.com").await;
    assert_eq!(role, "alert", "a fake is announced at once");
    assert!(text.contains("looks like a fake") && text.contains("never asks for your seed phrase"), "{text}");
    assert!(text.contains("to imitate tpwallet.com"), "named against the listed domain: {text}");
    let (_, text) = check_contact(&m, "@some_random_helper").await;
    assert!(text.contains("Not on the official list"), "{text}");
    m.click(".wh-verifier .wh-back").await;
    assert!(m.find(".wh-checklist").is_some());
}

/// The console warnings given from now on (`console.warn` is recorded, then passed on).
fn record_warnings() -> js_sys::Array {
    let code = "const seen = []; const real = console.warn.bind(console); \
                console.warn = (...args) => { seen.push(args.join(' ')); real(...args); }; return seen;";
    js_sys::Function::new_no_args(code).call0(&JsValue::NULL).unwrap().into()
}

// The only test in this file that checks contacts without a list: the warning comes once per
// page, so an earlier check here would have used it up.
#[wasm_bindgen_test]
async fn without_a_list_the_brand_s_own_contact_is_unverified_and_the_operator_warned_once() {
    let warnings = record_warnings();
    let m = Mounted::new(r#"{"locale":"en","open":"checklist"}"#).await;
    m.click(".wh-check-item .wh-button").await;
    for contact in ["tpwallet.com", "@tpwallet_official", "support@tpwallet.com"] {
        let (role, text) = check_contact(&m, contact).await;
        assert_eq!(role, "status", "{contact}");
        assert!(m.find(".wh-official").is_none() && !text.contains('✓'), "{contact} shown as official: {text}");
        assert_eq!(m.get(".wh-verdict-title").text_content().unwrap(), "Unverified");
        assert!(text.starts_with("Unverified") && text.contains("has not published its official contacts"), "{text}");
        assert!(text.contains("never asks for your seed phrase"), "the safety rule is kept: {text}");
    }
    // Look-alikes of the brand are still fakes, named against the brand.
    let (role, text) = check_contact(&m, "tpwallet-support.com").await;
    assert_eq!(role, "alert");
    assert!(
        text.contains("adds words to the brand name, imitating the name tpWallet") && !text.contains("the official"),
        "{text}"
    );
    let ours: Vec<String> =
        warnings.iter().filter_map(|w| w.as_string()).filter(|w| w.contains("config.official is not set")).collect();
    assert_eq!(ours.len(), 1, "one warning for four checks: {ours:?}");
    assert!(ours[0].starts_with("[wallet-help] ") && ours[0].contains("list your domains, emails, phones and handles"));
    drop(m);
    // In Chinese too.
    let m = Mounted::new(r#"{"locale":"zh-CN","open":"checklist"}"#).await;
    m.click(".wh-check-item .wh-button").await;
    let (_, text) = check_contact(&m, "tpwallet.com").await;
    assert!(
        text.starts_with("未经核实") && text.contains("尚未公布官方联系方式") && !text.contains("官方渠道"),
        "{text}"
    );
    let ours = warnings.iter().filter_map(|w| w.as_string()).filter(|w| w.contains("config.official")).count();
    assert_eq!(ours, 1, "still one warning on this page");
}

#[wasm_bindgen_test]
async fn a_case_walked_to_the_end_offers_the_ladder_and_a_prefilled_report() {
    let m = Mounted::new(r#"{"locale":"en","open":"troubleshoot","endpoint":"https://api.example.com/r"}"#).await;
    m.click("#wh-case-tx-pending").await;
    assert_eq!(m.get(".wh-step .wh-meta").text_content().unwrap(), "Step 1 of 5");
    assert!(m.find(".wh-step .wh-back").is_none(), "no previous step on the first");
    // An answer given too fast is taken back.
    m.click(".wh-step .wh-secondary").await;
    m.click(".wh-step .wh-back").await;
    assert_eq!(m.get(".wh-step .wh-meta").text_content().unwrap(), "Step 1 of 5");
    for _ in 0..5 {
        m.click(".wh-step .wh-secondary").await;
    }
    let ladder = m.get(".wh-ladder").text_content().unwrap();
    for rung in ["1. Customer service", "2. Send a report", "3. Public channels", "4. The financial regulator"] {
        assert!(ladder.contains(rung), "{rung} in {ladder}");
    }
    m.click(".wh-ladder section:nth-of-type(2) button").await;
    assert_eq!(m.get("[aria-selected=true]").id(), "wh-tab-contact");
    let steps = m.get("#wh-f-steps").dyn_into::<web_sys::HtmlTextAreaElement>().unwrap().value();
    // Shown as sentences; the draft behind them keeps the references (native tests of core::report::steps).
    assert!(steps.starts_with("I did not send the payment again.\n") && steps.lines().count() == 5, "{steps}");
    let category = m.get("#wh-f-category").dyn_into::<web_sys::HtmlSelectElement>().unwrap().value();
    assert_eq!(category, "transaction");
}

#[wasm_bindgen_test]
async fn a_security_case_starts_with_urgent_actions_and_the_letter_is_written() {
    let m = Mounted::new(r#"{"locale":"zh-CN","open":"troubleshoot"}"#).await;
    m.click("#wh-case-account-stolen").await;
    assert!(m.find(".wh-step.wh-urgent").is_some());
    assert_eq!(m.texts(".wh-step .wh-button"), ["已完成，下一步"], "no 'fixed' on an urgent step");
    for _ in 0..4 {
        m.click(".wh-step .wh-button").await;
    }
    assert!(m.find(".wh-urgent").is_none(), "diagnosis follows the four urgent steps");
    m.click(".wh-step .wh-secondary").await;
    m.click(".wh-step .wh-secondary").await;
    m.click(".wh-ladder section:nth-of-type(3) .wh-link").await;
    let letter = m.get("#wh-letter-text").dyn_into::<web_sys::HtmlTextAreaElement>().unwrap().value();
    assert!(letter.contains("tpWallet") && letter.contains("此致"), "{letter}");
}

/// Sends a Tab (or Shift+Tab) keydown to `target` as the browser would, and says whether the
/// app took it over (a synthetic event moves no focus by itself: only the app's handler can).
async fn press_tab(target: &Element, shift: bool) -> bool {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Tab");
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
    yew::scheduler::flush().await;
    ev.default_prevented()
}

fn active() -> Option<Element> {
    web_sys::window().unwrap().document().unwrap().active_element()
}

#[wasm_bindgen_test]
async fn tab_wraps_inside_the_modal_dialog_and_focus_never_falls_out_of_it() {
    let m = Mounted::new(r#"{"locale":"en"}"#).await;
    m.widget.open(None);
    yew::scheduler::flush().await;
    let dialog = m.get("[role=dialog]");
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    assert_eq!(active(), Some(m.get("#wh-search")), "the FAQ opens with focus in its search box");
    let close = m.get(".wh-close");
    let topics = m.root.query_selector_all(".wh-topic-button").unwrap();
    let last = topics.item(topics.length() - 1).unwrap().dyn_into::<Element>().unwrap();

    // The dialog itself takes focus when a view has nothing else to offer.
    dialog.dyn_ref::<HtmlElement>().unwrap().focus().unwrap();
    assert!(press_tab(&dialog, true).await, "Shift+Tab on the dialog itself wraps");
    assert_eq!(active(), Some(last.clone()), "to the last stop");
    assert!(press_tab(&last, false).await);
    assert_eq!(active(), Some(close.clone()), "Tab from the last stop goes to the first");
    assert!(press_tab(&close, true).await);
    assert_eq!(active(), Some(last.clone()), "Shift+Tab from the first stop goes to the last");
    // In between, the browser's own order applies.
    let search = m.get("#wh-search");
    assert!(!press_tab(&search, false).await);
    assert!(!press_tab(&search, true).await);
    // Non-selected tabs are reached by arrows, not Tab: the last tab is never a stop.
    assert!(!press_tab(&m.get("#wh-tab-contact"), false).await);

    // A click that replaces the focused button keeps focus in the dialog.
    last.dyn_ref::<HtmlElement>().unwrap().focus().unwrap();
    m.click(".wh-topic-button").await;
    yew::scheduler::flush().await;
    let now = active().expect("something has focus");
    assert!(dialog.contains(Some(&now)), "focus is still in the dialog, on {}", now.outer_html());
    assert_eq!(now, m.get(".wh-topic h3"), "on the new view's heading");
}

// --- The outbox as the user sees it: what is said after "Send report", "My reports", and
// "Clear my data". Browser features are taken away by shadowing them for one test.

#[wasm_bindgen(inline_js = r#"
const saved = new Map();
function replace(obj, name, descriptor) {
  saved.set(name, [obj, Object.getOwnPropertyDescriptor(obj, name)]);
  Object.defineProperty(obj, name, Object.assign({ configurable: true }, descriptor));
}
export function hide_indexeddb() {
  replace(window, "indexedDB", { get() { throw new DOMException("not here", "SecurityError"); } });
}
export function refuse_writes() {
  replace(Storage.prototype, "setItem", { writable: true, value() { throw new DOMException("full", "QuotaExceededError"); } });
}
export function refuse_clipboard() {
  replace(Clipboard.prototype, "writeText", { writable: true, value() { return Promise.reject(new DOMException("denied", "NotAllowedError")); } });
}
export function restore(name) {
  const [obj, original] = saved.get(name);
  if (original) Object.defineProperty(obj, name, original); else delete obj[name];
  saved.delete(name);
}
export async function database_exists(name) {
  return (await indexedDB.databases()).some((d) => d.name === name);
}
export async function fill_page_cache() {
  await (await caches.open("wallet-help-pages")).put("/visited", new Response("a page"));
}
export async function page_cache_exists() { return caches.has("wallet-help-pages"); }
export async function put_outbox_record(json) {
  const db = await new Promise((ok, fail) => {
    const r = indexedDB.open("wallet-help", 1);
    r.onupgradeneeded = () => r.result.createObjectStore("outbox", { keyPath: "id" });
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  await new Promise((ok, fail) => {
    const tx = db.transaction("outbox", "readwrite");
    tx.objectStore("outbox").put(JSON.parse(json));
    tx.oncomplete = ok;
    tx.onerror = () => fail(tx.error);
  });
  db.close();
}
"#)]
extern "C" {
    fn hide_indexeddb();
    fn refuse_writes();
    fn refuse_clipboard();
    /// "indexedDB", "setItem" or "writeText".
    fn restore(name: &str);
    async fn database_exists(name: &str) -> JsValue;
    async fn fill_page_cache();
    async fn page_cache_exists() -> JsValue;
    async fn put_outbox_record(json: &str);
}

const UNREACHABLE_FORM: &str = r#"{"locale":"en","open":"contact","endpoint":"http://127.0.0.1:9/api/reports"}"#;

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// The widget's localStorage keys, sorted.
fn widget_keys() -> Vec<String> {
    let s = storage();
    let mut keys: Vec<String> = (0..s.length().unwrap()).filter_map(|i| s.key(i).unwrap()).collect();
    keys.retain(|k| k.starts_with("wallet-help:"));
    keys.sort();
    keys
}

impl Mounted {
    /// Waits (up to 3 s) until `selector` holds `text`, re-rendering as the outbox reports.
    async fn wait_for(&self, selector: &str, text: &str) {
        for _ in 0..100 {
            yew::scheduler::flush().await;
            if self.texts(selector).iter().any(|t| t.contains(text)) {
                return;
            }
            sleep(30).await;
        }
        panic!("no {text:?} in {selector}: {}", self.root.inner_html());
    }

    async fn click_button(&self, label: &str) {
        let list = self.root.query_selector_all("button").unwrap();
        let button = (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
            .find(|b| b.text_content().is_some_and(|t| t.trim() == label))
            .unwrap_or_else(|| panic!("no button {label:?} in {}", self.root.inner_html()));
        button.click();
        yew::scheduler::flush().await;
    }

    async fn write_feedback(&self, text: &str) {
        self.fill("#wh-f-kind", "feedback").await;
        self.fill("#wh-f-category", "technical").await;
        self.fill("#wh-f-description", text).await;
    }

    fn description(&self) -> String {
        self.get("#wh-f-description").dyn_into::<web_sys::HtmlTextAreaElement>().unwrap().value()
    }
}

#[wasm_bindgen_test]
async fn with_no_storage_at_all_the_form_keeps_the_report_and_says_it_was_not_saved() {
    let m = Mounted::new(UNREACHABLE_FORM).await;
    hide_indexeddb();
    refuse_writes();
    m.write_feedback("The app freezes when I open my balance.").await;
    m.click("button[type=submit]").await;
    m.wait_for(".wh-sent-live", "NOT saved").await;
    restore("setItem");
    restore("indexedDB");
    assert!(!m.get(".wh-sent-live").text_content().unwrap().contains("Saved on this device"), "no false promise");
    assert_eq!(m.description(), "The app freezes when I open my balance.", "the form keeps it");
    assert!(m.get(".wh-not-saved").text_content().unwrap().contains("contacts on the official website"));
    assert!(m.find(".wh-not-saved").unwrap().closest("[role=status]").unwrap().is_some(), "announced");
}

#[wasm_bindgen_test]
async fn without_indexeddb_the_report_is_kept_as_text_listed_with_its_tries_and_kept_across_a_remount() {
    clear_storage();
    hide_indexeddb();
    {
        let m = Mounted::keeping_storage(UNREACHABLE_FORM).await;
        m.write_feedback("Withdrawals have been stuck for two days.").await;
        m.click("button[type=submit]").await;
        m.wait_for(".wh-sent-live", "Saved on this device").await;
        assert_eq!(m.description(), "", "emptied once it is kept");
        m.click(".wh-contact-head .wh-link").await;
        m.wait_for(".wh-report .wh-retry", "Tried once; it failed: the server could not be reached. Next try: ").await;
    }
    let m = Mounted::keeping_storage(UNREACHABLE_FORM).await;
    m.click(".wh-contact-head .wh-link").await;
    m.wait_for(".wh-report .wh-sent-text", "Withdrawals have been stuck for two days.").await;
    assert!(widget_keys().contains(&"wallet-help:v1:outbox-text".to_string()), "{:?}", widget_keys());
    m.click_button("Clear my data on this device").await;
    m.click(".wh-confirm .wh-danger").await;
    m.wait_for(".wh-reports", "You have not sent a report from this device yet.").await;
    restore("indexedDB");
    assert_eq!(widget_keys(), Vec::<String>::new(), "the text-only store is gone too");
}

#[wasm_bindgen_test]
async fn a_report_given_up_on_offers_its_text_and_the_other_channels() {
    clear_storage();
    let body = r#"{"schema":"wallet-help.report.v1","id":"r-given-up","created_at":"2026-11-01T10:00:00Z","kind":"complaint","category":"transaction","locale":"en","subject":"250 USDT never arrived","description":"I sent 250 USDT on TRON and it never arrived."}"#;
    let record = serde_json::json!({"id": "r-given-up", "endpoint": "http://127.0.0.1:9/api/reports", "body": body,
        "kind": "complaint", "category": "transaction", "subject": "250 USDT never arrived", "created_at": "2026-11-01T10:00:00Z",
        "status": {"state": "not_delivered"}, "attempts": 40, "last_error": "HTTP 503"});
    put_outbox_record(&record.to_string()).await;
    storage().set_item("wallet-help:v1:pending", "1").unwrap();
    let m = Mounted::keeping_storage(UNREACHABLE_FORM).await;
    m.click(".wh-contact-head .wh-link").await;
    m.wait_for(".wh-report .wh-status-line", "Not delivered").await;
    let report = m.get(".wh-report").text_content().unwrap();
    assert!(report.contains("could not be delivered and will not be tried again"), "{report}");
    assert!(report.contains("contacts on the official website"), "channels, or where to find them: {report}");
    assert!(m.find(".wh-report .wh-retry").is_none(), "no next try for it");
    // A browser that refuses the clipboard gets the text to select, never "Copied.".
    refuse_clipboard();
    m.click_button("Copy the text").await;
    m.wait_for(".wh-given-up", "did not allow copying").await;
    restore("writeText");
    let given_up = m.get(".wh-given-up").text_content().unwrap();
    assert!(!given_up.contains("Copied."), "{given_up}");
    assert!(
        given_up.contains(
            "250 USDT never arrived\n\nI sent 250 USDT on TRON and it never arrived.\n\nReport id: r-given-up"
        ),
        "{given_up}"
    );
    m.click_button("Remove").await;
    m.wait_for(".wh-reports", "You have not sent a report from this device yet.").await;
    m.click_button("Clear my data on this device").await;
    m.click(".wh-confirm .wh-danger").await;
}

#[wasm_bindgen_test]
async fn clear_my_data_wipes_the_device_and_nothing_old_is_written_back() {
    clear_storage();
    storage().remove_item("wallet-help:v1:votes").unwrap();
    fill_page_cache().await;
    let m = Mounted::keeping_storage(UNREACHABLE_FORM).await;
    m.widget.show_article("refund".into());
    yew::scheduler::flush().await;
    m.click(".wh-vote button").await;
    m.widget.open(Some("checklist".into()));
    yew::scheduler::flush().await;
    m.click("#wh-m-strong-password-done").await;
    m.widget.open(Some("contact".into()));
    yew::scheduler::flush().await;
    m.write_feedback("The app logs me out every few minutes.").await;
    m.click("button[type=submit]").await;
    m.wait_for(".wh-sent-live", "Saved on this device").await;
    m.fill("#wh-f-description", "A second report, still a draft").await;
    for key in ["votes", "checklist", "draft", "pending"] {
        assert!(widget_keys().contains(&format!("wallet-help:v1:{key}")), "{key}: {:?}", widget_keys());
    }
    assert_eq!(database_exists("wallet-help").await, JsValue::TRUE);

    m.click(".wh-contact-head .wh-link").await;
    m.click_button("Clear my data on this device").await;
    m.click(".wh-confirm .wh-danger").await;
    m.wait_for(".wh-reports", "You have not sent a report from this device yet.").await;
    for _ in 0..100 {
        if database_exists("wallet-help").await == JsValue::FALSE && page_cache_exists().await == JsValue::FALSE {
            break;
        }
        sleep(30).await;
    }
    assert_eq!(widget_keys(), Vec::<String>::new());
    assert_eq!(database_exists("wallet-help").await, JsValue::FALSE, "the outbox is deleted");
    assert_eq!(page_cache_exists().await, JsValue::FALSE, "the service worker's page cache is deleted");

    // The next change writes only itself: none of the old votes, marks or draft come back.
    m.widget.show_article("phishing".into());
    yew::scheduler::flush().await;
    m.click(".wh-vote button").await;
    m.widget.open(Some("checklist".into()));
    yew::scheduler::flush().await;
    assert!(!m.get("#wh-m-strong-password-done").dyn_into::<web_sys::HtmlInputElement>().unwrap().checked());
    m.click("#wh-m-two-factor-done").await;
    assert_eq!(widget_keys(), ["wallet-help:v1:checklist", "wallet-help:v1:votes"]);
    assert_eq!(storage().get_item("wallet-help:v1:votes").unwrap().as_deref(), Some(r#"{"phishing":true}"#));
    assert_eq!(storage().get_item("wallet-help:v1:checklist").unwrap().as_deref(), Some(r#"{"two-factor":"done"}"#));
    m.widget.open(Some("contact".into()));
    yew::scheduler::flush().await;
    m.click(".wh-reports .wh-back").await;
    assert_eq!(m.description(), "", "the draft is gone from the form too");
    storage().remove_item("wallet-help:v1:votes").unwrap();
    clear_storage();
}
