//! The meeting's arithmetic: who was there, who could vote, and the level a count of votes
//! adopts. Computed from the data, never typed, so the minutes and the rules read the same numbers.

use serde::Serialize;

use crate::dossier::{Dossier, Member, Rating, Readings, Text, Votes};

/// Who the meeting counted.
#[derive(Debug)]
pub struct Attendance<'d> {
    /// Every member of the unit.
    pub members: usize,
    /// The full members (chính thức); the others are on probation (dự bị).
    pub full: usize,
    /// The members away, with the reason the data gives.
    pub absent: Vec<(&'d Member, Option<&'d Text>)>,
    /// The full members present: those who vote.
    pub voters: u32,
    /// The probationary members present: they take part but do not vote.
    pub probationary_present: u32,
}

impl Attendance<'_> {
    /// The members present.
    pub fn present(&self) -> usize {
        self.members - self.absent.len()
    }
}

/// Who the meeting of `dossier` counted.
pub fn attendance(dossier: &Dossier) -> Attendance<'_> {
    let absent: Vec<(&Member, Option<&Text>)> = dossier
        .meeting
        .absent
        .iter()
        .filter_map(|away| {
            let member = dossier.member(&away.id.value)?;
            Some((member, away.reason.as_ref()))
        })
        .collect();
    let is_absent = |member: &Member| absent.iter().any(|(m, _)| m.id.value == member.id.value);
    let count = |probationary: bool| {
        let present = dossier
            .members
            .iter()
            .filter(|m| m.probationary == probationary && !is_absent(m))
            .count();
        u32::try_from(present).unwrap_or(u32::MAX)
    };
    Attendance {
        members: dossier.members.len(),
        full: dossier.members.iter().filter(|m| !m.probationary).count(),
        voters: count(false),
        probationary_present: count(true),
        absent,
    }
}

/// The votes that rate `member` of `dossier`, and how many full members could cast them: the
/// meeting's, among its `meeting_voters`; for a member away from the meeting, those of the later
/// sitting that rated them (`danh_gia.phien_sau`), none until the data records one.
pub fn member_votes(
    dossier: &Dossier,
    member: &Member,
    meeting_voters: u32,
) -> Option<(Votes, u32)> {
    let votes = member.assessment.phieu?;
    if !dossier.is_absent(member) {
        return Some((votes, meeting_voters));
    }
    member
        .assessment
        .phien_sau
        .map(|sitting| (votes, sitting.so_bieu_quyet))
}

/// The outcome of one vote: the votes, how many could vote, and the level adopted.
#[derive(Debug, Clone, Copy)]
pub struct Outcome {
    /// The votes cast for each level.
    pub votes: Votes,
    /// The full members present.
    pub voters: u32,
    /// The level adopted, when one has a majority.
    pub adopted: Option<Rating>,
}

impl Outcome {
    /// The outcome of `votes` among `voters`, counted as `readings` say.
    pub fn of(votes: Votes, voters: u32, readings: &Readings) -> Outcome {
        Outcome {
            votes,
            voters,
            adopted: readings.adopted(votes, voters),
        }
    }
}

/// The share of `voters` that `votes` make, with one decimal and a decimal comma: "83,3%";
/// a dash when nobody could vote.
pub fn share_vi(votes: u32, voters: u32) -> String {
    if voters == 0 {
        return "—".to_string();
    }
    let tenths = (u64::from(votes) * 1000 + u64::from(voters) / 2) / u64::from(voters);
    match tenths % 10 {
        0 => format!("{}%", tenths / 10),
        tenth => format!("{},{tenth}%", tenths / 10),
    }
}

/// One row of the tally: the collective or one member, what it proposed, the votes and the
/// level adopted.
#[derive(Debug, Clone, Serialize)]
pub struct TallyRow {
    /// "Tập thể chi ủy" or the member's name.
    pub subject: String,
    /// The level the subject proposed for itself, as printed.
    pub proposed: Option<&'static str>,
    /// The same, abbreviated: "HTTNV".
    pub proposed_abbreviation: Option<&'static str>,
    /// The points it gave itself (2025), as printed: "89,5".
    pub points: Option<String>,
    /// Whether the meeting voted on it.
    pub voted: bool,
    /// The votes for each level, best first.
    pub votes: [u32; 4],
    /// Each count as a share of the full members present, best first.
    pub shares: [String; 4],
    /// The level adopted, as printed, when one has a majority.
    pub adopted: Option<&'static str>,
    /// The same, abbreviated.
    pub adopted_abbreviation: Option<&'static str>,
    /// The chair's conclusion on it.
    pub conclusion: Option<String>,
    /// Whether the member was away from the meeting: rated later, at the earliest.
    pub absent: bool,
    /// For a member away from the meeting, the day of the later sitting that rated them, as
    /// printed ("ngày 15 tháng 12 năm 2026"), and how many full members voted at it.
    pub later: Option<LaterRating>,
}

/// The later sitting that rated a member away from the meeting, as the minutes print it.
#[derive(Debug, Clone, Serialize)]
pub struct LaterRating {
    /// "ngày 15 tháng 12 năm 2026".
    pub date: String,
    /// "15/12/2026".
    pub short: String,
    /// The full members who voted at it.
    pub voters: u32,
}

