//! Who approves or confirms a member's registrations, when the data names them.

use serde::{Deserialize, Serialize};

use super::Text;

/// An organ and its signer who approve a member's breakthrough tasks (`phe_duyet`) or, as the
/// head of the member's agency, confirm a leader's pledge (`lanh_dao_don_vi`). Every part is
/// optional: what the data leaves out is left to write by hand or takes hoso's default.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Approver {
    /// The organ (`co_quan`), e.g. "Đảng ủy Sở Xây dựng", printed "PHÊ DUYỆT CỦA …".
    #[serde(default)]
    pub co_quan: Option<Text>,
    /// The authority and the organ signed for (`quyen_han`), e.g. "T/M Đảng ủy"; none when the
    /// signer signs in their own name.
    #[serde(default)]
    pub quyen_han: Option<Text>,
    /// The signer's post (`chuc_vu`), e.g. "Bí thư".
    #[serde(default)]
    pub chuc_vu: Option<Text>,
    /// The signer's name (`ho_ten`); none leaves it to write by hand.
    #[serde(default)]
    pub ho_ten: Option<Text>,
}
