//! Signature blocks (quyền hạn, chức vụ, the note under them and the signer's name) and the nơi
//! nhận that shares their row.

use serde::Serialize;

/// The signing authority of a Party document (HD 36-HD/VPTW).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Authority {
    /// T/M — on behalf of a committee or collective.
    OnBehalf,
    /// K/T — a deputy signing for the head.
    ForHead,
    /// T/L — by order of.
    ByOrder,
    /// T/U — by delegation.
    ByDelegation,
}

impl Authority {
    /// The printed prefix: "T/M", "K/T", "T/L", "T/U".
    pub fn prefix(self) -> &'static str {
        match self {
            Authority::OnBehalf => "T/M",
            Authority::ForHead => "K/T",
            Authority::ByOrder => "T/L",
            Authority::ByDelegation => "T/U",
        }
    }
}

/// One signature block, as printed: bold heading lines, an italic note, space to sign, the name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signature {
    /// Bold capital lines: "T/M CHI ỦY", "BÍ THƯ"; or "NGƯỜI TỰ KIỂM ĐIỂM".
    pub heading: Vec<String>,
    /// The italic note such as "(Ký, ghi rõ họ tên)".
    pub note: Option<String>,
    /// The signer's name, printed bold below the space; `None` leaves the space to write it.
    pub name: Option<String>,
}

impl Signature {
    /// A block signed with an authority for an organ ("T/M" + "CHI ỦY"), then the signer's post.
    pub fn with_authority(
        authority: Authority,
        organ: &str,
        post: Option<&str>,
        note: Option<&str>,
        name: Option<&str>,
    ) -> Signature {
        let mut heading = vec![format!("{} {}", authority.prefix(), organ.to_uppercase())];
        heading.extend(post.map(str::to_uppercase));
        Signature {
            heading,
            note: note.map(str::to_string),
            name: name.map(str::to_string),
        }
    }

    /// A block headed by a role alone, such as "NGƯỜI TỰ KIỂM ĐIỂM".
    pub fn personal(role: &str, note: Option<&str>, name: Option<&str>) -> Signature {
        Signature {
            heading: vec![role.to_uppercase()],
            note: note.map(str::to_string),
            name: name.map(str::to_string),
        }
    }
}

/// What sits in one corner of a signature row.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Corner {
    /// A signature block.
    Signature(Signature),
    /// The nơi nhận, bottom left of a Party document.
    Recipients(Recipients),
}

/// The nơi nhận block (HD 36-HD/VPTW): "Nơi nhận:", then one line per recipient, "- …," each,
/// the last (the archive copy) ending with a full stop.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recipients {
    /// "Nơi nhận:".
    pub heading: String,
    /// The lines as printed: "- Đảng ủy Sở Xây dựng,", …, "- Lưu Chi bộ.".
    pub lines: Vec<String>,
}

impl Recipients {
    /// The block for `recipients` in order, the archive copy last.
    pub fn new(recipients: &[String]) -> Recipients {
        let count = recipients.len();
        let lines = recipients
            .iter()
            .enumerate()
            .map(|(index, recipient)| {
                let recipient = recipient.trim().trim_end_matches([',', '.', ';']);
                let end = if index + 1 == count { '.' } else { ',' };
                format!("- {recipient}{end}")
            })
            .collect();
        Recipients {
            heading: "Nơi nhận:".to_string(),
            lines,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authority_heads_the_block_in_capitals() {
        let signature = Signature::with_authority(
            Authority::OnBehalf,
            "chi ủy",
            Some("Bí thư"),
            None,
            Some("Nguyễn Văn An"),
        );
        assert_eq!(signature.heading, vec!["T/M CHI ỦY", "BÍ THƯ"]);
        assert_eq!(signature.name.as_deref(), Some("Nguyễn Văn An"));
    }

    #[test]
    fn recipients_end_with_commas_and_the_archive_with_a_full_stop() {
        let block = Recipients::new(&[
            "Đảng ủy Sở Xây dựng".to_string(),
            "Các đảng viên trong chi bộ,".to_string(),
            "Lưu Chi bộ".to_string(),
        ]);
        assert_eq!(
            block.lines,
            vec![
                "- Đảng ủy Sở Xây dựng,",
                "- Các đảng viên trong chi bộ,",
                "- Lưu Chi bộ."
            ]
        );
    }
}
