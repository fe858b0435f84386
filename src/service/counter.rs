//! The counter's questions: who is this (search as you type), and what is
//! owed to them (the person's view).
//!
//! Search takes an ID number (or its last six digits or more), a record
//! code (with or without its dash, or its number alone) or a name. Names
//! match word by word on the folded form, in any order ("nguyen lan" finds
//! "Nguyễn Thị Lan"); results are in Vietnamese name order. A whole ID
//! number that is exactly someone's comes first.

use serde::Serialize;

use super::{Error, Service};
use crate::domain::payment::PayMethod;
use crate::domain::payment::PaymentRecord;
use crate::domain::person::{Person, Status};
use crate::domain::proxy::{Proxy, Validity};
use crate::domain::registration::{HomeReason, Registration};
use crate::domain::{Money, Period};
use crate::store::payments::{self, UnpaidLine};
use crate::store::{Read, people, proxies, search};
use crate::text::fold;

/// This month's state of a person, as the result list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MonthState {
    /// Chưa chi: something is owed.
    Unpaid,
    /// Đã chi: this month is paid.
    Paid,
    /// Tạm dừng.
    Suspended,
    /// Đã giảm: deceased or moved.
    Decreased,
    /// Nothing listed for this month and nothing owed.
    NothingDue,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    pub person: Person,
    pub state: MonthState,
    pub unpaid_total: Money,
    /// Found by the ID number of a proxy or guardian on file for this
    /// person, not by their own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub through: Option<Through>,
}

/// The proxy or guardian on file whose own ID number was searched: the
/// person listed is one they collect for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Through {
    pub guardian: bool,
    pub full_name: String,
    /// Whether their authorisation can be used today.
    pub validity: Validity,
}

/// People found, in the order shown, their month not read yet; `more`
/// when the limit cut the list. `through` names, by person id, the proxy or
/// guardian whose ID number found a person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    pub people: Vec<Person>,
    pub more: bool,
    pub through: Vec<(i64, Through)>,
}

/// A search's first page with its month, and the people after it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchPage {
    pub results: SearchResults,
    pub rest: Vec<Person>,
    /// Who found each of `rest` found through a proxy's or guardian's
    /// number, by person id, for when their rows are read.
    pub rest_through: Vec<(i64, Through)>,
}

/// Search results; `more` when the limit cut the list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    pub more: bool,
}

/// A proxy or guardian with whether it can be used today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProxyOnFile {
    pub proxy: Proxy,
    pub validity: Validity,
    /// Whether the row matches its seal: one changed behind chitra's back
    /// is shown as such and cannot be chosen (payment refuses it too).
    pub sealed: bool,
}

impl ProxyOnFile {
    /// Whether this proxy can collect today: in date and untouched.
    pub fn usable(&self) -> bool {
        self.sealed && self.validity == Validity::InDate
    }
}

/// Everything the person screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonView {
    pub person: Person,
    pub proxies: Vec<ProxyOnFile>,
    pub unpaid: Vec<UnpaidLine>,
    pub unpaid_total: Money,
    /// Payments of the last 12 months, newest first (reversed ones included).
    pub payments: Vec<PaymentRecord>,
    pub state: MonthState,
    /// The office's newest registration of the person: the source of the
    /// phone, the method wished for, the account and the home reason.
    pub registration: Option<Registration>,
    /// The decrease that stopped this person's payment, if one did.
    pub stop: Option<crate::store::changes::Stop>,
    /// For a deceased person: their heir, if on file, and what is owed to
    /// the deceased.
    pub heir: Option<super::heirs::HeirView>,
    /// Unpaid lines the bank holds (a batch waiting) or gave back (failed,
    /// with its reason), for the clerk to read before paying.
    pub bank: Option<super::bank::BankNote>,
    /// The home round whose cash is out with a postman and carries unpaid
    /// lines of this person: (round number, postman's name).
    pub round_out: Option<(i64, String)>,
    /// A home round on which the family reported this person deceased,
    /// while the office still has them as alive: (round, recorded at).
    pub death_reported: Option<(i64, String)>,
    /// Lines of a month not begun yet (its list imported early): the first
    /// such period and what it holds for the person, paid from its first
    /// day, not now.
    pub ahead: Option<(Period, Money)>,
    /// Unpaid lines changed behind chitra's back (their seals do not hold):
    /// every payment refuses them; the file says so first.
    pub forged: Vec<i64>,
}

impl PersonView {
    /// Whether the pay flow may start: an active person with a positive total.
    pub fn can_pay(&self) -> bool {
        self.person.is_payable() && !self.unpaid.is_empty() && self.unpaid_total > Money::ZERO
    }

