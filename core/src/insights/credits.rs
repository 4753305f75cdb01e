//! A post's list of credited inquiries with their weights, worked out when it is read.
//!
//! A dense report credits millions of (inquiry, post) pairs: 50,000 posts over ten years make
//! 7.4 million. The attribution pass does not write them out; it keeps what weighs any pair
//! (each shared inquiry's window and share rule, the posts' decay, the inquiries credited
//! whole), O(P + I) in all, and a post's list is that post's pairs, weighed as they are read,
//! with the very floats the post's sums were made of. Reading a list costs O(log I) to find it
//! plus one step per entry; `report --json` reads them all as it prints them, the insights
//! view one at a time.

use std::fmt;
use std::sync::Arc;

use serde::{Serialize, Serializer};

use super::engine::{run_of, Decay, Shared, Weigh, Whole};
use super::report::InquiryCredit;
use super::settings::AttributionModel;

/// What every post's list is worked out from: the outcome of one attribution pass.
#[derive(Debug, Default)]
pub(crate) struct CreditSource {
    model: AttributionModel,
    decay: Decay,
    /// The inquiries shared over their window, in time order.
    shared: Vec<Shared>,
    /// The inquiries credited whole to one post, by post position, then in time order.
    whole: Vec<Whole>,
}

impl CreditSource {
    pub(super) fn new(
        model: AttributionModel,
        decay: Decay,
        shared: Vec<Shared>,
        whole: Vec<Whole>,
    ) -> CreditSource {
        CreditSource {
            model,
            decay,
            shared,
            whole,
        }
    }

    /// The credits of the post at position `pos` in time order, in the order they came in.
    fn credits(&self, pos: usize, len: usize) -> Credits<'_> {
        let run = run_of(&self.shared, pos);
        let first = self.whole.partition_point(|w| w.pos < pos);
        let wholes = self.whole.get(first..).unwrap_or(&[]);
        let wholes = &wholes[..wholes.partition_point(|w| w.pos == pos)];
        Credits {
            inner: Inner::Worked {
                weigh: Weigh {
                    model: self.model,
                    decay: &self.decay,
                },
                pos,
                run: self.shared.get(run).unwrap_or(&[]),
                wholes,
            },
            left: len,
        }
    }
}

/// A post's list of credited inquiries ([`super::PostInsight::inquiries`]), in the order they
/// came in, serialised as a plain list of [`InquiryCredit`].
#[derive(Clone, Default)]
pub struct CreditList(Kind);

#[derive(Clone, Default)]
enum Kind {
    /// No credit (which then takes no allocation and no shared count).
    #[default]
    Empty,
    /// The list of the post at `pos` in an attribution pass, `len` long.
    Worked {
        source: Arc<CreditSource>,
        pos: usize,
        len: usize,
    },
    /// A list given as it is.
    Plain(Arc<[InquiryCredit]>),
}

impl CreditList {
    /// The list of the post at position `pos` of the pass `source`, which credits it `len`
    /// inquiries.
    pub(crate) fn worked(source: &Arc<CreditSource>, pos: usize, len: usize) -> CreditList {
        if len == 0 {
            return CreditList::default();
        }
        CreditList(Kind::Worked {
            source: Arc::clone(source),
            pos,
            len,
        })
    }

    pub fn len(&self) -> usize {
        match &self.0 {
            Kind::Empty => 0,
            Kind::Worked { len, .. } => *len,
            Kind::Plain(list) => list.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, k: usize) -> Option<InquiryCredit> {
        self.iter().nth(k)
    }

    pub fn iter(&self) -> Credits<'_> {
        match &self.0 {
            Kind::Empty => Credits {
                inner: Inner::Plain([].iter()),
                left: 0,
            },
            Kind::Worked { source, pos, len } => source.credits(*pos, *len),
            Kind::Plain(list) => Credits {
                inner: Inner::Plain(list.iter()),
                left: list.len(),
            },
        }
    }

    pub fn to_vec(&self) -> Vec<InquiryCredit> {
        self.iter().collect()
    }
}

impl From<Vec<InquiryCredit>> for CreditList {
    fn from(credits: Vec<InquiryCredit>) -> Self {
        if credits.is_empty() {
            return CreditList::default();
        }
        CreditList(Kind::Plain(credits.into()))
    }
}

/// The credits of a [`CreditList`], by value.
pub struct Credits<'a> {
    inner: Inner<'a>,
    /// How many are still to come.
    left: usize,
}

enum Inner<'a> {
    Plain(std::slice::Iter<'a, InquiryCredit>),
    /// The shared inquiries whose window holds the post, and the inquiries credited whole to
    /// it, both in time order: merged as they go.
    Worked {
        weigh: Weigh<'a>,
        pos: usize,
        run: &'a [Shared],
        wholes: &'a [Whole],
    },
}

impl Iterator for Credits<'_> {
    type Item = InquiryCredit;

    fn next(&mut self) -> Option<InquiryCredit> {
        let next = match &mut self.inner {
            Inner::Plain(list) => list.next().copied(),
            Inner::Worked {
                weigh,
                pos,
                run,
                wholes,
            } => loop {
                let shared_first = match (run.first(), wholes.first()) {
                    (Some(s), Some(w)) => s.order < w.order,
                    (Some(_), None) => true,
                    (None, Some(_)) => false,
                    (None, None) => break None,
                };
                if shared_first {
                    let s = &run[0];
                    *run = &run[1..];
                    let weight = weigh.weight(s.share, s.lo, s.hi, *pos);
                    // A pair that weighs nothing (time decay underflowing) is no credit.
                    if weight > 0.0 {
                        break Some(InquiryCredit { id: s.id, weight });
                    }
                } else {
                    let w = &wholes[0];
                    *wholes = &wholes[1..];
                    break Some(InquiryCredit {
                        id: w.id,
                        weight: 1.0,
                    });
                }
            },
        };
        if next.is_some() {
            self.left = self.left.saturating_sub(1);
        }
        next
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Credits<'_> {}

impl<'a> IntoIterator for &'a CreditList {
    type Item = InquiryCredit;
    type IntoIter = Credits<'a>;

    fn into_iter(self) -> Credits<'a> {
        self.iter()
    }
}

impl PartialEq for CreditList {
    /// The same credits in the same order, however they are kept.
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl fmt::Debug for CreditList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for CreditList {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credit(id: i64, weight: f64) -> InquiryCredit {
        InquiryCredit { id, weight }
    }

    #[test]
    fn a_credit_list_serialises_as_the_plain_list() {
        let plain = vec![credit(3, 0.25), credit(9, 1.0), credit(-1, 1e-300)];
        let list = CreditList::from(plain.clone());
        assert_eq!(
            serde_json::to_string(&list).ok(),
            serde_json::to_string(&plain).ok()
        );
        assert_eq!(list.len(), 3);
        assert_eq!(list.iter().len(), 3);
        assert_eq!(list.to_vec(), plain);
        assert_eq!(list.get(1), Some(credit(9, 1.0)));
        assert_eq!(list.get(3), None);
        assert_eq!(format!("{list:?}"), format!("{plain:?}"));
        let empty = CreditList::default();
        assert!(empty.is_empty());
        assert_eq!(empty, CreditList::from(Vec::new()));
        assert_eq!(serde_json::to_string(&empty).ok().as_deref(), Some("[]"));
        assert_ne!(list, empty);
        assert_ne!(list, CreditList::from(plain[..2].to_vec()));
    }
}
