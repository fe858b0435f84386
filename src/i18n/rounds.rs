//! The wording of home rounds: refusals, states, outcomes, the lines the
//! command line prints and the labels of the rounds screens.

use super::{Lang, Localize};
use crate::domain::Money;
use crate::domain::round::{RoundState, StopResult};
use crate::service::rounds::RoundError;

pub use super::round_screen::{ScreenWords, screen_words};

fn vi(lang: Lang) -> bool {
    lang == Lang::Vi
}

/// People named in a message ("HD-001 Nguyễn Văn An, …"), made safe for
/// the terminal.
fn shown_list(people: &[String]) -> String {
    people
        .iter()
        .map(|p| crate::text::for_display(p).into_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "1, 3".
fn join_numbers(numbers: &[i64]) -> String {
    numbers
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn rule_in_round_vi() -> &'static str {
    "khoản này đang trong chuyến chi tại nhà của bưu tá; chờ bưu tá nộp tiền về rồi chi tại quầy"
}

pub fn rule_in_round_en() -> &'static str {
    "this line is out with the postman on a home round; wait until the round's cash is returned"
}

pub fn rule_on_round_vi() -> &'static str {
    "khoản này nằm trong một chuyến chi tại nhà chưa nộp tiền về: không đưa vào lô chuyển khoản; \
     chờ chuyến đó nộp tiền về rồi lập lô"
}

pub fn rule_on_round_en() -> &'static str {
    "this line is on a home round not yet returned: it does not go into a transfer batch; \
     wait until the round's cash is returned, then make the batch"
}

pub fn rule_state_vi() -> &'static str {
    "chuyến chi tại nhà không ở bước này (xem chitra home round show)"
}

pub fn rule_state_en() -> &'static str {
    "the home round is not at this step (see chitra home round show)"
}

/// The note on the drawer movement that carries a round's cash.
pub fn move_note(lang: Lang, round: i64) -> String {
    if vi(lang) {
        format!("Chuyến chi tại nhà số {round}")
    } else {
        format!("Home round no. {round}")
    }
}

pub fn state(lang: Lang, s: RoundState) -> &'static str {
    match (s, vi(lang)) {
        (RoundState::Open, true) => "chưa cấp tiền",
        (RoundState::Issued, true) => "đang đi chi",
        (RoundState::Returned, true) => "đã nộp tiền về",
        (RoundState::Reconciled, true) => "đã đối chiếu",
        (RoundState::Open, false) => "not issued",
        (RoundState::Issued, false) => "out",
        (RoundState::Returned, false) => "cash returned",
        (RoundState::Reconciled, false) => "reconciled",
    }
}

pub fn result(lang: Lang, r: StopResult) -> &'static str {
    match (r, vi(lang)) {
        (StopResult::Paid, true) => "đã chi",
        (StopResult::NotHome, true) => "vắng nhà",
        (StopResult::Refused, true) => "từ chối nhận",
        (StopResult::Deceased, true) => "báo đã mất",
        (StopResult::Paid, false) => "paid",
        (StopResult::NotHome, false) => "not at home",
        (StopResult::Refused, false) => "refused",
        (StopResult::Deceased, false) => "reported deceased",
    }
}

/// "chưa ghi" / "not recorded".
pub fn no_result(lang: Lang) -> &'static str {
    if vi(lang) {
        "chưa ghi"
    } else {
        "not recorded"
    }
}

/// A stop paid outside the round.
/// Short enough for the round's row at 80 columns with the receipt whole.
pub fn paid_elsewhere(lang: Lang, receipt: &str) -> String {
    if vi(lang) {
        format!("tại quầy {receipt}")
    } else {
        format!("at counter {receipt}")
    }
}

/// The scope line of a round's sheet.
pub fn sheet_scope(lang: Lang, round: i64, hamlet: &str, postman: &str) -> String {
    if vi(lang) {
        format!("Chuyến số {round} — {hamlet} — bưu tá {postman}")
    } else {
        format!("Round no. {round} — {hamlet} — postman {postman}")
    }
}

