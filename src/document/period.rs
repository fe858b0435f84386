//! A period's results (kết quả chi trả tháng) as a [`Document`]: what the
//! post office sends back to the social-affairs office once the month is
//! closed, and the same report while the month is still open (the preview
//! of the close, `chitra report period`).
//!
//! Every amount is a field of the [`PeriodReport`] or of one of its
//! people, so no format can disagree with another or with the close's own
//! check (imported = paid + unpaid + stopped), which is printed with it.
//!
//! Order: the heading and status; what blocks the close (people unpaid
//! without a reason); I. totals and their check; II. everyone paid, in full
//! or in part (method, last day, every receipt with its reference), whose
//! amounts add up to the total paid; III. the people not paid (reason,
//! what becomes of the money: carried to the next month or proposed for
//! suspension) with the rule that decides it; IV. the people whose payment
//! stopped; V. the seal of each closed day of the period; the total paid
//! in figures and in words; the signatures.

use super::{
    Amount, Block, Cell, Column, Document, Fact, Facts, Head, Kind, Paragraph, Role, Row,
    Signatures, Signer, Table, Tone,
};
use crate::config::Office;
use crate::domain::Money;
use crate::domain::payment::PayMethod;
use crate::domain::period_report::{PeriodReport, PersonOutcome, Settled};
use crate::domain::person::Status;
use crate::domain::words::in_words;
use crate::i18n::month::{self as words, MonthWords};
use crate::i18n::month_screens;
use crate::i18n::report as day_words;
use crate::i18n::{Lang, labels};

/// The machine name of a period's results.
pub const KIND: &str = "ket_qua_ky";

/// The results of `report`, made on `day` ("YYYY-MM-DD": the day of the
/// close for a closed period, else today).
pub fn build(lang: Lang, office: &Office, report: &PeriodReport, day: &str) -> Document {
    let w = words::words(lang);
    let mut blocks = Vec::new();
    let missing = report.missing_reasons().count();
    if missing > 0 && report.closed_at.is_none() {
        blocks.push(Block::Paragraph(
            Paragraph::new(words::reasons_missing(lang, missing))
                .tone(Tone::Warn)
                .key("thieu_ly_do"),
        ));
    }
    let waiting = report
        .people
        .iter()
        .filter(|p| {
            p.settled == Settled::Unpaid
                && matches!(
                    p.transfer,
                    Some(crate::domain::period_report::Transfer::Sent { .. })
                )
        })
        .count();
    if waiting > 0 && report.closed_at.is_none() {
        blocks.push(Block::Paragraph(
            Paragraph::new(month_screens::bank_waiting(lang, waiting))
                .tone(Tone::Warn)
                .key("cho_ngan_hang"),
        ));
    }
    totals(&mut blocks, w, report);
    paid(lang, &mut blocks, w, report);
    unpaid(lang, &mut blocks, w, report);
    stopped(lang, &mut blocks, w, report);
    decreased(lang, &mut blocks, w, report);
    if !report.overpaid.is_empty() {
        section(&mut blocks, crate::i18n::changes::overpaid_title(lang));
        for o in &report.overpaid {
            blocks.push(Block::Paragraph(
                Paragraph::new(crate::i18n::changes::overpaid_line(lang, o))
                    .tone(Tone::Warn)
                    .key("chi_thua"),
            ));
        }
    }
    seals(&mut blocks, w, report);
    blocks.push(Block::Amount(Amount {
        key: "da_chi".to_string(),
        label: w.paid_label.to_string(),
        amount: report.paid,
        words_label: w.words_label.to_string(),
        words: in_words(report.paid.dong()),
    }));
    blocks.push(signatures(lang, w, office, day, w.prepared_by));
    Document {
        kind: KIND.to_string(),
        lang,
        name: w.results_name.to_string(),
        head: head(
            lang,
            office,
            day,
            words::results_title(lang, &labels::period(report.period)),
            {
                vec![
                    Paragraph::new(day_words::paying_for(lang, &office.paying_agency)),
                    match &report.closed_at {
                        Some(at) => Paragraph::new(words::closed_at(lang, &labels::date_time(at)))
                            .tone(Tone::Strong)
                            .key("trang_thai"),
                        None => Paragraph::new(words::not_closed(lang))
                            .tone(Tone::Warn)
                            .key("trang_thai"),
                    },
                ]
            },
        ),
        blocks,
    }
}

