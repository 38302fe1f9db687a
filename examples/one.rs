use wallet_help::core::secrets::{scan, FieldKind};
fn main() {
    for t in std::env::args().skip(1) {
        let f = scan(&t, FieldKind::Text);
        println!("{t:?} -> {:?}", f.iter().map(|f| (f.kind.name(), &t[f.start..f.end])).collect::<Vec<_>>());
    }
}
