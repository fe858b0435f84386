//! The signing list (danh sách ký nhận) of a period as a [`Document`]:
//! everyone on the month's lists, hamlet by hamlet, with the amount the
//! list owes them, the day they received it and room to sign; a subtotal
//! per hamlet, the total in figures and in words, and the places for the
//! preparer and the head of office to sign. For one hamlet or the whole
//! commune.
//!
//! The amounts are the [`PeriodReport`]'s own (what was imported for
//! each person); the subtotals and the total are sums of the rows shown.
//! A person whose payment stopped stays on the list, marked so in place
//! of the day.

use std::collections::BTreeMap;

use super::{Amount, Block, Cell, Column, Document, Kind, Paragraph, Role, Row, Table};
use crate::config::Office;
use crate::domain::Money;
use crate::domain::period_report::{PeriodReport, PersonOutcome, Settled};
use crate::domain::words::in_words;
use crate::i18n::month as words;
use crate::i18n::{Lang, labels};
use crate::text::{collate, fold};

/// The machine name of the signing list.
pub const KIND: &str = "danh_sach_ky_nhan";

/// The room left to sign in, and to write a day in, in characters.
const SIGN_ROOM: usize = 12;
const DATE_ROOM: usize = 10;

/// The hamlets of the period's lists, in Vietnamese order (people with no
/// hamlet are listed last, under a heading of their own).
pub fn hamlets(report: &PeriodReport) -> Vec<String> {
    let mut out: Vec<String> = report
        .people
        .iter()
        .filter_map(|p| p.hamlet.clone())
        .filter(|h| !h.trim().is_empty())
        .collect();
    out.sort_by(|a, b| collate::compare(a, b));
    out.dedup();
    out
}

/// The hamlet of the lists named `name`, whatever its case and marks
/// ("thon dong" finds "Thôn Đông").
pub fn find_hamlet(report: &PeriodReport, name: &str) -> Option<String> {
    let key = fold(name.trim());
    hamlets(report).into_iter().find(|h| fold(h.trim()) == key)
}

/// People of one hamlet under its name, keyed so that hamlets sort in
/// Vietnamese order and the unnamed come last.
type Groups<'r> = BTreeMap<(bool, Vec<u8>), (String, Vec<&'r PersonOutcome>)>;

fn hamlet_of(p: &PersonOutcome) -> Option<&str> {
    p.hamlet.as_deref().filter(|h| !h.trim().is_empty())
}

/// The signing list of `report`, for `hamlet` only when given (a name
/// from [`hamlets`]), made on `day` ("YYYY-MM-DD").
pub fn build(
    lang: Lang,
    office: &Office,
    report: &PeriodReport,
    hamlet: Option<&str>,
    day: &str,
) -> Document {
    let w = words::words(lang);
    // People by hamlet, the hamlets in Vietnamese order and the unnamed last.
    let mut groups: Groups<'_> = BTreeMap::new();
    for p in &report.people {
        if hamlet.is_some_and(|h| hamlet_of(p) != Some(h)) {
            continue;
        }
        let (name, key) = match hamlet_of(p) {
            Some(h) => (h.to_string(), (false, collate::sort_key(h))),
            None => (w.no_hamlet.to_string(), (true, Vec::new())),
        };
        groups
            .entry(key)
            .or_insert_with(|| (name, Vec::new()))
            .1
            .push(p);
    }
    let columns = vec![
        Column::new("thon", w.col_hamlet, Kind::Text),
        Column::new("ho_ten", w.col_name, Kind::Text),
        Column::new("so_cccd", w.col_id, Kind::Code),
        Column::new("so_tien", w.col_amount, Kind::Money),
        Column::new("ngay_nhan", w.col_received_on, Kind::Date).room(DATE_ROOM),
        Column::write_in("ky_nhan", w.col_signature, SIGN_ROOM),
    ];
    let mut t = Table::new("ky_nhan", columns, w.nobody_listed)
        .numbered(w.col_no)
        .group_by(&[0])
        .flex(1);
    let mut total = Money::ZERO;
    for (name, people) in groups.values() {
        let mut subtotal = Money::ZERO;
        for p in people {
            subtotal = subtotal + p.imported;
            let received = match p.settled {
                Settled::Paid => p
                    .paid_on()
                    .map_or(Cell::Empty, |d| Cell::Date(d.to_string())),
                Settled::Stopped => Cell::text(w.stopped_mark),
                Settled::Unpaid => Cell::Empty,
            };
            t.push(Row::new(vec![
                Cell::text(name),
                Cell::text(&p.full_name),
                p.id_number.clone().map_or(Cell::Empty, Cell::Text),
                Cell::Money(p.imported),
                received,
                Cell::Empty,
            ]));
        }
        t.push(
            Row::new(vec![
                Cell::text(name),
                Cell::text(words::hamlet_total(lang, name)),
                Cell::Empty,
                Cell::Money(subtotal),
                Cell::Empty,
                Cell::Empty,
            ])
            .key("cong_thon")
            .role(Role::Subtotal),
        );
        total = total + subtotal;
    }
    if !t.rows.is_empty() {
        t.push(
            Row::new(vec![
                Cell::Empty,
                Cell::text(w.row_total),
                Cell::Empty,
                Cell::Money(total),
                Cell::Empty,
                Cell::Empty,
            ])
            .key("tong")
            .role(Role::Total),
        );
    }
    let month = labels::period(report.period);
    let scope = match hamlet {
        Some(h) => words::hamlet_line(lang, h),
        None => w.whole_commune.to_string(),
    };
    let blocks = vec![
        Block::Table(t),
        Block::Amount(Amount {
            key: "tong_cong".to_string(),
            label: w.total_label.to_string(),
            amount: total,
            words_label: w.words_label.to_string(),
            words: in_words(total.dong()),
        }),
        super::period::signatures(lang, w, office, day, w.list_prepared_by),
    ];
    Document {
        kind: KIND.to_string(),
        lang,
        name: w.signing_name.to_string(),
        head: super::period::head(
            lang,
            office,
            day,
            words::signing_title(lang, &month),
            vec![
                Paragraph::new(crate::i18n::report::paying_for(lang, &office.paying_agency)),
                Paragraph::new(scope).key("pham_vi"),
            ],
        ),
        blocks,
    }
}