/// The heading of a round, for the command line and the screens.
pub fn heading(
    lang: Lang,
    round: i64,
    hamlet: &str,
    month: &str,
    postman: &str,
    s: RoundState,
) -> String {
    if vi(lang) {
        format!(
            "Chuyến chi tại nhà số {round} — {hamlet} — {month} — bưu tá {postman} — {}",
            state(lang, s)
        )
    } else {
        format!(
            "Home round no. {round} — {hamlet} — {month} — postman {postman} — {}",
            state(lang, s)
        )
    }
}

/// issued − paid − returned = difference, in words a clerk reads.
pub fn cash_line(lang: Lang, issued: Money, paid: Money, returned: Money) -> String {
    let d = issued - paid - returned;
    if vi(lang) {
        format!("Cấp {issued} − chi {paid} − nộp về {returned} = chênh lệch {d}")
    } else {
        format!("Issued {issued} − paid {paid} − returned {returned} = difference {d}")
    }
}

/// While the round is out: what was issued, paid, and is to come back.
pub fn out_line(lang: Lang, issued: Money, paid: Money) -> String {
    let back = issued - paid;
    if vi(lang) {
        format!("Cấp {issued} − chi {paid}: bưu tá phải nộp về {back}")
    } else {
        format!("Issued {issued} − paid {paid}: the postman brings back {back}")
    }
}

/// Before the cash goes out: what the round will carry.
pub fn to_carry_line(lang: Lang, amount: Money) -> String {
    if vi(lang) {
        format!("Chưa cấp tiền; chuyến cần {amount}.")
    } else {
        format!("Cash not issued; the round needs {amount}.")
    }
}

/// The heading of a round on the screen (shorter than [`heading`]).
pub fn screen_heading(
    lang: Lang,
    round: i64,
    hamlet: &str,
    month: &str,
    postman: &str,
    s: RoundState,
) -> String {
    if vi(lang) {
        format!(
            "Chuyến {round} · {hamlet} · {month} · {postman} · {}",
            state(lang, s)
        )
    } else {
        format!(
            "Round {round} · {hamlet} · {month} · {postman} · {}",
            state(lang, s)
        )
    }
}

/// The line under a reconciled round.
pub fn reconciled(lang: Lang, difference: Money, reason: Option<&str>) -> String {
    match (vi(lang), reason) {
        (true, Some(r)) => format!("Đã đối chiếu, chênh lệch {difference}: {r}"),
        (true, None) => "Đã đối chiếu, không chênh lệch.".into(),
        (false, Some(r)) => format!("Reconciled, difference {difference}: {r}"),
        (false, None) => "Reconciled, no difference.".into(),
    }
}

/// Where a message is read: its way on names the screens' keys there, the
/// command's words on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    OnScreen,
    OnCommandLine,
}

/// The supervisor's reminder for stops reported deceased. On the screens
/// it is the line under the chosen stop, which names the person already:
/// short enough for 80 columns, the key whole.
pub fn deceased_hint(lang: Lang, code: &str, name: &str, said: Said) -> String {
    match (vi(lang), said) {
        (true, Said::OnScreen) => {
            "Báo đã mất: trưởng bưu cục xác minh rồi dừng chi (mở hồ sơ ở quầy, F7).".into()
        }
        (true, Said::OnCommandLine) => format!(
            "Gia đình báo {name} ({code}) đã mất: trưởng bưu cục xác minh rồi dừng chi bằng lệnh chitra status (còn sống thì: chitra status {code} alive --reason …)."
        ),
        (false, Said::OnScreen) => {
            "Reported deceased: verify, then stop payment (the file at the counter, F7).".into()
        }
        (false, Said::OnCommandLine) => format!(
            "The family reported {name} ({code}) deceased: verify, then stop payment with chitra status (alive: chitra status {code} alive --reason …)."
        ),
    }
}

