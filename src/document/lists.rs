//! The plan's lists as [`Document`]s, one builder each: the classification
//! (all six lists with their counts by hamlet, or one of them alone — the
//! police list), the account-opening list with each account's state, the
//! share paid without cash, and the registration changes for the payer.
//! Every format (screen, 80-column print, xlsx, CSV) draws them with the
//! renderers every document uses; the only thing added elsewhere is the
//! cashless chart in the xlsx (`export::lists`).
//!
//! Nothing is computed here but counts of rows and a share's percent: the
//! lists themselves come from `service::lists`.

use super::{
    Align, Block, Cell, Column, Document, Fact, Facts, Head, Kind, Paragraph, Role, Row,
    Signatures, Signer, Table, Tone,
};
use crate::config::Office;
use crate::i18n::register::{self as words, ListWords, list_words};
use crate::i18n::report::written_date;
use crate::i18n::{Lang, labels};
use crate::service::lists::{AccountList, CashlessReport, Change, Classified, Entry, Share};

pub const CLASSIFY: &str = "phan_loai";
pub const ACCOUNTS: &str = "mo_tai_khoan";
pub const CASHLESS: &str = "khong_dung_tien_mat";
pub const CHANGES: &str = "thay_doi_dang_ky";

/// The machine names of the lists, in order.
const LISTS: [&str; 6] = [
    "cash",
    "can_open_account",
    "missing_papers",
    "proxies_can_open_account",
    "proxies_missing_papers",
    "need_cccd",
];

fn head(lang: Lang, office: &Office, title: &str, day: &str, lines: Vec<Paragraph>) -> Head {
    let w = list_words(lang);
    Head {
        issuer: vec![
            office.name.to_uppercase(),
            format!("{} ({})", office.commune, office.code),
        ],
        national: vec![w.national.to_string(), w.motto.to_string()],
        place_date: format!("{}, {}", office.commune, written_date(lang, day)),
        title: title.to_string(),
        date: day.to_string(),
        lines,
    }
}

fn signatures(lang: Lang, office: &Office, day: &str) -> Block {
    let w = list_words(lang);
    let signer = |role: &str| Signer {
        role: role.to_string(),
        hint: w.sign_hint.to_string(),
        name: None,
    };
    Block::Signatures(Signatures {
        date_line: Some(format!("{}, {}", office.commune, written_date(lang, day))),
        signers: vec![signer(w.maker), signer(w.head)],
    })
}

fn hamlet_name(w: &ListWords, h: &Option<String>) -> String {
    match h.as_deref() {
        Some(h) if !h.trim().is_empty() => h.to_string(),
        _ => w.no_hamlet.to_string(),
    }
}

fn list_title(w: &ListWords, key: &str) -> &'static str {
    match key {
        "cash" => w.cash,
        "can_open_account" => w.can_open,
        "missing_papers" => w.missing_papers,
        "proxies_can_open_account" => w.proxies_can_open,
        "proxies_missing_papers" => w.proxies_missing,
        _ => w.need_cccd,
    }
}

fn opt(v: &Option<String>) -> Cell {
    match v {
        Some(s) if !s.is_empty() => Cell::text(s.clone()),
        _ => Cell::Empty,
    }
}

fn missing_text(lang: Lang, e: &Entry) -> String {
    e.missing
        .iter()
        .map(|m| words::missing(lang, *m))
        .collect::<Vec<_>>()
        .join(", ")
}

fn entry_table(lang: Lang, w: &ListWords, key: &str, entries: &[Entry]) -> Table {
    let mut t = Table::new(
        key,
        vec![
            Column::new("thon", w.col_hamlet, Kind::Text),
            Column::new("ma_doi_tuong", w.col_code, Kind::Code),
            Column::new("ho_ten", w.col_name, Kind::Text),
            Column::new("uy_quyen_cho", w.col_for, Kind::Text),
            Column::new("so_giay_to", w.col_id, Kind::Code),
            Column::new("dien_thoai", w.col_phone, Kind::Code),
            Column::new("con_thieu", w.col_missing, Kind::Text),
        ],
        w.none,
    )
    .numbered(w.number)
    .group_by(&[0])
    .flex(2);
    for e in entries {
        t.push(Row::new(vec![
            Cell::text(hamlet_name(w, &e.hamlet)),
            Cell::text(e.code.clone()),
            Cell::text(e.name.clone()),
            opt(&e.proxy_for),
            opt(&e.id_number),
            opt(&e.phone),
            if e.missing.is_empty() {
                Cell::Empty
            } else {
                Cell::text(missing_text(lang, e))
            },
        ]));
    }
    t
}

