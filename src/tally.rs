//! The meeting's arithmetic: who was there, who could vote, and the level a count of votes
//! adopts. Computed from the data, never typed, so the minutes and the rules read the same numbers.

use crate::dossier::{Dossier, Member, Rating, Text, Votes};

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
    /// The outcome of `votes` among `voters`.
    pub fn of(votes: Votes, voters: u32) -> Outcome {
        Outcome {
            votes,
            voters,
            adopted: votes.adopted(voters),
        }
    }
}
