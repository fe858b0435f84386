//! A transfer batch for the bank as a [`Document`]: one row per line
//! (name, ID number, account, bank, amount, reference), the total row, the
//! number of lines, the total in figures and in words, and the places to
//! sign. Drawn in xlsx and CSV by the renderers every report uses.

use super::{
    Amount, Block, Cell, Column, Document, Fact, Facts, Kind, Paragraph, Role, Row, Table,
};
use crate::config::Office;
use crate::domain::words::in_words;
use crate::domain::{Money, Period};
use crate::i18n::bank as words;
use crate::i18n::{Lang, labels};

/// The machine name of a transfer batch.
pub const KIND: &str = "lo_chuyen_khoan";

/// One line of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchLine {
    pub reference: String,
    pub record_code: String,
    pub full_name: String,
    pub id_number: Option<String>,
    pub account_no: String,
    pub account_bank: Option<String>,
    pub amount: Money,
}

/// The batch `number` of `period`, made on `day` ("YYYY-MM-DD").
pub fn build(
    lang: Lang,
    office: &Office,
    number: i64,
    period: Period,
    lines: &[BatchLine],
    day: &str,
) -> Document {
    let w = words::words(lang);
    let columns = vec![
        Column::new("ma_tham_chieu", w.col_reference, Kind::Code),
        Column::new("ma_ho_so", w.col_code, Kind::Code),
        Column::new("ho_ten", w.col_name, Kind::Text),
        Column::new("so_cccd", w.col_id, Kind::Code),
        Column::new("so_tai_khoan", w.col_account, Kind::Code),
        Column::new("ngan_hang", w.col_bank, Kind::Text),
        Column::new("so_tien", w.col_amount, Kind::Money),
    ];
    let mut t = Table::new("chuyen_khoan", columns, w.empty)
        .numbered(w.col_no)
        .flex(2);
    let mut total = Money::ZERO;
    for l in lines {
        total = total + l.amount;
        t.push(Row::new(vec![
            Cell::text(&l.reference),
            Cell::text(&l.record_code),
            Cell::text(&l.full_name),
            l.id_number.clone().map_or(Cell::Empty, Cell::Text),
            Cell::text(&l.account_no),
            l.account_bank.clone().map_or(Cell::Empty, Cell::Text),
            Cell::Money(l.amount),
        ]));
    }
    t.push(
        Row::new(vec![
            Cell::text(w.row_total),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Money(total),
        ])
        .key("tong")
        .role(Role::Total),
    );
    let month = labels::period(period);
    let m = crate::i18n::month::words(lang);
    let blocks = vec![
        Block::Facts(Facts {
            key: "lo".to_string(),
            title: None,
            items: vec![
                Fact::new("so_lo", w.name, Cell::Number(number)),
                Fact::new("so_dong", w.lines, Cell::Count(lines.len() as i64)),
                Fact::new("tong_tien", w.total_label, Cell::Money(total)),
            ],
        }),
        Block::Table(t),
        Block::Amount(Amount {
            key: "tong_cong".to_string(),
            label: w.total_label.to_string(),
            amount: total,
            words_label: w.words_label.to_string(),
            words: in_words(total.dong()),
        }),
        super::period::signatures(lang, m, office, day, w.prepared_by),
    ];
    Document {
        kind: KIND.to_string(),
        lang,
        name: format!("{} {number}", w.name),
        head: super::period::head(
            lang,
            office,
            day,
            words::title(lang, number, &month),
            vec![Paragraph::new(crate::i18n::report::paying_for(
                lang,
                &office.paying_agency,
            ))],
        ),
        blocks,
    }
}