/// The classification: counts by hamlet, then every list (or only the one
/// named `only`, e.g. "need_cccd" for the commune police).
pub fn classify(
    lang: Lang,
    office: &Office,
    day: &str,
    c: &Classified,
    only: Option<&str>,
) -> Document {
    let w = list_words(lang);
    let lists: Vec<(&str, &Vec<Entry>)> = c
        .lists()
        .into_iter()
        .filter(|(k, _)| only.is_none_or(|o| o == *k))
        .collect();
    let mut blocks = Vec::new();
    let mut columns = vec![Column::new("thon", w.col_hamlet, Kind::Text)];
    for (k, _) in &lists {
        let i = LISTS.iter().position(|l| l == k).unwrap_or(0);
        let head = if lists.len() == 1 {
            list_title(w, k)
        } else {
            w.count_heads[i]
        };
        columns.push(Column::new(k, head, Kind::Count));
    }
    let mut counts = Table::new("so_luong", columns, w.none).title(w.counts);
    let hamlets = c.hamlets();
    for h in &hamlets {
        let mut cells = vec![Cell::text(if h.is_empty() {
            w.no_hamlet.to_string()
        } else {
            h.clone()
        })];
        for (_, l) in &lists {
            let n = l
                .iter()
                .filter(|e| e.hamlet.clone().unwrap_or_default() == *h)
                .count();
            cells.push(Cell::Count(n as i64));
        }
        counts.push(Row::new(cells));
    }
    let mut total = vec![Cell::text(w.whole_commune)];
    for (_, l) in &lists {
        total.push(Cell::Count(l.len() as i64));
    }
    counts.push(Row::new(total).role(Role::Total).key("toan_xa"));
    blocks.push(Block::Table(counts));
    if lists.len() > 1 {
        for (i, (k, _)) in lists.iter().enumerate() {
            blocks.push(Block::Paragraph(
                Paragraph::new(format!("{}: {}", w.count_heads[i], list_title(w, k)))
                    .tone(Tone::Muted),
            ));
        }
    }
    for (i, (k, l)) in lists.iter().enumerate() {
        blocks.push(Block::Section {
            title: format!("{}. {} ({})", roman(i + 1), list_title(w, k), l.len()),
        });
        blocks.push(Block::Table(entry_table(lang, w, k, l)));
    }
    blocks.push(signatures(lang, office, day));
    let title = match only {
        Some(k) => list_title(w, k).to_uppercase(),
        None => w.classify_title.to_string(),
    };
    Document {
        kind: CLASSIFY.to_string(),
        lang,
        name: w.classify_name.to_string(),
        head: head(lang, office, &title, day, Vec::new()),
        blocks,
    }
}

fn roman(n: usize) -> &'static str {
    ["I", "II", "III", "IV", "V", "VI", "VII"]
        .get(n.saturating_sub(1))
        .copied()
        .unwrap_or("")
}

