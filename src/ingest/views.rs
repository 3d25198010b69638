//! The role views now live in the store ([`crate::store::views`]); these names
//! stay so callers keep working.

pub use crate::store::views::{ident, literal, refresh};

use super::fields::Role;

/// The view column names of a role, in order (for documentation and tests).
pub fn columns_of(role: Role) -> Vec<&'static str> {
    crate::store::views::columns_of(role.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_but_other_has_a_view_in_the_store_in_order() {
        let with_view: Vec<&str> = Role::ALL
            .iter()
            .filter(|r| r.view().is_some())
            .map(|r| r.as_str())
            .collect();
        let store: Vec<&str> = crate::store::views::ROLE_VIEWS
            .iter()
            .map(|(r, _)| *r)
            .collect();
        assert_eq!(with_view, store);
        assert_eq!(Role::Other.view(), None);
        assert_eq!(Role::Payments.view(), Some("v_payments"));
        assert!(columns_of(Role::Payments).contains(&"amount"));
        assert_eq!(columns_of(Role::Other).len(), 5);
    }
}