    /// The method to pay by: the one registered at the office, else the
    /// payer's list's.
    pub fn method(&self) -> PayMethod {
        self.registration
            .as_ref()
            .and_then(|g| g.method)
            .unwrap_or(self.person.pay_method)
    }

    /// The account number and bank (or provider) to pay to. A registration
    /// holds both as a whole (an account asked for has no number yet; a
    /// change to cash clears them), so the payer's list is read only when
    /// nothing was registered.
    pub fn account(&self) -> (Option<&str>, Option<&str>) {
        match &self.registration {
            Some(g) => (g.account_no.as_deref(), g.account_bank.as_deref()),
            None => (
                self.person.account_no.as_deref(),
                self.person.account_bank.as_deref(),
            ),
        }
    }

    /// The ID number checked when the person is paid: the registered
    /// one, else the payer's list's.
    pub fn id_number(&self) -> Option<&str> {
        crate::domain::registration::id_number_to_check(
            self.person.id_number.as_deref(),
            self.registration.as_ref(),
        )
    }

    /// The mobile phone: the registered one, else the payer's list's.
    pub fn phone(&self) -> Option<&str> {
        self.registration
            .as_ref()
            .and_then(|g| g.phone.as_deref())
            .or(self.person.phone.as_deref())
    }

    /// Why the person is paid at home, when registered.
    pub fn home_reason(&self) -> Option<HomeReason> {
        self.registration.as_ref().and_then(|g| g.home_reason)
    }
}

/// How a query is read.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Query {
    Digits(String),
    Code(String),
    Words(Vec<String>),
}

fn classify(query: &str) -> Option<Query> {
    let q = query.trim();
    if q.is_empty() {
        return None;
    }
    let compact: String = q
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-'))
        .collect();
    if !compact.is_empty() && compact.chars().all(|c| c.is_ascii_digit()) {
        return Some(Query::Digits(compact));
    }
    let has_digit = q.chars().any(|c| c.is_ascii_digit());
    if has_digit && !q.contains(char::is_whitespace) {
        return Some(Query::Code(q.to_string()));
    }
    let folded = fold(q);
    let words: Vec<String> = folded
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    (!words.is_empty()).then_some(Query::Words(words))
}

impl Service {
    /// The period paid this month (from the clock).
    pub fn current_period(&self) -> Period {
        Period::of(self.clock.today())
    }

    /// Searches people by ID number, record code or name, each with this
    /// month's state.
    pub fn search(&self, query: &str, limit: usize) -> Result<SearchResults, Error> {
        Ok(self.search_page(query, limit, limit)?.results)
    }

    /// What the counter reads on a key: the people a search finds, in the
    /// order shown, the first `with_month` of them (the rows a page shows)
    /// with this month's state, read in one snapshot; the others as found,
    /// for [`Service::hits_of`] when they scroll into view.
    pub fn search_page(
        &self,
        query: &str,
        limit: usize,
        with_month: usize,
    ) -> Result<SearchPage, Error> {
        let period = self.current_period();
        self.store.read(|r| {
            let mut found = find_in(r, query, limit, self.clock.today())?;
            let rest = found.people.split_off(with_month.min(found.people.len()));
            let hits = hits_in(r, found.people, period, &found.through)?;
            let rest_through = found
                .through
                .into_iter()
                .filter(|(id, _)| rest.iter().any(|p| p.id == *id))
                .collect();
            Ok(SearchPage {
                results: SearchResults {
                    hits,
                    more: found.more,
                },
                rest,
                rest_through,
            })
        })
    }

    /// `people` (from [`Service::search_page`]) with this month's state of
    /// each, read now: the rows a screen is about to show; `through`, the
    /// page's `rest_through`.
    pub fn hits_of(
        &self,
        people: Vec<Person>,
        through: &[(i64, Through)],
    ) -> Result<Vec<SearchHit>, Error> {
        let period = self.current_period();
        self.store.read(|r| hits_in(r, people, period, through))
    }