/// What is said once a round is made, and how to go on.
/// What making a round says: its number, people and cash; the people it
/// held back, named first (a family's report of a death is checked before
/// cash goes to the door); then the next step.
pub fn created(
    lang: Lang,
    round: i64,
    stops: usize,
    total: Money,
    held: &[crate::document::home::Stop],
    said: Said,
) -> String {
    let todo = match (vi(lang), said) {
        (true, Said::OnScreen) => "Enter mở chuyến: F3 in bảng kê, F4 cấp tiền.".to_string(),
        (true, Said::OnCommandLine) => format!(
            "In bảng kê: chitra home sheet --round {round}; cấp tiền: chitra home round issue {round}."
        ),
        (false, Said::OnScreen) => {
            "Enter opens it: F3 prints its sheet, F4 issues its cash.".to_string()
        }
        (false, Said::OnCommandLine) => format!(
            "Print its sheet: chitra home sheet --round {round}; issue its cash: chitra home round issue {round}."
        ),
    };
    let who: Vec<String> = held
        .iter()
        .filter_map(|s| {
            Some(super::home::held_back_one(
                lang,
                &s.record_code,
                &s.full_name,
                s.death_reported?,
            ))
        })
        .collect();
    let held = match (who.is_empty(), vi(lang)) {
        (true, _) => String::new(),
        (false, true) => format!(
            "Không đưa vào vì gia đình đã báo mất, chưa xác minh: {}. ",
            who.join("; ")
        ),
        (false, false) => format!(
            "Left out, their family having reported them deceased, not yet checked: {}. ",
            who.join("; ")
        ),
    };
    if vi(lang) {
        format!("Đã lập chuyến chi tại nhà số {round}: {stops} người, {total}. {held}{todo}")
    } else {
        format!("Home round no. {round} made: {stops} people, {total}. {held}{todo}")
    }
}

pub fn issued(lang: Lang, round: i64, amount: Money, postman: &str) -> String {
    if vi(lang) {
        format!(
            "Đã cấp {amount} vào quỹ của bưu tá {postman} cho chuyến số {round}. Các khoản của chuyến bị khóa tại quầy đến khi nộp tiền về."
        )
    } else {
        format!(
            "Issued {amount} into {postman}'s drawer for round no. {round}. Its lines are locked at the counter until the cash is returned."
        )
    }
}

pub fn recorded(
    lang: Lang,
    code: &str,
    name: &str,
    r: StopResult,
    receipt: Option<&str>,
) -> String {
    match (vi(lang), receipt) {
        (true, Some(n)) => format!("{code} {name}: {} — biên nhận {n}.", result(lang, r)),
        (true, None) => format!("{code} {name}: {}.", result(lang, r)),
        (false, Some(n)) => format!("{code} {name}: {} — receipt {n}.", result(lang, r)),
        (false, None) => format!("{code} {name}: {}.", result(lang, r)),
    }
}

impl Localize for RoundError {
    fn vi(&self) -> String {
        match self {
            RoundError::NoSuchRound(n) => format!(
                "Không có chuyến chi tại nhà số {n}. Xem danh sách: chitra home round list."
            ),
            RoundError::NobodyAtHome { hamlet } => format!(
                "Ở {hamlet} không có ai nhận tại nhà còn khoản chưa chi trong kỳ (hoặc mọi khoản đã trong một chuyến khác). Kiểm tra tên thôn và đăng ký nhận tại nhà."
            ),
            RoundError::AllReportedDeceased { hamlet, people } => format!(
                "Ở {hamlet}, cả {people} người nhận tại nhà còn khoản chưa chi đều được gia đình báo đã mất ở một chuyến trước \
                 và chưa được chi từ đó: không lập chuyến. Xác minh (giấy chứng tử, danh sách giảm); người còn sống thì chi tại quầy, \
                 người đã mất thì trưởng bưu cục dừng chi (F7 ở hồ sơ)."
            ),
            RoundError::NoDeathReport => "Không có chuyến chi tại nhà nào ghi gia đình báo người này đã mất (hoặc đã được xác minh, hoặc người này đã được chi sau đó): không có gì để xác minh.".into(),
            RoundError::WrongState { round, state: s } => format!(
                "Chuyến số {round} đang ở bước “{}”: không làm bước này được.",
                state(Lang::Vi, *s)
            ),
            RoundError::NothingToIssue { round } => format!(
                "Mọi người trong chuyến số {round} đã được chi ở nơi khác hoặc không còn được chi: không có tiền để cấp."
            ),
            RoundError::InBankBatch {
                round,
                people,
                batches,
            } => format!(
                "Chưa cấp tiền cho chuyến số {round}: khoản của {} đang chuyển khoản theo lô số {}, chờ kết quả của ngân hàng. \
                 Nhập kết quả của ngân hàng (chitra bank import) trước: khoản chuyển thành công không chi lại tại nhà, khoản thất bại thì bưu tá mang đi.",
                shown_list(people),
                join_numbers(batches)
            ),
            RoundError::NotThePostman { postman } => format!(
                "Chỉ bưu tá của chuyến ({postman}) hoặc trưởng bưu cục ghi kết quả chi tại nhà."
            ),
            RoundError::NotOnRound { round, who } => {
                format!("Không có {who} trong chuyến số {round}.")
            }
            RoundError::AlreadyRecorded { code } => {
                format!("Kết quả của {code} đã ghi rồi; không ghi lại.")
            }
            RoundError::PaidElsewhere { code, receipt } => format!(
                "{code} đã được chi tại quầy (biên nhận {receipt}) trước khi chuyến đi: không chi lần nữa."
            ),
            RoundError::NotIssueDay { day } => format!(
                "Chuyến này cấp tiền ngày {}: kết quả chỉ ghi trong ngày đó. Nộp tiền về rồi đối chiếu, phần chênh lệch ghi lý do.",
                super::labels::date(day)
            ),
            RoundError::StopsLeft { codes } => format!(
                "Còn {} người chưa ghi kết quả ({}). Ghi kết quả cho từng người trước khi nộp tiền về.",
                codes.len(),
                codes.join(", ")
            ),
            RoundError::ReceiverIdNeeded => {
                "Đã chi cần số CCCD/CMND của người nhận (đối tượng hoặc người được ủy quyền)."
                    .into()
            }
            RoundError::BadAmount => {
                "Số tiền nộp về phải là số đồng không âm, chẵn theo mệnh giá nhỏ nhất.".into()
            }
            RoundError::ReasonNeeded { difference } => {
                format!("Chuyến chênh lệch {difference}: ghi lý do (--reason) để đối chiếu.")
            }
            RoundError::HamletNeeded => "Ghi tên thôn của chuyến (--hamlet).".into(),
        }
    }

