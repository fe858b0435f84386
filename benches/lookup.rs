//! Looking people up in a 1,000,000-person database.
//!
//! 1. One person by full ID number (target: under 1 ms).
//! 2. Search as you type: every prefix of an ID number, and every prefix
//!    of a name as a clerk types it ("n", "ng", …, "nguyen van a"),
//!    median per keystroke (target: under 20 ms).
//!
//! The database is built once under target/bench-data (a few minutes the
//! first time). Run: `cargo bench --bench lookup`.

mod common;

use chitra::service::Service;
use common::*;

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let n = 1_000_000;
    let (config, db) = office_with(n);
    let svc = Service::open(config, &db).unwrap();
    let conn = rusqlite::Connection::open(svc.store().path()).unwrap();
    let sample: Vec<(String, String)> = conn
        .prepare("SELECT id_number, full_name FROM people WHERE id_number IS NOT NULL ORDER BY random() LIMIT 300")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    println!("{n} people; {} sampled", sample.len());

    // Warm the page cache the way a running office has it.
    for (id, _) in sample.iter().take(20) {
        svc.search(id, 20).unwrap();
    }

    let by_id: Vec<_> = sample
        .iter()
        .map(|(id, _)| {
            let (found, took) = time(|| svc.search(id, 20).unwrap());
            assert!(
                found
                    .hits
                    .iter()
                    .any(|h| h.person.id_number.as_deref() == Some(id.as_str()))
            );
            took
        })
        .collect();
    let (med, p90, max) = summary(by_id);
    println!(
        "lookup by full ID number: median {}, p90 {}, max {} (target < 1 ms)",
        ms(med),
        ms(p90),
        ms(max)
    );

    let mut id_keys = Vec::new();
    for (id, _) in sample.iter().take(100) {
        for k in 1..=id.len() {
            let (_, took) = time(|| svc.search(&id[..k], 20).unwrap());
            id_keys.push(took);
        }
    }
    let (med, p90, max) = summary(id_keys);
    println!(
        "search as you type, ID prefixes: median {}, p90 {}, max {} per keystroke (target median < 20 ms)",
        ms(med),
        ms(p90),
        ms(max)
    );

    let mut name_keys = Vec::new();
    for (_, name) in sample.iter().take(100) {
        let typed = chitra::text::fold(name);
        let chars: Vec<char> = typed.chars().collect();
        for k in 1..=chars.len() {
            let q: String = chars[..k].iter().collect();
            let (_, took) = time(|| svc.search(&q, 20).unwrap());
            name_keys.push(took);
        }
    }
    let (med, p90, max) = summary(name_keys);
    println!(
        "search as you type, names: median {}, p90 {}, max {} per keystroke (target median < 20 ms)",
        ms(med),
        ms(p90),
        ms(max)
    );
}
