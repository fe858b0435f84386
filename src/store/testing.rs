//! For tests that need a row no screen can make (a name from another
//! system with control characters, a person with no ID number on file):
//! the change is made the only way chitra makes changes, sealed and logged
//! (as "row.rewrite", so the log shows it for what it is).

use rusqlite::types::Value;
use serde_json::json;

use super::audit::Event;
use super::rows::Table;
use super::{Store, StoreError, Who};

/// Changes `changes` of the row `key` of `table`, sealed and logged.
pub fn rewrite(
    store: &mut Store,
    who: Who,
    table: &str,
    key: &str,
    changes: &[(&str, Value)],
) -> Result<(), StoreError> {
    let table = Table::from_name(table).ok_or_else(|| StoreError::Program {
        what: format!("no table {table}"),
    })?;
    store.write(who, |w| {
        let image = w.update(table, key, changes)?;
        w.log(
            Event::new("row.rewrite", table.name(), None)
                .row(image)
                .with(json!({ "key": key })),
            (),
        )
    })
}