    fn en(&self) -> String {
        match self {
            RoundError::NoSuchRound(n) => format!("There is no home round no. {n}."),
            RoundError::NobodyAtHome { hamlet } => format!(
                "Nobody in {hamlet} paid at home is owed anything in the period (or their lines are on another round)."
            ),
            RoundError::AllReportedDeceased { hamlet, people } => format!(
                "In {hamlet}, all {people} people paid at home who are still owed were reported deceased by their family on an earlier round \
                 and not paid since: no round made. Check (death certificate, decrease list); pay the living at the counter, \
                 and stop payment for the dead (F7 on their file)."
            ),
            RoundError::NoDeathReport => "No home round has this person reported deceased by their family (or it was checked, or they were paid since): nothing to check.".into(),
            RoundError::WrongState { round, state: s } => format!(
                "Round no. {round} is at the step “{}”: this cannot be done now.",
                state(Lang::En, *s)
            ),
            RoundError::NothingToIssue { round } => format!(
                "Everyone on round no. {round} was paid elsewhere or can no longer be paid: no cash to issue."
            ),
            RoundError::InBankBatch {
                round,
                people,
                batches,
            } => format!(
                "No cash issued for round no. {round}: the lines of {} wait for the bank in transfer batch no. {}. \
                 Import the bank's result first (chitra bank import): a transfer done is not paid again at home; a failed one goes with the postman.",
                shown_list(people),
                join_numbers(batches)
            ),
            RoundError::NotThePostman { postman } => format!(
                "Only the round's postman ({postman}) or a supervisor records its outcomes."
            ),
            RoundError::NotOnRound { round, who } => format!("{who} is not on round no. {round}."),
            RoundError::AlreadyRecorded { code } => {
                format!("The outcome of {code} was recorded already.")
            }
            RoundError::PaidElsewhere { code, receipt } => {
                format!("{code} was paid at the counter (receipt {receipt}): not paid again.")
            }
            RoundError::NotIssueDay { day } => format!(
                "This round's cash went out on {}: outcomes are recorded that day only.",
                super::labels::date(day)
            ),
            RoundError::StopsLeft { codes } => format!(
                "{} stops have no outcome yet ({}). Record each before returning the cash.",
                codes.len(),
                codes.join(", ")
            ),
            RoundError::ReceiverIdNeeded => "A paid stop needs the receiver's ID number.".into(),
            RoundError::BadAmount => {
                "The cash returned must be a non-negative amount of whole notes.".into()
            }
            RoundError::ReasonNeeded { difference } => {
                format!("The round differs by {difference}: give a reason (--reason).")
            }
            RoundError::HamletNeeded => "Name the round's hamlet (--hamlet).".into(),
        }
    }
}

