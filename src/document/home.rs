//! The route sheet of a home round (danh sách chi trả tại nhà) as a
//! [`Document`]: the people paid at home, hamlet by hamlet, with their
//! address, the amount still owed in the period and room for the
//! receiver's signature; a subtotal per hamlet, the total in figures and
//! in words, and the places for the postman and the head of office to
//! sign. Drawn at 80 columns, in xlsx and in CSV by the shared renderers.

use super::{Amount, Block, Cell, Column, Document, Kind, Paragraph, Role, Row, Table};
use crate::config::Office;
use crate::domain::words::in_words;
use crate::domain::{Money, Period};
use crate::i18n::home as words;
use crate::i18n::{Lang, labels};

/// The machine name of a route sheet.
pub const KIND: &str = "danh_sach_chi_tai_nha";

const SIGN_ROOM: usize = 12;

/// One stop of the round.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Stop {
    pub hamlet: String,
    pub record_code: String,
    pub full_name: String,
    pub id_number: Option<String>,
    pub address: Option<String>,
    pub amount: Money,
    /// The home round on which the family reported the person deceased,
    /// if nobody has paid them since: the sheet carries no cash for them.
    pub death_reported: Option<i64>,
}

/// The route sheet of `period`, stops already in hamlet order, made on
/// `day` ("YYYY-MM-DD"); `scope` says which hamlet(s) it covers.
pub fn build(
    lang: Lang,
    office: &Office,
    period: Period,
    stops: &[Stop],
    scope: &str,
    day: &str,
) -> Document {
    let w = words::words(lang);
    let (held, stops): (Vec<&Stop>, Vec<&Stop>) =
        stops.iter().partition(|s| s.death_reported.is_some());
    let columns = vec![
        Column::new("thon", w.col_hamlet, Kind::Text),
        Column::new("ma_ho_so", w.col_code, Kind::Code),
        Column::new("ho_ten", w.col_name, Kind::Text),
        Column::new("so_cccd", w.col_id, Kind::Code),
        Column::new("dia_chi", w.col_address, Kind::Text),
        Column::new("so_tien", w.col_amount, Kind::Money),
        Column::write_in("ky_nhan", w.col_signature, SIGN_ROOM),
    ];
    let mut t = Table::new("chi_tai_nha", columns, w.empty)
        .numbered(w.col_no)
        .group_by(&[0])
        .flex(2);
    let mut total = Money::ZERO;
    let mut i = 0;
    while i < stops.len() {
        let hamlet = &stops[i].hamlet;
        let mut subtotal = Money::ZERO;
        while i < stops.len() && &stops[i].hamlet == hamlet {
            let s = &stops[i];
            subtotal = subtotal + s.amount;
            t.push(Row::new(vec![
                Cell::text(hamlet),
                Cell::text(&s.record_code),
                Cell::text(&s.full_name),
                s.id_number.clone().map_or(Cell::Empty, Cell::Text),
                s.address.clone().map_or(Cell::Empty, Cell::Text),
                Cell::Money(s.amount),
                Cell::Empty,
            ]));
            i += 1;
        }
        t.push(
            Row::new(vec![
                Cell::text(hamlet),
                Cell::Empty,
                Cell::text(crate::i18n::month::hamlet_total(lang, hamlet)),
                Cell::Empty,
                Cell::Empty,
                Cell::Money(subtotal),
                Cell::Empty,
            ])
            .key("cong_thon")
            .role(Role::Subtotal),
        );
        total = total + subtotal;
    }
    if !stops.is_empty() {
        t.push(
            Row::new(vec![
                Cell::Empty,
                Cell::Empty,
                Cell::text(w.row_total),
                Cell::Empty,
                Cell::Empty,
                Cell::Money(total),
                Cell::Empty,
            ])
            .key("tong")
            .role(Role::Total),
        );
    }
    let m = crate::i18n::month::words(lang);
    Document {
        kind: KIND.to_string(),
        lang,
        name: w.name.to_string(),
        head: super::period::head(
            lang,
            office,
            day,
            words::title(lang, &labels::period(period)),
            vec![
                Paragraph::new(crate::i18n::report::paying_for(lang, &office.paying_agency)),
                Paragraph::new(scope).key("pham_vi"),
            ],
        ),
        blocks: [
            Block::Table(t),
            Block::Amount(Amount {
                key: "tong_cong".to_string(),
                label: w.total_label.to_string(),
                amount: total,
                words_label: m.words_label.to_string(),
                words: in_words(total.dong()),
            }),
        ]
        .into_iter()
        .chain(held_back(lang, &held))
        .chain([super::period::signatures(lang, m, office, day, w.postman)])
        .collect(),
    }
}

/// The people left off the sheet, the family having reported them
/// deceased on a round: a heading that says what to do, then one line
/// each.
fn held_back(lang: Lang, held: &[&Stop]) -> Vec<Block> {
    if held.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Block::Paragraph(
        Paragraph::new(words::held_back_heading(lang, held.len())).tone(super::Tone::Strong),
    )];
    out.extend(held.iter().filter_map(|s| {
        let round = s.death_reported?;
        Some(Block::Paragraph(
            Paragraph::new(words::held_back_one(
                lang,
                &s.record_code,
                &s.full_name,
                round,
            ))
            .bullet()
            .key("khong_dua_vao"),
        ))
    }));
    out
}
