//! The day report (báo cáo chi trả ngày) as a [`Document`]: the one layout
//! of a [`DayReport`] that the close screen, the printout, the xlsx, the
//! CSV and `chitra report day` all draw.
//!
//! Every count and amount is a field of the report (or one of its own
//! methods), so no format can disagree with another or with
//! `domain::report::compute`. The only arithmetic here is the value of
//! each banknote line of a count (denomination × notes), shown beside the
//! count's own total.
//!
//! The blind count: a drawer's expected cash ("phải có") appears only once
//! the drawer is counted; before that its row says "chưa kiểm đếm", and
//! the office's expected cash beside the cash counted covers the counted
//! drawers only.
//!
//! Order: the heading and status, the audit seal (and, once closed, the
//! day's seal code and the previous day's), what blocks the close,
//! missing receipt numbers; I. office totals (by method, by category, the
//! cash); II. each clerk's payments, the drawers (every row adds up:
//! đầu ngày + cấp thêm − thu về − đã chi + hủy hoàn lại = phải có) and the
//! count by denomination; III. voids; IV. receipt-number gaps; V. people
//! still unpaid; VI. the day's payments; the net in figures and in words;
//! the signatures.

use super::{
    Amount, Block, Cell, Column, Document, Fact, Facts, Head, Kind, Paragraph, Role, Row, Seal,
    Signatures, Signer, Table, Tone,
};
use crate::config::Office;
use crate::domain::Money;
use crate::domain::report::DayReport;
use crate::domain::words::in_words;
use crate::i18n::report::{self as words, DayWords};
use crate::i18n::{Lang, Localize, labels};

mod clerks;
use clerks::clerks;

/// The machine name of the day report.
pub const KIND: &str = "bao_cao_ngay";

/// A closed day's own seal: the short code the supervisor signs beside,
/// and the code of the closed day before it, which it chains to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DaySeal {
    pub code: String,
    /// `None` for the first day ever closed.
    pub prev_code: Option<String>,
}

/// The day report of `office` as a document, in `lang`: once the day is
/// closed, with the day's seal code and the previous day's, as stored by
/// the close — the code the supervisor signs beside on the printout and
/// that `chitra verify --seal` checks against the paper.
pub fn build(lang: Lang, office: &Office, report: &DayReport) -> Document {
    let sealed = report.closed.as_ref().map(|c| DaySeal {
        code: c.code.clone(),
        prev_code: c.prev_code.clone(),
    });
    build_sealed(lang, office, report, sealed.as_ref())
}

/// [`build`], with the day's seal printed under the audit seal when the
/// day is closed (`day_seal` is ignored for an open day).
pub fn build_sealed(
    lang: Lang,
    office: &Office,
    report: &DayReport,
    day_seal: Option<&DaySeal>,
) -> Document {
    let w = words::day(lang);
    let mut blocks = Vec::new();
    seal(lang, &mut blocks, w, report);
    if let (Some(_), Some(d)) = (&report.closed, day_seal) {
        sealed_day(&mut blocks, w, d);
    }
    warnings(lang, &mut blocks, w, report);
    office_totals(lang, &mut blocks, w, report);
    clerks(lang, &mut blocks, w, report);
    voids(lang, &mut blocks, w, report);
    gaps(&mut blocks, w, report);
    unpaid(lang, &mut blocks, w, report);
    payments(lang, &mut blocks, w, report);
    closing(lang, &mut blocks, w, office, report);
    Document {
        kind: KIND.to_string(),
        lang,
        name: w.name.to_string(),
        head: head(lang, w, office, report),
        blocks,
    }
}

