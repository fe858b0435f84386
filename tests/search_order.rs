//! The name search lists the first matches in Vietnamese name order, for
//! a word of any length, typed with or without its diacritics: the same
//! people, in the same order, as reading every person and sorting would.

use crate::common;

use chitra::text::collate::name_sort_key;
use chitra::text::fold;
use common::*;

const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý",
];
const MIDDLES: &[&str] = &[
    "Văn",
    "Thị",
    "Ngọc",
    "Hữu",
    "Đức",
    "Thanh",
    "Minh",
    "Thị Thu",
];
const GIVEN: &[&str] = &[
    "An", "Ân", "Anh", "Ánh", "Bình", "Cúc", "Dũng", "Đào", "Hà", "Hải", "Hoa", "Hòa", "Lan",
    "Long", "Nam", "Nga", "Ngân", "Nguyệt", "Nhung", "Uyên", "Ước", "Yến", "Thảo", "Thắng",
    "Thanh", "Nguyên", "H'Hen",
];

/// 700 names, some repeated, listed in the reverse of their order so that
/// the database's order (the list's) is not the one shown.
fn names() -> Vec<String> {
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut pick = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut v: Vec<String> = (0..700)
        .map(|_| {
            format!(
                "{} {} {}",
                SURNAMES[pick(SURNAMES.len())],
                MIDDLES[pick(MIDDLES.len())],
                GIVEN[pick(GIVEN.len())]
            )
        })
        .collect();
    v.sort_by_cached_key(|n| name_sort_key(n));
    v.reverse();
    v
}

fn office_of(names: &[String]) -> Office {
    let office = Office::new();
    let codes: Vec<String> = (0..names.len()).map(|i| format!("HD-{i:05}")).collect();
    let ids: Vec<String> = (0..names.len()).map(|i| format!("0460500{i:05}")).collect();
    let rows: Vec<Row<'_>> = names
        .iter()
        .enumerate()
        .map(|(i, name)| Row {
            code: &codes[i],
            name,
            year: 1950,
            id: &ids[i],
            hamlet: "Thôn Đông",
            tro_cap: 2_789_000,
            phu_cap: 0,
        })
        .collect();
    let report = office.import("list.csv", &csv("2026-11", &rows), "2026-11");
    assert!(report.committed, "{:?}", report.rejected.first());
    office
}

/// What a full scan finds: every person (id from 1, in list order) whose
/// folded name has a word starting with each typed word, in name order.
fn full_scan(names: &[String], typed: &str, limit: usize) -> (Vec<i64>, bool) {
    let words: Vec<String> = fold(typed).split(' ').map(str::to_string).collect();
    let mut found: Vec<(Vec<u8>, i64)> = names
        .iter()
        .enumerate()
        .filter(|(_, n)| {
            let f = fold(n);
            words
                .iter()
                .all(|w| f.split(' ').any(|x| x.starts_with(w.as_str())))
        })
        .map(|(i, n)| (name_sort_key(n), i as i64 + 1))
        .collect();
    found.sort();
    let more = found.len() > limit;
    (
        found.into_iter().take(limit).map(|(_, id)| id).collect(),
        more,
    )
}

fn shown(svc: &chitra::service::Service, typed: &str, limit: usize) -> (Vec<i64>, bool) {
    let r = svc.search(typed, limit).unwrap();
    (r.hits.iter().map(|h| h.person.id).collect(), r.more)
}

#[test]
fn the_first_fifty_are_the_first_in_vietnamese_order() {
    let names = names();
    let office = office_of(&names);
    let svc = office.service();
    for typed in ["n", "ng", "nguyen", "Nguyễn", "th", "thi", "ng th", "h"] {
        let (ids, more) = shown(&svc, typed, 50);
        let (expected, expected_more) = full_scan(&names, typed, 50);
        // More than a screenful matches, and the list's own order would
        // have shown others: the order comes from the search.
        assert!(expected_more, "{typed}: too few matches to test the order");
        let mut by_list_order = expected.clone();
        by_list_order.sort();
        assert_ne!(by_list_order, expected, "{typed}");
        assert_eq!(ids, expected, "{typed}");
        assert!(more, "{typed}");
        // Shown in that order, by name.
        let hits = svc.search(typed, 50).unwrap().hits;
        let keys: Vec<Vec<u8>> = hits
            .iter()
            .map(|h| name_sort_key(&h.person.full_name))
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{typed}");
    }
}

#[test]
fn every_prefix_finds_what_a_full_scan_finds() {
    let names = names();
    let office = office_of(&names);
    let svc = office.service();
    let mut typed: Vec<String> = Vec::new();
    let words = SURNAMES.iter().chain(MIDDLES).chain(GIVEN);
    for word in words.clone() {
        // With and without diacritics, one letter to ten.
        for form in [word.to_string(), fold(word)] {
            let chars: Vec<char> = form.chars().collect();
            for k in 1..=chars.len().min(10) {
                typed.push(chars[..k].iter().collect());
            }
        }
    }
    // Several words, in any order, the last one half typed; and words
    // that find nobody.
    for (i, name) in names.iter().enumerate().step_by(61) {
        let chars: Vec<char> = name.chars().collect();
        for k in (3..=chars.len()).step_by(2) {
            typed.push(chars[..k].iter().collect());
        }
        let rev: Vec<&str> = name.split(' ').rev().collect();
        typed.push(rev.join(" "));
        typed.push(format!("{} x{i}", rev[0]));
    }
    typed.extend(["NGUYỄN TH", "nguyenx", "thi van", "z"].map(String::from));
    typed.sort();
    typed.dedup();
    for t in &typed {
        assert_eq!(shown(&svc, t, 50), full_scan(&names, t, 50), "{t:?}");
    }
    // A short list is the beginning of the long one.
    for t in typed.iter().step_by(7) {
        assert_eq!(shown(&svc, t, 3), full_scan(&names, t, 3), "{t:?}");
    }
}