/// The official heading shared by the month's documents.
pub(super) fn head(
    lang: Lang,
    office: &Office,
    day: &str,
    title: String,
    lines: Vec<Paragraph>,
) -> Head {
    let d = day_words::day(lang);
    Head {
        issuer: vec![
            format!("{} {}", d.agency_prefix, office.province.to_uppercase()),
            office.name.to_uppercase(),
            format!("{} {}", d.office_code, office.code),
        ],
        national: vec![d.national.to_string(), d.motto.to_string()],
        place_date: format!("{}, {}", office.commune, day_words::written_date(lang, day)),
        title,
        date: day.to_string(),
        lines,
    }
}

/// The preparer's and the head of office's places to sign.
pub(super) fn signatures(
    lang: Lang,
    w: &MonthWords,
    office: &Office,
    day: &str,
    preparer: &str,
) -> Block {
    let signer = |role: &str| Signer {
        role: role.to_string(),
        hint: w.sign_hint.to_string(),
        name: None,
    };
    Block::Signatures(Signatures {
        date_line: Some(format!(
            "{}, {}",
            office.commune,
            day_words::written_date(lang, day)
        )),
        signers: vec![signer(preparer), signer(w.head_of_office)],
    })
}

fn section(blocks: &mut Vec<Block>, title: &str) {
    blocks.push(Block::Section {
        title: title.to_string(),
    });
}

fn opt(s: Option<&str>) -> Cell {
    match s {
        Some(s) if !s.trim().is_empty() => Cell::text(s),
        _ => Cell::Empty,
    }
}

fn count(n: usize) -> Cell {
    Cell::Count(i64::try_from(n).unwrap_or(i64::MAX))
}

fn totals(blocks: &mut Vec<Block>, w: &MonthWords, r: &PeriodReport) {
    section(blocks, w.totals_heading);
    let items = vec![
        Fact::new("so_nguoi", w.people, count(r.people.len())),
        Fact::new("theo_danh_sach", w.imported, Cell::Money(r.imported)).tone(Tone::Strong),
        Fact::new("da_chi", w.paid, Cell::Money(r.paid)),
        Fact::new("chua_nhan", w.unpaid, Cell::Money(r.unpaid)),
        Fact::new("dung_chi", w.stopped, Cell::Money(r.stopped)),
        if r.balanced() {
            Fact::new("doi_chieu", w.check, Cell::text(w.check_ok))
        } else {
            Fact::new("doi_chieu", w.check, Cell::text(w.check_bad)).tone(Tone::Warn)
        },
    ];
    blocks.push(Block::Facts(Facts {
        key: "tong_hop".to_string(),
        title: None,
        items,
    }));
}

/// The columns every list of people starts with.
fn person_columns(w: &MonthWords) -> Vec<Column> {
    vec![
        Column::new("ma_ho_so", w.col_code, Kind::Code),
        Column::new("ho_ten", w.col_name, Kind::Text),
        Column::new("so_cccd", w.col_id, Kind::Code),
        Column::new("so_tien", w.col_amount, Kind::Money),
    ]
}

fn person_cells(p: &PersonOutcome, amount: Money) -> Vec<Cell> {
    vec![
        Cell::text(&p.code),
        Cell::text(&p.full_name),
        opt(p.id_number.as_deref()),
        Cell::Money(amount),
    ]
}

/// A total row: the label, then the amount under the amount column.
fn total_row(label: &str, amount: Money, columns: usize) -> Row {
    let mut cells = vec![
        Cell::text(label),
        Cell::Empty,
        Cell::Empty,
        Cell::Money(amount),
    ];
    cells.resize(columns, Cell::Empty);
    Row::new(cells).key("tong").role(Role::Total)
}