fn head(lang: Lang, w: &DayWords, office: &Office, report: &DayReport) -> Head {
    let mut lines = vec![Paragraph::new(words::paying_for(
        lang,
        &office.paying_agency,
    ))];
    lines.push(match &report.closed {
        Some(c) => Paragraph::new(words::closed_at_by(lang, &labels::date_time(&c.at), &c.by))
            .tone(Tone::Strong)
            .key("trang_thai"),
        None => Paragraph::new(words::not_closed(lang))
            .tone(Tone::Warn)
            .key("trang_thai"),
    });
    Head {
        issuer: vec![
            format!("{} {}", w.agency_prefix, office.province.to_uppercase()),
            office.name.to_uppercase(),
            format!("{} {}", w.office_code, office.code),
        ],
        national: vec![w.national.to_string(), w.motto.to_string()],
        place_date: format!(
            "{}, {}",
            office.commune,
            words::written_date(lang, &report.day)
        ),
        title: words::day_title(lang, &labels::date(&report.day)),
        date: report.day.clone(),
        lines,
    }
}

fn seal(lang: Lang, blocks: &mut Vec<Block>, w: &DayWords, report: &DayReport) {
    let (key, label, s) = match (&report.closed, &report.audit_head) {
        (Some(c), _) => ("khoa_so", words::seal_closed(lang, c.seal.seq), &c.seal),
        (None, Some(h)) => ("dau_nhat_ky", words::seal_open(lang, h.seq), h),
        (None, None) => {
            blocks.push(Block::Paragraph(Paragraph::new(w.log_empty)));
            return;
        }
    };
    blocks.push(Block::Seal(Seal {
        key: key.to_string(),
        label,
        number: Some(s.seq),
        code_label: w.code_label.to_string(),
        code: s.hash.clone(),
    }));
}

/// The day's seal code and the one before it, each a seal line.
fn sealed_day(blocks: &mut Vec<Block>, w: &DayWords, d: &DaySeal) {
    let line = |key: &str, label: &str, code: &str| {
        Block::Seal(Seal {
            key: key.to_string(),
            label: String::new(),
            number: None,
            code_label: label.to_string(),
            code: code.to_string(),
        })
    };
    blocks.push(line("ma_niem_phong", w.day_seal, &d.code));
    let prev = d.prev_code.as_deref().unwrap_or(w.no_prev_day);
    blocks.push(line("ma_ngay_truoc", w.prev_day_seal, prev));
}

/// What must not be missed, before the numbers.
fn warnings(lang: Lang, blocks: &mut Vec<Block>, w: &DayWords, report: &DayReport) {
    if !report.blockers.is_empty() {
        blocks.push(Block::Paragraph(
            Paragraph::new(w.cannot_close).tone(Tone::Warn),
        ));
        for b in &report.blockers {
            blocks.push(Block::Paragraph(
                Paragraph::new(b.localize(lang))
                    .tone(Tone::Warn)
                    .bullet()
                    .key("chan_khoa"),
            ));
        }
    }
    for g in &report.receipt_gaps {
        blocks.push(Block::Paragraph(
            Paragraph::new(words::gap_warning(lang, &g.office, g.year, g.from, g.to))
                .tone(Tone::Warn),
        ));
    }
}

fn section(blocks: &mut Vec<Block>, title: &str) {
    blocks.push(Block::Section {
        title: title.to_string(),
    });
}

fn count(n: i64) -> Cell {
    Cell::Count(n)
}

fn money(m: Money) -> Cell {
    Cell::Money(m)
}

fn text(s: &str) -> Cell {
    Cell::text(s)
}

fn method(lang: Lang, m: crate::domain::payment::PayMethod) -> Cell {
    Cell::Short {
        text: labels::method(lang, m).to_string(),
        short: words::method_short(lang, m).to_string(),
    }
}

/// The columns of a label / count / amount table.
fn tally_columns(w: &DayWords, key: &str, label: &str) -> Vec<Column> {
    vec![
        Column::new(key, label, Kind::Text),
        Column::new("so_mon", w.col_count, Kind::Count),
        Column::new("so_tien", w.col_amount, Kind::Money),
    ]
}