/// Everything the minutes and the tally print about the meeting, computed from the data.
#[derive(Debug, Clone, Serialize)]
pub struct Tally {
    /// Every member of the unit.
    pub members: usize,
    /// Full members.
    pub full: usize,
    /// Probationary members.
    pub probationary: usize,
    /// Members present.
    pub present: usize,
    /// Full members present: the voters.
    pub voters: u32,
    /// Probationary members present.
    pub probationary_present: u32,
    /// Each member away, "Name (reason)".
    pub absent: Vec<String>,
    /// The chair, "Name, post".
    pub chair: Option<String>,
    /// The minute-taker, "Name, post".
    pub minute_taker: Option<String>,
    /// The voting method, as the minutes write it.
    pub method: Option<&'static str>,
    /// Whether the data records the meeting at all (its chair, minute-taker, hours, absences or
    /// any vote); until it does, the minutes leave attendance to be written by hand.
    pub recorded: bool,
    /// The collective first, then each reviewed member.
    pub rows: Vec<TallyRow>,
}

impl Tally {
    /// The tally of `dossier`'s meeting.
    pub fn of(dossier: &Dossier) -> Tally {
        let attendance = attendance(dossier);
        let voters = attendance.voters;
        let row = |subject: String,
                   proposed: Option<Rating>,
                   points: Option<String>,
                   votes: Option<Votes>,
                   conclusion: Option<&Text>,
                   voters: u32| {
            let counts = votes.unwrap_or_default();
            let adopted = votes.and_then(|v| Outcome::of(v, voters, &dossier.readings).adopted);
            let by_level = Rating::ALL.map(|rating| counts.for_rating(rating));
            TallyRow {
                subject,
                proposed: proposed.map(Rating::label_vi),
                proposed_abbreviation: proposed.map(Rating::abbreviation),
                points,
                voted: votes.is_some(),
                votes: by_level,
                shares: by_level.map(|count| share_vi(count, voters)),
                adopted: adopted.map(Rating::label_vi),
                adopted_abbreviation: adopted.map(Rating::abbreviation),
                conclusion: conclusion.map(|text| text.to_string()),
                absent: false,
                later: None,
            }
        };
        let collective = &dossier.collective;
        let mut rows = vec![row(
            format!(
                "Tập thể {}",
                dossier.organisation.signing_organ().to_lowercase()
            ),
            collective.de_xuat,
            collective.diem.total().map(|points| points.to_string()),
            collective.danh_gia.phieu,
            collective.danh_gia.ket_luan.as_ref(),
            voters,
        )];
        for member in dossier.members.iter().filter(|m| dossier.reviews(m)) {
            // A member away from the meeting has no vote of it: their votes are those of the
            // later sitting that rated them, if the data records one.
            let absent = dossier.is_absent(member);
            let later = member.assessment.phien_sau.filter(|_| absent);
            let counted = member_votes(dossier, member, voters);
            let (votes, member_voters) =
                (counted.map(|(v, _)| v), counted.map_or(voters, |(_, n)| n));
            let mut member_row = row(
                member.name.to_string(),
                member.self_review.tu_xep_loai_dang_vien,
                member
                    .self_review
                    .diem
                    .total()
                    .map(|points| points.to_string()),
                votes,
                member
                    .assessment
                    .ket_luan
                    .as_ref()
                    .filter(|_| !absent || later.is_some()),
                member_voters,
            );
            member_row.absent = absent;
            member_row.later = later.map(|sitting| LaterRating {
                date: sitting.ngay.long_vi(),
                short: sitting.ngay.short_vi(),
                voters: sitting.so_bieu_quyet,
            });
            rows.push(member_row);
        }
        let named = |id: &Option<serde_saphyr::Spanned<String>>| {
            let member = dossier.member(&id.as_ref()?.value)?;
            let post = member
                .party_post
                .as_ref()
                .or(member.government_post.as_ref());
            // Hướng dẫn 16-HD/VPTW names the chair and the minute-taker with their posts; a
            // member without one is named as what they are in the Party.
            let post = match post {
                Some(post) => post.to_string(),
                None if member.probationary => "đảng viên dự bị".to_string(),
                None => "đảng viên".to_string(),
            };
            Some(format!("{}, {post}", member.name))
        };
        Tally {
            members: attendance.members,
            full: attendance.full,
            probationary: attendance.members - attendance.full,
            present: attendance.present(),
            voters,
            probationary_present: attendance.probationary_present,
            absent: attendance
                .absent
                .iter()
                .map(|(member, reason)| match reason {
                    Some(reason) => format!("{} ({reason})", member.name),
                    None => member.name.to_string(),
                })
                .collect(),
            chair: named(&dossier.meeting.chair),
            minute_taker: named(&dossier.meeting.secretary),
            method: dossier.meeting.voting.map(|m| m.label_vi()),
            recorded: is_recorded(dossier),
            rows,
        }
    }
}

/// Whether the data says anything the meeting decided or who took part in it.
fn is_recorded(dossier: &Dossier) -> bool {
    let meeting = &dossier.meeting;
    meeting.chair.is_some()
        || meeting.secretary.is_some()
        || meeting.opened.is_some()
        || !meeting.absent.is_empty()
        || !meeting.guests.is_empty()
        || !meeting.proceedings.is_empty()
        || dossier.collective.danh_gia.phieu.is_some()
        || dossier.members.iter().any(|m| m.assessment.phieu.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_have_one_decimal_and_a_comma() {
        assert_eq!(share_vi(5, 6), "83,3%");
        assert_eq!(share_vi(6, 6), "100%");
        assert_eq!(share_vi(1, 3), "33,3%");
        assert_eq!(share_vi(2, 3), "66,7%");
        assert_eq!(share_vi(0, 0), "—");
    }
}
