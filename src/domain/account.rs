//! Account numbers of banks and digital wallets as chitra keeps them: the
//! digits only. Vietnamese bank accounts are 6 to 19 digits long (ACB's
//! oldest 6–7, most banks 9–14, card-linked ones up to 19); a wallet's
//! account is its phone number, 10 digits. Spaces between groups of digits,
//! as people copy them from a card or a passbook, are read past; anything
//! else — a sign, a letter, a formula, a tab — is refused, never kept.

/// Digits an account number has, at least.
pub const MIN_DIGITS: usize = 6;
/// Digits an account number has, at most.
pub const MAX_DIGITS: usize = 20;

/// Why an account number was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountError {
    /// A character that is not a digit.
    NonDigit { ch: char },
    /// Fewer than [`MIN_DIGITS`] or more than [`MAX_DIGITS`] digits.
    Length { digits: usize },
    /// A spreadsheet's number cell of more than 15 digits: Excel keeps 15,
    /// so the last ones were already lost when the file was saved.
    Rounded { digits: usize },
}

/// The digits of an account number as written (spaces between groups
/// allowed), or why it is not one.
pub fn parse_account(s: &str) -> Result<String, AccountError> {
    let mut digits = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '0'..='9' => digits.push(ch),
            ' ' => {}
            ch => return Err(AccountError::NonDigit { ch }),
        }
    }
    if !(MIN_DIGITS..=MAX_DIGITS).contains(&digits.len()) {
        return Err(AccountError::Length {
            digits: digits.len(),
        });
    }
    Ok(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_are_digits_only() {
        assert_eq!(parse_account("0071000123456"), Ok("0071000123456".into()));
        assert_eq!(parse_account("9704 0000 1111"), Ok("970400001111".into()));
        assert_eq!(parse_account("0912345678"), Ok("0912345678".into()));
        for (bad, ch) in [
            ("=1+1", '='),
            ("-123456", '-'),
            ("12345\t678", '\t'),
            ("12345\n67890", '\n'),
            ("0071-000-123", '-'),
            ("１２３４５６７", '１'),
        ] {
            assert_eq!(
                parse_account(bad),
                Err(AccountError::NonDigit { ch }),
                "{bad:?}"
            );
        }
        assert_eq!(
            parse_account("12345"),
            Err(AccountError::Length { digits: 5 })
        );
        assert_eq!(
            parse_account(&"1".repeat(21)),
            Err(AccountError::Length { digits: 21 })
        );
    }
}