fn office_totals(lang: Lang, blocks: &mut Vec<Block>, w: &DayWords, report: &DayReport) {
    let tot = &report.totals;
    section(blocks, w.totals_heading);
    let mut t = Table::new("tong", tally_columns(w, "khoan", w.col_item), w.none);
    t.push(
        Row::new(vec![
            text(w.row_paid),
            count(tot.payments.count),
            money(tot.payments.amount),
        ])
        .key("chi"),
    );
    t.push(
        Row::new(vec![
            text(w.row_voided),
            count(tot.voids.count),
            money(tot.voids.amount),
        ])
        .key("huy"),
    );
    t.push(
        Row::new(vec![text(w.row_net), Cell::Empty, money(tot.net)])
            .key("thuc_chi")
            .role(Role::Total),
    );
    blocks.push(Block::Table(t));

    let mut t = Table::new(
        "hinh_thuc",
        tally_columns(w, "hinh_thuc", w.col_method),
        w.no_payments,
    )
    .title(w.by_method);
    for (m, tally) in &tot.by_method {
        t.push(Row::new(vec![
            method(lang, *m),
            count(tally.count),
            money(tally.amount),
        ]));
    }
    if !t.rows.is_empty() {
        t.push(
            Row::new(vec![text(w.row_net_total), Cell::Empty, money(tot.net)]).role(Role::Total),
        );
    }
    blocks.push(Block::Table(t));

    let mut t = Table::new(
        "dien",
        tally_columns(w, "dien_doi_tuong", w.col_category),
        w.no_payments,
    )
    .title(w.by_category);
    for (cat, tally) in &tot.by_category {
        t.push(Row::new(vec![
            text(cat),
            count(tally.count),
            money(tally.amount),
        ]));
    }
    if !t.rows.is_empty() {
        t.push(
            Row::new(vec![text(w.row_net_total), Cell::Empty, money(tot.net)]).role(Role::Total),
        );
    }
    blocks.push(Block::Table(t));

    let mut items = vec![
        Fact::new("phai_co", w.cash_expected, money(report.counted_expected())),
        Fact::new("da_dem", w.cash_counted, money(tot.cash_counted)),
        Fact::new("chenh_lech", w.cash_difference, money(report.difference())).tone(Tone::Strong),
    ];
    let uncounted = report.uncounted_drawers();
    if uncounted > 0 {
        items.push(
            Fact::new(
                "quy_chua_dem",
                w.cash_uncounted,
                count(i64::try_from(uncounted).unwrap_or(i64::MAX)),
            )
            .tone(Tone::Warn),
        );
    }
    blocks.push(Block::Facts(Facts {
        key: "tien_mat".to_string(),
        title: Some(w.cash_title.to_string()),
        items,
    }));
}

fn voids(lang: Lang, blocks: &mut Vec<Block>, w: &DayWords, report: &DayReport) {
    section(blocks, w.voids_heading);
    let columns = vec![
        Column::new("so_bien_nhan", w.col_receipt, Kind::Code),
        Column::new("ngay_chi", w.col_paid_on, Kind::Date),
        Column::new("hinh_thuc", w.col_method, Kind::Text),
        Column::new("so_tien", w.col_amount, Kind::Money),
        Column::new("nguoi_de_nghi", w.col_requested, Kind::Text),
        Column::new("nguoi_duyet", w.col_approved, Kind::Text),
        Column::new("ly_do", w.col_reason, Kind::Text),
    ];
    let mut t = Table::new("huy", columns, w.none)
        .numbered(w.col_no)
        .flex(6);
    for v in &report.voids {
        t.push(Row::new(vec![
            text(&v.receipt_no),
            Cell::Date(v.paid_on.clone()),
            method(lang, v.method),
            money(v.amount),
            text(&v.requested_by),
            text(&v.approved_by),
            text(&v.reason),
        ]));
    }
    if !t.rows.is_empty() {
        t.push(
            Row::new(vec![
                text(w.row_voids_total),
                Cell::Empty,
                Cell::Empty,
                money(report.totals.voids.amount),
            ])
            .key("tong")
            .role(Role::Total),
        );
    }
    blocks.push(Block::Table(t));
}