/// The account-opening list for the bank with each account's state.
pub fn accounts(lang: Lang, office: &Office, day: &str, a: &AccountList) -> Document {
    let w = list_words(lang);
    let mut t = Table::new(
        "tai_khoan",
        vec![
            Column::new("thon", w.col_hamlet, Kind::Text),
            Column::new("ma_doi_tuong", w.col_code, Kind::Code),
            Column::new("ho_ten", w.col_name, Kind::Text),
            Column::new("uy_quyen_cho", w.col_for, Kind::Text),
            Column::new("so_giay_to", w.col_id, Kind::Code),
            Column::new("ngay_cap", w.col_issued, Kind::Date),
            Column::new("noi_cap", w.col_place, Kind::Text),
            Column::new("dien_thoai", w.col_phone, Kind::Code),
            Column::new("con_thieu", w.col_missing, Kind::Text),
            Column::new("tinh_trang", w.col_step, Kind::Text),
            Column::new("tu_ngay", w.col_since, Kind::Date),
        ],
        w.none,
    )
    .numbered(w.number)
    .group_by(&[0])
    .flex(2);
    for x in &a.accounts {
        let e = &x.entry;
        t.push(Row::new(vec![
            Cell::text(hamlet_name(w, &e.hamlet)),
            Cell::text(e.code.clone()),
            Cell::text(e.name.clone()),
            opt(&e.proxy_for),
            opt(&e.id_number),
            e.issued.map_or(Cell::Empty, |d| {
                Cell::Date(d.format("%Y-%m-%d").to_string())
            }),
            opt(&e.place),
            opt(&e.phone),
            if e.missing.is_empty() {
                Cell::Empty
            } else {
                Cell::text(missing_text(lang, e))
            },
            Cell::text(words::step(lang, x.step)),
            Cell::Date(x.since.get(0..10).unwrap_or("").to_string()),
        ]));
    }
    let mut facts = Vec::new();
    for step in crate::domain::registration::AccountStep::ALL {
        let n = a.accounts.iter().filter(|x| x.step == step).count();
        facts.push(Fact::new(
            step.code(),
            words::step(lang, step),
            Cell::Count(n as i64),
        ));
    }
    Document {
        kind: ACCOUNTS.to_string(),
        lang,
        name: w.accounts_name.to_string(),
        head: head(lang, office, w.accounts_title, day, Vec::new()),
        blocks: vec![
            Block::Facts(Facts {
                key: "so_luong".to_string(),
                title: None,
                items: facts,
            }),
            Block::Table(t),
            signatures(lang, office, day),
        ],
    }
}

/// A share in percent with one decimal, written the Vietnamese way
/// ("45,5").
pub fn percent(lang: Lang, s: &Share) -> String {
    let p = s.permille();
    match lang {
        crate::i18n::Lang::Vi => format!("{},{}", p / 10, p % 10),
        crate::i18n::Lang::En => format!("{}.{}", p / 10, p % 10),
    }
}

fn share_row(lang: Lang, label: String, s: &Share, registered: bool) -> Row {
    let mut cells = vec![
        Cell::text(label),
        Cell::Count(s.people),
        Cell::Count(s.cashless_people),
        Cell::text(percent(lang, s)),
        Cell::Money(s.amount),
        Cell::Money(s.cashless),
    ];
    if registered {
        cells.push(Cell::Count(s.registered_cashless));
    }
    Row::new(cells)
}