fn paid(lang: Lang, blocks: &mut Vec<Block>, w: &MonthWords, r: &PeriodReport) {
    section(blocks, w.paid_heading);
    let mut columns = person_columns(w);
    columns.extend([
        Column::new("hinh_thuc", w.col_method, Kind::Text),
        Column::new("ngay_chi", w.col_paid_on, Kind::Date),
        // Receipts and references, several for someone paid more than
        // once: wrapped between them.
        Column::new("bien_nhan", w.col_reference, Kind::Text),
    ]);
    let n = columns.len();
    let mut t = Table::new("da_chi", columns, w.nobody_paid)
        .numbered(w.col_no)
        .flex(1);
    // Everyone something was paid to, in part or in full: the rows add up
    // to the total paid, and each receipt of the period is on its row.
    for p in r.paid_people() {
        let mut cells = person_cells(p, p.paid.min(p.imported));
        let mut methods: Vec<PayMethod> = p
            .payments
            .iter()
            .filter_map(|x| PayMethod::from_code(&x.method))
            .collect();
        methods.dedup();
        cells.push(match methods.as_slice() {
            [] => Cell::Empty,
            [m] => Cell::Short {
                text: labels::method(lang, *m).to_string(),
                short: day_words::method_short(lang, *m).to_string(),
            },
            many => Cell::text(
                many.iter()
                    .map(|m| day_words::method_short(lang, *m))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        });
        cells.push(
            p.payments
                .iter()
                .map(|x| x.day.clone())
                .max()
                .map_or(Cell::Empty, Cell::Date),
        );
        let references: Vec<String> = p
            .payments
            .iter()
            .map(|x| match &x.reference {
                Some(rf) => format!("{} / {rf}", x.receipt_no),
                None => x.receipt_no.clone(),
            })
            .collect();
        cells.push(if references.is_empty() {
            Cell::Empty
        } else {
            Cell::text(references.join(", "))
        });
        t.push(Row::new(cells));
    }
    if !t.rows.is_empty() {
        t.push(total_row(w.row_paid_total, r.paid, n));
    }
    blocks.push(Block::Table(t));
}

fn unpaid(lang: Lang, blocks: &mut Vec<Block>, w: &MonthWords, r: &PeriodReport) {
    section(blocks, w.unpaid_heading);
    blocks.push(Block::Paragraph(
        Paragraph::new(words::fate_rule(lang, r.suspend_after)).key("huong_xu_ly"),
    ));
    let mut columns = person_columns(w);
    columns.extend([
        Column::new("ly_do", w.col_reason, Kind::Text),
        Column::new("so_thang", w.col_months, Kind::Count),
        Column::new("huong_xu_ly", w.col_fate, Kind::Text),
    ]);
    let n = columns.len();
    let mut t = Table::new("chua_nhan", columns, w.nobody_unpaid)
        .numbered(w.col_no)
        .flex(1);
    for p in r.with(Settled::Unpaid) {
        let mut cells = person_cells(p, p.left());
        let reason = match (p.reason, p.reason_note.as_deref()) {
            (Some(reason), Some(note)) => format!("{}: {note}", words::reason(lang, reason)),
            (Some(reason), None) => words::reason(lang, reason).to_string(),
            (None, _) => match &p.transfer {
                Some(crate::domain::period_report::Transfer::Sent { batch }) => {
                    crate::i18n::bank::sent_mark(lang, *batch)
                }
                Some(crate::domain::period_report::Transfer::Failed { batch, reason }) => {
                    crate::i18n::bank::failed_mark(lang, *batch, reason)
                }
                None => w.reason_missing.to_string(),
            },
        };
        cells.push(Cell::text(reason));
        cells.push(Cell::Count(p.unpaid_months));
        cells.push(
            r.fate(p)
                .map_or(Cell::Empty, |f| Cell::text(words::fate(lang, f))),
        );
        t.push(Row::new(cells));
    }
    // A deceased person's heir not paid yet: owed, carried to the next
    // list, never "stopped".
    for p in r.owed_to_heirs() {
        let mut cells = person_cells(p, p.left_for_heir());
        cells.push(Cell::text(words::heir_not_paid(lang)));
        cells.push(Cell::Count(p.unpaid_months));
        cells.push(Cell::text(words::fate(
            lang,
            crate::domain::period_report::Fate::Carried,
        )));
        t.push(Row::new(cells));
    }
    if !t.rows.is_empty() {
        t.push(total_row(w.row_unpaid_total, r.unpaid, n));
    }
    blocks.push(Block::Table(t));
}

fn stopped(lang: Lang, blocks: &mut Vec<Block>, w: &MonthWords, r: &PeriodReport) {
    section(blocks, w.stopped_heading);
    let mut columns = person_columns(w);
    columns.push(Column::new("tinh_trang", w.col_status, Kind::Text));
    let n = columns.len();
    let mut t = Table::new("dung_chi", columns, w.nobody_stopped)
        .numbered(w.col_no)
        .flex(1);
    for p in r
        .with(Settled::Stopped)
        .filter(|p| p.left_stopped() > Money::ZERO)
    {
        let mut cells = person_cells(p, p.left_stopped());
        cells.push(match Status::from_code(&p.status) {
            Some(s) => Cell::text(labels::status(lang, s)),
            None if p.status == "stopped" => Cell::text(month_screens::stopped_status(lang)),
            None => Cell::text(&p.status),
        });
        t.push(Row::new(cells));
    }
    if !t.rows.is_empty() {
        t.push(total_row(w.row_stopped_total, r.stopped, n));
    }
    blocks.push(Block::Table(t));
}

/// The people a decrease list stopped: who, why, from which month, and
/// what was paid after the stop, to recover.
fn decreased(lang: Lang, blocks: &mut Vec<Block>, w: &MonthWords, r: &PeriodReport) {
    section(blocks, month_screens::decrease_heading(lang));
    let columns = vec![
        Column::new("ma_ho_so", w.col_code, Kind::Code),
        Column::new("ho_ten", w.col_name, Kind::Text),
        Column::new("so_cccd", w.col_id, Kind::Code),
        Column::new("thu_hoi", month_screens::col_to_recover(lang), Kind::Money),
        Column::new(
            "ly_do_giam",
            month_screens::col_stop_reason(lang),
            Kind::Text,
        ),
        Column::new("tu_thang", month_screens::col_from_month(lang), Kind::Text),
    ];
    let n = columns.len();
    let mut t = Table::new("giam", columns, month_screens::nobody_decreased(lang))
        .numbered(w.col_no)
        .flex(1);
    for s in &r.stops {
        t.push(Row::new(vec![
            Cell::text(&s.code),
            Cell::text(&s.full_name),
            opt(s.id_number.as_deref()),
            Cell::Money(s.overpaid),
            Cell::text(month_screens::stop_reason(
                lang,
                &s.reason,
                s.reason_text.as_deref(),
            )),
            Cell::text(s.from.short_label()),
        ]));
    }
    if !t.rows.is_empty() {
        let recover: Money = r.stops.iter().map(|s| s.overpaid).sum();
        t.push(total_row(
            month_screens::row_recover_total(lang),
            recover,
            n,
        ));
    }
    blocks.push(Block::Table(t));
}

fn seals(blocks: &mut Vec<Block>, w: &MonthWords, r: &PeriodReport) {
    section(blocks, w.seals_heading);
    let columns = vec![
        Column::new("ngay", w.col_day, Kind::Date),
        Column::new("ma_niem_phong", w.col_seal, Kind::Code),
    ];
    let mut t = Table::new("niem_phong", columns, w.no_seals).flex(1);
    for (day, code) in &r.seals {
        t.push(Row::new(vec![Cell::Date(day.clone()), Cell::text(code)]));
    }
    blocks.push(Block::Table(t));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::period_report::UnpaidReason;

    fn office() -> Office {
        crate::config::Config::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/config/chitra.toml"
        )))
        .unwrap()
        .office
    }

    fn person(code: &str, imported: i64, paid: i64, status: &str) -> PersonOutcome {
        let mut p = PersonOutcome {
            person_id: 1,
            code: code.into(),
            full_name: "Nguyễn Văn An".into(),
            id_number: Some("046048001234".into()),
            hamlet: Some("Thôn Đông".into()),
            status: status.into(),
            imported: Money::from_dong(imported),
            paid: Money::from_dong(paid),
            settled: Settled::Unpaid,
            unpaid_months: 1,
            reason: None,
            reason_note: None,
            transfer: None,
            payments: if paid > 0 {
                vec![crate::domain::period_report::PaidPart {
                    receipt_no: "BC01-2026-000001".into(),
                    method: "cash".into(),
                    reference: None,
                    day: "2026-11-10".into(),
                    amount: Money::from_dong(paid),
                }]
            } else {
                Vec::new()
            },
            heir_owed: Money::ZERO,
        };
        p.settled = p.settle();
        p
    }

    #[test]
    fn the_results_list_everyone_paid_with_each_receipt_and_totals_that_add_up() {
        let lang = Lang::Vi;
        let mut unpaid = person("HD-2", 4_183_500, 0, "active");
        unpaid.reason = Some(UnpaidReason::Hospital);
        // Paid in two transfers, one line of two; the other is unpaid.
        let mut part = person("HD-4", 5_000_000, 3_000_000, "active");
        part.reason = Some(UnpaidReason::Away);
        part.payments = ["CK0001-0008", "CK0001-0009"]
            .iter()
            .enumerate()
            .map(|(i, rf)| crate::domain::period_report::PaidPart {
                receipt_no: format!("BC01-2026-00001{i}"),
                method: "bank".into(),
                reference: Some(rf.to_string()),
                day: format!("2026-11-1{i}"),
                amount: Money::from_dong(1_500_000),
            })
            .collect();
        let r = PeriodReport::new(
            "2026-11".parse().unwrap(),
            Some("2026-11-26T08:00:00+07:00".into()),
            vec![
                person("HD-1", 2_789_000, 2_789_000, "active"),
                unpaid,
                person("HD-3", 3_120_000, 0, "deceased"),
                part,
            ],
            3,
            vec![("2026-11-10".into(), "ABCD-1234".into())],
        );
        let doc = build(lang, &office(), &r, "2026-11-26");
        let data = |key: &str| {
            doc.table(key)
                .unwrap()
                .rows
                .iter()
                .filter(|r| r.role == Role::Data)
                .count()
        };
        // The one paid in part is on both lists, with each of its part.
        assert_eq!(
            (data("da_chi"), data("chua_nhan"), data("dung_chi")),
            (2, 2, 1)
        );
        let paid_rows = &doc.table("da_chi").unwrap().rows;
        let sum: Money = paid_rows
            .iter()
            .filter(|r| r.role == Role::Data)
            .map(|r| match r.cells[3] {
                Cell::Money(m) => m,
                _ => Money::ZERO,
            })
            .sum();
        assert_eq!(sum, r.paid);
        assert_eq!(
            paid_rows[1].cells[6],
            Cell::text("BC01-2026-000010 / CK0001-0008, BC01-2026-000011 / CK0001-0009")
        );
        let unpaid = &doc.table("chua_nhan").unwrap().rows[0];
        assert_eq!(
            unpaid.cells[4],
            Cell::text(words::reason(lang, UnpaidReason::Hospital))
        );
        let total = |key: &str| doc.table(key).unwrap().rows.last().unwrap().cells[3].clone();
        assert_eq!(total("da_chi"), Cell::Money(Money::from_dong(5_789_000)));
        assert_eq!(total("chua_nhan"), Cell::Money(Money::from_dong(6_183_500)));
        assert_eq!(total("dung_chi"), Cell::Money(Money::from_dong(3_120_000)));
        assert_eq!(doc.table("niem_phong").unwrap().rows.len(), 1);
        let text = crate::print::document::render_text(&doc);
        assert!(
            text.lines().all(|l| crate::text::layout::width(l) <= 80),
            "{text}"
        );
        assert!(text.contains("ABCD-1234"), "{text}");
    }
}
