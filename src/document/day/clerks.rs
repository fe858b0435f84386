//! Part II of the day report: each clerk's payments, the drawers (every
//! row adds up to "phải có", shown only once the drawer is counted) and
//! the notes of each count.

use super::{count, method, money, section, text};
use crate::document::{Block, Cell, Column, Kind, Role, Row, Table};
use crate::domain::Money;
use crate::domain::report::{ClerkDay, DayReport};
use crate::i18n::Lang;
use crate::i18n::report::{self as words, DayWords};

fn clerk_label(c: &ClerkDay) -> String {
    words::clerk(&c.full_name, &c.name)
}

pub(super) fn clerks(lang: Lang, blocks: &mut Vec<Block>, w: &DayWords, report: &DayReport) {
    section(blocks, w.clerks_heading);
    // Payments by clerk and method, grouped by clerk.
    let columns = vec![
        Column::new("giao_dich_vien", w.col_clerk, Kind::Text),
        Column::new("bien_nhan", w.col_receipts, Kind::Text),
        Column::new("hinh_thuc", w.col_method, Kind::Text),
        Column::new("so_mon", w.col_count, Kind::Count),
        Column::new("so_tien", w.col_amount, Kind::Money),
    ];
    let mut t = Table::new("gdv", columns, w.nobody)
        .title(w.by_clerk)
        .group_by(&[0, 1]);
    for c in report
        .clerks
        .iter()
        .filter(|c| c.payments.count != 0 || c.voids.count != 0)
    {
        let who = text(&clerk_label(c));
        let receipts = match &c.receipts {
            Some((first, last)) => text(&words::receipt_range(first, last)),
            None => Cell::Empty,
        };
        let row = |third: Cell, tally: crate::domain::report::Tally| {
            Row::new(vec![
                who.clone(),
                receipts.clone(),
                third,
                count(tally.count),
                money(tally.amount),
            ])
        };
        for (m, tally) in &c.by_method {
            t.push(row(method(lang, *m), *tally));
        }
        t.push(
            row(text(w.row_clerk_total), c.payments)
                .key("cong")
                .role(Role::Subtotal),
        );
        if c.voids.count != 0 {
            t.push(row(text(w.row_clerk_voids), c.voids).key("huy"));
        }
    }
    if !t.rows.is_empty() {
        t.push(
            Row::new(vec![
                Cell::Empty,
                Cell::Empty,
                text(w.row_all_clerks),
                count(report.totals.payments.count),
                money(report.totals.payments.amount),
            ])
            .key("tong")
            .role(Role::Total),
        );
    }
    blocks.push(Block::Table(t));
    blocks.push(Block::Table(drawers(lang, w, report)));
    blocks.push(Block::Table(notes(w, report)));
}

/// Whether a drawer's expected cash may be shown: only once it is counted
/// (the count is blind).
fn expected_shown(c: &ClerkDay) -> bool {
    c.count.is_some()
}

/// One row per drawer used today; every row adds up.
fn drawers(lang: Lang, w: &DayWords, report: &DayReport) -> Table {
    let columns = vec![
        Column::new("giao_dich_vien", w.col_clerk, Kind::Text),
        Column::new("tien_dau_ngay", w.col_float, Kind::Money),
        Column::new("nhan_them", w.col_issued, Kind::Money),
        Column::new("nop_lai", w.col_returned, Kind::Money),
        Column::new("chi_tien_mat", w.col_cash_paid, Kind::Money),
        Column::new("hoan_huy", w.col_cash_voided, Kind::Money),
        Column::new("phai_co", w.col_expected, Kind::Money),
        Column::new("da_dem", w.col_counted, Kind::Money),
        Column::new("chenh_lech", w.col_difference, Kind::Money),
        Column::new("ly_do", w.col_reason, Kind::Text),
    ];
    let mut t = Table::new("quy", columns, w.no_drawer).title(w.drawers_title);
    for c in report.clerks.iter().filter(|c| c.drawer_used()) {
        let mut cells = vec![
            text(&clerk_label(c)),
            money(c.float),
            money(c.issued),
            money(c.returned),
            money(c.cash_paid),
            money(c.cash_voided),
        ];
        match c.count.as_ref().filter(|_| expected_shown(c)) {
            None => cells.extend([text(w.not_counted), Cell::Empty, Cell::Empty, Cell::Empty]),
            Some(n) => {
                let mut why: Vec<String> = Vec::new();
                match n.reason.as_deref().map(str::trim) {
                    Some(r) if !r.is_empty() => why.push(r.to_string()),
                    _ if !n.difference.is_zero() => why.push(w.reason_missing.to_string()),
                    _ => {}
                }
                if n.expected != c.expected {
                    why.push(words::expected_at_count(lang, &n.expected.to_string()));
                }
                cells.extend([
                    money(c.expected),
                    money(n.counted),
                    money(n.difference),
                    if why.is_empty() {
                        Cell::Empty
                    } else {
                        text(&why.join("; "))
                    },
                ]);
            }
        }
        t.push(Row::new(cells));
    }
    t
}

/// Each counted drawer by denomination, with the count's own total.
fn notes(w: &DayWords, report: &DayReport) -> Table {
    let columns = vec![
        Column::new("giao_dich_vien", w.col_clerk, Kind::Text),
        Column::new("menh_gia", w.col_denomination, Kind::Money),
        Column::new("so_mon", w.col_notes, Kind::Count),
        Column::new("so_tien", w.col_value, Kind::Money),
    ];
    let mut t = Table::new("to_tien", columns, w.no_count)
        .title(w.notes_title)
        .group_by(&[0]);
    for c in &report.clerks {
        let Some(n) = &c.count else { continue };
        let who = text(&clerk_label(c));
        for (denom, notes) in n.notes.iter().rev() {
            t.push(Row::new(vec![
                who.clone(),
                money(Money::from_dong(*denom)),
                count(*notes),
                denom
                    .checked_mul(*notes)
                    .map_or(Cell::Empty, |v| money(Money::from_dong(v))),
            ]));
        }
        t.push(
            Row::new(vec![
                who,
                text(w.row_counted),
                Cell::Empty,
                money(n.counted),
            ])
            .key("cong")
            .role(Role::Subtotal),
        );
    }
    t
}