#[test]
fn a_changed_name_is_found_by_the_new_name_only() {
    let names: Vec<String> = vec!["Nguyễn Văn An".into(), "Trần Thị Bình".into()];
    let office = office_of(&names);
    let renamed = ["Nguyễn Văn An".to_string(), "Trần Thị Xuyến".to_string()];
    let codes = ["HD-00000", "HD-00001"];
    let ids = ["046050000000", "046050000001"];
    let rows: Vec<Row<'_>> = (0..2)
        .map(|i| Row {
            code: codes[i],
            name: &renamed[i],
            year: 1950,
            id: ids[i],
            hamlet: "Thôn Đông",
            tro_cap: 2_789_000,
            phu_cap: 0,
        })
        .collect();
    let report = office.import("next.csv", &csv("2026-12", &rows), "2026-12");
    assert!(report.committed, "{:?}", report.rejected.first());
    let svc = office.service();
    assert_eq!(shown(&svc, "xuyen", 50), (vec![2], false));
    assert_eq!(shown(&svc, "tran thi x", 50), (vec![2], false));
    assert_eq!(shown(&svc, "binh", 50), (vec![], false));
    assert_eq!(shown(&svc, "an", 50), (vec![1], false));
}

#[test]
fn the_counters_two_steps_give_what_the_search_gives() {
    let names = names();
    let office = office_of(&names);
    let svc = office.service();
    // Names, an ID number's beginning and its last digits, a record code
    // with and without its dash, and a search that finds nobody.
    for typed in [
        "ng",
        "nguyen th",
        "046050000",
        "00012",
        "HD-0001",
        "hd0001",
        "zz",
    ] {
        let whole = svc.search(typed, 30).unwrap();
        // The counter's first page: the rows on screen with their month,
        // the others as found, in the same order as the whole search.
        let page = svc.search_page(typed, 30, 10).unwrap();
        let n = page.results.hits.len();
        assert!(n <= 10, "{typed}");
        assert_eq!(page.results.hits, whole.hits[..n], "{typed}");
        assert_eq!(page.results.more, whole.more, "{typed}");
        let ids: Vec<i64> = page.rest.iter().map(|p| p.id).collect();
        let expected: Vec<i64> = whole.hits[n..].iter().map(|h| h.person.id).collect();
        assert_eq!(ids, expected, "{typed}");
        // The month of the rows scrolled into view, read afterwards, is the
        // one the whole search reads, row for row.
        assert_eq!(
            svc.hits_of(page.rest, &page.rest_through).unwrap(),
            whole.hits[n..],
            "{typed}"
        );
    }
    assert!(svc.search_page("ng", 30, 10).unwrap().results.more);
    let page = svc.search_page("046050000012", 30, 10).unwrap();
    assert_eq!(page.results.hits[0].person.id, 13);
}

/// 2,400 names from a few words, weighted as in a commune: most people
/// share a handful of surnames and middle names, a rare surname is also a
/// common middle name ("Văn"), and given names cluster the list (it is
/// ordered by given name first). A search whose words meet rarely must
/// pass long stretches of the list without losing a match.
fn clustered_names() -> Vec<String> {
    const SURNAMES: &[(&str, u64)] = &[
        ("Nguyễn", 40),
        ("Trần", 12),
        ("Lê", 10),
        ("Phạm", 6),
        ("Hoàng", 4),
        ("Văn", 1),
        ("Tôn Thất", 1),
        ("Ngô", 2),
    ];
    const MIDDLES: &[(&str, u64)] = &[
        ("Văn", 30),
        ("Thị", 30),
        ("Công", 3),
        ("Hữu", 5),
        ("Thanh", 4),
        ("Ngọc", 3),
    ];
    const GIVEN: &[&str] = &[
        "An", "Anh", "Bình", "Dũng", "Hải", "Hòa", "Hùng", "Hương", "Lan", "Minh", "Nam", "Phúc",
        "Tài", "Tâm", "Thắng", "Thảo", "Thu", "Tuấn", "Yến",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut weighted = |list: &[(&'static str, u64)]| {
        let total: u64 = list.iter().map(|(_, w)| w).sum();
        let mut at = next(total * 64);
        // The low bits choose a given name, the rest the weighted word.
        let given = GIVEN[(at % 64 % GIVEN.len() as u64) as usize];
        at /= 64;
        for (s, w) in list {
            if at < *w {
                return (*s, given);
            }
            at -= w;
        }
        unreachable!()
    };
    (0..2400)
        .map(|_| {
            let (s, _) = weighted(SURNAMES);
            let (m, g) = weighted(MIDDLES);
            format!("{s} {m} {g}")
        })
        .collect()
}

#[test]
fn words_that_meet_rarely_find_what_a_full_scan_finds() {
    let names = clustered_names();
    let office = office_of(&names);
    let svc = office.service();
    let mut checked = 0;
    for s in ["nguyen", "tran", "le", "van", "ton that", "ngo", "hoang"] {
        for m in ["van", "thi", "cong", "huu", "thanh", "ngoc"] {
            for g in ["", "t", "th", "h", "a", "yen", "z"] {
                for typed in [format!("{s} {m} {g}"), format!("{g} {m} {s}")] {
                    let found = shown(&svc, typed.trim(), 50);
                    assert_eq!(found, full_scan(&names, typed.trim(), 50), "{typed:?}");
                    checked += usize::from(!found.0.is_empty() && found.0.len() < 50);
                }
            }
        }
    }
    // Many of the searches find a few people, not none and not a full page.
    assert!(checked > 50, "{checked}");
}