/// The share paid without cash by hamlet, the commune's by month, and the
/// target.
pub fn cashless(lang: Lang, office: &Office, day: &str, r: &CashlessReport) -> Document {
    let w = list_words(lang);
    let share_col = |key: &str| {
        let mut c = Column::new(key, w.col_share, Kind::Code);
        c.align = Align::Right;
        c
    };
    let mut t = Table::new(
        "theo_thon",
        vec![
            Column::new("thon", w.col_hamlet, Kind::Text),
            Column::new("so_nguoi", w.col_people, Kind::Count),
            Column::new("khong_tien_mat", w.col_cashless_people, Kind::Count),
            share_col("ty_le"),
            Column::new("tong_tien", w.col_amount, Kind::Money),
            Column::new("tien_khong_tm", w.col_cashless_amount, Kind::Money),
            Column::new("da_dang_ky", w.col_registered, Kind::Count),
        ],
        w.none,
    );
    for s in &r.hamlets {
        let label = if s.hamlet.is_empty() {
            w.no_hamlet.to_string()
        } else {
            s.hamlet.clone()
        };
        t.push(share_row(lang, label, s, true));
    }
    t.push(
        share_row(lang, w.whole_commune.to_string(), &r.total, true)
            .role(Role::Total)
            .key("toan_xa"),
    );
    let mut m = Table::new(
        "theo_thang",
        vec![
            Column::new("ky", w.period, Kind::Code),
            Column::new("so_nguoi", w.col_people, Kind::Count),
            Column::new("khong_tien_mat", w.col_cashless_people, Kind::Count),
            share_col("ty_le"),
            Column::new("tong_tien", w.col_amount, Kind::Money),
            Column::new("tien_khong_tm", w.col_cashless_amount, Kind::Money),
        ],
        w.none,
    )
    .title(w.whole_commune);
    for (p, s) in &r.months {
        m.push(share_row(lang, labels::period(*p), s, false));
    }
    let reached = r.total.permille() >= i64::from(r.target_percent) * 10;
    let facts = Facts {
        key: "muc_tieu".to_string(),
        title: None,
        items: vec![
            Fact::new(
                "ky",
                w.period,
                Cell::text(r.period.map(labels::period).unwrap_or_default()),
            ),
            Fact::new(
                "muc_tieu",
                w.target,
                Cell::text(format!("{} %", r.target_percent)),
            ),
            Fact::new(
                "ty_le",
                w.col_share,
                Cell::text(format!("{} %", percent(lang, &r.total))),
            )
            .tone(if reached { Tone::Strong } else { Tone::Warn }),
            Fact::new(
                "tien_khong_tm",
                w.col_cashless_amount,
                Cell::Money(r.total.cashless),
            ),
            Fact::new("tong_tien", w.col_amount, Cell::Money(r.total.amount)),
        ],
    };
    Document {
        kind: CASHLESS.to_string(),
        lang,
        name: w.cashless_name.to_string(),
        head: head(lang, office, w.cashless_title, day, Vec::new()),
        blocks: vec![
            Block::Facts(facts),
            Block::Table(t),
            Block::Table(m),
            signatures(lang, office, day),
        ],
    }
}

fn field_label(lang: Lang, field: &str) -> &'static str {
    let w = list_words(lang);
    match field {
        "phone" => w.col_phone,
        "method" => w.col_method,
        "account" => w.col_account,
        _ => w.col_id,
    }
}

fn field_value(lang: Lang, field: &str, v: &Option<String>) -> Cell {
    match (field, v) {
        ("method", Some(code)) => match crate::domain::PayMethod::from_code(code) {
            Some(m) => Cell::text(labels::method(lang, m)),
            None => Cell::text(code.clone()),
        },
        (_, v) => opt(v),
    }
}

/// The registrations the payer should learn of: each field where the
/// office's registration differs from the payer's list.
pub fn changes(
    lang: Lang,
    office: &Office,
    day: &str,
    changes: &[Change],
    last_seal: Option<&(String, String)>,
) -> Document {
    let w = list_words(lang);
    let mut t = Table::new(
        "thay_doi",
        vec![
            Column::new("thon", w.col_hamlet, Kind::Text),
            Column::new("ma_doi_tuong", w.col_code, Kind::Code),
            Column::new("ho_ten", w.col_name, Kind::Text),
            Column::new("thay_doi", w.col_what, Kind::Text),
            Column::new("danh_sach_ghi", w.col_payer_says, Kind::Text),
            Column::new("buu_dien_dang_ky", w.col_office_says, Kind::Text),
            Column::new("ngay", w.col_since, Kind::Date),
        ],
        w.none,
    )
    .numbered(w.number)
    .group_by(&[0])
    .flex(2);
    for c in changes {
        t.push(Row::new(vec![
            Cell::text(hamlet_name(w, &c.hamlet)),
            Cell::text(c.code.clone()),
            Cell::text(c.name.clone()),
            Cell::text(field_label(lang, c.field)),
            field_value(lang, c.field, &c.payer),
            field_value(lang, c.field, &c.office),
            Cell::Date(c.recorded_at.get(0..10).unwrap_or("").to_string()),
        ]));
    }
    Document {
        kind: CHANGES.to_string(),
        lang,
        name: w.changes_name.to_string(),
        head: head(
            lang,
            office,
            w.changes_title,
            day,
            vec![Paragraph::new(crate::i18n::report::sent_to(
                lang,
                &office.paying_agency,
            ))],
        ),
        blocks: vec![
            Block::Table(t),
            Block::Seal(super::Seal::last_day(lang, last_seal)),
            signatures(lang, office, day),
        ],
    }
}