    /// Everything about one person the counter needs.
    pub fn person_view(&self, person_id: i64) -> Result<PersonView, Error> {
        let today = self.clock.today();
        let period = self.current_period();
        self.store.read(|r| {
            let person = people::get(r, person_id)?.ok_or(Error::NoSuchPerson)?;
            let proxies = proxies::of_person(r, person_id)?
                .into_iter()
                .map(|proxy| {
                    Ok::<_, Error>(ProxyOnFile {
                        validity: proxy.validity(today),
                        sealed: proxies::seal_holds(r, proxy.id)?,
                        proxy,
                    })
                })
                .collect::<Result<_, _>>()?;
            // What is owed now, and a month's lines imported before it began.
            let (unpaid, later): (Vec<_>, Vec<_>) = payments::unpaid_lines(r, person_id)?
                .into_iter()
                .partition(|l| l.period <= period);
            let unpaid_total = unpaid.iter().map(|l| l.amount).sum();
            let since = today
                .checked_sub_months(chrono::Months::new(12))
                .unwrap_or(today)
                .format("%Y-%m-%d")
                .to_string();
            let payments = payments::of_person(r, person_id, &since)?;
            let (state, _) = month_state(r, &person, period)?;
            let registration = crate::store::registrations::latest(r, person_id, None)?;
            let ahead = later.first().map(|first| {
                let p = first.period;
                let total = later
                    .iter()
                    .filter(|l| l.period == p)
                    .map(|l| l.amount)
                    .sum();
                (p, total)
            });
            let unpaid_ids: Vec<i64> = unpaid.iter().map(|l| l.entitlement_id).collect();
            let bank = super::bank::note_of(r, person_id, &unpaid_ids)?;
            let forged = crate::store::imports::forged_lines(r, &unpaid_ids)?;
            let round_out = match crate::store::rounds::holding(r, &unpaid_ids)? {
                Some(n) => crate::store::rounds::get(r, n)?
                    .filter(|round| round.issued.is_some())
                    .map(|round| (round.id, round.postman)),
                None => None,
            };
            Ok(PersonView {
                person: person.clone(),
                proxies,
                unpaid,
                unpaid_total,
                payments,
                state,
                registration,
                ahead,
                stop: crate::store::changes::stop_of(r, person_id)?,
                heir: if person.status == Status::Deceased {
                    Some(super::heirs::view_of(r, &person)?)
                } else {
                    None
                },
                bank,
                round_out,
                forged,
                death_reported: match person.status {
                    Status::Deceased => None,
                    _ => crate::store::rounds::death_reported(r, person_id)?,
                },
            })
        })
    }
}

/// The first `limit` people `query` finds, and whether there are more.
fn find_in(
    r: &Read<'_>,
    query: &str,
    limit: usize,
    today: chrono::NaiveDate,
) -> Result<Found, Error> {
    let Some(q) = classify(query) else {
        return Ok(Found::default());
    };
    let fetch = limit + 1;
    let mut found = match &q {
        Query::Digits(d) => by_digits(r, d, fetch, today)?,
        Query::Code(c) => Found {
            people: by_code(r, c, fetch)?,
            ..Found::default()
        },
        Query::Words(w) => {
            let words: Vec<&str> = w.iter().map(String::as_str).collect();
            Found {
                people: search::by_name_words(r, &words, fetch)?,
                ..Found::default()
            }
        }
    };
    found.more = found.people.len() > limit;
    found.people.truncate(limit);
    Ok(found)
}

/// Each of `people` with their state in `period` and what is owed, and
/// through whom of `through` (by person id) they were found.
fn hits_in(
    r: &Read<'_>,
    people: Vec<Person>,
    period: Period,
    through: &[(i64, Through)],
) -> Result<Vec<SearchHit>, Error> {
    people
        .into_iter()
        .map(|person| {
            let (state, unpaid_total) = month_state(r, &person, period)?;
            let through = through
                .iter()
                .find(|(id, _)| *id == person.id)
                .map(|(_, t)| t.clone());
            Ok(SearchHit {
                person,
                state,
                unpaid_total,
                through,
            })
        })
        .collect()
}

/// Most beginnings of record codes a number alone is completed with.
const CODE_PREFIXES: usize = 16;