crate::localized_error!(RoundError);

pub fn sheet_written(lang: Lang, path: &str) -> String {
    if vi(lang) {
        format!("Đã ghi bảng kê: {path}")
    } else {
        format!("Sheet written: {path}")
    }
}

pub fn expected_back(lang: Lang, m: Money) -> String {
    if vi(lang) {
        format!("Bưu tá phải nộp về: {m}")
    } else {
        format!("The postman should bring back: {m}")
    }
}

pub fn difference_now(lang: Lang, m: Money) -> String {
    if vi(lang) {
        format!("Chênh lệch: {m} (khác 0 thì phải ghi lý do)")
    } else {
        format!("Difference: {m} (a reason is needed unless 0)")
    }
}

pub fn issue_hint(lang: Lang, amount: Money, postman: &str) -> String {
    if vi(lang) {
        format!(
            "Cấp {amount} vào quỹ của bưu tá {postman}. Bưu tá gõ PIN để xác nhận đã nhận tiền."
        )
    } else {
        format!("Issue {amount} into {postman}'s drawer. The postman types their PIN to confirm.")
    }
}

/// What `chitra demo` says of the round left to try.
pub fn demo_hint(lang: Lang, round: i64, hamlet: &str) -> String {
    if vi(lang) {
        format!(
            "Chuyến chi tại nhà số {round} ({hamlet}, bưu tá gdv2) đã lập và in bảng kê, chưa cấp tiền: thử ở menu F2 › Chi tại nhà, hoặc chitra home round show {round}."
        )
    } else {
        format!(
            "Home round no. {round} ({hamlet}, postman gdv2) is made and its sheet printed, its cash not yet issued: try it from the F2 menu › Home rounds, or chitra home round show {round}."
        )
    }
}

/// On a person's file at the counter: their unpaid lines are out with a
/// postman on a home round, so the counter cannot pay them in cash.
/// A person the family reported deceased on a home round, still alive on
/// file, as the counter shows them.
pub fn death_reported_at_counter(lang: super::Lang, round: i64, at: &str) -> String {
    let at = super::labels::date_time(at);
    match lang {
        super::Lang::Vi => format!(
            "Chuyến chi tại nhà số {round} ghi gia đình báo người này đã mất ({at}). Đừng chi khi chưa xác minh: mời trưởng bưu cục xem giấy tờ; nếu đúng là đã mất, dừng chi (F7); nếu còn sống, F7 ghi \"Còn sống\"."
        ),
        super::Lang::En => format!(
            "Home round {round} recorded that the family reported this person deceased ({at}). Do not pay before it is checked: ask the supervisor to see the papers; if the person has died, stop payment (F7); if alive, F7 records \"Alive\"."
        ),
    }
}

pub fn held_at_counter(lang: super::Lang, round: i64, postman: &str) -> String {
    match lang {
        super::Lang::Vi => format!(
            "Đang chi tại nhà theo chuyến số {round} (bưu tá {}): chưa chi tại quầy được cho tới khi chuyến nộp lại tiền.",
            crate::text::for_display(postman)
        ),
        super::Lang::En => format!(
            "Out on home round {round} (postman {}): not payable at the counter until the round's cash comes back.",
            crate::text::for_display(postman)
        ),
    }
}

/// The status popup's choice while a family's report of a death is open.
pub fn seen_alive_choice(lang: Lang, round: i64) -> String {
    if vi(lang) {
        format!("Còn sống: gia đình báo mất ở chuyến số {round} là nhầm (đã gặp người hưởng)")
    } else {
        format!("Alive: the family's report on round no. {round} was wrong (the person was seen)")
    }
}

/// Said once a supervisor recorded the person seen alive.
pub fn seen_alive_done(lang: Lang, name: &str, code: &str) -> String {
    if vi(lang) {
        format!(
            "{name} — {code}: đã ghi xác minh còn sống. Chuyến chi tại nhà sau đưa người này vào lại, quầy không còn cảnh báo."
        )
    } else {
        format!(
            "{name} — {code}: recorded as seen alive. The next home round takes them again, and the counter no longer warns."
        )
    }
}
