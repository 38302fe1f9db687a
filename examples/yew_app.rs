//! A Yew application with the help widget in it: the same widget the script tag gives, as a
//! component, configured with `wallet_help::core::config::Config`.
//!
//! Build it for the browser (`wasm-pack build --target web` on a crate with this as its
//! `main`), serve `wallet-help.css` beside it, and the launcher appears at the bottom right.

#[cfg(target_arch = "wasm32")]
mod app {
    use std::rc::Rc;
    use wallet_help::core::config::{Config, Locale};
    use wallet_help::HelpWidget;
    use yew::prelude::*;

    #[component]
    pub fn WalletPage() -> Html {
        let config = use_memo((), |_| Config {
            brand: "AcmeWallet".into(),
            locale: Locale::En,
            endpoint: Some("https://acme.example/api/reports".into()),
            config_url: Some("https://acme.example/wallet-help/config.json".into()),
            ..Config::default()
        });
        html! {
            <main>
                <h1>{ "AcmeWallet" }</h1>
                <p>{ "Balance: 1.2 ETH" }</p>
                <HelpWidget config={Rc::clone(&config)} stylesheet="/wallet-help/wallet-help.css" />
            </main>
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<app::WalletPage>::new().render();
}

// The widget needs a browser; natively there is nothing to run.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