/// People found by digits: the ID number that is exactly them first, then,
/// for a whole ID number, the people whose proxy or guardian on file has
/// it (the card a proxy hands over is their own), then ID numbers starting
/// with the digits, record codes whose number starts with them ("00268"
/// finds HD-00268), and ID numbers ending with them (six digits or more),
/// each person once; with who found each of the people found through a
/// proxy or guardian.
fn by_digits(
    r: &Read<'_>,
    digits: &str,
    fetch: usize,
    today: chrono::NaiveDate,
) -> Result<Found, Error> {
    let mut found = Gathered::new(fetch);
    let mut through = Vec::new();
    // People whose registered number it is (a new card in place of the
    // list's number): theirs as much as the list's own.
    let mut registered = Vec::new();
    if matches!(digits.len(), 9 | 12) {
        for id in crate::store::registrations::people_with_id_number(r, digits)? {
            if let Some(mut person) = people::get(r, id)? {
                // Listed with the number the counter checks, as their file
                // shows it: a whole number typed opens them like the list's.
                person.id_number = Some(digits.to_string());
                registered.push(person.id);
                found.add(vec![person]);
            }
        }
        // Added before the ID numbers that start with the digits: they
        // follow the person whose own number it is, put first below.
        for proxy in proxies::by_id_number(r, digits)? {
            // A proxy's number changed behind chitra's back finds nobody:
            // the row is refused as tampered.
            if !proxies::seal_holds(r, proxy.id)? {
                return Err(proxies::tampered(proxy.id).into());
            }
            if let Some(person) = people::get(r, proxy.person_id)? {
                through.push((
                    person.id,
                    Through {
                        guardian: proxy.guardian,
                        validity: proxy.validity(today),
                        full_name: proxy.full_name,
                    },
                ));
                found.add(vec![person]);
            }
        }
    }
    found.add(search::by_id_prefix(r, digits, fetch)?);
    found.add(search::by_code_prefix(r, digits, fetch)?);
    for prefix in search::code_prefixes(r, CODE_PREFIXES)? {
        if found.full() {
            break;
        }
        found.add(search::by_code_prefix(
            r,
            &format!("{prefix}{digits}"),
            fetch,
        )?);
    }
    if !found.full() {
        found.add(search::by_id_suffix(r, digits, fetch)?);
    }
    let mut v = found.people;
    let own = |p: &Person| p.id_number.as_deref() == Some(digits) || registered.contains(&p.id);
    if let Some(i) = v.iter().position(own) {
        let exact = v.remove(i);
        v.insert(0, exact);
    }
    // A person whose own number it is was not found through anyone.
    through.retain(|(id, _)| v.iter().any(|p| p.id == *id && !own(p)));
    Ok(Found {
        people: v,
        more: false,
        through,
    })
}

/// People found by a record code as typed ("HD-00268", "hd-0026"), or
/// without its dash or with another one ("hd00268", "HD 00268" reads as
/// words): the letters are matched to the beginnings of the codes on file.
fn by_code(r: &Read<'_>, code: &str, fetch: usize) -> Result<Vec<Person>, Error> {
    let mut found = Gathered::new(fetch);
    found.add(search::by_code_prefix(r, code, fetch)?);
    let letters = |t: &str| -> String {
        t.chars()
            .take_while(|c| !c.is_ascii_digit())
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_uppercase)
            .collect()
    };
    let typed = letters(code);
    let Some(number) = code.find(|c: char| c.is_ascii_digit()).map(|i| &code[i..]) else {
        return Ok(found.people);
    };
    for prefix in search::code_prefixes(r, CODE_PREFIXES)? {
        if found.full() {
            break;
        }
        if letters(&prefix) == typed {
            found.add(search::by_code_prefix(
                r,
                &format!("{prefix}{number}"),
                fetch,
            )?);
        }
    }
    Ok(found.people)
}

/// People gathered from several look-ups, each once, up to a limit.
struct Gathered {
    people: Vec<Person>,
    limit: usize,
}

impl Gathered {
    fn new(limit: usize) -> Gathered {
        Gathered {
            people: Vec::new(),
            limit,
        }
    }

    fn full(&self) -> bool {
        self.people.len() >= self.limit
    }

    fn add(&mut self, more: Vec<Person>) {
        for p in more {
            if self.full() {
                return;
            }
            if !self.people.iter().any(|x| x.id == p.id) {
                self.people.push(p);
            }
        }
    }
}

/// A person's state this month and what is owed, on one snapshot.
fn month_state(
    r: &Read<'_>,
    person: &Person,
    period: Period,
) -> Result<(MonthState, Money), Error> {
    let unpaid = payments::unpaid_lines_due(r, person.id, period)?;
    let total: Money = unpaid.iter().map(|l| l.amount).sum();
    let state = match person.status {
        Status::Suspended => MonthState::Suspended,
        Status::Deceased | Status::Moved => MonthState::Decreased,
        Status::Active if !unpaid.is_empty() => MonthState::Unpaid,
        Status::Active => {
            if payments::standing_payment_in_period(r, person.id, period)?.is_some() {
                MonthState::Paid
            } else {
                MonthState::NothingDue
            }
        }
    };
    Ok((state, total))
}

#[cfg(test)]
mod tests {
    use super::{Query, classify};

    #[test]
    fn queries_are_read_as_ids_codes_or_names() {
        assert_eq!(
            classify("046 090 001"),
            Some(Query::Digits("046090001".into()))
        );
        assert_eq!(classify("hd-00123"), Some(Query::Code("hd-00123".into())));
        assert_eq!(
            classify("Nguyễn  thị"),
            Some(Query::Words(vec!["nguyen".into(), "thi".into()]))
        );
        assert_eq!(classify("   "), None);
    }
}