fn gaps(blocks: &mut Vec<Block>, w: &DayWords, report: &DayReport) {
    section(blocks, w.gaps_heading);
    let columns = vec![
        Column::new("buu_cuc", w.col_office, Kind::Code),
        Column::new("nam", w.col_year, Kind::Number),
        Column::new("tu_so", w.col_from, Kind::Number),
        Column::new("den_so", w.col_to, Kind::Number),
    ];
    let mut t = Table::new("thieu_bien_nhan", columns, w.no_gaps);
    for g in &report.receipt_gaps {
        t.push(Row::new(vec![
            text(&g.office),
            Cell::Number(i64::from(g.year)),
            Cell::Number(g.from),
            Cell::Number(g.to),
        ]));
    }
    blocks.push(Block::Table(t));
}

fn unpaid(lang: Lang, blocks: &mut Vec<Block>, w: &DayWords, report: &DayReport) {
    section(blocks, w.unpaid_heading);
    let columns = vec![
        Column::new("ky", w.col_period, Kind::Text),
        Column::new("so_nguoi", w.col_people, Kind::Count),
        Column::new("so_tien", w.col_owed, Kind::Money),
    ];
    let mut t = Table::new("chua_nhan", columns, w.nobody_unpaid);
    for u in &report.unpaid {
        t.push(Row::new(vec![
            text(&words::month(lang, &u.period.short_label())),
            count(u.people),
            money(u.amount),
        ]));
    }
    blocks.push(Block::Table(t));
}

fn payments(lang: Lang, blocks: &mut Vec<Block>, w: &DayWords, report: &DayReport) {
    section(blocks, w.payments_heading);
    let columns = vec![
        Column::new("so_bien_nhan", w.col_receipt, Kind::Code),
        Column::new("thoi_gian", w.col_time, Kind::Time),
        Column::new("nguoi_huong", w.col_person, Kind::Text),
        Column::new("hinh_thuc", w.col_method, Kind::Text),
        Column::new("so_tien", w.col_amount, Kind::Money),
        Column::new("giao_dich_vien", w.col_clerk, Kind::Text),
        Column::new("ghi_chu", w.col_note, Kind::Text),
    ];
    let mut t = Table::new("chi", columns, w.no_payments)
        .numbered(w.col_no)
        .flex(2);
    for p in &report.payments {
        t.push(
            Row::new(vec![
                text(&p.receipt_no),
                Cell::Time(p.paid_at.clone()),
                text(&p.person),
                method(lang, p.method),
                money(p.amount),
                text(&p.clerk),
                if p.voided {
                    text(w.voided_mark)
                } else {
                    Cell::Empty
                },
            ])
            .struck(p.voided),
        );
    }
    if !t.rows.is_empty() {
        t.push(
            Row::new(vec![
                text(w.row_payments_total),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                money(report.totals.payments.amount),
            ])
            .key("tong")
            .role(Role::Total),
        );
    }
    blocks.push(Block::Table(t));
}

fn closing(lang: Lang, blocks: &mut Vec<Block>, w: &DayWords, office: &Office, report: &DayReport) {
    blocks.push(Block::Amount(Amount {
        key: "thuc_chi".to_string(),
        label: w.net_label.to_string(),
        amount: report.totals.net,
        words_label: w.words_label.to_string(),
        words: in_words(report.totals.net.dong()),
    }));
    let signer = |role: &str| Signer {
        role: role.to_string(),
        hint: w.sign_hint.to_string(),
        name: None,
    };
    blocks.push(Block::Signatures(Signatures {
        date_line: Some(format!(
            "{}, {}",
            office.commune,
            words::written_date(lang, &report.day)
        )),
        signers: vec![
            signer(w.prepared_by),
            signer(w.checked_by),
            signer(w.head_of_office),
        ],
    }));
}
