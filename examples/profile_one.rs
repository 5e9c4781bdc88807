fn main() {
    let t = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/decks/open-skies-2021.txt"
    ))
    .unwrap();
    for _ in 0..200 {
        std::hint::black_box(treatydeck::generate(&t).unwrap());
    }
}
